"""The matching type (question_types/matching.py)."""

import pytest
from django.utils import translation

from courses import grading
from courses.quizzes import question_types
from courses.quizzes.question_types import (
    base,
    matching,
)
from tests.courses.quizzes.editors import (
    editor,
    row_errors,
    rows,
)


def test_matching_needs_two_pairs_each_with_its_match():
    one = editor("matching", rows("matching", [{"prompt": "SNIA", "match": "Migrants"}]))
    assert not one.is_valid() and row_errors(one) == [str(matching.TOO_FEW_PAIRS)]
    missing = editor(
        "matching",
        rows(
            "matching",
            [
                {"prompt": "SNIA", "match": "Migrants"},
                {"prompt": "SNMRE"},
            ],
        ),
    )
    assert not missing.is_valid() and missing.rows.forms[1].errors["match"]
    same = editor(
        "matching",
        rows(
            "matching",
            [
                {"prompt": "SNIA", "match": "Migrants"},
                {"prompt": "SNMRE", "match": "migrants"},
            ],
        ),
    )
    assert not same.is_valid() and row_errors(same) == [str(base.SAME_TEXT)]


# --- taking a quiz: tokens, widget and review --------------------------------------------------

PAIRS = {
    "pairs": [
        {"id": "1", "prompt": "SNIA", "match": "Migrants", "match_ar": "المهاجرون"},
        {"id": "2", "prompt": "SNMRE", "match": "MRE"},
        {"id": "3", "prompt": "PAC", "match": "Commune"},
    ]
}


def prepared() -> dict:
    return question_types.get("matching").prepare(
        {"key": "7", "kind": "matching", "data": PAIRS}, shuffle=False
    )


def test_an_attempt_names_its_lines_and_matches_with_tokens_that_are_not_the_pair_ids():
    question = prepared()
    rows, offered = question["tokens"]["rows"], question["tokens"]["options"]
    assert set(rows) == set(offered) == set(question["display"]) == {"1", "2", "3"}
    names = set(rows.values()) | set(offered.values())
    assert len(names) == 6 and not names & {"1", "2", "3"}


def test_the_posted_tokens_are_read_back_to_pair_ids_and_a_match_not_offered_is_refused():
    question = prepared()
    rows, offered = question["tokens"]["rows"], question["tokens"]["options"]
    posted = {f"q-7-{rows['1']}": offered["2"], f"q-7-{rows['2']}": offered["1"]}
    matching_type = question_types.get("matching")
    assert matching_type.raw_answer(question, posted) == {"1": "2", "2": "1", "3": ""}
    with pytest.raises(grading.AnswerError):
        matching_type.raw_answer(question, {f"q-7-{rows['1']}": "1"})


def test_the_widget_offers_every_match_under_its_token_and_selects_the_answer():
    question = prepared()
    with translation.override("ar"):
        widget = question_types.get("matching").widget(question, {"1": "1"})
    first = next(row for row in widget.rows if row.label == "SNIA")
    assert first.name == question["tokens"]["rows"]["1"]
    assert {o.value for o in first.options} == set(question["tokens"]["options"].values())
    assert [o.label for o in first.options if o.selected] == ["المهاجرون"]


def test_an_answer_and_the_right_one_are_said_pair_by_pair():
    question = prepared()
    matching_type = question_types.get("matching")
    said = matching_type.describe(question, {"1": "2", "9": "1"}).replace("\u2068", "")
    assert said.replace("\u2069", "") == "SNIA → MRE"
    right = matching_type.right_answer(question).replace("\u2068", "").replace("\u2069", "")
    assert right == "SNIA → Migrants ; SNMRE → MRE ; PAC → Commune"


def test_pairs_without_ids_of_their_own_cannot_be_graded():
    matching_type = question_types.get("matching")
    assert matching_type.problems({"pairs": [{"id": "1"}, {"id": "1"}]}) == [str(base.UNREADABLE)]
    assert matching_type.problems({"pairs": [{"id": "1"}]}) == [str(matching.TOO_FEW_PAIRS)]
    assert matching_type.problems(PAIRS) == []
