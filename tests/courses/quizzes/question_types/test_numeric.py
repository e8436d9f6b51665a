"""The numeric type (question_types/numeric.py)."""

import pytest

from courses.quizzes import question_types
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


# --- checking, showing and saying numbers ------------------------------------------------------


def test_a_numeric_question_without_a_number_or_with_a_negative_tolerance_cannot_be_graded():
    numeric_type = question_types.get("numeric")
    assert numeric_type.problems({"value": "12"}) == [str(numeric.GIVE_VALUE)]
    assert numeric_type.problems({"value": True}) == [str(numeric.GIVE_VALUE)]
    assert numeric_type.problems({"value": 12, "tolerance": -1}) == [str(numeric.NEGATIVE)]
    assert numeric_type.problems({"value": 12}) == []


def test_numbers_are_shown_and_said_without_a_useless_decimal_point():
    numeric_type = question_types.get("numeric")
    question = {"data": {"value": 2014.0, "tolerance": 0}}
    assert numeric_type.widget(question, 2014.0).value == "2014"
    assert numeric_type.widget(question, "douze").value == "douze"
    assert numeric_type.widget(question, None).value == ""
    assert numeric_type.describe(question, 12.5) == "12.5"
    assert numeric_type.right_answer(question) == "2014"
    assert numeric_type.right_answer({"data": {"value": 12.5, "tolerance": 0.5}}) == (
        "12.5 (± 0.5)"
    )


def test_the_editor_shows_a_stored_number_as_typed_and_ignores_what_is_not_one():
    shown = editor("numeric", None, {"value": 2014.0, "tolerance": 0.5})
    assert shown.options.initial == {"value": "2014", "tolerance": "0.5"}
    assert editor("numeric", None, {"value": "2014", "tolerance": True}).options.initial == {}
