"""Who may see what in the follow-up: a trainer sees their own cohorts and the courses they
teach; another course's trainer is refused with any id that is not theirs; a learner gets
nothing; an administrator sees everything."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses.followup import followed_cohorts
from courses.followup_services import ACTION_COHORT_MESSAGE
from courses.models import Cohort
from courses.quizzes.models import Attempt
from tests.courses.helpers import denied
from tests.factories.courses import build_course
from tests.factories.users import learner, trainer

pytestmark = pytest.mark.django_db

COURSE_VIEWS = [
    "follow_up:course_grid",
    "follow_up:course_stalled",
    "quiz_follow_up:course_results",
    "quiz_follow_up:course_grading",
]
COHORT_VIEWS = [
    "follow_up:cohort_grid",
    "follow_up:cohort_stalled",
    "follow_up:cohort_message",
    "quiz_follow_up:cohort_results",
    "quiz_follow_up:cohort_grading",
]
GENERAL_VIEWS = ["follow_up:index", "quiz_follow_up:results", "quiz_follow_up:grading"]


def refused(response) -> bool:
    """Wagtail sends a person without admin access to the login page."""
    return response.status_code in (302, 403)


@pytest.fixture
def stranger(site):
    """A trainer of another course, with a cohort of their own there."""
    person = trainer()
    tree = build_course(modules=1, lessons_per_module=1, trainers=[person])
    Cohort.objects.create(course=tree.course, name="Tanger 2026").trainers.add(person)
    return person


@pytest.mark.parametrize("name", COURSE_VIEWS)
def test_another_courses_trainer_is_refused_the_views_of_a_course(scenario, stranger, client, name):
    client.force_login(stranger)
    assert denied(client.get(reverse(name, args=[scenario.tree.course.pk])))


@pytest.mark.parametrize("name", COHORT_VIEWS)
def test_another_courses_trainer_is_refused_the_views_of_a_cohort(scenario, stranger, client, name):
    client.force_login(stranger)
    assert denied(client.get(reverse(name, args=[scenario.cohort.pk])))


@pytest.mark.parametrize("name", COURSE_VIEWS + COHORT_VIEWS + GENERAL_VIEWS)
def test_a_learner_gets_nothing(scenario, client, name):
    client.force_login(scenario.amina)
    args = (
        []
        if name in GENERAL_VIEWS
        else [scenario.tree.course.pk if name in COURSE_VIEWS else scenario.cohort.pk]
    )
    assert refused(client.get(reverse(name, args=args)))


@pytest.mark.parametrize("name", COURSE_VIEWS + COHORT_VIEWS)
def test_an_unknown_id_is_not_found(scenario, client, name):
    client.force_login(scenario.administrator)
    assert client.get(reverse(name, args=[999999]), follow=True).status_code == 404


@pytest.mark.parametrize("name", COURSE_VIEWS + COHORT_VIEWS)
def test_the_administrator_opens_every_view(scenario, client, name):
    client.force_login(scenario.administrator)
    pk = scenario.tree.course.pk if name in COURSE_VIEWS else scenario.cohort.pk
    assert client.get(reverse(name, args=[pk])).status_code == 200


def test_a_cohort_trainer_follows_their_cohort_but_not_another_cohort_or_the_course(
    scenario, client
):
    client.force_login(scenario.cohort_trainer)
    assert (
        client.get(reverse("follow_up:cohort_grid", args=[scenario.cohort.pk])).status_code == 200
    )
    assert denied(client.get(reverse("follow_up:cohort_grid", args=[scenario.other_cohort.pk])))
    assert denied(client.get(reverse("follow_up:course_grid", args=[scenario.tree.course.pk])))
    # Grading stays with the course's trainers.
    assert denied(client.get(reverse("quiz_follow_up:cohort_grading", args=[scenario.cohort.pk])))


def test_the_trainer_of_a_course_follows_every_cohort_of_it(scenario, client):
    client.force_login(scenario.course_trainer)
    for cohort in (scenario.cohort, scenario.other_cohort):
        assert client.get(reverse("follow_up:cohort_grid", args=[cohort.pk])).status_code == 200


def test_the_lists_show_a_trainer_only_their_cohorts_and_courses(scenario, stranger, client):
    assert set(followed_cohorts(scenario.cohort_trainer)) == {scenario.cohort}
    assert set(followed_cohorts(scenario.course_trainer)) == {
        scenario.cohort,
        scenario.other_cohort,
    }
    assert scenario.cohort not in set(followed_cohorts(stranger))
    assert set(followed_cohorts(scenario.amina)) == set()
    client.force_login(stranger)
    content = client.get(reverse("follow_up:index")).content.decode()
    assert "Tanger 2026" in content
    assert "Oujda 2026" not in content and scenario.tree.course.title not in content


def test_the_general_quiz_pages_of_another_trainer_hold_nothing_of_this_course(
    scenario, stranger, client
):
    waiting = Attempt.objects.get(learner=scenario.amina, quiz=scenario.essay_quiz)
    client.force_login(stranger)
    results = client.get(reverse("quiz_follow_up:results")).content.decode()
    grading = client.get(reverse("quiz_follow_up:grading")).content.decode()
    assert reverse("quizzes:results", args=[scenario.quiz.pk]) not in results
    assert reverse("quizzes:grade_attempt", args=[waiting.pk]) not in grading
    # The old pages, reached from here, refuse them too.
    assert client.get(reverse("quizzes:grade_attempt", args=[waiting.pk])).status_code == 403
    assert client.get(reverse("quizzes:results", args=[scenario.quiz.pk])).status_code == 403


def test_another_trainer_cannot_send_a_message_to_a_cohort(
    scenario, stranger, client, django_capture_on_commit_callbacks
):
    client.force_login(stranger)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("follow_up:cohort_message", args=[scenario.cohort.pk]),
            {"subject": "Rappel", "body": "Texte.", "confirm": "1"},
        )
    assert denied(response)
    assert mail.outbox == []
    assert not ModelLogEntry.objects.filter(action=ACTION_COHORT_MESSAGE).exists()


def test_a_learner_cannot_send_a_message_to_their_cohort(
    scenario, client, django_capture_on_commit_callbacks
):
    client.force_login(scenario.amina)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("follow_up:cohort_message", args=[scenario.cohort.pk]),
            {"subject": "Rappel", "body": "Texte.", "confirm": "1"},
        )
    assert refused(response)
    assert mail.outbox == []


def test_learners_see_no_follow_up_menu(site, client):
    client.force_login(learner())
    response = client.get(reverse("follow_up:index"))
    assert refused(response)
