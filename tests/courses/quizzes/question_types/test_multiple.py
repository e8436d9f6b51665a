"""The multiple-choice type (question_types/multiple.py)."""

from django.http import QueryDict

from courses.quizzes import question_types
from courses.quizzes.question_types import multiple
from tests.courses.quizzes.editors import (
    editor,
    row_errors,
    rows,
)


def test_a_multiple_choice_question_needs_a_right_choice():
    found = editor("multiple", rows("multiple", [{"text": "Migrants"}, {"text": "Touristes"}]))
    assert not found.is_valid()
    assert row_errors(found) == [str(multiple.SOME_RIGHT)]


def test_a_stored_multiple_choice_question_without_a_right_choice_cannot_be_graded():
    multiple_type = question_types.get("multiple")
    assert multiple_type.problems({"choices": [{"id": "a"}, {"id": "b"}]}) == [
        str(multiple.SOME_RIGHT)
    ]


def test_every_box_ticked_is_read_from_the_form():
    posted = QueryDict("q-4=a&q-4=c&q-5=b")
    assert question_types.get("multiple").raw_answer({"key": "4"}, posted) == ["a", "c"]
