"""The outbox: every e-mail the platform sends to a person, rendered once in their language."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    ENROLMENT_CONFIRMED = "enrolment_confirmed", _("Enrolment confirmed")
    COHORT_STARTING = "cohort_starting", _("Cohort starting soon")
    QUIZ_GRADED = "quiz_graded", _("Quiz graded")
    CERTIFICATE_ISSUED = "certificate_issued", _("Certificate issued")
    INVITATION = "invitation", _("Invitation")


# Reminders a person may turn off in their profile; the other kinds are always sent.
REMINDER_KINDS = frozenset({NotificationKind.COHORT_STARTING})


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class NotificationQuerySet(models.QuerySet):
    def due(self, now=None):
        """Pending notifications that may be tried now (new ones, and retries whose delay is over)."""
        now = now or timezone.now()
        return self.filter(status=NotificationStatus.PENDING).filter(
            models.Q(next_attempt_at__isnull=True) | models.Q(next_attempt_at__lte=now)
        )


class Notification(models.Model):
    """One e-mail to one person. `key` makes creating it idempotent; `status` makes sending it
    happen at most once (see services.deliver)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
        help_text=_("Empty for a person who has no account yet (an invitation)."),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind.choices)
    key = models.CharField(_("key"), max_length=200, unique=True)
    language = models.CharField(_("language"), max_length=5)
    to = models.EmailField(_("e-mail address"))
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    body_html = models.TextField(_("HTML text"))
    attachments = models.JSONField(
        _("attachments"),
        default=list,
        blank=True,
        help_text=_("Files of the media store sent with the e-mail: path, file name and type."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=NotificationStatus.choices,
        default=NotificationStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()
    wagtail_reference_index_ignore = True  # nothing refers to a message; no index work per send

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="notification_due")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.to}"

    def as_message(self) -> EmailMultiAlternatives:
        message = EmailMultiAlternatives(subject=self.subject, body=self.body, to=[self.to])
        message.attach_alternative(self.body_html, "text/html")
        for attachment in self.attachments:
            with default_storage.open(attachment["path"], "rb") as handle:
                message.attach(attachment["filename"], handle.read(), attachment["mimetype"])
        return message

    def mark_sent(self) -> None:
        self.status = NotificationStatus.SENT
        self.sent_at = timezone.now()
        self.next_attempt_at = None

    def mark_failed(self, *, error: str, retry_at) -> None:
        """Record a failed try: pending again at `retry_at`, or failed for good when None."""
        self.last_error = error
        self.next_attempt_at = retry_at
        self.status = NotificationStatus.PENDING if retry_at else NotificationStatus.FAILED
