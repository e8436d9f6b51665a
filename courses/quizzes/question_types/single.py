"""Single choice: one right choice among several; all the points or none."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.api import grading

from . import register
from ._choices import ChoiceRows, ChoiceType, choice_problems, editor_for

ONE_RIGHT = _("A single-choice question needs exactly one right choice.")


class SingleChoiceRows(ChoiceRows):
    def check(self, rows):
        if sum(1 for form in rows if form.cleaned_data.get("correct")) != 1:
            raise forms.ValidationError(ONE_RIGHT, code="right_choices")


class SingleChoice(ChoiceType):
    kind = grading.SINGLE
    label = _("Single choice")
    order = 10
    template = "quizzes/widgets/single.html"
    editor_class = editor_for(
        SingleChoiceRows,
        intro=_(
            "Tick the one right answer. The feedback of a choice is shown to the learners who "
            "chose it, when the quiz shows feedback."
        ),
    )

    def problems(self, data: Mapping) -> list[str]:
        problems, choices = choice_problems(data)
        if choices and sum(1 for c in choices if c.get("correct")) != 1:
            problems.append(str(ONE_RIGHT))
        return problems

    def clean_given(self, data: Mapping, raw):
        return grading.clean_choice(choices=data.get("choices", []), raw=raw)

    def grade(self, data: Mapping, answer, points: float) -> grading.Outcome:
        return grading.grade_single_choice(
            choices=data.get("choices", []), answer=answer, points=points
        )


register(SingleChoice())
