from django import forms
from django.utils.translation import gettext_lazy as _

MAX_PDF_BYTES = 10 * 1024 * 1024
# The whole request that carries it: the file plus the multipart envelope and CSRF token.
MAX_VERIFY_REQUEST_BYTES = MAX_PDF_BYTES + 64 * 1024
TOO_LARGE = _("This file is too large to be a certificate.")


class VerifyForm(forms.Form):
    serial = forms.CharField(
        label=_("Serial number"), max_length=20, help_text=_("For example ENSA-2026-000123.")
    )
    code = forms.CharField(label=_("Verification code"), max_length=64)


class CompareForm(forms.Form):
    pdf = forms.FileField(label=_("Certificate PDF file"))

    @classmethod
    def refused_as_too_large(cls) -> "CompareForm":
        """The form as shown when the request declared more than MAX_VERIFY_REQUEST_BYTES
        (its body is never read)."""
        form = cls(data={}, files={})
        form.fields["pdf"].required = False
        form.add_error("pdf", TOO_LARGE)
        return form

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload and upload.size > MAX_PDF_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        return upload


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revocation"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ReissueForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it reissued?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class IssueForm(forms.Form):
    enrolment = forms.ModelChoiceField(label=_("Learner and course"), queryset=None)

    def __init__(self, *args, **kwargs):
        # at call time: importing the forms loads no model
        from courses.api import Enrolment

        super().__init__(*args, **kwargs)
        self.fields["enrolment"].queryset = (
            Enrolment.objects.current()
            .select_related("learner", "course")
            .order_by("course__title")
        )


class BulkIssueForm(forms.Form):
    course = forms.ModelChoiceField(label=_("Course"), queryset=None, required=False)
    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=None, required=False)

    def __init__(self, *args, **kwargs):
        # at call time: importing the forms loads no model
        from wagtail.models import Locale

        from courses.api import Cohort, CoursePage

        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.filter(
            locale=Locale.get_default()
        ).order_by("title")
        self.fields["cohort"].queryset = Cohort.objects.select_related("course")

    def clean(self):
        data = super().clean()
        if bool(data.get("course")) == bool(data.get("cohort")):
            raise forms.ValidationError(_("Choose a course or a cohort, not both."))
        return data
