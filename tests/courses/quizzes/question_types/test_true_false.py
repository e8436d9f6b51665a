"""The true-or-false type (question_types/true_false.py)."""

from django.utils import translation

from courses.quizzes import question_types
from courses.quizzes.question_types import true_false
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


# --- checking, showing and saying the answer ---------------------------------------------------


def test_a_statement_without_its_truth_cannot_be_graded():
    true_false_type = question_types.get("true_false")
    assert true_false_type.problems({"answer": "true"}) == [str(true_false.SAY_WHICH)]
    assert true_false_type.problems({"answer": False}) == []


def test_the_widget_selects_the_answer_given_whether_clean_or_as_posted():
    true_false_type = question_types.get("true_false")
    for answer, selected in ((True, ["true"]), ("false", ["false"]), (None, [])):
        options = true_false_type.widget({}, answer).options
        assert [o.value for o in options] == ["true", "false"]
        assert [o.value for o in options if o.selected] == selected


def test_the_answer_and_the_right_one_are_said_in_the_active_language():
    true_false_type = question_types.get("true_false")
    with translation.override("fr"):
        assert true_false_type.describe({}, True) == "Vrai"
        assert true_false_type.right_answer({"data": {"answer": False}}) == "Faux"


def test_the_editor_shows_the_stored_truth():
    assert editor("true_false", None, {"answer": False}).options.initial == {"answer": "false"}
    assert editor("true_false", None, {"answer": "oui"}).options.initial == {}
