"""The filters of the reports: a course, a cohort, a period. Wrong input is refused with a
message and no report is drawn from it."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.api import Cohort, default_locale_courses

from .queries import Filters, course_titles


class CourseChoiceField(forms.ModelChoiceField):
    """Courses named in the active language, with two queries for the whole list."""

    def _title(self, course_id: int) -> str:
        if getattr(self, "_titles", None) is None:
            self._titles = course_titles(self.course_ids())
        return self._titles.get(course_id, "")

    def course_ids(self):
        return self.queryset.values_list("pk", flat=True)

    def label_from_instance(self, obj):
        return self._title(obj.pk)


class CohortChoiceField(CourseChoiceField):
    def course_ids(self):
        return self.queryset.values_list("course_id", flat=True)

    def label_from_instance(self, obj):
        return f"{obj.name} – {self._title(obj.course_id)}"


class ReportFiltersForm(forms.Form):
    course = CourseChoiceField(
        label=_("Course"),
        queryset=default_locale_courses(),
        required=False,
        empty_label=_("All courses"),
    )
    cohort = CohortChoiceField(
        label=_("Cohort"),
        queryset=Cohort.objects.order_by("name"),
        required=False,
        empty_label=_("All cohorts"),
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the start date as a date, e.g. 2026-09-01.")},
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the end date as a date, e.g. 2026-12-31.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = default_locale_courses()
        for name in ("course", "cohort"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "That choice does not exist (any more): choose one from the list."
            )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period must not be before its start."))
        course, cohort = cleaned.get("course"), cleaned.get("cohort")
        if course and cohort and cohort.course_id != course.pk:
            self.add_error("cohort", _("This cohort belongs to another course."))
        return cleaned

    @staticmethod
    def empty_filters() -> Filters:
        return Filters()

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            course=data.get("course"),
            cohort=data.get("cohort"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
