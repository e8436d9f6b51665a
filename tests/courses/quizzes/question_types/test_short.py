"""The short-answer type (question_types/short.py)."""

from django.utils import translation

from courses.quizzes import question_types
from courses.quizzes.question_types import short
from tests.courses.quizzes.editors import (
    editor,
    options,
    row_errors,
    rows,
    valid_data,
)


def test_a_short_answer_needs_an_accepted_answer_and_keeps_the_matching_options():
    found = editor("short", {**rows("short", [{}]), **options("short", allow_proclitics=True)})
    assert not found.is_valid() and row_errors(found) == [str(short.GIVE_ONE)]
    data = valid_data("short", rows("short", [{"text": "intégration"}]))
    assert data == {"accepted": ["intégration"], "accents_matter": False, "allow_proclitics": False}


def test_short_answer_options_decide_how_answers_are_compared():
    strict = valid_data(
        "short",
        {**rows("short", [{"text": "intégration"}]), **options("short", accents_matter=True)},
    )
    lenient = valid_data(
        "short",
        {
            **rows("short", [{"text": "intégration"}, {"text": "المهاجرين"}]),
            **options("short", allow_proclitics=True),
        },
    )
    short_type = question_types.get("short")
    assert not short_type.grade(strict, "integration", 1).correct
    assert short_type.grade(lenient, "integration", 1).correct
    assert short_type.grade(lenient, "والمهاجرين", 1).correct


# --- checking and the review -------------------------------------------------------------------


def test_a_short_answer_question_without_an_accepted_answer_cannot_be_graded():
    short_type = question_types.get("short")
    assert short_type.problems({"accepted": ["  ", 3]}) == [str(short.GIVE_ONE)]
    assert short_type.problems({"accepted": "Oujda"}) == [str(short.GIVE_ONE)]
    assert short_type.problems({"accepted": ["Oujda"]}) == []


def test_the_right_answers_shown_are_those_written_in_the_pages_language():
    short_type = question_types.get("short")
    question = {"data": {"accepted": ["Programme d'action", "برنامج العمل"]}}
    with translation.override("ar"):
        assert short_type.right_answer(question) == "\u2068برنامج العمل\u2069"
    with translation.override("fr"):
        assert short_type.right_answer(question) == "\u2068Programme d'action\u2069"
