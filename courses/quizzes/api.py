"""The quizzes app's public door: other apps (reports, demo) import this and nothing else of
courses.quizzes."""

from .models import (
    Attempt,
    AttemptState,
    ClosedBy,
    Question,
    QuestionCategory,
    QuizPage,
    QuizQuestion,
)

__all__ = [
    # models, for queries and for building a quiz
    "Attempt",
    "AttemptState",
    "ClosedBy",
    "Question",
    "QuestionCategory",
    "QuizPage",
    "QuizQuestion",
]
