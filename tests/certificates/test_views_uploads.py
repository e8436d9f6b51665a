"""The verification page's PDF comparison: the size of an anonymous upload is refused before
its body is read, and a normal upload still has its CSRF token checked."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from certificates import forms as certificate_forms
from tests.factories.certificates import issued_certificate

pytestmark = pytest.mark.django_db


def verify_url(code: str = "unknown") -> str:
    with translation.override("fr"):
        return reverse("certificates:verify", kwargs={"code": code})


class ExplodingBody(io.RawIOBase):
    """A request body that must not be read."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer):
        raise AssertionError("the body of a too large upload was read")


def test_a_declared_60_mb_upload_is_refused_before_its_body_is_read(site):
    certificate = issued_certificate()
    client = Client(enforce_csrf_checks=True)  # the CSRF check reads request.POST
    response = client.generic(
        "POST",
        verify_url(certificate.verification_code),
        b"",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
        **{"wsgi.input": ExplodingBody()},
    )
    assert response.status_code == 413
    html = response.content.decode()
    with translation.override("fr"):
        assert str(certificate_forms.TOO_LARGE).replace("'", "&#x27;") in html


def test_a_certificate_sized_upload_is_still_compared_with_csrf_checked(site):
    certificate = issued_certificate()
    client = Client(enforce_csrf_checks=True)
    url = verify_url(certificate.verification_code)
    page = client.get(url)
    token = page.cookies["csrftoken"].value
    pdf = certificate.pdf.open("rb").read()
    same = client.post(
        url,
        {"pdf": SimpleUploadedFile("c.pdf", pdf, "application/pdf"), "csrfmiddlewaretoken": token},
    )
    assert same.status_code == 200
    assert 'data-comparison="match"' in same.content.decode()
    forged = Client(enforce_csrf_checks=True).post(
        url, {"pdf": SimpleUploadedFile("c.pdf", pdf, "application/pdf")}
    )
    assert forged.status_code == 403


def test_the_form_refuses_a_too_large_file_that_the_declared_size_let_through(
    client, site, monkeypatch
):
    certificate = issued_certificate()
    monkeypatch.setattr(certificate_forms, "MAX_PDF_BYTES", 1000)
    response = client.post(
        verify_url(certificate.verification_code),
        {"pdf": SimpleUploadedFile("c.pdf", b"%PDF-1.7 " + b"x" * 2000, "application/pdf")},
    )
    assert response.status_code == 200
    assert "data-comparison" not in response.content.decode()
    assert response.context["form"].errors["pdf"] == [str(certificate_forms.TOO_LARGE)]
