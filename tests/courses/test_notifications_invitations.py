"""The invitations of people imported into a cohort (notifications.notify_invitation), sent
through the outbox: once, in the invitation's language, and kept until they go."""

import pytest
from django.utils import timezone

from courses.models import Cohort, Invitation
from courses.notifications import notify_invitation
from courses.services import apply_import
from tests.courses.helpers import csv_of
from tests.factories.courses import build_course
from tests.factories.users import administrator


@pytest.fixture
def cohort(site):
    tree = build_course(enrolment_policy="admin")
    return Cohort.objects.create(name="Oujda 2026", course=tree.course)


def test_an_invitation_that_fails_to_send_stays_in_the_outbox_and_is_sent_once_later(
    cohort, mailoutbox, settings, django_capture_on_commit_callbacks
):
    from lms.notifications.models import Notification, NotificationStatus
    from lms.notifications.services import send_pending

    settings.MAILERS = {
        "default": {"BACKEND": "tests.lms.notifications.test_services.FailingBackend"}
    }
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


def test_an_invitation_is_written_in_its_language_to_its_address_once(cohort):
    from lms.notifications.models import Notification, NotificationKind

    invitation = Invitation.objects.create(
        email="nouvelle@nador.ma", full_name_arabic="وافدة جديدة", language="ar", cohort=cohort
    )
    first = notify_invitation(invitation_id=invitation.pk)
    again = notify_invitation(invitation_id=invitation.pk)
    assert again == first
    notification = Notification.objects.get(kind=NotificationKind.INVITATION)
    assert (notification.to, notification.language, notification.user) == (
        "nouvelle@nador.ma",
        "ar",
        None,
    )
    assert cohort.course.title_in("ar") in notification.body


def test_an_accepted_or_unknown_invitation_is_not_sent(cohort):
    from lms.notifications.models import Notification

    accepted = Invitation.objects.create(
        email="deja@nador.ma", cohort=cohort, accepted_at=timezone.now()
    )
    assert notify_invitation(invitation_id=accepted.pk) is None
    assert notify_invitation(invitation_id=accepted.pk + 1000) is None
    assert not Notification.objects.exists()
