"""Who may download a certificate's PDF: its owner, an administrator, a trainer of the course."""

from __future__ import annotations

from courses.permissions import teaches
from lms.accounts.roles import is_administrator

from .models import Certificate


def may_download(user, certificate: Certificate) -> bool:
    if not user.is_authenticated:
        return False
    if certificate.learner_id == user.pk or is_administrator(user):
        return True
    return teaches(user, certificate.course)


def may_administer(user) -> bool:
    return user.is_authenticated and is_administrator(user)
