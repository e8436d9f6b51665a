"""Rules that decide, returning a decision with a reason (no side effects, no writes)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from .errors import QuizError


@dataclass(frozen=True)
class StartDecision:
    ok: bool
    code: str = ""

    @property
    def reason(self) -> str:
        return str(QuizError.MESSAGES[self.code]) if self.code else ""


def check_start(*, quiz, enrolled: bool, attempts_used: int, now=None) -> StartDecision:
    """May a learner start a new attempt of `quiz` now?"""
    now = now or timezone.now()
    if not quiz.live:
        return StartDecision(False, QuizError.NOT_PUBLISHED)
    if not enrolled:
        return StartDecision(False, QuizError.NOT_ENROLLED)
    if quiz.opens_at and now < quiz.opens_at:
        return StartDecision(False, QuizError.NOT_OPEN_YET)
    if quiz.is_closed(now):
        return StartDecision(False, QuizError.CLOSED)
    if quiz.attempts_allowed and attempts_used >= quiz.attempts_allowed:
        return StartDecision(False, QuizError.NO_ATTEMPTS_LEFT)
    return StartDecision(True)


def attempts_left(*, quiz, attempts_used: int) -> int | None:
    """None when attempts are not limited."""
    if not quiz.attempts_allowed:
        return None
    return max(quiz.attempts_allowed - attempts_used, 0)


def attempts_over(*, quiz, attempts_used: int, in_progress: bool, now=None) -> bool:
    """Whether a learner may make no further attempt: the quiz is closed, or every attempt
    allowed is used and none is in progress."""
    if quiz.is_closed(now):
        return True
    return (
        bool(quiz.attempts_allowed) and attempts_used >= quiz.attempts_allowed and not in_progress
    )
