"""Background work of the outbox (Django's tasks API). Tasks call services."""

from __future__ import annotations

from django.tasks import task


@task()
def send_notification(*, notification_id: int) -> bool:
    """Send one notification; running it twice sends one e-mail."""
    # at call time: importing the tasks loads no model or service
    from .services import deliver

    return deliver(notification_id=notification_id)


@task()
def send_pending_notifications() -> int:
    """Send every pending notification that is due (retries, lost tasks)."""
    # at call time: importing the tasks loads no model or service
    from .services import send_pending

    return send_pending()
