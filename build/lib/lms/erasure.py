"""Personal data requests (law 09-08): a person's export of their data, their request to be
erased, its cancellation and an administrator's confirmation. Each one is written to
Wagtail's audit log under a title that names no one."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import personal_data
from .models import ErasureRequest, ErasureStatus
from .permissions import may_be_erased_on_request

ACTION_EXPORT = "lms.personal_data.export"
ACTION_REQUEST = "lms.erasure.request"
ACTION_CANCEL = "lms.erasure.cancel"
ACTION_CONFIRM = "lms.erasure.confirm"


class ErasureRefused(Exception):
    """The account may not be erased this way; the message says why."""


def account_title(user) -> str:
    """How the audit log names an account: by its number only."""
    return _("Account no. %(number)s") % {"number": user.pk}


def export_json(*, user) -> str:
    """Everything the platform holds about `user`, as JSON text (Arabic as written); logged."""
    data = {"exported_at": timezone.now(), **personal_data.export(user)}
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    log(user, ACTION_EXPORT, user=user, title=account_title(user))
    return text


def pending_request(*, user) -> ErasureRequest | None:
    return ErasureRequest.objects.pending().filter(user=user).first()


@transaction.atomic
def request_erasure(*, user) -> ErasureRequest:
    """Record `user`'s request; idempotent (a pending request is returned as it is).

    Raises ErasureRefused for staff accounts."""
    if not may_be_erased_on_request(user):
        raise ErasureRefused(
            _("Staff accounts cannot be erased from the profile page: ask an administrator.")
        )
    existing = pending_request(user=user)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            erasure = ErasureRequest.objects.create(user=user)
    except IntegrityError:  # a second click raced the first
        return pending_request(user=user)
    log(erasure, ACTION_REQUEST, user=user, title=str(erasure))
    return erasure


@transaction.atomic
def cancel_erasure(*, user) -> ErasureRequest | None:
    """Cancel `user`'s own pending request; None when there was none."""
    erasure = ErasureRequest.objects.select_for_update().pending().filter(user=user).first()
    if erasure is None:
        return None
    erasure.status = ErasureStatus.CANCELLED
    erasure.cancelled_at = timezone.now()
    erasure.save(update_fields=["status", "cancelled_at"])
    log(erasure, ACTION_CANCEL, user=user, title=str(erasure))
    return erasure


@transaction.atomic
def confirm_erasure(*, erasure: ErasureRequest, confirmed_by) -> bool:
    """Anonymise the account of a pending request, in one transaction.

    Returns False, changing nothing, when the request is no longer pending. Raises
    ErasureRefused when the account is a staff account."""
    erasure = ErasureRequest.objects.select_for_update().select_related("user").get(pk=erasure.pk)
    if not erasure.is_pending:
        return False
    user = erasure.user
    if not may_be_erased_on_request(user):
        raise ErasureRefused(_("This is a staff account: it cannot be erased this way."))
    personal_data.anonymise(user)
    erasure.status = ErasureStatus.CONFIRMED
    erasure.confirmed_at = timezone.now()
    erasure.confirmed_by = confirmed_by
    erasure.save(update_fields=["status", "confirmed_at", "confirmed_by"])
    log(erasure, ACTION_CONFIRM, user=confirmed_by, title=str(erasure))
    return True
