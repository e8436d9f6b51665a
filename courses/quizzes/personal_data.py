"""What the quizzes app holds about a learner: attempts, their answers and scores."""

from __future__ import annotations

from courses.api import grading

from .models import Attempt, ManualGrade

FREE_TEXT_KINDS = {grading.ESSAY}


def export_learner(user) -> dict:
    attempts = Attempt.objects.filter(learner=user).select_related("quiz").order_by("started_at")
    return {
        "attempts": [
            {
                "quiz": attempt.quiz.title,
                "number": attempt.number,
                "state": attempt.state,
                "started_at": attempt.started_at,
                "submitted_at": attempt.submitted_at,
                "points": attempt.points,
                "max_points": attempt.max_points,
                "percent": attempt.percent,
                "answers": [
                    {
                        "question": question.get("text", ""),
                        "answer": attempt.answers.get(question["key"]),
                        "result": attempt.results.get(question["key"]),
                    }
                    for question in attempt.snapshot
                ],
            }
            for attempt in attempts
        ]
    }


def anonymise_learner(user) -> None:
    """Scores stay (quiz statistics); free-text answers (essays) and the trainers' comments
    on them go, since a person may write anything about themselves there."""
    attempts = Attempt.objects.filter(learner=user)
    for attempt in attempts:
        free_text = {q["key"] for q in attempt.snapshot if q.get("kind") in FREE_TEXT_KINDS}
        attempt.answers = {
            key: ("" if key in free_text else value) for key, value in attempt.answers.items()
        }
        for entry in attempt.results.values():
            if isinstance(entry, dict) and isinstance(entry.get("manual"), dict):
                entry["manual"]["comment"] = ""
        attempt.save(update_fields=["answers", "results"])
    ManualGrade.objects.filter(attempt__in=attempts).update(comment="")
