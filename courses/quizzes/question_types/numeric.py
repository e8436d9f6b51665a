"""Numeric: a number, right within a tolerance of the expected value."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.api import grading

from . import register
from .base import Editor, QuestionType, Widget

NOT_A_NUMBER = _("Enter a number, for example 12 or 12.5.")
NEGATIVE = _("The tolerance cannot be negative.")
GIVE_VALUE = _("Give the expected value.")


def compact(number: float) -> int | float:
    """2014.0 is stored as 2014, 12.5 as 12.5."""
    return int(number) if float(number).is_integer() else float(number)


def shown(number) -> str:
    return "" if number is None else str(compact(number))


class NumberField(forms.CharField):
    """A number written "12,5", "12.5" or "1 200", whatever the admin's language."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "dir": "ltr", "autocomplete": "off"})

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return compact(grading.clean_number(raw=value))
        except grading.AnswerError:
            raise forms.ValidationError(NOT_A_NUMBER, code="invalid") from None


class NumericOptions(forms.Form):
    value = NumberField(label=_("Expected value"), error_messages={"required": GIVE_VALUE})
    tolerance = NumberField(
        label=_("Tolerance (±)"),
        required=False,
        help_text=_(
            "Answers this close to the value are right too; leave empty or 0 for the exact value."
        ),
    )

    def clean_tolerance(self):
        tolerance = self.cleaned_data.get("tolerance") or 0
        if tolerance < 0:
            raise forms.ValidationError(NEGATIVE, code="negative")
        return tolerance


class NumericEditor(Editor):
    options_form = NumericOptions
    intro = _("Learners may write 12,5 or 12.5: both are read as the same number.")

    def options_initial(self, stored: Mapping) -> dict:
        initial = {}
        for name in ("value", "tolerance"):
            number = stored.get(name)
            if isinstance(number, int | float) and not isinstance(number, bool):
                initial[name] = shown(number)
        return initial

    def to_data(self) -> dict:
        return {
            "value": self.options.cleaned_data["value"],
            "tolerance": self.options.cleaned_data["tolerance"],
        }


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class Numeric(QuestionType):
    kind = grading.NUMERIC
    label = _("Numeric")
    order = 50
    template = "quizzes/widgets/numeric.html"
    editor_class = NumericEditor

    def problems(self, data: Mapping) -> list[str]:
        problems = []
        if not _is_number(data.get("value")):
            problems.append(str(GIVE_VALUE))
        tolerance = data.get("tolerance", 0)
        if not _is_number(tolerance) or tolerance < 0:
            problems.append(str(NEGATIVE))
        return problems

    def clean_given(self, data: Mapping, raw):
        return grading.clean_number(raw=raw)

    def grade(self, data: Mapping, answer, points: float) -> grading.Outcome:
        return grading.grade_numeric(
            value=data["value"], tolerance=data.get("tolerance", 0), answer=answer, points=points
        )

    def widget(self, question: Mapping, answer) -> Widget:
        if isinstance(answer, float):
            answer = f"{answer:g}"
        return Widget(value="" if answer is None else str(answer))

    def describe(self, question: Mapping, answer) -> str:
        return f"{answer:g}" if isinstance(answer, int | float) else str(answer)

    def right_answer(self, question: Mapping) -> str:
        data = question["data"]
        tolerance = data.get("tolerance") or 0
        return f"{data['value']:g}" + (f" (± {tolerance:g})" if tolerance else "")


register(Numeric())
