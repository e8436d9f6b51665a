"""True or false: a statement learners judge; all the points or none."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from courses.api import grading

from . import register
from .base import Editor, Option, QuestionType, Widget

SAY_WHICH = _("Say whether the statement is true or false.")


class TrueFalseOptions(forms.Form):
    answer = forms.TypedChoiceField(
        label=_("The statement is"),
        choices=[("true", _("True")), ("false", _("False"))],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
        error_messages={"required": SAY_WHICH},
    )


class TrueFalseEditor(Editor):
    options_form = TrueFalseOptions
    intro = _("Write the statement as the question; say here whether it is true.")

    def options_initial(self, stored: Mapping) -> dict:
        answer = stored.get("answer")
        return (
            {"answer": {True: "true", False: "false"}[answer]} if isinstance(answer, bool) else {}
        )

    def to_data(self) -> dict:
        return {"answer": self.options.cleaned_data["answer"]}


class TrueFalse(QuestionType):
    kind = grading.TRUE_FALSE
    label = _("True or false")
    order = 30
    template = "quizzes/widgets/single.html"
    editor_class = TrueFalseEditor

    def problems(self, data: Mapping) -> list[str]:
        return [] if isinstance(data.get("answer"), bool) else [str(SAY_WHICH)]

    def clean_given(self, data: Mapping, raw):
        return grading.clean_true_false(raw=raw)

    def grade(self, data: Mapping, answer, points: float) -> grading.Outcome:
        return grading.grade_true_false(
            expected=bool(data.get("answer")), answer=answer, points=points
        )

    def widget(self, question: Mapping, answer) -> Widget:
        value = {True: "true", False: "false"}.get(answer, answer)
        return Widget(
            options=[
                Option("true", gettext_now("True"), value == "true"),
                Option("false", gettext_now("False"), value == "false"),
            ]
        )

    def describe(self, question: Mapping, answer) -> str:
        return gettext_now("True") if answer else gettext_now("False")

    def right_answer(self, question: Mapping) -> str:
        return self.describe(question, bool(question["data"].get("answer")))


register(TrueFalse())
