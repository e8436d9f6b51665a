"""What every type shares (question_types/base.py): editor rows removed or left empty, row ids
kept across edits and never reused; the ids, tokens and order an attempt names its lines with."""

from courses.quizzes import question_types
from courses.quizzes.question_types import base
from courses.quizzes.question_types.base import entries, new_ids, row_tokens, same_text_key, tokens
from tests.courses.quizzes.editors import (
    editor,
    row_errors,
    rows,
)


def test_removed_and_untouched_empty_rows_are_left_out():
    found = editor(
        "multiple",
        {
            **rows(
                "multiple",
                [
                    {"id": "a", "text": "Migrants", "correct": True},
                    {"id": "b", "text": "", "DELETE": "1"},
                    {"id": "c", "text": "Réfugiés"},
                    {},
                ],
                initial=3,
            ),
        },
    )
    assert found.is_valid(), found.rows.errors
    assert [c["id"] for c in found.to_data()["choices"]] == ["a", "c"]


def test_rows_keep_their_ids_and_a_new_row_never_takes_a_removed_rows_id():
    stored = {
        "choices": [
            {"id": "a", "text": "A", "correct": True},
            {"id": "b", "text": "B"},
            {"id": "c", "text": "C"},
        ]
    }
    found = editor(
        "single",
        rows(
            "single",
            [
                {"id": "c", "text": "C"},
                {"text": "New"},
                {"id": "a", "text": "A", "correct": True},
                {"text": "Newer"},
            ],
            initial=2,
        ),
        stored,
    )
    assert found.is_valid(), found.rows.errors
    data = found.to_data()
    assert [c["text"] for c in data["choices"]] == ["C", "New", "A", "Newer"]
    ids = [c["id"] for c in data["choices"]]
    assert ids[0] == "c" and ids[2] == "a"
    assert len(set(ids)) == 4 and not {ids[1], ids[3]} & {"a", "b", "c"}


def test_a_row_id_that_is_not_one_is_refused():
    found = editor(
        "single",
        rows(
            "single",
            [
                {"id": "a", "text": "A", "correct": True},
                {"id": "a", "text": "B"},
            ],
            initial=2,
        ),
    )
    assert not found.is_valid() and row_errors(found) == [str(base.BAD_IDS)]
    found = editor(
        "single", rows("single", [{"id": "<b>", "text": "A", "correct": True}, {"text": "B"}])
    )
    assert not found.is_valid() and found.rows.forms[0].errors["id"]


# --- what every type shares when a quiz is taken -----------------------------------------------


def test_new_ids_go_to_rows_without_one_and_never_repeat_a_taken_one():
    rows = new_ids([{"id": "a"}, {}, {"id": ""}], taken={"b"})
    ids = [row["id"] for row in rows]
    assert ids[0] == "a" and len(set(ids)) == 3 and not set(ids[1:]) & {"a", "b"}


def test_tokens_are_distinct_from_each_other_and_from_those_taken():
    taken = {"deja-pris"}
    found = tokens(20, taken=taken)
    assert len(set(found)) == 20 and "deja-pris" not in found
    assert taken == {"deja-pris", *found}


def test_lines_are_named_by_their_tokens_or_by_their_ids_in_older_attempts():
    data = {"items": [{"id": "x"}, {"id": "y"}]}
    assert row_tokens({"data": data}, "items") == {"x": "x", "y": "y"}
    assert row_tokens({"data": data, "tokens": {"rows": {"x": "t1"}}}, "items") == {"x": "t1"}


def test_entries_follow_the_attempts_order_and_skip_ids_it_no_longer_has():
    question = {"data": {"items": [{"id": 1}, {"id": 2}, {"id": 3}]}, "display": ["3", "9", "1"]}
    assert [e["id"] for e in entries(question, "items")] == [3, 1]
    assert [e["id"] for e in entries({"data": question["data"]}, "items")] == [1, 2, 3]


def test_texts_a_learner_could_not_tell_apart_have_the_same_key():
    assert same_text_key("  Plan   d'action ") == same_text_key("PLAN D'ACTION")
    assert same_text_key("Plan") != same_text_key("Plans")


def test_a_blank_answer_is_no_answer_whatever_the_type():
    for kind, blank in (("single", ""), ("numeric", None), ("multiple", []), ("matching", {})):
        assert question_types.get(kind).clean({}, blank) is None
