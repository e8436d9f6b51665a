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

# The models this door still hands out, and why (tests/architecture/test_doors.py).
MODELS = (
    # the reports' aggregation (quizzes started per enrolment); the demo seed records attempts
    Attempt,
    # the demo seed builds a quiz: its page, its question bank and its questions
    QuizPage,
    Question,
    QuestionCategory,
    QuizQuestion,
)

__all__ = [
    # models (see MODELS), and the choices of an attempt's state and of who closed it
    "Attempt",
    "Question",
    "QuestionCategory",
    "QuizPage",
    "QuizQuestion",
    "AttemptState",
    "ClosedBy",
]
