"""Reads that feed the certificate pages: the verification of a code, the lookup by serial and
code, and a learner's own certificates."""

import pytest

from certificates import queries, services
from certificates.models import CertificateStatus
from tests.factories.certificates import issued_certificate
from tests.factories.users import administrator

pytestmark = pytest.mark.django_db


def test_a_verification_shows_the_facts_of_the_snapshot_not_the_records_of_today(site):
    certificate = issued_certificate()
    certificate.learner.full_name_latin = "Renamed Since"
    certificate.learner.save()
    found = queries.verification(code=certificate.verification_code)
    snapshot = certificate.snapshot
    assert (found.serial, found.status, found.is_valid) == (
        certificate.serial,
        CertificateStatus.VALID,
        True,
    )
    assert (found.learner_name_latin, found.course_title_ar, found.hours) == (
        snapshot["learner_name_latin"],
        snapshot["course_title_ar"],
        snapshot["hours"],
    )
    assert found.template_version == certificate.template_version.number
    assert found.pdf_sha256 == certificate.pdf_sha256
    assert found.superseded_by_serial == ""


def test_a_verification_of_a_superseded_certificate_names_its_replacement(site):
    certificate = issued_certificate()
    new = services.reissue_certificate(certificate=certificate, issued_by=administrator())
    found = queries.verification(code=certificate.verification_code)
    assert not found.is_valid
    assert found.status == CertificateStatus.SUPERSEDED
    assert found.superseded_by_serial == new.serial


def test_an_unknown_code_verifies_nothing(site):
    issued_certificate()
    assert queries.verification(code="not-a-code") is None


def test_a_certificate_is_found_by_its_serial_and_its_code_together_only(site):
    certificate = issued_certificate()
    other = issued_certificate()
    serial, code = certificate.serial, certificate.verification_code
    assert queries.find_by_serial_and_code(serial=serial, code=code) == certificate
    assert queries.find_by_serial_and_code(serial=f" {serial.lower()} ", code=f" {code} ") == (
        certificate
    )
    assert queries.find_by_serial_and_code(serial=serial, code=other.verification_code) is None
    assert queries.find_by_serial_and_code(serial=serial, code=code.upper() + "x") is None
    assert queries.find_by_serial_and_code(serial="ENSA-1999-000001", code=code) is None


def test_my_certificates_are_the_learners_own_newest_first(site):
    first = issued_certificate()
    person = first.learner
    second = issued_certificate(person=person)
    issued_certificate()  # someone else's
    assert queries.my_certificates(learner=person) == [second, first]
