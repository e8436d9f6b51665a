"""The single-choice type (question_types/single.py)."""

from django.utils import translation
from django.utils.translation import gettext

from courses.quizzes import question_types
from courses.quizzes.question_types import single
from tests.courses.quizzes.editors import (
    editor,
    row_errors,
    rows,
)


def test_a_single_choice_question_needs_exactly_one_right_choice_said_in_the_trainers_language():
    with translation.override("ar"):
        for ticks in ((False, False), (True, True)):
            found = editor(
                "single",
                rows(
                    "single",
                    [
                        {"text": "2014", "correct": ticks[0]},
                        {"text": "2004", "correct": ticks[1]},
                    ],
                ),
            )
            assert not found.is_valid()
            assert row_errors(found) == [
                gettext("A single-choice question needs exactly one right choice.")
            ]


def test_a_stored_single_choice_question_with_two_right_choices_cannot_be_graded():
    single_type = question_types.get("single")
    two_right = {"choices": [{"id": "a", "correct": True}, {"id": "b", "correct": True}]}
    assert single_type.problems(two_right) == [str(single.ONE_RIGHT)]
    two_right["choices"][1]["correct"] = False
    assert single_type.problems(two_right) == []
