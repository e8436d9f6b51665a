"""The ordering type (question_types/ordering.py)."""

from courses.quizzes.question_types import (
    ordering,
)
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
