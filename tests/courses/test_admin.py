import csv
import io

import pytest
from django.conf import settings
from django.contrib.messages import constants as message_levels
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext_lazy
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from courses import services
from courses.models import Cohort, CoursePage, Enrolment, LessonCompletion, LessonPage
from courses.reports import course_progress_report
from lms.accounts.models import Organisation
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, trainer, with_verified_email

pytestmark = pytest.mark.django_db


def in_admin_language(message) -> str:
    """The admin speaks the default language to users who chose none."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(message)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def refused(response) -> bool:
    """Wagtail answers a forbidden admin view with a redirect to the dashboard, or a 403."""
    return response.status_code in (302, 403)


# --- Course ownership -------------------------------------------------------------------


def test_trainer_cannot_open_the_edit_view_of_another_trainers_course(site, client):
    owner, other = trainer(), trainer()
    tree = build_course(trainers=[owner])
    client.force_login(other)
    assert refused(client.get(edit_url(tree.course)))
    assert refused(client.get(edit_url(tree.lessons[0])))


def test_trainer_can_edit_their_own_course(site, client):
    owner = trainer()
    tree = build_course(trainers=[owner])
    client.force_login(owner)
    assert client.get(edit_url(tree.course)).status_code == 200
    assert client.get(edit_url(tree.lessons[0])).status_code == 200


def test_trainer_sees_only_their_own_courses_in_the_explorer(site, client):
    owner = trainer()
    own = build_course(trainers=[owner], title="Cours du formateur")
    others = build_course(trainers=[trainer()], title="Cours du collègue")
    client.force_login(owner)
    response = client.get(reverse("wagtailadmin_explore", args=[site["fr"].pk]))
    assert response.status_code == 200
    assert own.course.title in response.content.decode()
    assert others.course.title not in response.content.decode()


def test_administrator_sees_every_course_in_the_explorer(site, client):
    first = build_course(trainers=[trainer()], title="Premier cours")
    second = build_course(trainers=[trainer()], title="Second cours")
    client.force_login(administrator())
    content = client.get(reverse("wagtailadmin_explore", args=[site["fr"].pk])).content.decode()
    assert first.course.title in content and second.course.title in content


@pytest.mark.parametrize("action", ["publish", "draft"])
def test_trainer_who_creates_a_course_becomes_its_trainer_and_publishes_it_from_the_editor(
    site, client, action
):
    """The catalogue lets a trainer create a course, as a draft: "publish" at creation only
    saves it. Once it lists them, they edit and publish it like their other courses."""
    author = trainer()
    client.force_login(author)
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", site["fr"].pk])
    form = client.get(url)
    assert form.status_code == 200
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    data.update(
        {
            "title": "Coopération Sud-Sud et mobilité",
            "slug": "cooperation-sud-sud",
            "summary": "La coopération avec la Côte d'Ivoire, le Mali et le Sénégal.",
            "duration_hours": "6",
            "enrolment_policy": "open",
            "teaching_language": "fr",
        }
    )
    if action == "publish":
        data["action-publish"] = "action-publish"
    data.setlist("trainers", [])
    data.setlist("themes", [])
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    course = CoursePage.objects.get(slug="cooperation-sud-sud")
    assert author in course.trainers.all()
    assert not course.live
    edit = client.get(edit_url(course))
    assert edit.status_code == 200
    data = querydict_from_html(edit.content.decode(), form_id="page-edit-form")
    data["action-publish"] = "action-publish"
    assert client.post(edit_url(course), data).status_code == 302
    course.refresh_from_db()
    assert course.live
    # Publishing the latest revision (again) keeps the author among the trainers.
    course.latest_revision.publish()
    assert author in CoursePage.objects.get(pk=course.pk).trainers.all()


# --- Deleting courses -------------------------------------------------------------------


def test_deleting_a_course_with_enrolments_is_refused_with_a_message(site, client):
    tree = build_course()
    services.enrol(learner=learner(), course=tree.course)
    client.force_login(administrator())
    url = reverse("wagtailadmin_pages:delete", args=[tree.course.pk])
    for response in (client.get(url, follow=True), client.post(url, follow=True)):
        errors = [m for m in response.context["messages"] if m.level == message_levels.ERROR]
        assert len(errors) == 1 and tree.course.title in str(errors[0])
    assert CoursePage.objects.filter(pk=tree.course.pk).exists()


def test_deleting_a_course_without_enrolments_is_allowed(site, client):
    tree = build_course()
    client.force_login(administrator())
    url = reverse("wagtailadmin_pages:delete", args=[tree.course.pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert not Page.objects.filter(pk=tree.course.pk).exists()


# --- Cohorts and enrolment by an administrator ------------------------------------------


def test_administrator_creates_a_cohort_for_a_course(site, client):
    tree = build_course()
    client.force_login(administrator())
    response = client.post(
        reverse("cohorts:add"),
        {"name": "Oujda 2026", "course": tree.course.pk, "starts_on": "", "ends_on": ""},
    )
    assert response.status_code == 302
    assert Cohort.objects.filter(course=tree.course, name="Oujda 2026").exists()


def test_administrator_enrols_chosen_learners_into_a_cohort_and_sees_who_was_refused(site, client):
    tree = build_course()
    cohort = Cohort.objects.create(course=tree.course, name="Salé 2026")
    newcomer, second, already = (with_verified_email(learner()) for _ in range(3))
    unverified = learner()
    services.enrol(learner=already, course=tree.course)
    admin = administrator()
    client.force_login(admin)
    response = client.post(
        reverse("enrolments:enrol"),
        {
            "course": tree.course.pk,
            "cohort": cohort.pk,
            "learners": [newcomer.pk, second.pk, already.pk, unverified.pk],
        },
    )
    assert response.status_code == 200
    enrolled = Enrolment.objects.filter(cohort=cohort)
    assert set(enrolled.values_list("learner_id", flat=True)) == {newcomer.pk, second.pk}
    assert all(e.enrolled_by_id == admin.pk for e in enrolled)
    summary = response.context["summary"]
    assert summary.already_enrolled == (already,)
    assert [refusal.learner for refusal in summary.refused] == [unverified]
    content = response.content.decode()
    assert already.email in content and unverified.email in content
    assert (
        escape(in_admin_language(gettext_lazy("The e-mail address is not confirmed."))) in content
    )


def test_administrator_enrols_every_verified_learner_of_an_organisation(site, client):
    tree = build_course(enrolment_policy="admin")
    nador = Organisation.objects.get(slug="nador")
    from_nador = [with_verified_email(learner(organisation=nador)) for _ in range(2)]
    unverified = learner(organisation=nador)
    elsewhere = with_verified_email(learner())
    client.force_login(administrator())
    client.post(reverse("enrolments:enrol"), {"course": tree.course.pk, "organisation": nador.pk})
    enrolled = set(
        Enrolment.objects.filter(course=tree.course).values_list("learner_id", flat=True)
    )
    assert enrolled == {person.pk for person in from_nador}
    assert elsewhere.pk not in enrolled and unverified.pk not in enrolled


def test_a_cohort_of_another_course_is_rejected(site, client):
    tree, other = build_course(), build_course()
    cohort = Cohort.objects.create(course=other.course, name="Tanger 2026")
    person = learner()
    client.force_login(administrator())
    response = client.post(
        reverse("enrolments:enrol"),
        {"course": tree.course.pk, "cohort": cohort.pk, "learners": [person.pk]},
    )
    assert response.status_code == 200
    assert "cohort" in response.context["form"].errors
    assert not Enrolment.objects.filter(learner=person).exists()


def test_a_trainer_cannot_enrol_learners_nor_manage_cohorts(site, client):
    tree = build_course()
    person = learner()
    client.force_login(trainer())
    response = client.post(
        reverse("enrolments:enrol"), {"course": tree.course.pk, "learners": [person.pk]}
    )
    assert refused(response)
    assert not Enrolment.objects.filter(learner=person).exists()
    assert refused(client.get(reverse("cohorts:index")))
    assert refused(client.get(reverse("enrolments:index")))


def test_enrolment_listing_filters_by_course_status_and_cohort(site, client):
    first, second = build_course(), build_course()
    cohort = Cohort.objects.create(course=first.course, name="Fès 2026")
    in_cohort = learner(email="in-cohort@example.ma")
    withdrawn = learner(email="withdrawn@example.ma")
    other_course = learner(email="other-course@example.ma")
    services.enrol(
        learner=in_cohort, course=first.course, enrolled_by=administrator(), cohort=cohort
    )
    services.enrol(learner=withdrawn, course=first.course)
    services.unenrol(learner=withdrawn, course=first.course)
    services.enrol(learner=other_course, course=second.course)
    client.force_login(administrator())
    url = reverse("enrolments:index")

    by_course = client.get(url, {"course": first.course.pk}).content.decode()
    assert in_cohort.display_name in by_course and withdrawn.display_name in by_course
    assert other_course.display_name not in by_course

    by_status = client.get(url, {"status": "withdrawn"}).content.decode()
    assert withdrawn.display_name in by_status and in_cohort.display_name not in by_status

    by_cohort = client.get(url, {"cohort": cohort.pk}).content.decode()
    assert in_cohort.display_name in by_cohort and withdrawn.display_name not in by_cohort


# --- Progress report --------------------------------------------------------------------


def enrolled_with_progress(tree, *, lessons_done: int):
    person = learner()
    services.enrol(learner=person, course=tree.course)
    for lesson in tree.lessons[:lessons_done]:
        services.complete_lesson(learner=person, lesson=lesson)
    return person


def test_progress_report_gives_each_learner_their_percent(site):
    tree = build_course(modules=2, lessons_per_module=2)
    half = enrolled_with_progress(tree, lessons_done=2)
    none = enrolled_with_progress(tree, lessons_done=0)
    report = course_progress_report(course=tree.course)
    percent = {row.learner.pk: row.progress.percent for row in report.rows}
    assert percent == {half.pk: 50, none.pk: 0}
    assert report.required_items == 4


def test_progress_report_of_the_arabic_translation_is_the_french_courses(site):
    tree = build_course(arabic=True)
    person = enrolled_with_progress(tree, lessons_done=1)
    report = course_progress_report(course=tree.course_ar)
    assert [row.learner.pk for row in report.rows] == [person.pk]


def test_progress_report_runs_a_fixed_number_of_queries(site):
    small = build_course(modules=1, lessons_per_module=2)
    large = build_course(modules=3, lessons_per_module=3)
    enrolled_with_progress(small, lessons_done=1)
    for done in range(5):
        enrolled_with_progress(large, lessons_done=done)
    with CaptureQueriesContext(connection) as few:
        course_progress_report(course=small.course)
    with CaptureQueriesContext(connection) as many:
        course_progress_report(course=large.course)
    assert len(many) == len(few)


def test_trainer_follows_the_progress_of_their_course_only(site, client):
    owner = trainer()
    own = build_course(trainers=[owner])
    others = build_course(trainers=[trainer()])
    person = enrolled_with_progress(own, lessons_done=1)
    client.force_login(owner)
    response = client.get(reverse("course_progress:report", args=[own.course.pk]))
    assert response.status_code == 200
    assert person.display_name in response.content.decode()
    assert "25 %" in response.content.decode()
    index = client.get(reverse("course_progress:index")).content.decode()
    assert own.course.title in index and others.course.title not in index
    assert refused(client.get(reverse("course_progress:report", args=[others.course.pk])))


def test_administrator_follows_every_course_and_exports_csv(site, client):
    tree = build_course()
    person = enrolled_with_progress(tree, lessons_done=2)
    client.force_login(administrator())
    response = client.get(
        reverse("course_progress:report", args=[tree.course.pk]), {"export": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][2] == person.email
    assert rows[1][8] == "50"


def test_csv_export_neutralises_formulas_in_names(site, client):
    tree = build_course()
    person = learner(full_name_latin='=HYPERLINK("http://example.com")')
    services.enrol(learner=person, course=tree.course)
    client.force_login(administrator())
    response = client.get(
        reverse("course_progress:report", args=[tree.course.pk]), {"export": "csv"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0].startswith("'=")


def test_learners_cannot_open_the_progress_report(site, client):
    tree = build_course()
    client.force_login(learner())
    assert refused(client.get(reverse("course_progress:report", args=[tree.course.pk])))


def test_bulk_deleting_a_course_with_enrolments_is_refused(site, client):
    tree = build_course()
    services.enrol(learner=learner(), course=tree.course)
    client.force_login(administrator())
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    response = client.post(f"{url}?id={tree.course.pk}", follow=True)
    # Refused by our hook, or earlier by Wagtail when its reference index knows the enrolments.
    assert response.status_code == 200
    assert CoursePage.objects.filter(pk=tree.course.pk).exists()


def test_training_admin_pages_render_for_an_administrator(site, client):
    tree = build_course()
    cohort = Cohort.objects.create(course=tree.course, name="Marrakech 2026")
    admin = administrator()
    enrolment = services.enrol(
        learner=learner(), course=tree.course, enrolled_by=admin, cohort=cohort
    )
    client.force_login(admin)
    cohorts = client.get(reverse("cohorts:index"))
    assert cohorts.status_code == 200
    assert reverse("enrolments:enrol") + f"?cohort={cohort.pk}" in cohorts.content.decode()
    prefilled = client.get(reverse("enrolments:enrol"), {"cohort": cohort.pk})
    assert prefilled.status_code == 200
    assert f'<option value="{cohort.pk}" selected>' in prefilled.content.decode()
    for url in (
        reverse("cohorts:edit", args=[cohort.pk]),
        reverse("enrolments:index"),
        reverse("enrolments:inspect", args=[enrolment.pk]),
        reverse("course_progress:index"),
        reverse("course_progress:report", args=[tree.course.pk]) + f"?cohort={cohort.pk}",
    ):
        assert client.get(url).status_code == 200, url


def test_trainers_see_the_progress_menu_but_not_cohorts_or_enrolments(site, client):
    client.force_login(trainer())
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("course_progress:index") in content
    assert reverse("cohorts:index") not in content
    assert reverse("enrolments:index") not in content


def test_deleting_a_lesson_a_learner_completed_is_refused_and_keeps_the_completion(site, client):
    tree = build_course(modules=1, lessons_per_module=2)
    person = learner()
    services.enrol(learner=person, course=tree.course)
    services.complete_lesson(learner=person, lesson=tree.lessons[0])
    services.unenrol(learner=person, course=tree.course)
    client.force_login(administrator())
    response = client.post(reverse("wagtailadmin_pages:delete", args=[tree.lessons[0].pk]))
    assert response.status_code == 302
    assert LessonPage.objects.filter(pk=tree.lessons[0].pk).exists()
    assert LessonCompletion.objects.filter(learner=person, lesson=tree.lessons[0]).exists()


def test_deleting_a_module_whose_quiz_has_attempts_is_refused_and_keeps_them(site, client):
    """Quiz attempts count among the learners' records through the quizzes app's check
    (courses/records.py), although courses imports nothing of quizzes."""
    from courses.quizzes import services as quiz_services
    from courses.quizzes.models import Attempt, QuizPage
    from tests.factories import quizzes as quiz_factory

    tree = build_course(modules=1, lessons_per_module=1)
    question = quiz_factory.question(course=tree.course, kind="true_false")
    quiz = quiz_factory.quiz(module=tree.modules[0], questions=[question])
    person = learner()
    services.enrol(learner=person, course=tree.course)
    quiz_services.start_attempt(learner=person, quiz=quiz)
    services.unenrol(learner=person, course=tree.course)
    client.force_login(administrator())
    response = client.post(reverse("wagtailadmin_pages:delete", args=[tree.modules[0].pk]))
    assert response.status_code == 302
    assert QuizPage.objects.filter(pk=quiz.pk).exists()
    assert Attempt.objects.filter(learner=person, quiz=quiz).count() == 1
