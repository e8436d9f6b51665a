"""The quiz results and grading queue pages of the trainers' follow-up (followup_views.py):
for a cohort, the person must also follow its course, since grading is for its trainers."""

import pytest
from django.urls import reverse

from tests.courses.helpers import denied
from tests.factories.users import administrator

pytestmark = pytest.mark.django_db

COHORT_PAGES = ("quiz_follow_up:cohort_results", "quiz_follow_up:cohort_grading")


def grade_link(attempt) -> str:
    return reverse("quizzes:grade_attempt", args=[attempt.pk])


@pytest.mark.parametrize("name", COHORT_PAGES)
def test_a_cohort_trainer_who_does_not_teach_the_course_is_refused_its_quiz_pages(
    client, follow_up, name
):
    client.force_login(follow_up.cohort_trainer)
    assert denied(client.get(reverse(name, args=[follow_up.cohort.pk])))


@pytest.mark.parametrize("name", COHORT_PAGES)
def test_the_course_trainer_and_an_administrator_open_a_cohorts_quiz_pages(client, follow_up, name):
    for person in (follow_up.course_trainer, administrator()):
        client.force_login(person)
        assert client.get(reverse(name, args=[follow_up.cohort.pk])).status_code == 200


def test_the_grading_queue_of_a_cohort_links_to_its_members_essays_only(client, follow_up):
    client.force_login(follow_up.course_trainer)
    content = client.get(
        reverse("quiz_follow_up:cohort_grading", args=[follow_up.cohort.pk])
    ).content.decode()
    amina, badr, elias = follow_up.waiting
    assert grade_link(amina) in content and grade_link(badr) in content
    assert grade_link(elias) not in content
    assert content.index(grade_link(amina)) < content.index(grade_link(badr))


def test_the_results_index_lists_the_followed_quizzes_with_links_to_their_results(
    client, follow_up
):
    client.force_login(follow_up.course_trainer)
    content = client.get(reverse("quiz_follow_up:results")).content.decode()
    assert reverse("quizzes:results", args=[follow_up.essay_quiz.pk]) in content
    assert reverse("quizzes:results", args=[follow_up.other_quiz.pk]) not in content


def test_another_courses_pages_are_refused_and_an_unknown_one_is_not_found(client, follow_up):
    client.force_login(follow_up.other_trainer)
    course = follow_up.tree.course.pk
    assert denied(client.get(reverse("quiz_follow_up:course_results", args=[course])))
    assert denied(client.get(reverse("quiz_follow_up:course_grading", args=[course])))
    assert (
        client.get(
            reverse("quiz_follow_up:course_grading", args=[99999999]), follow=True
        ).status_code
        == 404
    )
