"""What the certificate register holds about a learner. The register is kept on erasure."""

from __future__ import annotations

from .models import Certificate


def export_learner(user) -> dict:
    certificates = Certificate.objects.filter(learner=user).order_by("issued_at")
    return {
        "certificates": [
            {
                "serial": certificate.serial,
                "status": certificate.status,
                "learner_name_latin": certificate.snapshot.get("learner_name_latin", ""),
                "learner_name_arabic": certificate.snapshot.get("learner_name_arabic", ""),
                "course_title_fr": certificate.snapshot.get("course_title_fr", ""),
                "course_title_ar": certificate.snapshot.get("course_title_ar", ""),
                "issued_at": certificate.issued_at,
                "revoked_at": certificate.revoked_at,
                "verification_url": certificate.get_verify_url(),
            }
            for certificate in certificates
        ]
    }


def anonymise_learner(user) -> None:
    """Nothing is erased: each certificate is a public proof issued to the person, and what it
    states (their name, the course, the dates) must still verify for whoever they showed it
    to (law 09-08, art. 4: processing required by a legal obligation of ENSA)."""
