"""The e-mail that tells a learner their certificate was issued: in their language, with its PDF,
through the outbox, once (certificates/notifications.py)."""

import pytest
from django.core import mail

from certificates import services
from lms.notifications.models import Notification, NotificationKind, NotificationStatus
from tests.factories.certificates import completed_enrolment
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.django_db


def test_the_learner_is_emailed_in_their_language_with_the_pdf(
    site, django_capture_on_commit_callbacks
):
    completed = completed_enrolment(person=learner(preferred_language="ar"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue_certificate(
            enrolment=completed.enrolment, issued_by=administrator()
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [completed.learner.email]
    assert completed.tree.course_ar.title in message.subject
    assert certificate.get_verify_url() in message.body
    assert message.attachments[0][0] == f"{certificate.serial}.pdf"


def test_an_issued_certificate_is_e_mailed_through_the_outbox_with_its_pdf(
    site, django_capture_on_commit_callbacks
):
    completed = completed_enrolment(person=learner(preferred_language="ar"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue_certificate(
            enrolment=completed.enrolment, issued_by=administrator()
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_certificate(enrolment=completed.enrolment, issued_by=administrator())
    [message] = mail.outbox
    assert message.attachments[0][0] == f"{certificate.serial}.pdf"
    assert message.attachments[0][1].startswith(b"%PDF")
    notification = Notification.objects.get(kind=NotificationKind.CERTIFICATE_ISSUED)
    assert notification.user == completed.learner
    assert notification.key == f"certificate-issued:{certificate.pk}"
    assert notification.status == NotificationStatus.SENT
