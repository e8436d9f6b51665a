from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lms.text import PERSON_NAME_VALIDATORS

from .models import Organisation, User
from .roles import LEARNERS
from .services import assign_role, sync_admin_language


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        name = obj.display_name()
        if obj.parent_id:
            return f"{obj.parent.display_name()} – {name}"
        return name


class SignupForm(forms.Form):
    """Extra fields asked at sign-up; allauth calls `signup()` once the user exists."""

    full_name_latin = forms.CharField(
        label=_("Full name (Latin script)"),
        validators=PERSON_NAME_VALIDATORS,
        help_text=_("As it must appear on your certificates, e.g. Fatima-Zahra Benali."),
    )
    full_name_arabic = forms.CharField(
        label=_("Full name (Arabic script)"),
        validators=PERSON_NAME_VALIDATORS,
        required=False,
        help_text=_("As it must appear on your certificates, e.g. فاطمة الزهراء بنعلي."),
    )
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.select_related("parent").order_by("kind", "name_fr"),
        empty_label=_("Choose your organisation"),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=User._meta.get_field("preferred_language").choices,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = (get_language() or "fr")[:2]
        self.fields["preferred_language"].initial = language if language in {"fr", "ar"} else "fr"

    def signup(self, request, user: User) -> None:
        user.full_name_latin = self.cleaned_data["full_name_latin"].strip()
        user.full_name_arabic = self.cleaned_data["full_name_arabic"].strip()
        user.job_title = self.cleaned_data["job_title"].strip()
        user.organisation = self.cleaned_data["organisation"]
        user.preferred_language = self.cleaned_data["preferred_language"]
        user.save()
        sync_admin_language(user=user)
        assign_role(user=user, role=LEARNERS)


class ProfileForm(forms.ModelForm):
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.select_related("parent").order_by("kind", "name_fr"),
        required=False,
        empty_label=_("Choose your organisation"),
    )

    class Meta:
        model = User
        fields = [
            "full_name_latin",
            "full_name_arabic",
            "job_title",
            "organisation",
            "preferred_language",
            "reminders_enabled",
        ]

    def save(self, commit: bool = True) -> User:
        if "organisation" in self.changed_data:
            # A change the person makes is self-declared until an administrator confirms it.
            self.instance.organisation_confirmed = False
        user = super().save(commit=commit)
        if commit:
            sync_admin_language(user=user)
        return user


class AccountNamesForm(forms.ModelForm):
    """The names panel of the Wagtail account page: the full names in both scripts, as the
    profile edits them (Wagtail's own panel asks for first and last names ENSA does not keep,
    and refused every save). The e-mail address changes through "My e-mail addresses", where
    the new one is verified."""

    class Meta:
        model = User
        fields = ["full_name_latin", "full_name_arabic"]
        widgets = {
            "full_name_latin": forms.TextInput(attrs={"dir": "ltr", "autocomplete": "name"}),
            "full_name_arabic": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
        }
