"""The reads of the trainers' follow-up for quizzes (followup.py): the quizzes of the courses a
person follows, with their counts, and the essays waiting for a grade, oldest first."""

import pytest
from django.utils import translation

from courses.quizzes.followup import followed_quizzes, grading_queue
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.django_db


def test_a_trainer_sees_the_quizzes_of_their_course_in_outline_order_with_their_counts(
    follow_up,
):
    quizzes = followed_quizzes(follow_up.course_trainer)

    assert [q.pk for q in quizzes] == [follow_up.quiz.pk, follow_up.essay_quiz.pk]
    # An attempt in progress is not counted; the essays count as attempts and as waiting.
    assert [(q.attempt_count, q.waiting_count) for q in quizzes] == [(1, 0), (3, 3)]
    assert [str(q.display_title) for q in quizzes] == ["Quiz final", "Analyse"]


def test_an_administrator_sees_the_quizzes_of_every_course(follow_up):
    found = {q.pk for q in followed_quizzes(administrator())}
    assert {follow_up.quiz.pk, follow_up.essay_quiz.pk, follow_up.other_quiz.pk} <= found


def test_the_quizzes_of_one_course_only_when_a_course_is_given(follow_up):
    quizzes = followed_quizzes(follow_up.course_trainer, course=follow_up.other_tree.course)
    assert [q.pk for q in quizzes] == [follow_up.other_quiz.pk]


def test_a_person_who_follows_no_course_has_no_quiz_and_no_queue(follow_up):
    for person in (learner(), follow_up.cohort_trainer):
        assert followed_quizzes(person) == []
        assert grading_queue(person) == []


def test_the_queue_holds_the_essays_waiting_in_the_followed_courses_oldest_first(follow_up):
    queue = grading_queue(follow_up.course_trainer)

    assert [a.pk for a in queue] == [a.pk for a in follow_up.waiting]
    with translation.override("fr"):
        assert {str(a.quiz.display_title) for a in queue} == {"Analyse"}
    assert [a.quiz_id for a in grading_queue(follow_up.other_trainer)] == [follow_up.other_quiz.pk]


def test_the_queue_of_a_cohort_holds_only_its_members_essays(follow_up):
    queue = grading_queue(follow_up.course_trainer, cohort=follow_up.cohort)
    assert [a.pk for a in queue] == [a.pk for a in follow_up.waiting[:2]]
    assert {a.learner.full_name_latin for a in queue} == {"Amina", "Badr"}


def test_the_queue_of_a_course_holds_only_that_courses_essays(follow_up):
    queue = grading_queue(follow_up.course_trainer, course=follow_up.other_tree.course)
    assert [a.quiz_id for a in queue] == [follow_up.other_quiz.pk]


def test_a_graded_essay_leaves_the_queue(follow_up):
    from courses.quizzes import services

    first = follow_up.waiting[0]
    key = first.snapshot[0]["key"]
    services.grade_essay(attempt=first, question_key=key, points=2, by=follow_up.course_trainer)
    queue = grading_queue(follow_up.course_trainer)
    assert [a.pk for a in queue] == [a.pk for a in follow_up.waiting[1:]]
