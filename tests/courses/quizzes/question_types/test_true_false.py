"""The true-or-false type (question_types/true_false.py)."""

from courses.quizzes.question_types import (
    true_false,
)
from tests.courses.quizzes.editors import (
    editor,
    options,
    valid_data,
)


def test_true_or_false_must_be_said():
    found = editor("true_false", {})
    assert not found.is_valid()
    assert found.options.errors["answer"] == [str(true_false.SAY_WHICH)]
    assert valid_data("true_false", options("true_false", answer="true")) == {"answer": True}
