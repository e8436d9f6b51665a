"""Forms of the courses admin (Wagtail): cohorts and enrolment by an administrator."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lms.accounts.models import Organisation
from lms.accounts.roles import LEARNERS

from .models import Cohort, CoursePage


def default_locale_courses():
    """Courses of the default locale: enrolments and cohorts always point at those."""
    return CoursePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title")


class LearnerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name} <{obj.email}>"


class CohortForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = default_locale_courses()


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
        help_text=_("For example, all the learners of a municipality."),
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

    def selected_learners(self) -> list:
        """The chosen learners and the learners of the chosen organisation, each once."""
        chosen = {user.pk: user for user in self.cleaned_data.get("learners") or []}
        organisation = self.cleaned_data.get("organisation")
        if organisation is not None:
            # Only accounts whose owner confirmed their e-mail address: an unverified account
            # may be anyone's who typed a colleague's organisation at sign-up.
            members = self.fields["learners"].queryset.filter(
                organisation=organisation,
                emailaddress__email=F("email"),
                emailaddress__verified=True,
            )
            for user in members:
                chosen.setdefault(user.pk, user)
        return sorted(chosen.values(), key=lambda user: (user.display_name, user.email))
