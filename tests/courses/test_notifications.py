"""The e-mails of courses (courses/notifications.py), sent through the outbox."""

import pytest

from courses.models import Cohort
from courses.services import apply_import
from tests.factories.courses import build_course
from tests.factories.users import administrator

HEADER = "courriel;nom_latin;nom_arabe;organisme;fonction\n"


@pytest.fixture
def cohort(site):
    tree = build_course(enrolment_policy="admin")
    return Cohort.objects.create(name="Oujda 2026", course=tree.course)


def csv_of(*lines: str) -> bytes:
    return (HEADER + "\n".join(lines) + "\n").encode("utf-8")


def test_an_invitation_that_fails_to_send_stays_in_the_outbox_and_is_sent_once_later(
    cohort, mailoutbox, settings, django_capture_on_commit_callbacks
):
    from lms.notifications.models import Notification, NotificationStatus
    from lms.notifications.services import send_pending

    settings.MAILERS = {"default": {"BACKEND": "tests.notifications.test_services.FailingBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        apply_import(
            cohort=cohort,
            data=csv_of("new@nador.ma;Nouveau Venu;وافد جديد;nador;"),
            by=administrator(),
        )
    invitation = Notification.objects.get(to="new@nador.ma")
    assert (
        invitation.status == NotificationStatus.PENDING
        and invitation.user is None
        and invitation.last_error
    )

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    Notification.objects.filter(pk=invitation.pk).update(next_attempt_at=None)
    send_pending()
    send_pending()
    assert [message.to for message in mailoutbox] == [["new@nador.ma"]]
