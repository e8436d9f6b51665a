"""Who may start an attempt, and when a learner's attempts are over (rules.py), on unsaved quiz
pages. A new page reads its content type, which Django caches per process; a test that migrates
(tests/certificates/test_migrations.py) empties that cache, hence the database mark."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.quizzes.errors import QuizError
from courses.quizzes.models import QuizPage
from courses.quizzes.rules import attempts_left, attempts_over, check_start

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def quiz(**fields) -> QuizPage:
    return QuizPage(title="Quiz", **fields)


def test_an_enrolled_learner_with_attempts_left_may_start_an_open_quiz():
    decision = check_start(quiz=quiz(attempts_allowed=2), enrolled=True, attempts_used=1, now=NOW)
    assert decision.ok and decision.code == "" and decision.reason == ""


@pytest.mark.parametrize(
    ("fields", "enrolled", "used", "code"),
    [
        ({"live": False}, True, 0, QuizError.NOT_PUBLISHED),
        ({}, False, 0, QuizError.NOT_ENROLLED),
        ({"opens_at": NOW + timedelta(minutes=1)}, True, 0, QuizError.NOT_OPEN_YET),
        ({"closes_at": NOW}, True, 0, QuizError.CLOSED),
        ({"attempts_allowed": 2}, True, 2, QuizError.NO_ATTEMPTS_LEFT),
    ],
)
def test_a_start_is_refused_with_the_reason_that_applies(fields, enrolled, used, code):
    decision = check_start(quiz=quiz(**fields), enrolled=enrolled, attempts_used=used, now=NOW)
    assert not decision.ok and decision.code == code
    assert decision.reason == str(QuizError.MESSAGES[code])


def test_an_unpublished_quiz_is_refused_before_anything_else_is_asked():
    closed_draft = quiz(live=False, closes_at=NOW - timedelta(days=1))
    assert check_start(quiz=closed_draft, enrolled=False, attempts_used=9, now=NOW).code == (
        QuizError.NOT_PUBLISHED
    )


def test_no_limit_on_attempts_means_any_number_may_start():
    assert check_start(quiz=quiz(attempts_allowed=0), enrolled=True, attempts_used=50, now=NOW).ok


def test_attempts_left_counts_down_to_zero_and_is_none_without_a_limit():
    assert attempts_left(quiz=quiz(attempts_allowed=3), attempts_used=1) == 2
    assert attempts_left(quiz=quiz(attempts_allowed=3), attempts_used=5) == 0
    assert attempts_left(quiz=quiz(attempts_allowed=0), attempts_used=5) is None


def test_attempts_are_over_once_every_attempt_is_used_and_none_is_in_progress():
    limited = quiz(attempts_allowed=2)
    assert not attempts_over(quiz=limited, attempts_used=1, in_progress=False, now=NOW)
    assert not attempts_over(quiz=limited, attempts_used=2, in_progress=True, now=NOW)
    assert attempts_over(quiz=limited, attempts_used=2, in_progress=False, now=NOW)
    assert not attempts_over(quiz=quiz(attempts_allowed=0), attempts_used=9, in_progress=False)


def test_attempts_are_over_when_the_quiz_has_closed_whatever_is_left():
    closed = quiz(attempts_allowed=0, closes_at=NOW - timedelta(seconds=1))
    assert attempts_over(quiz=closed, attempts_used=0, in_progress=True, now=NOW)
