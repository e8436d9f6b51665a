"""Forms of the certificates admin that edit models (the action forms are in forms.py)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from courses.api import CoursePage

from .models import CourseCertification
from .services import current_certified_course

PREFILLED = ("title_fr", "title_ar", "hours")


def certified_course_initial(course_id: int) -> dict:
    """The form's values for the course's settings: its current titles and hours (nothing when
    `course_id` is not a course of the default locale)."""
    certified = current_certified_course(course_id)
    if certified is None:
        return {}
    return {
        "course": course_id,
        "title_fr": certified.title_fr,
        "title_ar": certified.title_ar,
        "hours": certified.hours,
    }


class CourseCertificationForm(WagtailAdminModelForm):
    """New settings take the course's current titles and hours for what is left empty; the
    course of existing settings does not change."""

    class Meta:
        model = CourseCertification
        fields = ["course", "title_fr", "title_ar", "hours", "auto_issue"]
        widgets = {"course": forms.Select}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        courses = CoursePage.objects.filter(locale=Locale.get_default()).order_by("title")
        if self.instance.pk is None:
            self.fields["course"].queryset = courses.filter(certification__isnull=True)
            for name in PREFILLED:
                self.fields[name].required = False
                self.fields[name].help_text = _("Left empty, the course's current value is used.")
        else:
            self.fields["course"].queryset = courses.filter(pk=self.instance.course_id)
            self.fields["course"].disabled = True

    def clean(self):
        data = super().clean()
        course = data.get("course")
        if course is not None and self.instance.pk is None:
            for name, value in certified_course_initial(course.pk).items():
                if name in PREFILLED and data.get(name) in (None, ""):
                    data[name] = value
        return data
