"""What single- and multiple-choice questions share: choices as rows, in French and
Arabic, right or wrong, each with the feedback shown to a learner who chose it."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

from .base import (
    ARABIC,
    UNREADABLE,
    Editor,
    Option,
    QuestionType,
    RowForm,
    Rows,
    Widget,
    entries,
    in_language,
    isolated,
    joined,
    label_of,
    new_ids,
    rows_formset,
    text_field,
)

TOO_FEW_CHOICES = _("Give at least two choices.")


class ChoiceRow(RowForm):
    text = text_field(_("Answer (French)"))
    text_ar = text_field(_("Answer (Arabic)"), attrs=ARABIC, required=False)
    correct = forms.BooleanField(label=_("Right answer"), required=False)
    feedback = text_field(
        _("Feedback to a learner who chose it (French)"),
        required=False,
        textarea=True,
        max_length=2000,
    )
    feedback_ar = text_field(
        _("Feedback to a learner who chose it (Arabic)"),
        attrs=ARABIC,
        required=False,
        textarea=True,
        max_length=2000,
    )


class ChoiceRows(Rows):
    min_rows = 2
    too_few = TOO_FEW_CHOICES
    distinct = ("text", "text_ar")


class ChoicesEditor(Editor):
    entries_key = "choices"
    add_label = _("Add a choice")

    def rows_initial(self, stored: Mapping) -> list[dict]:
        return [
            {
                "id": str(choice.get("id", "")),
                "text": choice.get("text", ""),
                "text_ar": choice.get("text_ar", ""),
                "correct": bool(choice.get("correct")),
                "feedback": choice.get("feedback", ""),
                "feedback_ar": choice.get("feedback_ar", ""),
            }
            for choice in stored.get("choices", [])
            if isinstance(choice, dict)
        ]

    def to_data(self) -> dict:
        rows = [{**row, "correct": bool(row.get("correct"))} for row in self.kept_rows()]
        return {"choices": new_ids(rows, taken=self.stored_ids)}


def choice_problems(data: Mapping) -> tuple[list[str], list[dict]]:
    choices = data.get("choices")
    if not isinstance(choices, list) or len(choices) < 2:
        return [str(TOO_FEW_CHOICES)], []
    if not all(isinstance(c, dict) and c.get("id") not in (None, "") for c in choices) or len(
        {str(c["id"]) for c in choices}
    ) != len(choices):
        return [str(UNREADABLE)], []
    return [], choices


class ChoiceType(QuestionType):
    """Choices shown in the quiz's order, or shuffled when the quiz shuffles choices."""

    entries_key = "choices"

    def widget(self, question: Mapping, answer) -> Widget:
        chosen = {
            str(v) for v in (answer if isinstance(answer, list) else [answer]) if v is not None
        }
        return Widget(
            options=[
                Option(str(c["id"]), label_of(c), str(c["id"]) in chosen)
                for c in entries(question, "choices")
            ]
        )

    def describe(self, question: Mapping, answer) -> str:
        labels = {str(c["id"]): c for c in question["data"].get("choices", [])}
        chosen = answer if isinstance(answer, list) else [answer]
        return joined(isolated(labels[str(c)]) if str(c) in labels else "?" for c in chosen)

    def right_answer(self, question: Mapping) -> str:
        return self.describe(
            question,
            [str(c["id"]) for c in question["data"].get("choices", []) if c.get("correct")],
        )

    def choice_feedback(self, question: Mapping, answer) -> list[str]:
        chosen = {
            str(v) for v in (answer if isinstance(answer, list) else [answer]) if v is not None
        }
        found = []
        for choice in question["data"].get("choices", []):
            if str(choice.get("id")) in chosen:
                text = in_language(choice.get("feedback", ""), choice.get("feedback_ar", ""))
                if text:
                    found.append(text)
        return found


def editor_for(rows_class: type[ChoiceRows], *, intro) -> type[ChoicesEditor]:
    return type(
        f"{rows_class.__name__}Editor",
        (ChoicesEditor,),
        {"rows_formset": rows_formset(ChoiceRow, rows_class), "intro": intro},
    )
