"""The essay type (question_types/essay.py)."""

from tests.courses.quizzes.editors import (
    valid_data,
)


def test_an_essay_has_nothing_to_set():
    assert valid_data("essay", {}) == {}
