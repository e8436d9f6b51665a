"""When learners see the right answers: never while they may make another attempt."""

from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from courses.quizzes import services
from courses.quizzes.models import GradingMethod, QuizPage, ReviewTiming
from demo.quiz import seed_demo_quiz
from tests.factories import quizzes as quiz_factory

pytestmark = pytest.mark.django_db

RIGHT = "2014"  # the right choice's text in the factory's single-choice question


def wrong_attempt(person, quiz):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    return services.submit_attempt(attempt=attempt, answers={attempt.snapshot[0]["key"]: "b"})


def review_page(client, attempt) -> str:
    with translation.override("fr"):
        return unescape(client.get(reverse("quizzes:review", args=[attempt.pk])).content.decode())


def test_after_the_last_attempt_answers_and_feedback_show_only_once_every_attempt_is_used(
    client, tree, person
):
    feedback = "Revoyez le module 1."
    question = quiz_factory.question(course=tree.course, kind="single", feedback_wrong=feedback)
    quiz = quiz_factory.quiz(
        module=tree.modules[0],
        questions=[question],
        attempts_allowed=2,
        review_answers=ReviewTiming.AFTER_LAST_ATTEMPT,
        review_feedback=ReviewTiming.AFTER_LAST_ATTEMPT,
    )
    first = wrong_attempt(person, quiz)
    assert RIGHT not in review_page(client, first) and feedback not in review_page(client, first)
    services.start_attempt(learner=person, quiz=quiz)
    assert RIGHT not in review_page(client, first) and feedback not in review_page(client, first)
    second = wrong_attempt(person, quiz)
    for attempt in (first, second):
        page = review_page(client, attempt)
        assert RIGHT in page and feedback in page


def test_a_quiz_saved_before_the_rule_hides_right_answers_while_the_learner_may_try_again(
    client, tree, person
):
    question = quiz_factory.question(course=tree.course, kind="single")
    quiz = quiz_factory.quiz(module=tree.modules[0], questions=[question], attempts_allowed=2)
    QuizPage.objects.filter(pk=quiz.pk).update(review_answers=ReviewTiming.AFTER_ATTEMPT)
    first = wrong_attempt(person, quiz)
    assert RIGHT not in review_page(client, first)
    wrong_attempt(person, quiz)
    assert RIGHT in review_page(client, first)


def test_the_demo_quiz_keeps_right_answers_and_feedback_until_the_last_of_its_attempts(
    client, tree, person
):
    quiz = seed_demo_quiz(course=tree.course)
    assert quiz.attempts_allowed == 3 and quiz.grading_method == GradingMethod.HIGHEST
    quiz.clean()
    assert quiz.review_answers == ReviewTiming.AFTER_LAST_ATTEMPT
    right_choice = "La Stratégie nationale en faveur des Marocains résidant à l'étranger (SNMRE)"
    feedback = "La SNIA concerne les migrants et réfugiés au Maroc"
    first = services.submit_attempt(attempt=services.start_attempt(learner=person, quiz=quiz))
    page = review_page(client, first)
    assert 'data-testid="attempt-score"' in page
    assert right_choice not in page and feedback not in page
    for _ in range(2):
        services.submit_attempt(attempt=services.start_attempt(learner=person, quiz=quiz))
    page = review_page(client, first)
    assert right_choice in page and feedback in page
