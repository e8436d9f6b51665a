"""Short answer: a few words, right when they say one of the accepted answers (see
`courses.grading.grade_short_answer` for what is ignored)."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.api import grading
from lms.bilingual import in_language as in_page_script
from lms.text import isolate

from . import register
from .base import EITHER, Editor, QuestionType, RowForm, Rows, joined, rows_formset, text_field

GIVE_ONE = _("Give at least one accepted answer.")


class AcceptedRow(RowForm):
    text = text_field(_("Accepted answer"), attrs=EITHER)


class AcceptedRows(Rows):
    min_rows = 1
    too_few = GIVE_ONE
    distinct = ("text",)


class ShortAnswerOptions(forms.Form):
    accents_matter = forms.BooleanField(
        label=_("Accents matter"),
        required=False,
        help_text=_(
            "Ticked: an answer without its accents (“integration” for “intégration”) is wrong."
        ),
    )
    allow_proclitics = forms.BooleanField(
        label=_("Accept Arabic words with a prefix"),
        required=False,
        help_text=_(
            "Ticked: an Arabic answer is right with or without the prefixes و ف ب ك ل ال "
            "(“والمهاجرين” for “المهاجرين”)."
        ),
    )


class ShortAnswerEditor(Editor):
    options_form = ShortAnswerOptions
    rows_formset = rows_formset(AcceptedRow, AcceptedRows, extra=1)
    add_label = _("Add an accepted answer")
    intro = _(
        "List every answer you accept, in French and in Arabic. Capital letters, extra spaces, "
        "apostrophes and quotes of any form and Arabic spelling variants are ignored."
    )

    def options_initial(self, stored: Mapping) -> dict:
        return grading.short_answer_options(stored)

    def rows_initial(self, stored: Mapping) -> list[dict]:
        accepted = stored.get("accepted", [])
        return (
            [{"text": a} for a in accepted if isinstance(a, str)]
            if isinstance(accepted, list)
            else []
        )

    def to_data(self) -> dict:
        options = self.options.cleaned_data
        return {
            "accepted": [row["text"] for row in self.kept_rows()],
            grading.ACCENTS_MATTER: bool(options.get("accents_matter")),
            grading.ALLOW_PROCLITICS: bool(options.get("allow_proclitics")),
        }


class ShortAnswer(QuestionType):
    kind = grading.SHORT
    label = _("Short answer")
    order = 40
    template = "quizzes/widgets/short.html"
    editor_class = ShortAnswerEditor

    def problems(self, data: Mapping) -> list[str]:
        accepted = data.get("accepted")
        if not isinstance(accepted, list) or not any(
            isinstance(a, str) and a.strip() for a in accepted
        ):
            return [str(GIVE_ONE)]
        return []

    def clean_given(self, data: Mapping, raw):
        return grading.clean_text(raw=raw, strip=True)

    def grade(self, data: Mapping, answer, points: float) -> grading.Outcome:
        return grading.grade_short_answer(
            accepted=data.get("accepted", []),
            answer=answer,
            points=points,
            **grading.short_answer_options(data),
        )

    def right_answer(self, question: Mapping) -> str:
        # The accepted answers mix both languages: a page lists those written in its own.
        return joined(
            isolate(accepted) for accepted in in_page_script(question["data"].get("accepted", []))
        )


register(ShortAnswer())
