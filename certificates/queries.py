"""Reads that feed the certificate pages, each with a fixed number of queries."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from .models import Certificate, CertificateStatus


@dataclass(frozen=True)
class Verification:
    """What the public verification page may show: the facts printed, nothing else."""

    certificate: Certificate
    serial: str
    status: str
    status_label: str
    learner_name_latin: str
    learner_name_arabic: str
    course_title_fr: str
    course_title_ar: str
    hours: str
    completion_date: str
    issue_date: str
    template_version: int
    revoked_at: object
    superseded_by_serial: str
    pdf_sha256: str

    @property
    def is_valid(self) -> bool:
        return self.status == CertificateStatus.VALID


def verification(*, code: str) -> Verification | None:
    certificate = (
        Certificate.objects.select_related("superseded_by").filter(verification_code=code).first()
    )
    if certificate is None:
        return None
    snapshot = certificate.snapshot
    return Verification(
        certificate=certificate,
        serial=certificate.serial,
        status=certificate.status,
        status_label=certificate.get_status_display(),
        learner_name_latin=snapshot["learner_name_latin"],
        learner_name_arabic=snapshot["learner_name_arabic"],
        course_title_fr=snapshot["course_title_fr"],
        course_title_ar=snapshot["course_title_ar"],
        hours=snapshot["hours"],
        completion_date=snapshot["completion_date"],
        issue_date=snapshot["issue_date"],
        template_version=snapshot["template"]["version"],
        revoked_at=certificate.revoked_at,
        superseded_by_serial=certificate.superseded_by.serial if certificate.superseded_by else "",
        pdf_sha256=certificate.pdf_sha256,
    )


def find_by_serial_and_code(*, serial: str, code: str) -> Certificate | None:
    certificate = Certificate.objects.filter(serial=serial.strip().upper()).first()
    if certificate is None or not hmac.compare_digest(
        certificate.verification_code.encode(), code.strip().encode()
    ):
        return None
    return certificate


def my_certificates(*, learner) -> list[Certificate]:
    return list(
        Certificate.objects.of_learner(learner).select_related("course").order_by("-issued_at")
    )
