"""Multiple choice: several right choices, with partial credit (see grading)."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.api import grading

from . import register
from ._choices import ChoiceRows, ChoiceType, choice_problems, editor_for

SOME_RIGHT = _("Mark at least one choice as right.")


class MultipleChoiceRows(ChoiceRows):
    def check(self, rows):
        if not any(form.cleaned_data.get("correct") for form in rows):
            raise forms.ValidationError(SOME_RIGHT, code="right_choices")


class MultipleChoice(ChoiceType):
    kind = grading.MULTIPLE
    label = _("Multiple choice")
    order = 20
    template = "quizzes/widgets/multiple.html"
    editor_class = editor_for(
        MultipleChoiceRows,
        intro=_(
            "Tick every right answer: each right answer ticked earns a share of the points and "
            "each wrong one ticked takes a share away."
        ),
    )

    def problems(self, data: Mapping) -> list[str]:
        problems, choices = choice_problems(data)
        if choices and not any(c.get("correct") for c in choices):
            problems.append(str(SOME_RIGHT))
        return problems

    def raw_answer(self, question: Mapping, post):
        return post.getlist(f"q-{question['key']}")

    def clean_given(self, data: Mapping, raw):
        return grading.clean_choices(choices=data.get("choices", []), raw=raw)

    def grade(self, data: Mapping, answer, points: float) -> grading.Outcome:
        return grading.grade_multiple_choice(
            choices=data.get("choices", []), answer=answer, points=points
        )


register(MultipleChoice())
