"""Ordering: items to put in their order; a share of the points per item at its place.

Items are always shown mixed, each line named by a token of the attempt.
"""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.api import grading

from . import register
from .base import (
    ARABIC,
    ORDER,
    Editor,
    Option,
    QuestionType,
    Row,
    RowForm,
    Rows,
    Widget,
    entries,
    entries_problems,
    isolated,
    joined,
    label_of,
    new_ids,
    row_tokens,
    rows_formset,
    text_field,
    tokens,
)

TOO_FEW_ITEMS = _("Give at least two items.")
SAME_POSITION = _("Give each item a different position.")


class ItemRow(RowForm):
    text = text_field(_("Item (French)"))
    text_ar = text_field(_("Item (Arabic)"), attrs=ARABIC, required=False)


class ItemRows(Rows):
    min_rows = 2
    too_few = TOO_FEW_ITEMS
    distinct = ("text", "text_ar")

    def check(self, rows):
        positions = [
            form.cleaned_data.get(ORDER)
            for form in rows
            if form.cleaned_data.get(ORDER) is not None
        ]
        if len(set(positions)) != len(positions):
            raise forms.ValidationError(SAME_POSITION, code="same_position")


class OrderingEditor(Editor):
    entries_key = "items"
    rows_formset = rows_formset(ItemRow, ItemRows, ordered=True)
    add_label = _("Add an item")
    intro = _(
        "Give each item its position in the right order (1 first). Learners see the items "
        "mixed and give each its position."
    )

    def rows_initial(self, stored: Mapping) -> list[dict]:
        return [
            {
                "id": str(item.get("id", "")),
                "text": item.get("text", ""),
                "text_ar": item.get("text_ar", ""),
                ORDER: position,
            }
            for position, item in enumerate(
                (i for i in stored.get("items", []) if isinstance(i, dict)), start=1
            )
        ]

    def to_data(self) -> dict:
        return {"items": new_ids(self.kept_rows(), taken=self.stored_ids)}


class Ordering(QuestionType):
    kind = grading.ORDERING
    label = _("Ordering")
    order = 70
    template = "quizzes/widgets/ordering.html"
    editor_class = OrderingEditor
    entries_key = "items"

    def problems(self, data: Mapping) -> list[str]:
        return entries_problems(data.get("items"), too_few=TOO_FEW_ITEMS)

    def prepare(self, question: dict, *, shuffle: bool) -> dict:
        # The items are always mixed, or the right order would show.
        question = super().prepare(question, shuffle=True)
        ids = question["display"]
        question["tokens"] = {"rows": dict(zip(ids, tokens(len(ids), taken=set()), strict=True))}
        return question

    def raw_answer(self, question: Mapping, post):
        name = f"q-{question['key']}"
        return {
            item_id: post.get(f"{name}-{token}", "")
            for item_id, token in row_tokens(question, "items").items()
        }

    def clean_given(self, data: Mapping, raw):
        return grading.clean_ordering(items=data.get("items", []), raw=raw)

    def grade(self, data: Mapping, answer, points: float) -> grading.Outcome:
        return grading.grade_ordering(items=data.get("items", []), answer=answer, points=points)

    def widget(self, question: Mapping, answer) -> Widget:
        answer = answer if isinstance(answer, dict) else {}
        names = row_tokens(question, "items")
        items = entries(question, "items")
        return Widget(
            rows=[
                Row(
                    names[str(i["id"])],
                    label_of(i),
                    [
                        Option(str(n), str(n), str(answer.get(str(i["id"]), "")) == str(n))
                        for n in range(1, len(items) + 1)
                    ],
                )
                for i in items
            ]
        )

    def describe(self, question: Mapping, answer) -> str:
        items = {str(i["id"]): i for i in question["data"].get("items", [])}
        ordered = sorted(answer.items(), key=lambda pair: pair[1])
        return joined(f"{position}. {isolated(items[i])}" for i, position in ordered if i in items)

    def right_answer(self, question: Mapping) -> str:
        return self.describe(
            question,
            {str(i["id"]): n for n, i in enumerate(question["data"].get("items", []), start=1)},
        )


register(Ordering())
