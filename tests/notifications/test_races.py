"""Concurrent sends and notifies on PostgreSQL, with real threads and connections."""

import threading
import time

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import close_old_connections, connection

from lms.notifications import services
from lms.notifications.models import Notification, NotificationKind, NotificationStatus
from tests.factories.users import learner

THREADS = 8


class SlowBackend(EmailBackend):
    """A mail server that takes its time, so that every thread arrives while one sends."""

    def send_messages(self, messages):
        time.sleep(0.2)
        return super().send_messages(messages)


def _in_threads(calls):
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def run(call):
        try:
            barrier.wait()
            results.append(call())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    close_old_connections()
    return results, errors


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
    results, errors = _in_threads(
        [lambda: services.deliver(notification_id=notification.pk)] * THREADS
    )
    assert errors == []
    assert sorted(results) == [False] * (THREADS - 1) + [True]
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT and notification.attempts == 1


def test_the_same_notification_recorded_by_several_processes_at_once_is_one_row(
    restore_seed_after_flush, postgres_only, transactional_db, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    person = learner()
    results, errors = _in_threads([lambda: _notify(person)] * THREADS)
    assert errors == []
    assert len({notification.pk for notification in results}) == 1
    assert Notification.objects.count() == 1
