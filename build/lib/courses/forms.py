from django import forms
from django.utils.translation import gettext_lazy as _


class EnrolForm(forms.Form):
    key = forms.CharField(label=_("Enrolment key"), max_length=64, required=False, strip=True)
