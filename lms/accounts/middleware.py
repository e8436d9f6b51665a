"""Two-factor authentication before the Wagtail admin, for everyone who may use it.

A trainer, an administrator or a superuser (or anyone Wagtail lets into its admin) who
requests an admin URL is sent
- to the two-factor set-up page when they have no authenticator (app or security key);
- to a two-factor re-authentication when this session did not pass a second factor.
allauth records every authentication step of the session (password, mfa, ...); a second
factor is an "mfa" record for this user. Learners are never asked.
"""

from __future__ import annotations

from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .roles import is_staff_member

SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def needs_two_factor(user) -> bool:
    return is_staff_member(user) or user.has_perm("wagtailadmin.access_admin")


def passed_two_factor(request) -> bool:
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.refusal(request) or self.get_response(request)

    def refusal(self, request) -> HttpResponseRedirect | None:
        if not request.path.startswith(reverse("wagtailadmin_home")) or request.path == reverse(
            "wagtailadmin_logout"
        ):
            return None
        user = request.user
        if not user.is_authenticated or passed_two_factor(request) or not needs_two_factor(user):
            return None
        if not is_mfa_enabled(user, SECOND_FACTORS):
            messages.warning(
                request,
                _(
                    "Trainers and administrators protect their account with two-factor "
                    "authentication before they reach the administration. Activate an "
                    "authenticator app or add a security key."
                ),
            )
            return HttpResponseRedirect(reverse("mfa_index"))
        return HttpResponseRedirect(
            reverse("mfa_reauthenticate") + "?" + urlencode({"next": request.get_full_path()})
        )
