"""A revoked certificate stays revoked: no issue path gives the learner a new one, only an
explicit reissue by an administrator."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates import services
from certificates.eligibility import REVOKED, Eligibility
from certificates.models import Certificate, CertificateStatus
from tests.factories.certificates import revoked_certificate
from tests.factories.users import administrator

pytestmark = pytest.mark.django_db


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
