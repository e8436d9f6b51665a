"""Matching: each element to its match; a share of the points per element matched.

An attempt names the lines and the matches offered with tokens of its own (kept in its
copy of the question), so the page tells nothing of which match belongs to which line.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

from courses.api import grading

from . import register
from .base import (
    ARABIC,
    NOT_OFFERED,
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

TOO_FEW_PAIRS = _("Give at least two pairs.")


class PairRow(RowForm):
    prompt = text_field(_("Element (French)"))
    prompt_ar = text_field(_("Element (Arabic)"), attrs=ARABIC, required=False)
    match = text_field(_("Its match (French)"))
    match_ar = text_field(_("Its match (Arabic)"), attrs=ARABIC, required=False)


class PairRows(Rows):
    min_rows = 2
    too_few = TOO_FEW_PAIRS
    distinct = ("prompt", "prompt_ar", "match", "match_ar")


class MatchingEditor(Editor):
    entries_key = "pairs"
    rows_formset = rows_formset(PairRow, PairRows)
    add_label = _("Add a pair")
    intro = _(
        "Write each element with its match. Learners see the matches mixed and choose the "
        "match of each element."
    )

    def rows_initial(self, stored: Mapping) -> list[dict]:
        return [
            {
                name: str(pair.get(name, ""))
                for name in ("id", "prompt", "prompt_ar", "match", "match_ar")
            }
            for pair in stored.get("pairs", [])
            if isinstance(pair, dict)
        ]

    def to_data(self) -> dict:
        return {"pairs": new_ids(self.kept_rows(), taken=self.stored_ids)}


def option_tokens(question: Mapping) -> dict[str, str]:
    """The value of each match offered (pair id -> token); ids in attempts made before tokens."""
    return question.get("tokens", {}).get("options") or {
        str(p["id"]): str(p["id"]) for p in question["data"].get("pairs", [])
    }


class Matching(QuestionType):
    kind = grading.MATCHING
    label = _("Matching")
    order = 60
    template = "quizzes/widgets/matching.html"
    editor_class = MatchingEditor
    entries_key = "pairs"

    def problems(self, data: Mapping) -> list[str]:
        return entries_problems(data.get("pairs"), too_few=TOO_FEW_PAIRS)

    def prepare(self, question: dict, *, shuffle: bool) -> dict:
        # The matches are always mixed, or the right answer would show.
        question = super().prepare(question, shuffle=True)
        ids = question["display"]
        taken: set[str] = set()
        question["tokens"] = {
            "rows": dict(zip(ids, tokens(len(ids), taken=taken), strict=True)),
            "options": dict(zip(ids, tokens(len(ids), taken=taken), strict=True)),
        }
        return question

    def raw_answer(self, question: Mapping, post):
        name = f"q-{question['key']}"
        matches = {token: pair_id for pair_id, token in option_tokens(question).items()}
        answer = {}
        for pair_id, token in row_tokens(question, "pairs").items():
            chosen = post.get(f"{name}-{token}", "")
            if chosen and chosen not in matches:
                raise grading.AnswerError(NOT_OFFERED)
            answer[pair_id] = matches.get(chosen, "")
        return answer

    def clean_given(self, data: Mapping, raw):
        return grading.clean_matching(pairs=data.get("pairs", []), raw=raw)

    def grade(self, data: Mapping, answer, points: float) -> grading.Outcome:
        return grading.grade_matching(pairs=data.get("pairs", []), answer=answer, points=points)

    def widget(self, question: Mapping, answer) -> Widget:
        answer = answer if isinstance(answer, dict) else {}
        names, values = row_tokens(question, "pairs"), option_tokens(question)
        matches = entries(question, "pairs")
        return Widget(
            rows=[
                Row(
                    names[str(p["id"])],
                    label_of(p, "prompt"),
                    [
                        Option(
                            values[str(m["id"])],
                            label_of(m, "match"),
                            str(answer.get(str(p["id"]), "")) == str(m["id"]),
                        )
                        for m in matches
                    ],
                )
                for p in question["data"].get("pairs", [])
            ]
        )

    def describe(self, question: Mapping, answer) -> str:
        pairs = {str(p["id"]): p for p in question["data"].get("pairs", [])}
        return joined(
            f"{isolated(pairs[p], 'prompt')} → {isolated(pairs[m], 'match')}"
            for p, m in answer.items()
            if p in pairs and m in pairs
        )

    def right_answer(self, question: Mapping) -> str:
        return self.describe(
            question, {str(p["id"]): str(p["id"]) for p in question["data"].get("pairs", [])}
        )


register(Matching())
