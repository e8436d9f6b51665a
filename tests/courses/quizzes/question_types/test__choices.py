"""What the choice types share (question_types/_choices.py): choices as rows, each with its
French text, at least two, never the same twice; shown in the attempt's order, said by their
texts in the review, with the feedback of each choice chosen."""

from django.utils import translation

from courses.quizzes import question_types
from courses.quizzes.question_types import _choices, base
from tests.courses.quizzes.editors import (
    editor,
    row_errors,
    rows,
)


def test_a_choice_question_needs_two_choices_with_different_texts():
    one = editor("single", rows("single", [{"text": "2014", "correct": True}]))
    assert not one.is_valid() and row_errors(one) == [str(_choices.TOO_FEW_CHOICES)]
    twice = editor(
        "single",
        rows(
            "single",
            [
                {"text": "SNIA", "correct": True},
                {"text": " snia ", "text_ar": "x"},
            ],
        ),
    )
    assert not twice.is_valid() and row_errors(twice) == [str(base.SAME_TEXT)]


def test_a_choice_without_its_french_text_is_refused_on_its_own_row():
    found = editor(
        "single",
        rows(
            "single",
            [
                {"text": "", "text_ar": "2014", "correct": True},
                {"text": "2004"},
            ],
        ),
    )
    assert not found.is_valid()
    assert found.rows.forms[0].errors["text"]
    assert not found.rows.forms[1].errors


# --- taking a quiz and the review --------------------------------------------------------------

CHOICES = {
    "choices": [
        {"id": "a", "text": "SNIA", "text_ar": "الاستراتيجية", "correct": True},
        {"id": "b", "text": "PAC", "feedback": "Le PAC est communal.", "feedback_ar": "محلي"},
        {"id": "c", "text": "SNMRE", "correct": True, "feedback": ""},
    ]
}


def choice_question(**extra) -> dict:
    return {"key": "3", "kind": "multiple", "data": CHOICES, **extra}


def test_the_choices_show_in_the_attempts_order_with_those_chosen_selected():
    question = choice_question(display=["c", "a", "b"])
    with translation.override("ar"):
        options = question_types.get("multiple").widget(question, ["a", "b"]).options
    assert [(o.value, o.label, o.selected) for o in options] == [
        ("c", "SNMRE", False),
        ("a", "الاستراتيجية", True),
        ("b", "PAC", True),
    ]


def test_shuffling_keeps_every_choice_once_and_no_shuffle_keeps_the_written_order():
    choice_type = question_types.get("single")
    assert choice_type.prepare(choice_question(), shuffle=False)["display"] == ["a", "b", "c"]
    shuffled = choice_type.prepare(choice_question(), shuffle=True)["display"]
    assert sorted(shuffled) == ["a", "b", "c"]


def test_the_answer_and_the_right_ones_are_said_by_their_texts():
    choice_type = question_types.get("multiple")
    question = choice_question()
    said = choice_type.describe(question, ["b", "zz"]).replace("\u2068", "").replace("\u2069", "")
    assert said == "PAC ; ?"
    right = choice_type.right_answer(question).replace("\u2068", "").replace("\u2069", "")
    assert right == "SNIA ; SNMRE"


def test_the_feedback_of_each_choice_chosen_is_given_in_the_active_language():
    choice_type = question_types.get("multiple")
    with translation.override("ar"):
        assert choice_type.choice_feedback(choice_question(), ["a", "b", "c"]) == ["محلي"]
    with translation.override("fr"):
        assert choice_type.choice_feedback(choice_question(), "b") == ["Le PAC est communal."]
        assert choice_type.choice_feedback(choice_question(), ["a"]) == []


def test_choices_without_distinct_ids_cannot_be_graded():
    problems, choices = _choices.choice_problems({"choices": [{"id": "a"}, {"id": "a"}]})
    assert (problems, choices) == ([str(base.UNREADABLE)], [])
    problems, choices = _choices.choice_problems({"choices": "a, b"})
    assert (problems, choices) == ([str(_choices.TOO_FEW_CHOICES)], [])
    assert _choices.choice_problems(CHOICES) == ([], CHOICES["choices"])
