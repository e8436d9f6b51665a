"""What the choice types share (question_types/_choices.py): choices as rows, each with
its French text, at least two, never the same twice."""

from courses.quizzes.question_types import (
    _choices,
    base,
)
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
