"""Concurrent sends (services.deliver) and notifies on PostgreSQL, with real threads and connections."""

import time

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from lms.notifications import services
from lms.notifications.models import Notification, NotificationKind, NotificationStatus
from tests.factories.users import learner
from tests.races import errors_in, run_together

THREADS = 8


class SlowBackend(EmailBackend):
    """A mail server that takes its time, so that every thread arrives while one sends."""

    def send_messages(self, messages):
        time.sleep(0.2)
        return super().send_messages(messages)


def _notify(person, key="race:1"):
    return services.notify(
        recipient=person,
        kind=NotificationKind.ENROLMENT_CONFIRMED,
        key=key,
        template="courses/email/enrolment_confirmed",
        context={"course": "Migration et communes", "course_url": "https://ensa.example.ma/"},
    )


def test_a_notification_sent_by_several_workers_at_once_goes_out_once(
    restore_seed_after_flush, postgres_only, transactional_db, settings
):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.SlowBackend"}}
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    notification = _notify(learner())
    mail.outbox = []
    results = run_together([lambda: services.deliver(notification_id=notification.pk)] * THREADS)
    assert errors_in(results) == []
    assert sorted(results) == [False] * (THREADS - 1) + [True]
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT and notification.attempts == 1


def test_the_same_notification_recorded_by_several_processes_at_once_is_one_row(
    restore_seed_after_flush, postgres_only, transactional_db, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    person = learner()
    results = run_together([lambda: _notify(person)] * THREADS)
    assert errors_in(results) == []
    assert len({notification.pk for notification in results}) == 1
    assert Notification.objects.count() == 1
