"""Quizzes for tests: a question of each kind and a quiz page under a course's module."""

from __future__ import annotations

from itertools import count

from courses.quizzes.models import Question, QuestionCategory, QuizPage, QuizQuestion

_numbers = count(1)

DATA = {
    "single": {
        "choices": [
            {"id": "a", "text": "2014", "text_ar": "2014", "correct": True},
            {"id": "b", "text": "2004", "text_ar": "2004", "correct": False},
        ]
    },
    "multiple": {
        "choices": [
            {"id": "a", "text": "Migrants", "correct": True},
            {"id": "b", "text": "Réfugiés", "correct": True},
            {"id": "c", "text": "Touristes", "correct": False},
        ]
    },
    "true_false": {"answer": True},
    "short": {"accepted": ["Programme d'action de la commune", "برنامج عمل الجماعة"]},
    "numeric": {"value": 2014, "tolerance": 0},
    "matching": {
        "pairs": [
            {"id": "1", "prompt": "SNIA", "match": "Migrants et réfugiés"},
            {"id": "2", "prompt": "SNMRE", "match": "Marocains résidant à l'étranger"},
        ]
    },
    "ordering": {
        "items": [
            {"id": "x", "text": "Diagnostic"},
            {"id": "y", "text": "Plan"},
            {"id": "z", "text": "Suivi"},
        ]
    },
    "essay": {},
}

RIGHT_ANSWERS = {
    "single": "a",
    "multiple": ["a", "b"],
    "true_false": True,
    "short": "برنامج عمل الجماعه",
    "numeric": 2014,
    "matching": {"1": "1", "2": "2"},
    "ordering": {"x": 1, "y": 2, "z": 3},
    "essay": "Une réponse.",
}


def question(
    *, course, kind: str = "single", points: float = 1, category=None, **fields
) -> Question:
    return Question.objects.create(
        course=course,
        kind=kind,
        text=fields.pop("text", f"Question {kind} {next(_numbers)}"),
        text_ar=fields.pop("text_ar", f"سؤال {kind}"),
        points=points,
        data=fields.pop("data", DATA[kind]),
        category=category,
        **fields,
    )


def category(*, course, name: str = "") -> QuestionCategory:
    return QuestionCategory.objects.create(
        course=course, name=name or f"Catégorie {next(_numbers)}"
    )


def quiz(*, module, questions=(), **fields) -> QuizPage:
    """A live quiz under `module` holding `questions` in order."""
    n = next(_numbers)
    page = module.add_child(
        instance=QuizPage(
            title=fields.pop("title", f"Quiz {n}"), slug=fields.pop("slug", f"quiz-{n}"), **fields
        )
    )
    for position, item in enumerate(questions):
        QuizQuestion.objects.create(page=page, question=item, sort_order=position)
    page.save_revision().publish()
    return page


def quiz_with_every_kind(*, tree, **fields) -> QuizPage:
    course = tree.course
    items = [question(course=course, kind=kind) for kind in DATA]
    return quiz(module=tree.modules[-1], questions=items, **fields)


def form_fields(question: dict, answer) -> dict:
    """The attempt page's POST fields for `answer` (given by ids, as stored), named the way
    the page names them: matching and ordering rows and matches by the attempt's tokens."""
    name = f"q-{question['key']}"
    kind = question["kind"]
    if kind in ("matching", "ordering"):
        tokens = question.get("tokens", {})
        rows = tokens.get("rows") or {i: i for i in answer}
        if kind == "ordering":
            return {f"{name}-{rows[i]}": str(position) for i, position in answer.items()}
        options = tokens.get("options") or {i: i for i in answer.values()}
        return {f"{name}-{rows[p]}": options[m] for p, m in answer.items()}
    if kind == "true_false" and isinstance(answer, bool):
        return {name: "true" if answer else "false"}
    return {name: answer if isinstance(answer, list) else str(answer)}
