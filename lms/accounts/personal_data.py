"""What the account holds about a person, and how it is anonymised on erasure."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile


def export_account(user) -> dict:
    organisation = user.organisation
    return {
        "email": user.email,
        "full_name_latin": user.full_name_latin,
        "full_name_arabic": user.full_name_arabic,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "job_title": user.job_title,
        "preferred_language": user.preferred_language,
        "organisation": {
            "name_fr": organisation.name_fr,
            "name_ar": organisation.name_ar,
            "confirmed": user.organisation_confirmed,
        }
        if organisation
        else None,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "roles": sorted(group.name for group in user.groups.all()),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        # Which second factors are set up and when, never their secrets.
        "two_factor_authentication": [
            {"type": authenticator.type, "created_at": authenticator.created_at}
            for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
    }


def erased_email(user) -> str:
    """A unique address that can never receive mail (`.invalid` is reserved, RFC 2606)."""
    return f"erased-{user.pk}@invalid"


def anonymise_account(user) -> None:
    """Empty what identifies the person, close the account and forget how to reach it.

    Kept: the organisation (reports count learners per organisation), the roles, the dates
    joined, and the preferred language."""
    user.email = erased_email(user)
    user.full_name_latin = user.full_name_arabic = ""
    user.first_name = user.last_name = user.job_title = ""
    user.last_login = None
    user.is_active = False
    user.set_unusable_password()  # also ends every session: their hash no longer matches
    user.save()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    UserProfile.objects.filter(user=user).delete()
    _end_sessions(user)
    # Earlier log entries about the account were titled with its name: keep only its number.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
    ).update(label=_("Account no. %(number)s") % {"number": user.pk})


def _end_sessions(user) -> None:
    """Delete the database sessions of `user` (the cached ones end with the password hash)."""
    key = str(user.pk)
    doomed = [
        session.session_key
        for session in Session.objects.all().iterator()
        if str(session.get_decoded().get("_auth_user_id")) == key
    ]
    Session.objects.filter(session_key__in=doomed).delete()
