"""What the courses app holds about a learner (courses/personal_data.py): the export of their
enrolments, completed lessons and invitations, and what an erasure keeps or removes."""

import pytest

from courses import services
from courses.models import Cohort, Enrolment, Invitation, LessonCompletion
from courses.personal_data import anonymise_learner, export_learner
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(site):
    """A learner in a cohort who completed a lesson, and was invited to another cohort."""
    tree = build_course(modules=1, lessons_per_module=2, title="Accueil des réfugiés")
    cohort = Cohort.objects.create(course=tree.course, name="Oujda 2026")
    other = Cohort.objects.create(course=build_course().course, name="Fès 2026")
    someone = learner(email="amina@oujda.ma")
    services.enrol(learner=someone, course=tree.course, enrolled_by=administrator(), cohort=cohort)
    services.complete_lesson(learner=someone, lesson=tree.lessons[0])
    Invitation.objects.create(
        email="AMINA@oujda.ma", full_name_arabic="أمينة", job_title="Cheffe", cohort=other
    )
    return someone, tree


def test_the_export_lists_enrolments_completions_and_invitations_of_the_learner(person):
    someone, tree = person
    data = export_learner(someone)
    [enrolment] = data["enrolments"]
    assert (enrolment["course"], enrolment["status"], enrolment["cohort"]) == (
        "Accueil des réfugiés",
        "active",
        "Oujda 2026",
    )
    assert enrolment["withdrawn_at"] is None
    assert [c["lesson"] for c in data["lesson_completions"]] == [tree.lessons[0].title]
    [invitation] = data["invitations"]
    assert (invitation["cohort"], invitation["full_name_arabic"], invitation["job_title"]) == (
        "Fès 2026",
        "أمينة",
        "Cheffe",
    )


def test_the_export_holds_nothing_of_another_learner(person):
    assert export_learner(learner()) == {
        "enrolments": [],
        "lesson_completions": [],
        "invitations": [],
    }


def test_an_enrolment_without_a_cohort_is_exported_with_none(site):
    tree = build_course(modules=1, lessons_per_module=1)
    someone = learner()
    services.enrol(learner=someone, course=tree.course)
    assert export_learner(someone)["enrolments"][0]["cohort"] is None


def test_erasure_keeps_enrolments_and_completions_but_not_the_last_lesson_nor_invitations(
    person,
):
    someone, tree = person
    assert Enrolment.objects.get(learner=someone).last_lesson_id == tree.lessons[0].pk
    untouched = Invitation.objects.create(
        email="other@oujda.ma", cohort=Cohort.objects.get(name="Fès 2026")
    )

    anonymise_learner(someone)

    enrolment = Enrolment.objects.get(learner=someone)
    assert enrolment.last_lesson_id is None and enrolment.cohort.name == "Oujda 2026"
    assert LessonCompletion.objects.filter(learner=someone).count() == 1
    assert list(Invitation.objects.all()) == [untouched]
