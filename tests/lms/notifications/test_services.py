from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from lms.notifications import services
from lms.notifications.models import Notification, NotificationKind, NotificationStatus
from lms.notifications.tasks import send_notification
from tests.factories.users import learner

pytestmark = pytest.mark.django_db

TEMPLATE = "courses/email/cohort_starting"


class FailingBackend(BaseEmailBackend):
    """A mail server that refuses everything."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.fixture
def failing_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.FailingBackend"}}


@pytest.fixture
def working_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def context(language):
    return {
        "course": "دورة الهجرة" if language == "ar" else "Migration et communes",
        "course_url": "https://ensa.example.ma/cours/",
        "cohort": "Oujda 2026",
        "starts_on": timezone.localdate() + timedelta(days=3),
    }


def record(person, key="test:1", kind=NotificationKind.ENROLMENT_CONFIRMED, **kwargs):
    return services.notify(
        recipient=person, kind=kind, key=key, template=TEMPLATE, context=context, **kwargs
    )


def test_an_arabic_learner_gets_an_arabic_e_mail_written_right_to_left(
    django_capture_on_commit_callbacks,
):
    person = learner(preferred_language="ar")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        record(person)
    [message] = mail.outbox
    assert message.to == [person.email]
    assert "دورة الهجرة" in message.subject
    assert message.subject == "فوجكم يبدأ قريبا: دورة الهجرة"
    assert "يبدأ فوجكم «Oujda 2026»" in message.body
    assert "Your cohort" not in message.body
    assert person.full_name_arabic in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert '<html lang="ar" dir="rtl">' in html
    assert '<a href="https://ensa.example.ma/cours/" dir="ltr">' in html
    assert "دورة الهجرة" in html


def test_a_french_learner_gets_a_french_e_mail_written_left_to_right(
    django_capture_on_commit_callbacks,
):
    person = learner(preferred_language="fr")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notification = record(person)
    [message] = mail.outbox
    assert message.subject == "Votre promotion commence bientôt\u00a0: Migration et communes"
    assert person.full_name_latin in message.body
    assert '<html lang="fr" dir="ltr">' in message.alternatives[0][0]
    assert notification.language == "fr"


def test_notifying_twice_with_the_same_key_sends_one_e_mail(django_capture_on_commit_callbacks):
    person = learner()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = record(person)
    with django_capture_on_commit_callbacks(execute=True):
        second = record(person)
    assert first == second
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_send_task_run_twice_sends_one_e_mail():
    person = learner()
    notification = record(person)  # its own task waits for a commit that never comes here
    mail.outbox.clear()
    assert send_notification.enqueue(notification_id=notification.pk).return_value is True
    assert send_notification.enqueue(notification_id=notification.pk).return_value is False
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT
    assert notification.attempts == 1
    assert notification.sent_at is not None


def test_a_failing_mail_server_leaves_it_pending_with_the_error_and_a_later_retry_sends_it_once(
    failing_mail, settings, django_capture_on_commit_callbacks
):
    person = learner()
    with django_capture_on_commit_callbacks(execute=True):
        notification = record(person)
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.PENDING
    assert notification.attempts == 1
    assert "the mail server is down" in notification.last_error
    assert notification.next_attempt_at > timezone.now()

    assert services.send_pending() == 0  # the delay is not over
    notification.refresh_from_db()
    assert notification.attempts == 1

    later = notification.next_attempt_at + timedelta(seconds=1)
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    mail.outbox.clear()
    assert services.send_pending(now=later) == 1
    assert services.send_pending(now=later + timedelta(hours=1)) == 0
    assert send_notification.enqueue(notification_id=notification.pk).return_value is False
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT
    assert notification.attempts == 2


def test_each_failure_waits_longer_and_the_last_one_gives_up(failing_mail):
    person = learner()
    notification = record(person)
    now = timezone.now()
    delays = []
    for _ in range(services.MAX_ATTEMPTS):
        assert services.deliver(notification_id=notification.pk, now=now) is False
        notification.refresh_from_db()
        if notification.next_attempt_at:
            delays.append(notification.next_attempt_at - now)
            now = notification.next_attempt_at
    assert delays == sorted(delays) and len(set(delays)) == services.MAX_ATTEMPTS - 1
    assert notification.status == NotificationStatus.FAILED
    assert notification.attempts == services.MAX_ATTEMPTS
    assert "ConnectionRefusedError" in notification.last_error
    assert services.send_pending(now=now + timedelta(days=1)) == 0
    notification.refresh_from_db()
    assert notification.attempts == services.MAX_ATTEMPTS


def test_a_missing_attachment_is_a_failure_recorded_not_a_crash(working_mail):
    person = learner()
    notification = record(
        person,
        attachments=[
            {"path": "certificates/none.pdf", "filename": "x.pdf", "mimetype": "application/pdf"}
        ],
    )
    mail.outbox.clear()
    assert services.deliver(notification_id=notification.pk) is False
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.PENDING and notification.last_error
    assert mail.outbox == []


def test_a_turned_off_reminder_is_not_even_recorded_but_other_kinds_are():
    person = learner(reminders_enabled=False)
    assert record(person, key="r", kind=NotificationKind.COHORT_STARTING) is None
    assert record(person, key="e", kind=NotificationKind.ENROLMENT_CONFIRMED) is not None
    assert list(Notification.objects.values_list("key", flat=True)) == ["e"]


def test_the_cron_command_sends_what_is_due(working_mail):
    from io import StringIO

    from django.core.management import call_command

    person = learner()
    record(person, key="a")
    record(person, key="b")
    mail.outbox.clear()
    out = StringIO()
    call_command("send_pending_notifications", stdout=out)
    assert "2 sent" in out.getvalue()
    assert len(mail.outbox) == 2
    assert not Notification.objects.filter(status=NotificationStatus.PENDING).exists()


def test_with_a_queue_that_can_wait_a_failure_schedules_its_own_retry(
    failing_mail, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    person = learner()
    with django_capture_on_commit_callbacks(execute=True):
        notification = record(person)
    with django_capture_on_commit_callbacks(execute=True):
        services.deliver(notification_id=notification.pk)
    notification.refresh_from_db()
    first, retry = [
        result
        for result in send_notification.get_backend().results
        if result.task.name == "send_notification"
    ]
    assert first.args == [] and first.kwargs == {"notification_id": notification.pk}
    assert first.task.run_after is None
    assert retry.task.run_after == notification.next_attempt_at


def test_names_and_titles_are_escaped_in_the_html_part(django_capture_on_commit_callbacks):
    person = learner()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipient=person,
            kind=NotificationKind.ENROLMENT_CONFIRMED,
            key="xss",
            template=TEMPLATE,
            context={**context("fr"), "course": '<img src=x onerror="alert(1)">'},
        )
    [message] = mail.outbox
    html = message.alternatives[0][0]
    assert "<img" not in html
    assert "&lt;img" in html
    assert '<img src=x onerror="alert(1)">' in message.body  # plain text is not HTML
