"""The outbox's records (notifications/models.py): which are due, how one becomes an e-mail,
and how a try is recorded."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from lms.notifications.models import Notification, NotificationKind, NotificationStatus
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


def notification(key: str, **fields) -> Notification:
    person = learner()
    return Notification.objects.create(
        user=person,
        kind=NotificationKind.ENROLMENT_CONFIRMED,
        key=key,
        language="ar",
        to=person.email,
        subject="تأكيد التسجيل",
        body="مرحبا",
        body_html='<p dir="rtl">مرحبا</p>',
        **fields,
    )


def test_due_are_the_pending_ones_new_or_whose_retry_time_has_come():
    now = timezone.now()
    new = notification("new")
    retry_now = notification("retry-now", next_attempt_at=now - timedelta(minutes=1))
    notification("retry-later", next_attempt_at=now + timedelta(minutes=5))
    notification("sent", status=NotificationStatus.SENT)
    notification("failed", status=NotificationStatus.FAILED)

    assert set(Notification.objects.due(now)) == {new, retry_now}


def test_the_message_has_the_text_the_html_and_the_attached_files():
    path = default_storage.save("certificates/ENSA-2026-000001.pdf", ContentFile(b"%PDF-1.7"))
    record = notification(
        "with-file",
        attachments=[{"path": path, "filename": "attestation.pdf", "mimetype": "application/pdf"}],
    )

    message = record.as_message()

    assert (message.to, message.subject, message.body) == ([record.to], record.subject, "مرحبا")
    assert message.alternatives[0][0] == '<p dir="rtl">مرحبا</p>'
    assert message.attachments[0][:2] == ("attestation.pdf", b"%PDF-1.7")


def test_a_failed_try_is_pending_again_until_there_is_no_retry_left():
    record = notification("failing")
    retry_at = timezone.now() + timedelta(minutes=5)

    record.mark_failed(error="ConnectionRefusedError", retry_at=retry_at)
    assert (record.status, record.next_attempt_at) == (NotificationStatus.PENDING, retry_at)

    record.mark_failed(error="ConnectionRefusedError: again", retry_at=None)
    assert (record.status, record.last_error) == (
        NotificationStatus.FAILED,
        "ConnectionRefusedError: again",
    )


def test_a_sent_notification_records_when_and_waits_for_no_retry():
    record = notification("sent-now", next_attempt_at=timezone.now())

    record.mark_sent()

    assert record.status == NotificationStatus.SENT
    assert record.sent_at is not None and record.next_attempt_at is None
