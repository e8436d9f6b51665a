"""Forms of the courses admin (Wagtail): cohorts and enrolment by an administrator."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lms.accounts.api import LEARNERS, TRAINERS, Organisation

from .imports import MAX_BYTES
from .models import Cohort, CoursePage


def default_locale_courses() -> QuerySet:
    """Courses of the default locale: enrolments and cohorts always point at those."""
    return CoursePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title")


class LearnerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name} <{obj.email}>"


class CohortForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = default_locale_courses()
        if "trainers" in self.fields:
            self.fields["trainers"].queryset = (
                get_user_model()
                .objects.filter(groups__name=TRAINERS, is_active=True)
                .order_by("full_name_latin", "email")
            )
            self.fields["trainers"].label_from_instance = lambda user: (
                f"{user.display_name} <{user.email}>"
            )

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("A cohort cannot end before it starts."))
        capacity = cleaned.get("capacity")
        if capacity is not None and self.instance.pk:
            members = self.instance.enrolments.current().count()
            if capacity < members:
                self.add_error(
                    "capacity",
                    _(
                        "%(members)s learners are already in this cohort: the capacity cannot be lower."
                    )
                    % {"members": members},
                )
        return cleaned


class EnrolLearnersForm(forms.Form):
    course = forms.ModelChoiceField(label=_("Course"), queryset=CoursePage.objects.none())
    cohort = forms.ModelChoiceField(
        label=_("Cohort"),
        queryset=Cohort.objects.none(),
        required=False,
        help_text=_("The enrolled learners join this cohort. It must belong to the course."),
    )
    learners = LearnerChoiceField(
        label=_("Learners"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisation = forms.ModelChoiceField(
        label=_("Every learner of an organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_(
            "For example, all the learners of a municipality, or of a ministry and of every "
            "directorate below it. Only accounts with a confirmed e-mail address are enrolled."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = default_locale_courses()
        self.fields["cohort"].queryset = Cohort.objects.select_related("course").order_by("name")
        self.fields["learners"].queryset = (
            get_user_model()
            .objects.filter(groups__name=LEARNERS, is_active=True)
            .order_by("full_name_latin", "email")
        )
        self.fields["organisation"].queryset = Organisation.objects.all()

    def clean(self):
        cleaned = super().clean()
        course, cohort = cleaned.get("course"), cleaned.get("cohort")
        if course and cohort and cohort.course_id != course.pk:
            self.add_error("cohort", _("This cohort belongs to another course."))
        if not cleaned.get("learners") and not cleaned.get("organisation"):
            raise forms.ValidationError(_("Choose learners or an organisation."))
        return cleaned


class ImportLearnersForm(forms.Form):
    """A file of people for a cohort: pasted, or uploaded as CSV or XLSX."""

    text = forms.CharField(
        label=_("Paste the rows"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto", "spellcheck": "false"}),
        help_text=_(
            "First row: email, full_name_latin, full_name_arabic, organisation, job_title "
            "(or courriel, nom_latin, nom_arabe, organisme, fonction), separated by commas, "
            "semicolons or tabs."
        ),
    )
    file = forms.FileField(
        label=_("Or upload a file"),
        required=False,
        help_text=_("CSV (UTF-8, UTF-16 or Windows-1256) or XLSX, 1 MB at most."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.tsv,.xlsx"}),
    )

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), (cleaned.get("text") or "").strip()
        if upload is None and not text:
            raise forms.ValidationError(_("Paste the rows or choose a file."))
        if upload is not None:
            data = upload.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise forms.ValidationError(_("The file is too large (1 MB at most)."))
            cleaned["data"] = data
        else:
            cleaned["data"] = text.encode("utf-8")
        return cleaned
