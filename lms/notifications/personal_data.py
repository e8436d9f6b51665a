"""What the outbox holds about a person: the e-mails written to them."""

from __future__ import annotations

from .models import Notification


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
            for notification in Notification.objects.filter(user=user).order_by("created_at")
        ]
    }


def anonymise_recipient(user) -> None:
    """The e-mails go: their text repeats the name, the address and what was sent."""
    Notification.objects.filter(user=user).delete()
