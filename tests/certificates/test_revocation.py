"""A revoked certificate stays revoked: no issue path gives the learner a new one, only an
explicit reissue by an administrator."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from certificates import services
from certificates.eligibility import REVOKED, Eligibility, check_eligibility
from certificates.models import Certificate, CertificateStatus
from certificates.tasks import auto_issue_task
from tests.factories.certificates import certification, completed_enrolment
from tests.factories.users import administrator

pytestmark = pytest.mark.django_db


def revoked_certificate(**kwargs):
    completed = completed_enrolment(**kwargs)
    admin = administrator()
    certificate = services.issue_certificate(enrolment=completed.enrolment, issued_by=admin)
    services.revoke_certificate(
        certificate=certificate, reason="Fraude constatée", revoked_by=admin
    )
    certificate.refresh_from_db()
    return completed, certificate


def test_a_learner_whose_certificate_was_revoked_is_not_eligible_and_told_why(site):
    completed, certificate = revoked_certificate()
    decision = check_eligibility(enrolment=completed.enrolment)
    assert (decision.ok, decision.code) == (False, REVOKED)
    assert decision.revoked_on == timezone.localdate(certificate.revoked_at)
    assert str(decision.revoked_on.year) in decision.reason


def test_the_reason_gives_the_date_in_the_active_language():
    decision = Eligibility(False, REVOKED, revoked_on=date(2026, 11, 27))
    with translation.override("fr"):
        assert "27 novembre 2026" in decision.reason
    with translation.override("ar"):
        assert "27 نونبر 2026" in decision.reason


def test_issuing_again_after_a_revocation_is_refused(site):
    completed, _revoked = revoked_certificate()
    mail.outbox.clear()
    with pytest.raises(services.NotEligible) as refusal:
        services.issue_certificate(enrolment=completed.enrolment, issued_by=administrator())
    assert refusal.value.eligibility.code == REVOKED
    assert not Certificate.objects.valid().exists()
    assert mail.outbox == []


def test_a_bulk_issue_skips_the_learner_whose_certificate_was_revoked_with_the_reason(
    site, client, django_capture_on_commit_callbacks
):
    completed, certificate = revoked_certificate()
    admin = administrator()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        run = services.bulk_issue(course=completed.tree.course, issued_by=admin)
    run.refresh_from_db()
    assert (run.issued, run.already_issued, run.skipped) == (0, 0, 1)
    [skipped] = run.skipped_details
    assert skipped["code"] == REVOKED
    assert skipped["revoked_on"] == timezone.localdate(certificate.revoked_at).isoformat()
    assert list(Certificate.objects.all()) == [certificate]
    assert mail.outbox == []
    reason = Eligibility(
        False, REVOKED, revoked_on=timezone.localdate(certificate.revoked_at)
    ).reason
    assert services.skipped_reason(skipped) == reason
    client.force_login(admin)
    page = client.get(reverse("certificate_bulk_issues:inspect", args=[run.pk])).content.decode()
    assert completed.learner.display_name in page


def test_automatic_issue_does_not_undo_a_revocation(site):
    completed, _revoked = revoked_certificate()
    certification(completed.tree.course, auto_issue=True)
    assert services.issues_automatically(course_id=completed.tree.course.pk)
    auto_issue_task.enqueue(enrolment_id=completed.enrolment.pk)
    assert not Certificate.objects.valid().exists()


def test_reissuing_a_revoked_certificate_gives_a_new_one_and_the_old_stays_revoked(
    site, django_capture_on_commit_callbacks
):
    completed, revoked = revoked_certificate()
    admin = administrator()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        new = services.reissue_certificate(
            certificate=revoked, issued_by=admin, reason="Erreur corrigée"
        )
    revoked.refresh_from_db()
    assert revoked.status == CertificateStatus.REVOKED and revoked.superseded_by is None
    assert new.is_valid and new.serial != revoked.serial
    assert new.learner == completed.learner
    assert len(mail.outbox) == 1
    entry = ModelLogEntry.objects.get(action=services.ACTION_REISSUE, object_id=str(new.pk))
    assert entry.data["replaces"] == revoked.serial and entry.data["revoked"] is True
    assert revoked.serial in entry.message
    # Once reissued, issuing returns the new certificate.
    assert services.issue_certificate(enrolment=completed.enrolment, issued_by=admin) == new


def test_a_revoked_certificate_is_not_reissued_when_the_learner_already_holds_a_valid_one(site):
    _completed, revoked = revoked_certificate()
    admin = administrator()
    services.reissue_certificate(certificate=revoked, issued_by=admin)
    with pytest.raises(services.CertificateError) as refusal:
        services.reissue_certificate(certificate=revoked, issued_by=admin)
    assert refusal.value.code == services.CertificateError.ALREADY_VALID
    assert Certificate.objects.valid().count() == 1


def test_a_superseded_certificate_is_not_reissued(site):
    _completed, revoked = revoked_certificate()
    admin = administrator()
    valid = services.reissue_certificate(certificate=revoked, issued_by=admin)
    services.reissue_certificate(certificate=valid, issued_by=admin)
    valid.refresh_from_db()
    with pytest.raises(services.CertificateError) as refusal:
        services.reissue_certificate(certificate=valid, issued_by=admin)
    assert refusal.value.code == services.CertificateError.SUPERSEDED


def test_the_register_offers_to_reissue_a_revoked_certificate_and_does_it(site, client):
    _completed, revoked = revoked_certificate()
    client.force_login(administrator())
    url = reverse("certificate_actions:reissue", args=[revoked.pk])
    assert url in client.get(reverse("certificate_register:index")).content.decode()
    assert (
        url
        in client.get(reverse("certificate_register:inspect", args=[revoked.pk])).content.decode()
    )
    form = client.get(url)
    assert form.status_code == 200 and "data-notice" in form.content.decode()
    response = client.post(url, {"reason": "Décision annulée"})
    new = Certificate.objects.valid().get()
    assert response["Location"] == reverse("certificate_register:inspect", args=[new.pk])
    revoked.refresh_from_db()
    assert revoked.status == CertificateStatus.REVOKED
