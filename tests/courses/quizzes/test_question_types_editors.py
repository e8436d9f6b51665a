"""Each type's editor, without the database: what a trainer types is stored in the shape
attempts are graded with, and what is stored shows in the editor and comes back unchanged."""

import pytest

from courses import grading
from courses.quizzes import question_types
from demo.quiz import questions
from tests.courses.quizzes.editors import (
    KINDS,
    STORED,
    TYPED,
    editor,
    rows,
    valid_data,
    without_ids,
)


@pytest.mark.parametrize("kind", KINDS)
def test_what_a_trainer_types_is_stored_in_the_shape_attempts_are_graded_with(kind):
    data = valid_data(kind, TYPED[kind])
    assert without_ids(data) == without_ids(STORED[kind])
    assert question_types.get(kind).problems(data) == []


@pytest.mark.parametrize("kind", KINDS)
def test_the_editor_shows_what_is_stored_and_saving_it_unchanged_changes_nothing(kind):
    """Questions written as JSON before the editor existed (the demo's) open in it and come
    back identical, ids included, so attempts and their copies keep their meaning."""
    for spec in [q for q in questions() if q["kind"] == kind] or [{"data": STORED[kind]}]:
        stored = spec.get("data", {})
        shown = editor(kind, None, stored)
        posted = {}
        if shown.options is not None:
            for name in shown.options.fields:
                value = shown.options[name].value()
                if value not in (None, False):
                    posted[shown.options.add_prefix(name)] = "on" if value is True else str(value)
        if shown.rows is not None:
            posted.update(
                rows(
                    kind,
                    [
                        {
                            name: form[name].value()
                            for name in form.fields
                            if form[name].value() not in (None, "")
                        }
                        for form in shown.rows.forms
                    ],
                    initial=shown.rows.initial_form_count(),
                )
            )
        again = valid_data(kind, posted)
        expected = dict(stored)
        if kind == "short":
            expected.update(grading.short_answer_options(stored))
        if kind in ("single", "multiple"):
            expected = {
                "choices": [{"feedback": "", "feedback_ar": "", **c} for c in stored["choices"]]
            }
        assert again == expected
