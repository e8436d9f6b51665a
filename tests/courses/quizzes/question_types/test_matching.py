"""The matching type (question_types/matching.py)."""

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
