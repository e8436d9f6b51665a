"""The quiz models (models.py): what questions, categories and quiz pages accept, when a quiz
counts as passed, and the quiz page as learners and visitors see it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from courses import services as course_services
from courses.quizzes import services
from courses.quizzes.models import (
    Attempt,
    AttemptState,
    GradingMethod,
    Question,
    QuestionCategory,
    QuizPage,
    QuizQuestion,
    ReviewTiming,
)
from tests.courses.quizzes.helpers import keys, simple_quiz
from tests.factories import quizzes as quiz_factory
from tests.factories.courses import build_course
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


# --- questions and categories of the bank -----------------------------------------------------


def test_a_question_that_cannot_be_graded_is_refused(site):
    course = build_course(modules=1, lessons_per_module=1).course
    question = Question(course=course, kind="single", text="?", data={"choices": [{"id": "a"}]})
    with pytest.raises(ValidationError) as refused:
        question.full_clean()
    assert "data" in refused.value.message_dict


def test_a_used_question_or_category_cannot_move_to_another_course(bank):
    both = bank["own"]
    bank["theirs"].course.trainers.add(both)
    bank["theirs"].course.save()
    target = bank["mine"].course
    used = Question.objects.get(pk=bank["their_question"].pk)
    used.course, used.category = target, None
    with pytest.raises(ValidationError) as refused:
        used.full_clean()
    assert "course" in refused.value.message_dict
    category = QuestionCategory.objects.get(pk=bank["their_category"].pk)
    category.course = target
    with pytest.raises(ValidationError) as holds:
        category.full_clean()
    assert "course" in holds.value.message_dict
    free = quiz_factory.question(course=bank["theirs"].course)
    free.course = target
    free.full_clean()
    empty = quiz_factory.category(course=bank["theirs"].course)
    empty.course = target
    empty.full_clean()


def test_a_question_kept_by_attempts_cannot_move_even_once_out_of_the_quiz(bank):
    theirs = bank["theirs"]
    question = quiz_factory.question(course=theirs.course)
    quiz = quiz_factory.quiz(module=theirs.modules[0], questions=[question])
    person = learner()

    course_services.enrol(learner=person, course=theirs.course)
    services.submit_attempt(attempt=services.start_attempt(learner=person, quiz=quiz))
    QuizQuestion.objects.filter(question=question).delete()
    question.course = bank["mine"].course
    with pytest.raises(ValidationError):
        question.full_clean()


# --- quiz pages: settings and passing ---------------------------------------------------------


@pytest.mark.parametrize("attempts_allowed", [3, 0])
def test_right_answers_after_each_attempt_are_refused_when_learners_may_try_again(attempts_allowed):
    quiz = QuizPage(
        title="Quiz", attempts_allowed=attempts_allowed, review_answers=ReviewTiming.AFTER_ATTEMPT
    )
    with pytest.raises(ValidationError) as refused:
        quiz.clean()
    assert "review_answers" in refused.value.message_dict
    with translation.override("en"):
        assert "last attempt" in refused.value.message_dict["review_answers"][0]
    for timing in (ReviewTiming.AFTER_LAST_ATTEMPT, ReviewTiming.AFTER_CLOSE, ReviewTiming.NEVER):
        QuizPage(title="Quiz", attempts_allowed=attempts_allowed, review_answers=timing).clean()
    QuizPage(title="Quiz", attempts_allowed=1, review_answers=ReviewTiming.AFTER_ATTEMPT).clean()


@pytest.mark.parametrize(
    ("method", "expected"),
    [(GradingMethod.HIGHEST, True), (GradingMethod.LAST, False), (GradingMethod.AVERAGE, False)],
)
def test_passing_follows_the_grading_method(tree, person, method, expected):
    quiz = simple_quiz(tree, grading_method=method, pass_mark=60, attempts_allowed=0)
    right_then_wrong = [
        {"single": "a", "true_false": "true"},
        {"single": "b", "true_false": "false"},
    ]
    for answers in right_then_wrong:
        attempt = services.start_attempt(learner=person, quiz=quiz)
        k = keys(attempt)
        services.submit_attempt(
            attempt=attempt, answers={k[kind]: v for kind, v in answers.items()}, version=0
        )
    done = QuizPage.completed_page_ids(learner=person, page_ids=[quiz.pk])
    assert (quiz.pk in done) is expected


# --- the quiz page served to learners and visitors --------------------------------------------


def test_quiz_page_shows_attempts_left_and_a_start_button(client, person, quiz):
    response = client.get(quiz.url)
    assert response.status_code == 200
    assert b'id="start-attempt"' in response.content
    assert b'data-testid="attempts-left">3<' in response.content


def test_anonymous_visitors_see_the_quiz_page_without_a_start_button(client, quiz):
    response = client.get(quiz.url)
    assert response.status_code == 200 and b'id="start-attempt"' not in response.content


def test_the_course_outline_lists_the_quiz(client, person, quiz, tree):
    response = client.get(tree.course.url)
    assert quiz.url.encode() in response.content


# --- the quiz's calendar -----------------------------------------------------------------------


def test_a_quiz_is_open_from_its_opening_until_its_closing_time():
    now = timezone.now()
    quiz = QuizPage(title="Quiz", opens_at=now, closes_at=now + timedelta(hours=1))
    assert not quiz.is_open(now - timedelta(seconds=1)) and quiz.is_open(now)
    assert not quiz.is_open(now + timedelta(hours=1)) and quiz.is_closed(now + timedelta(hours=1))
    assert QuizPage(title="Quiz").is_open(now) and not QuizPage(title="Quiz").is_closed(now)


def test_an_attempts_deadline_is_the_earlier_of_its_time_limit_and_the_closing_time():
    now = timezone.now()
    quiz = QuizPage(title="Quiz", time_limit_minutes=30, closes_at=now + timedelta(hours=1))
    assert quiz.deadline_for(now) == now + timedelta(minutes=30)
    assert quiz.deadline_for(now + timedelta(minutes=45)) == now + timedelta(hours=1)
    assert QuizPage(title="Quiz").deadline_for(now) is None


def test_a_quiz_that_closes_before_it_opens_or_draws_from_no_category_is_refused():
    now = timezone.now()
    for fields, field in (
        ({"opens_at": now, "closes_at": now}, "closes_at"),
        ({"random_count": 2}, "random_category"),
    ):
        with pytest.raises(ValidationError) as refused:
            QuizPage(title="Quiz", review_answers=ReviewTiming.AFTER_CLOSE, **fields).clean()
        assert field in refused.value.message_dict


# --- the trainers' grid ------------------------------------------------------------------------


def test_the_grid_says_passed_waiting_or_started_with_the_grade_so_far(follow_up):
    from courses.api import DONE, STARTED, WAITING

    amina = follow_up.waiting[0].learner_id
    chama = Attempt.objects.get(state=AttemptState.IN_PROGRESS).learner_id
    quizzes = [follow_up.quiz.pk, follow_up.essay_quiz.pk]
    cells = QuizPage.follow_up_cells(learner_ids=[amina, chama], page_ids=quizzes)
    assert {pair: (cell.state, cell.percent) for pair, cell in cells.items()} == {
        (amina, follow_up.quiz.pk): (DONE, 100.0),
        (amina, follow_up.essay_quiz.pk): (WAITING, None),
        (chama, follow_up.quiz.pk): (STARTED, None),
    }
    assert all(cell.at is not None for cell in cells.values())
    assert QuizPage.follow_up_cells(learner_ids=[], page_ids=quizzes) == {}
