"""The ordering type (question_types/ordering.py)."""

from django.utils import translation

from courses.quizzes import question_types
from courses.quizzes.question_types import ordering
from tests.courses.quizzes.editors import (
    editor,
    row_errors,
    rows,
    valid_data,
)


def test_ordering_items_are_stored_in_the_order_of_their_positions():
    found = editor(
        "ordering",
        rows(
            "ordering",
            [
                {"text": "B", "ORDER": "2"},
                {"text": "A", "ORDER": "2"},
            ],
        ),
    )
    assert not found.is_valid() and row_errors(found) == [str(ordering.SAME_POSITION)]
    data = valid_data(
        "ordering",
        rows(
            "ordering",
            [
                {"text": "Sans position"},
                {"text": "Deuxième", "ORDER": "2"},
                {"text": "Premier", "ORDER": "1"},
            ],
        ),
    )
    assert [i["text"] for i in data["items"]] == ["Premier", "Deuxième", "Sans position"]
    few = editor("ordering", rows("ordering", [{"text": "Seul"}]))
    assert not few.is_valid() and row_errors(few) == [str(ordering.TOO_FEW_ITEMS)]


# --- taking a quiz: tokens, widget and review --------------------------------------------------

ITEMS = {
    "items": [
        {"id": "x", "text": "Diagnostic"},
        {"id": "y", "text": "Plan"},
        {"id": "z", "text": "Suivi", "text_ar": "التتبع"},
    ]
}


def prepared() -> dict:
    return question_types.get("ordering").prepare(
        {"key": "5", "kind": "ordering", "data": ITEMS}, shuffle=False
    )


def test_an_attempt_names_each_item_by_a_token_and_reads_positions_back_by_item_id():
    question = prepared()
    rows = question["tokens"]["rows"]
    assert set(rows) == {"x", "y", "z"} and not set(rows.values()) & {"x", "y", "z"}
    posted = {f"q-5-{rows['x']}": "2", f"q-5-{rows['z']}": "1"}
    assert question_types.get("ordering").raw_answer(question, posted) == {
        "x": "2",
        "y": "",
        "z": "1",
    }


def test_the_widget_offers_every_position_and_selects_the_one_given():
    question = prepared()
    with translation.override("ar"):
        widget = question_types.get("ordering").widget(question, {"z": 3})
    by_label = {row.label: row for row in widget.rows}
    assert set(by_label) == {"Diagnostic", "Plan", "التتبع"}
    assert [o.value for o in by_label["التتبع"].options] == ["1", "2", "3"]
    assert [o.value for o in by_label["التتبع"].options if o.selected] == ["3"]
    assert not any(o.selected for o in by_label["Plan"].options)


def test_an_answer_is_said_in_the_order_of_its_positions():
    question = prepared()
    ordering_type = question_types.get("ordering")
    said = ordering_type.describe(question, {"y": 1, "x": 3, "z": 2})
    assert said.replace("\u2068", "").replace("\u2069", "") == "1. Plan ; 2. Suivi ; 3. Diagnostic"
    right = ordering_type.right_answer(question).replace("\u2068", "").replace("\u2069", "")
    assert right == "1. Diagnostic ; 2. Plan ; 3. Suivi"
