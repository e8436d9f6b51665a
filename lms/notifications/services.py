"""Sending e-mails through the outbox: `notify` records one, `deliver` sends it at most once."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language_bidi

from .html import text_to_html
from .models import REMINDER_KINDS, Notification, NotificationStatus

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_RETRY_DELAY = timedelta(minutes=5)
LANGUAGES = ("fr", "ar")

Context = Mapping[str, Any] | Callable[[str], Mapping[str, Any]]


def language_of(user) -> str:
    language = (getattr(user, "preferred_language", "") or "fr")[:2]
    return language if language in LANGUAGES else "fr"


def retry_delay(attempts: int) -> timedelta:
    """5, 10, 20, 40 minutes... after the 1st, 2nd, 3rd, 4th failed try."""
    return FIRST_RETRY_DELAY * (2 ** max(attempts - 1, 0))


def wants(user, kind: str) -> bool:
    """Whether `user` receives notifications of `kind` (reminders can be turned off)."""
    if kind in REMINDER_KINDS:
        return bool(getattr(user, "reminders_enabled", True))
    return True


def render(*, template: str, context: Context, language: str, recipient) -> tuple[str, str, str]:
    """Subject, text and HTML of `template` in `language`.

    `template` names two templates: `<template>_subject.txt` and `<template>.txt`; the HTML
    alternative wraps the text in the recipient's direction. `context` may be a function of
    the language, called with that language active (for titles of translated pages).
    """
    with translation.override(language):
        values = dict(context(language) if callable(context) else context)
        values.setdefault("name", recipient.name_for(language))
        # One line (headers cannot hold a line break); no-break spaces of French stay.
        subject = " ".join(
            line.strip()
            for line in render_to_string(f"{template}_subject.txt", values).splitlines()
        ).strip()
        body = render_to_string(f"{template}.txt", values).strip() + "\n"
        html = render_to_string(
            "notifications/email/base.html",
            {
                "subject": subject,
                "body": text_to_html(body),
                "language": language,
                "direction": "rtl" if get_language_bidi() else "ltr",
            },
        )
    return subject, body, html


def notify(
    *,
    recipient,
    kind: str,
    key: str,
    template: str,
    context: Context,
    attachments: list[dict] | None = None,
) -> Notification | None:
    """Record an e-mail to `recipient` and send it once the transaction commits.

    `recipient` is a user, or a person without an account yet (an invitation) that has an
    `email`, a `preferred_language` and `name_for(language)`.

    Idempotent: a second call with the same `key` creates and sends nothing (it returns the
    existing notification). Returns None when nothing is sent: no address, or a reminder the
    person turned off. `attachments` are files of the media store:
    `{"path": ..., "filename": ..., "mimetype": ...}`.
    """
    if not recipient.email or not wants(recipient, kind):
        return None
    existing = Notification.objects.filter(key=key).first()
    if existing is not None:
        return existing
    language = language_of(recipient)
    subject, body, html = render(
        template=template, context=context, language=language, recipient=recipient
    )
    with transaction.atomic():
        notification, created = Notification.objects.get_or_create(
            key=key,
            defaults={
                "user": recipient if isinstance(recipient, get_user_model()) else None,
                "kind": kind,
                "language": language,
                "to": recipient.email,
                "subject": subject[:255],
                "body": body,
                "body_html": html,
                "attachments": list(attachments or []),
            },
        )
        if created:
            _enqueue_on_commit(notification.pk)
    return notification


def recorded_keys(keys) -> set[str]:
    """Which of `keys` already have their notification (one query)."""
    return set(Notification.objects.filter(key__in=list(keys)).values_list("key", flat=True))


def _enqueue_on_commit(pk: int, *, at: datetime | None = None) -> None:
    # at call time: tasks load on first enqueue (declaring a task sets up the backend)
    from .tasks import send_notification

    def enqueue() -> None:
        if at is not None:
            if not send_notification.get_backend().supports_defer:
                return  # `send_pending_notifications` (cron) retries it
            send_notification.using(run_after=at).enqueue(notification_id=pk)
        else:
            send_notification.enqueue(notification_id=pk)

    transaction.on_commit(enqueue, robust=True)


def deliver(*, notification_id: int, now: datetime | None = None) -> bool:
    """Send one notification if it is due; True when this call sent it.

    The row stays locked while the e-mail goes out and is marked sent in the same
    transaction, so two workers (a task run twice, the task and the cron sweep) never both
    send it. A failure is recorded with its error and retried later with a growing delay,
    up to MAX_ATTEMPTS tries; then the notification is failed for good.
    """
    with transaction.atomic():
        notification = Notification.objects.select_for_update().filter(pk=notification_id).first()
        now = now or timezone.now()
        if (
            notification is None
            or notification.status != NotificationStatus.PENDING
            or (notification.next_attempt_at and notification.next_attempt_at > now)
        ):
            return False
        notification.attempts += 1
        try:
            notification.as_message().send()
        except Exception as error:  # any failure of the mail server or of the attachment
            retry_at = None
            if notification.attempts < MAX_ATTEMPTS:
                retry_at = now + retry_delay(notification.attempts)
            notification.mark_failed(
                error=f"{type(error).__name__}: {error}"[:2000], retry_at=retry_at
            )
            notification.save()
            logger.warning(
                "Notification %s not sent (try %s): %s",
                notification.pk,
                notification.attempts,
                error,
            )
            if retry_at is not None:
                _enqueue_on_commit(notification.pk, at=retry_at)
            return False
        notification.mark_sent()
        notification.save()
        return True


def send_pending(*, now: datetime | None = None, limit: int = 500) -> int:
    """Send the pending notifications that are due (new ones whose task was lost, retries);
    returns how many were sent. Safe to run while tasks run."""
    ids = list(
        Notification.objects.due(now).order_by("created_at").values_list("pk", flat=True)[:limit]
    )
    return sum(deliver(notification_id=pk, now=now) for pk in ids)
