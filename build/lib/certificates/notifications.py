"""What the certificates app tells people by e-mail, through the outbox (lms.notifications)."""

from __future__ import annotations

from lms.notifications.api import NotificationKind, notify

from .models import Certificate


def notify_certificate_issued(*, certificate: Certificate):
    """Tell the learner, in their preferred language, with the PDF attached; once per
    certificate (a reissue is a new certificate, told again)."""
    learner = certificate.learner
    if learner is None:
        return None
    data = certificate.data

    def context(language: str) -> dict:
        return {
            "course": data.course_title_ar if language == "ar" else data.course_title_fr,
            "serial": certificate.serial,
            "verify_url": certificate.get_verify_url(),
        }

    return notify(
        recipient=learner,
        kind=NotificationKind.CERTIFICATE_ISSUED,
        key=f"certificate-issued:{certificate.pk}",
        template="certificates/email/issued",
        context=context,
        attachments=[
            {
                "path": certificate.pdf.name,
                "filename": f"{certificate.serial}.pdf",
                "mimetype": "application/pdf",
            }
        ],
    )
