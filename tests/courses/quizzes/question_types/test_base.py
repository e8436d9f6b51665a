"""What every type's editor shares (question_types/base.py): rows removed or left empty,
row ids kept across edits and never reused."""

from courses.quizzes.question_types import (
    base,
)
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
