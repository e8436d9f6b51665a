"""An issued certificate is e-mailed to its holder through the outbox, with its PDF, once
(certificates/notifications.py)."""

import pytest
from django.core import mail

from lms.notifications.models import Notification, NotificationKind, NotificationStatus
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.django_db


def test_an_issued_certificate_is_e_mailed_through_the_outbox_with_its_pdf(
    site, django_capture_on_commit_callbacks
):
    from certificates import services as certificate_services
    from tests.factories.certificates import completed_enrolment

    completed = completed_enrolment(person=learner(preferred_language="ar"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_services.issue_certificate(
            enrolment=completed.enrolment, issued_by=administrator()
        )
    with django_capture_on_commit_callbacks(execute=True):
        certificate_services.issue_certificate(
            enrolment=completed.enrolment, issued_by=administrator()
        )
    [message] = mail.outbox
    assert message.attachments[0][0] == f"{certificate.serial}.pdf"
    assert message.attachments[0][1].startswith(b"%PDF")
    notification = Notification.objects.get(kind=NotificationKind.CERTIFICATE_ISSUED)
    assert notification.user == completed.learner
    assert notification.key == f"certificate-issued:{certificate.pk}"
    assert notification.status == NotificationStatus.SENT
