"""Issuing, reissuing and revoking through the services, and what the register keeps."""

import hashlib
import re

import pytest
from django.core import mail
from django.db.models import ProtectedError
from wagtail.models import ModelLogEntry

from certificates import services
from certificates.eligibility import INCOMPLETE, NOT_ENROLLED, check_eligibility
from certificates.models import Certificate, CertificateStatus, TemplateVersion
from courses import services as course_services
from tests.factories.certificates import (
    certification,
    complete_course,
    completed_enrolment,
    issued_certificate,
)
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.django_db


def test_a_learner_who_completed_every_required_lesson_is_eligible(site):
    completed = completed_enrolment()
    assert check_eligibility(enrolment=completed.enrolment).ok


def test_an_incomplete_learner_is_not_eligible_and_told_why(site):
    tree = build_course(modules=1, lessons_per_module=3)
    person = learner()
    enrolment = course_services.enrol(learner=person, course=tree.course)
    course_services.complete_lesson(learner=person, lesson=tree.lessons[0])
    decision = check_eligibility(enrolment=enrolment)
    assert not decision.ok
    assert decision.code == INCOMPLETE
    assert "1" in decision.reason and "3" in decision.reason


def test_a_withdrawn_learner_is_not_eligible(site):
    completed = completed_enrolment()
    course_services.unenrol(learner=completed.learner, course=completed.tree.course)
    completed.enrolment.refresh_from_db()
    assert check_eligibility(enrolment=completed.enrolment).code == NOT_ENROLLED


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


def test_a_course_with_certificates_cannot_be_deleted(site):
    certificate = issued_certificate()
    with pytest.raises(ProtectedError):
        certificate.course.delete()


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


def test_the_database_refuses_two_valid_certificates_for_one_learner_and_course(site):
    from django.db import IntegrityError, transaction

    certificate = issued_certificate()
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            serial="ENSA-1999-000001",
            learner=certificate.learner,
            course=certificate.course,
            template_version=certificate.template_version,
            snapshot={},
            signed_payload="",
            pdf_sha256="",
        )


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


def test_automatic_issue_on_completion_only_when_an_administrator_asked_for_it(
    site, django_capture_on_commit_callbacks
):
    manual = build_course(modules=1, lessons_per_module=1)
    switched_off = build_course(modules=1, lessons_per_module=1)
    certification(switched_off.course, auto_issue=False)
    automatic = build_course(modules=1, lessons_per_module=1)
    certification(automatic.course, auto_issue=True, by=administrator())
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(switched_off)
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(manual)
    assert not Certificate.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = complete_course(automatic)
    certificate = Certificate.objects.get()
    assert certificate.enrolment == enrolment
    assert certificate.issued_by is None


def test_a_required_quiz_must_be_passed_before_a_certificate(site):
    from courses.quizzes import services as quiz_services
    from tests.factories.quizzes import question, quiz

    tree = build_course(modules=1, lessons_per_module=1)
    item = question(course=tree.course, kind="single")
    exam = quiz(module=tree.modules[0], questions=[item])
    person = learner()
    enrolment = complete_course(tree, person)
    decision = check_eligibility(enrolment=enrolment)
    assert (decision.ok, decision.code, decision.done, decision.required) == (
        False,
        INCOMPLETE,
        1,
        2,
    )
    attempt = quiz_services.start_attempt(learner=person, quiz=exam)
    key = attempt.snapshot[0]["key"]
    quiz_services.submit_attempt(attempt=attempt, answers={key: "b"}, version=0)
    assert not check_eligibility(enrolment=enrolment).ok
    attempt = quiz_services.start_attempt(learner=person, quiz=exam)
    quiz_services.submit_attempt(
        attempt=attempt, answers={attempt.snapshot[0]["key"]: "a"}, version=0
    )
    enrolment.refresh_from_db()
    assert check_eligibility(enrolment=enrolment).ok
