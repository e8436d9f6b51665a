"""Issuing, reissuing and revoking through the services, and what the register keeps."""

import hashlib
import re

import pytest
from wagtail.models import ModelLogEntry

from certificates import services
from certificates.models import Certificate, CertificateStatus, TemplateVersion
from courses import services as course_services
from tests.factories.certificates import (
    complete_course,
    completed_enrolment,
    issued_certificate,
)
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.django_db


def test_issue_refuses_an_ineligible_learner_and_changes_nothing(site):
    tree = build_course(modules=1, lessons_per_module=2)
    enrolment = course_services.enrol(learner=learner(), course=tree.course)
    with pytest.raises(services.NotEligible):
        services.issue_certificate(enrolment=enrolment, issued_by=administrator())
    assert not Certificate.objects.exists()


def test_issue_records_serial_code_snapshot_pdf_and_fingerprint(site):
    completed = completed_enrolment()
    certificate = services.issue_certificate(
        enrolment=completed.enrolment, issued_by=administrator()
    )
    assert re.fullmatch(r"ENSA-\d{4}-\d{6}", certificate.serial)
    assert len(certificate.verification_code) >= 32  # 192 random bits, base64url
    pdf = certificate.pdf.read()
    assert pdf.startswith(b"%PDF")
    assert hashlib.sha256(pdf).hexdigest() == certificate.pdf_sha256
    snapshot = certificate.snapshot
    assert snapshot["learner_name_latin"] == completed.learner.full_name_latin
    assert snapshot["learner_name_arabic"] == completed.learner.full_name_arabic
    assert snapshot["course_title_fr"] == completed.tree.course.title
    assert snapshot["course_title_ar"] == completed.tree.course_ar.title
    assert snapshot["hours"] == "12"
    assert snapshot["template"]["version"] == certificate.template_version.number
    assert certificate.status == CertificateStatus.VALID
    assert Certificate.objects.valid().get() == certificate


def test_issuing_twice_returns_the_same_certificate(site):
    completed = completed_enrolment()
    admin = administrator()
    first = services.issue_certificate(enrolment=completed.enrolment, issued_by=admin)
    again = services.issue_certificate(enrolment=completed.enrolment, issued_by=admin)
    assert again.pk == first.pk
    assert Certificate.objects.count() == 1


def test_serials_follow_each_other_without_gaps(site):
    serials = [issued_certificate().serial for _ in range(3)]
    numbers = [int(s.rsplit("-", 1)[1]) for s in serials]
    assert numbers == list(range(numbers[0], numbers[0] + 3))


def test_later_edits_of_the_learner_and_course_change_nothing_certified(site):
    certificate = issued_certificate()
    person, course = certificate.learner, certificate.course
    original = dict(certificate.snapshot)
    person.full_name_latin = "Autre Nom"
    person.save()
    course.title = "Autre titre"
    course.save_revision().publish()
    certificate.refresh_from_db()
    assert certificate.snapshot == original
    person.delete()
    certificate.refresh_from_db()
    assert certificate.learner is None
    assert certificate.snapshot["learner_name_latin"] == original["learner_name_latin"]


def test_revoke_needs_a_reason_and_records_who_and_when(site):
    certificate = issued_certificate()
    admin = administrator()
    with pytest.raises(services.CertificateError):
        services.revoke_certificate(certificate=certificate, reason=" ", revoked_by=admin)
    services.revoke_certificate(
        certificate=certificate, reason="Fraude constatée", revoked_by=admin
    )
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revoked_by == admin and certificate.revoked_at is not None
    assert certificate.revoked_reason == "Fraude constatée"
    assert not Certificate.objects.valid().exists()
    with pytest.raises(services.CertificateError):
        services.revoke_certificate(certificate=certificate, reason="encore", revoked_by=admin)


def test_reissue_supersedes_the_old_certificate_which_stays_in_the_register(site):
    certificate = issued_certificate()
    person = certificate.learner
    person.full_name_latin = "Fatima-Zahra Benali-Idrissi"
    person.save()
    new = services.reissue_certificate(
        certificate=certificate, issued_by=administrator(), reason="Nom corrigé"
    )
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.SUPERSEDED
    assert certificate.superseded_by == new
    assert new.serial != certificate.serial
    assert new.snapshot["learner_name_latin"] == "Fatima-Zahra Benali-Idrissi"
    assert list(Certificate.objects.valid()) == [new]


def test_every_action_is_in_the_audit_log(site):
    admin = administrator()
    certificate = issued_certificate()
    new = services.reissue_certificate(certificate=certificate, issued_by=admin)
    services.revoke_certificate(certificate=new, reason="Erreur", revoked_by=admin)
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {
        services.ACTION_ISSUE,
        services.ACTION_REISSUE,
        services.ACTION_SUPERSEDE,
        services.ACTION_REVOKE,
    } <= actions


def test_editing_a_template_makes_a_new_version_and_issued_certificates_keep_theirs(site):
    certificate = issued_certificate()
    version = certificate.template_version
    template = version.template
    template.heading_fr = "Certificat de participation"
    template.save()
    current = services.current_template_version(template=template)
    assert current.number == version.number + 1
    assert services.current_template_version(template=template) == current
    certificate.refresh_from_db()
    assert certificate.template_version == version
    assert version.as_data().heading_fr == "Attestation de formation"
    assert TemplateVersion.objects.filter(template=template).count() == 2


def test_bulk_issue_twice_issues_nothing_new(site, django_capture_on_commit_callbacks):
    from certificates import services

    tree = build_course(modules=1, lessons_per_module=1)
    complete_course(tree)
    admin = administrator()
    with django_capture_on_commit_callbacks(execute=True):
        services.bulk_issue(course=tree.course, issued_by=admin)
    with django_capture_on_commit_callbacks(execute=True):
        second = services.bulk_issue(course=tree.course, issued_by=admin)
    second.refresh_from_db()
    assert (second.issued, second.already_issued) == (0, 1)
