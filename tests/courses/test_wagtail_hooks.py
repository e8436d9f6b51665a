"""The Wagtail admin customisation of courses (courses/wagtail_hooks.py): authors of courses
become their trainers, courses holding learners' records cannot be deleted, the cohort and
enrolment viewsets, menus."""

from __future__ import annotations

import pytest
from django.contrib.messages import constants as message_levels
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from courses import services
from courses.models import Cohort, CoursePage, LessonCompletion, LessonPage
from courses.quizzes.models import Attempt, QuizPage
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


# --- Course authors --------------------------------------------------------------------


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


# --- Cohorts, enrolments and menus --------------------------------------------------------


def test_administrator_creates_a_cohort_for_a_course(site, client):
    tree = build_course()
    client.force_login(administrator())
    response = client.post(
        reverse("cohorts:add"),
        {"name": "Oujda 2026", "course": tree.course.pk, "starts_on": "", "ends_on": ""},
    )
    assert response.status_code == 302
    assert Cohort.objects.filter(course=tree.course, name="Oujda 2026").exists()


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


# --- The history of a cohort -----------------------------------------------------------


CSV = "email,full_name_latin,full_name_arabic,organisation\nnew@nador.ma,Nouveau Venu,وافد جديد,nador\n"


def test_the_cohorts_history_shows_the_import_and_who_made_it(cohort, client):
    from courses.services import apply_import

    admin = administrator(email="nadia.admin@ensa.ma")
    apply_import(cohort=cohort, data=CSV.encode(), by=admin)
    client.force_login(administrator())
    response = client.get(reverse("cohorts:history", args=[cohort.pk]))
    html = response.content.decode()
    with translation.override("fr"):
        label = gettext("Learners imported")
    assert response.status_code == 200
    assert label in html and "nadia.admin@ensa.ma" in html  # Wagtail names users by e-mail


# --- The follow-up menu ----------------------------------------------------------------


def test_the_follow_up_menu_holds_progress_results_and_grading(scenario, client):
    client.force_login(scenario.course_trainer)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    for name in (
        "follow_up:index",
        "course_progress:index",
        "quiz_follow_up:results",
        "quiz_follow_up:grading",
    ):
        assert reverse(name) in content, name
