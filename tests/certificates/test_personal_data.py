"""What the register gives a learner who asks for their data, and what it keeps on erasure."""

import pytest

from certificates import services
from certificates.models import Certificate, CertificateStatus
from certificates.personal_data import anonymise_learner, export_learner
from tests.factories.certificates import issued_certificate
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.django_db


def test_the_export_lists_the_learners_certificates_as_they_state_them(site):
    certificate = issued_certificate()
    person = certificate.learner
    new = services.reissue_certificate(certificate=certificate, issued_by=administrator())
    issued_certificate()  # someone else's
    exported = export_learner(person)["certificates"]
    assert [(entry["serial"], entry["status"]) for entry in exported] == [
        (certificate.serial, CertificateStatus.SUPERSEDED),
        (new.serial, CertificateStatus.VALID),
    ]
    assert exported[1]["learner_name_arabic"] == new.snapshot["learner_name_arabic"]
    assert exported[1]["course_title_fr"] == new.snapshot["course_title_fr"]
    assert exported[1]["verification_url"] == new.get_verify_url()


def test_a_learner_without_certificates_exports_an_empty_list(site):
    assert export_learner(learner()) == {"certificates": []}


def test_erasure_keeps_the_certificates_and_what_they_state(site):
    certificate = issued_certificate()
    before = dict(certificate.snapshot)
    anonymise_learner(certificate.learner)
    kept = Certificate.objects.get(pk=certificate.pk)
    assert kept.learner == certificate.learner and kept.snapshot == before
    assert kept.status == CertificateStatus.VALID
