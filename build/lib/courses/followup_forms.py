"""Forms of the trainers' follow-up (Wagtail admin)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .followup import DEFAULT_STALLED_DAYS


class StalledForm(forms.Form):
    days = forms.IntegerField(
        label=_("No activity for (days)"),
        min_value=1,
        max_value=365,
        initial=DEFAULT_STALLED_DAYS,
        help_text=_("A whole number of days between 1 and 365."),
    )


class CohortMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150, strip=True)
    body = forms.CharField(
        label=_("Message"),
        max_length=5000,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 10, "dir": "auto"}),
        help_text=_("Plain text. Each learner receives it once, by e-mail."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].widget.attrs["dir"] = "auto"

    def clean_subject(self) -> str:
        subject = self.cleaned_data["subject"]
        if "\n" in subject or "\r" in subject:
            raise ValidationError(_("The subject must fit on one line."))
        return subject
