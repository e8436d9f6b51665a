"""What the outbox holds about a person: the e-mails written to them."""

from __future__ import annotations

from django.db.models import Q

from .models import Notification


def _written_to(user):
    """E-mails to the account, and those sent to its address before it existed (invitations)."""
    return Notification.objects.filter(Q(user=user) | Q(user__isnull=True, to__iexact=user.email))


def export_recipient(user) -> dict:
    return {
        "emails": [
            {
                "kind": notification.kind,
                "to": notification.to,
                "subject": notification.subject,
                "text": notification.body,
                "status": notification.status,
                "created_at": notification.created_at,
                "sent_at": notification.sent_at,
            }
            for notification in _written_to(user).order_by("created_at")
        ]
    }


def anonymise_recipient(user) -> None:
    """The e-mails go: their text repeats the name, the address and what was sent."""
    _written_to(user).delete()
