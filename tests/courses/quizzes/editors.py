"""What the question editor posts and stores for each type: the helpers and examples shared by
the tests of the types' editors (question_types) and of the editor in the admin (forms, panels,
views)."""

from courses.quizzes import question_types

KINDS = [t.kind for t in question_types.all_types()]


def rows(kind: str, entries: list[dict], *, initial: int = 0) -> dict:
    """What the browser posts for the rows of `kind`'s editor (a ticked box posts "on")."""
    prefix = f"answers-{kind}-rows"
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(entries)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, entry in enumerate(entries):
        for name, value in entry.items():
            if value is True:
                value = "on"
            if value is not False:
                data[f"{prefix}-{index}-{name}"] = value
    return data


def options(kind: str, **values) -> dict:
    return {
        f"answers-{kind}-{name}": ("on" if v is True else v)
        for name, v in values.items()
        if v is not False
    }


def editor(kind: str, data: dict | None, stored: dict | None = None):
    return question_types.get(kind).editor(data=data, prefix=f"answers-{kind}", stored=stored or {})


def valid_data(kind: str, data: dict) -> dict:
    found = editor(kind, data)
    assert found.is_valid(), (
        found.options and found.options.errors,
        found.rows and found.rows.errors,
        found.rows and found.rows.non_form_errors(),
    )
    return found.to_data()


def without_ids(data: dict) -> dict:
    """`data` with the ids of its choices, pairs or items left out (new rows get random ones),
    after checking that those ids are there and differ."""
    stripped = dict(data)
    for key in ("choices", "pairs", "items"):
        if key in data:
            ids = [entry["id"] for entry in data[key]]
            assert all(ids) and len(set(ids)) == len(ids), ids
            stripped[key] = [{k: v for k, v in entry.items() if k != "id"} for entry in data[key]]
    return stripped


def row_errors(found) -> list[str]:
    return [str(e) for e in found.rows.non_form_errors()]


# What a trainer types for each type, and the data it stores (the shape of grading.py).
TYPED = {
    "single": rows(
        "single",
        [
            {
                "text": "2014",
                "text_ar": "2014",
                "correct": True,
                "feedback": "Exact.",
                "feedback_ar": "صحيح.",
            },
            {"text": "2004", "text_ar": "2004"},
        ],
    ),
    "multiple": rows(
        "multiple",
        [
            {"text": "Migrants", "text_ar": "المهاجرون", "correct": True},
            {"text": "Réfugiés", "text_ar": "اللاجئون", "correct": True},
            {"text": "Touristes", "text_ar": "السياح"},
        ],
    ),
    "true_false": options("true_false", answer="false"),
    "short": {
        **rows(
            "short", [{"text": "Programme d'action de la commune"}, {"text": "برنامج عمل الجماعة"}]
        ),
        **options("short", accents_matter=True, allow_proclitics=True),
    },
    "numeric": options("numeric", value="12,5", tolerance="0.5"),
    "matching": rows(
        "matching",
        [
            {
                "prompt": "SNIA",
                "prompt_ar": "الاستراتيجية الوطنية للهجرة واللجوء",
                "match": "Migrants",
                "match_ar": "المهاجرون",
            },
            {
                "prompt": "SNMRE",
                "prompt_ar": "الاستراتيجية الوطنية لفائدة المغاربة المقيمين بالخارج",
                "match": "MRE",
                "match_ar": "المغاربة المقيمون بالخارج",
            },
        ],
    ),
    "ordering": rows(
        "ordering",
        [
            {"text": "Suivi", "text_ar": "التتبع", "ORDER": "3"},
            {"text": "Diagnostic", "text_ar": "التشخيص", "ORDER": "1"},
            {"text": "Programmation", "text_ar": "البرمجة", "ORDER": "2"},
        ],
    ),
    "essay": {},
}

STORED = {
    "single": {
        "choices": [
            {
                "id": "a",
                "text": "2014",
                "text_ar": "2014",
                "correct": True,
                "feedback": "Exact.",
                "feedback_ar": "صحيح.",
            },
            {
                "id": "b",
                "text": "2004",
                "text_ar": "2004",
                "correct": False,
                "feedback": "",
                "feedback_ar": "",
            },
        ]
    },
    "multiple": {
        "choices": [
            {
                "id": "a",
                "text": "Migrants",
                "text_ar": "المهاجرون",
                "correct": True,
                "feedback": "",
                "feedback_ar": "",
            },
            {
                "id": "b",
                "text": "Réfugiés",
                "text_ar": "اللاجئون",
                "correct": True,
                "feedback": "",
                "feedback_ar": "",
            },
            {
                "id": "c",
                "text": "Touristes",
                "text_ar": "السياح",
                "correct": False,
                "feedback": "",
                "feedback_ar": "",
            },
        ]
    },
    "true_false": {"answer": False},
    "short": {
        "accepted": ["Programme d'action de la commune", "برنامج عمل الجماعة"],
        "accents_matter": True,
        "allow_proclitics": True,
    },
    "numeric": {"value": 12.5, "tolerance": 0.5},
    "matching": {
        "pairs": [
            {
                "id": "1",
                "prompt": "SNIA",
                "prompt_ar": "الاستراتيجية الوطنية للهجرة واللجوء",
                "match": "Migrants",
                "match_ar": "المهاجرون",
            },
            {
                "id": "2",
                "prompt": "SNMRE",
                "prompt_ar": "الاستراتيجية الوطنية لفائدة المغاربة المقيمين بالخارج",
                "match": "MRE",
                "match_ar": "المغاربة المقيمون بالخارج",
            },
        ]
    },
    "ordering": {
        "items": [
            {"id": "1", "text": "Diagnostic", "text_ar": "التشخيص"},
            {"id": "2", "text": "Programmation", "text_ar": "البرمجة"},
            {"id": "3", "text": "Suivi", "text_ar": "التتبع"},
        ]
    },
    "essay": {},
}


def question_post(course, kind: str, answers: dict, **fields) -> dict:
    return {
        "course": str(course.pk),
        "category": "",
        "kind": kind,
        "points": fields.get("points", "2"),
        "text": fields.get("text", f"Question {kind} en français"),
        "text_ar": fields.get("text_ar", f"سؤال {kind} بالعربية"),
        "feedback_right": "",
        "feedback_right_ar": "",
        "feedback_wrong": "",
        "feedback_wrong_ar": "",
        "general_feedback": "",
        "general_feedback_ar": "",
        **answers,
    }


ADD = "wagtailsnippets_quizzes_question:add"
