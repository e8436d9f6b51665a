"""The numeric type (question_types/numeric.py)."""

import pytest

from courses.quizzes.question_types import (
    numeric,
)
from tests.courses.quizzes.editors import (
    editor,
    options,
    valid_data,
)


@pytest.mark.parametrize(
    ("value", "tolerance", "field", "message"),
    [
        ("douze", "", "value", numeric.NOT_A_NUMBER),
        ("", "", "value", numeric.GIVE_VALUE),
        ("12", "-1", "tolerance", numeric.NEGATIVE),
        ("12", "un peu", "tolerance", numeric.NOT_A_NUMBER),
    ],
)
def test_a_numeric_question_needs_a_number_and_a_tolerance_of_zero_or_more(
    value, tolerance, field, message
):
    found = editor("numeric", options("numeric", value=value, tolerance=tolerance))
    assert not found.is_valid()
    assert found.options.errors[field] == [str(message)]


def test_numbers_are_read_with_a_comma_or_a_point_and_an_empty_tolerance_is_zero():
    assert valid_data("numeric", options("numeric", value="2014", tolerance="")) == {
        "value": 2014,
        "tolerance": 0,
    }
    assert valid_data("numeric", options("numeric", value=" 1 200,75 ")) == {
        "value": 1200.75,
        "tolerance": 0,
    }
