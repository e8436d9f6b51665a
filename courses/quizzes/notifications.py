"""What the quizzes app tells people by e-mail, through the outbox (lms.notifications)."""

from __future__ import annotations

from courses.api import absolute_url
from lms.notifications.api import NotificationKind, notify

from .models import Attempt


def notify_quiz_graded(*, attempt: Attempt):
    """Tell the learner their attempt is graded, once per attempt (when a trainer graded the
    last essay answer)."""

    def context(language: str) -> dict:
        return {
            "quiz": attempt.quiz.localized.title,
            "quiz_url": absolute_url(attempt.quiz),
            "number": attempt.number,
            "percent": attempt.percent,
        }

    return notify(
        recipient=attempt.learner,
        kind=NotificationKind.QUIZ_GRADED,
        key=f"quiz-graded:{attempt.pk}",
        template="quizzes/email/quiz_graded",
        context=context,
    )
