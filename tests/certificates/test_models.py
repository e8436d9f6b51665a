"""What the register's models guarantee themselves: protected courses, one valid certificate per
learner and course, template wording and preview, the language-neutral verification URL."""

from io import BytesIO

import pytest
from django.db.models import ProtectedError
from django.test import RequestFactory
from django.urls import reverse
from pypdf import PdfReader

from certificates.models import Certificate, CertificateTemplate, verify_url
from tests.factories.certificates import issued_certificate

pytestmark = pytest.mark.django_db

CODE = "dXqVkw0WbchnUBGw3oHk8Y_vBcI9V7_m"  # 192 bits, as models.new_verification_code makes


def test_a_course_with_certificates_cannot_be_deleted(site):
    certificate = issued_certificate()
    with pytest.raises(ProtectedError):
        certificate.course.delete()


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


def test_template_preview_renders_a_pdf_with_the_template_wording(site):
    template = CertificateTemplate.objects.create(name="Test", heading_fr="Certificat spécial")
    request = RequestFactory().get("/")
    response = template.serve_preview(request, "")
    assert response["Content-Type"] == "application/pdf"

    assert "Certificat spécial" in PdfReader(BytesIO(response.content)).pages[0].extract_text()


@pytest.mark.parametrize(
    "field, wording",
    [
        ("duration_fr", "d'une durée de {heures} heures,"),
        ("done_at_ar", "حرر ب{place} في {date.__class__}"),
        ("completed_fr", "achevée le {date"),
    ],
)
def test_a_template_wording_with_an_unknown_placeholder_is_refused_and_changes_nothing(
    admin_client, site, field, wording
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from certificates.models import WORDING_FIELDS

    template = CertificateTemplate.objects.create(name="Modèle")
    before = {name: getattr(template, name) for name in WORDING_FIELDS}
    url = reverse("wagtailsnippets_certificates_certificatetemplate:edit", args=[template.pk])
    data = nested_form_data(
        {"name": "Modèle", **before, field: wording, "signatories": inline_formset([])}
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    template.refresh_from_db()
    assert {name: getattr(template, name) for name in WORDING_FIELDS} == before


def test_the_verification_url_is_language_neutral():
    assert verify_url(CODE) == f"http://testserver/v/{CODE}"
