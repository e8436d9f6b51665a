"""The multiple-choice type (question_types/multiple.py)."""

from courses.quizzes.question_types import (
    multiple,
)
from tests.courses.quizzes.editors import (
    editor,
    row_errors,
    rows,
)


def test_a_multiple_choice_question_needs_a_right_choice():
    found = editor("multiple", rows("multiple", [{"text": "Migrants"}, {"text": "Touristes"}]))
    assert not found.is_valid()
    assert row_errors(found) == [str(multiple.SOME_RIGHT)]
