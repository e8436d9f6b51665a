"""`verify_certificate` checks a certificate with what ENSA publishes, without the register:
the PDF's signature, the credential inside it, a credential alone, and the QR code of a PDF
or of a photo or scan of the paper."""

import json
from dataclasses import replace

import pytest
from PIL import Image, ImageFilter

from certificates import pdfsign
from certificates.credential import enveloped
from certificates.offline import verify_credential_text, verify_image, verify_pdf
from certificates.statement import sign_statement
from tests.certificates.forge import (
    credential_of,
    genuine,
    other_register_key,
    sample_data,
)
from tests.certificates.helpers import _keys
from tests.certificates.pdftools import need, page_image

pytestmark = pytest.mark.usefixtures("_messages_in_english")


OTHER_KEY = other_register_key()


def _check(pdf: bytes, **options):
    options.setdefault("local_status", False)
    return verify_pdf(
        pdf, certificates=pdfsign.published_certificates(), public_keys=_keys(), **options
    )


@pytest.fixture(scope="module")
def certificate() -> bytes:
    return genuine()


def test_a_genuine_pdf_verifies(certificate):
    result = _check(certificate)
    assert result.ok, result.problems
    assert result.serial == "ENSA-2026-000123"
    assert result.signature.covers_whole_file
    assert result.credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]


def test_the_qr_code_of_the_pdf_verifies_and_names_the_same_certificate(certificate):
    need("zbarimg")
    result = _check(certificate, qr=True)
    assert result.ok, result.problems
    assert result.statement.serial == "ENSA-2026-000123"
    assert result.statement.name_arabic == "فاطمة الزهراء بنعلي"


def test_a_pdf_whose_credential_was_signed_with_another_key_fails():
    data = sample_data()
    pdf = genuine(data, credential=credential_of(data, key=OTHER_KEY))
    result = _check(pdf)
    assert result.signature.ok  # the PDF signature alone is fine
    assert not result.ok
    assert any("key" in problem for problem in result.problems), result.problems


def test_a_credential_for_another_certificate_inside_a_signed_pdf_fails():
    data = sample_data()
    other = sample_data(serial="ENSA-2026-000999")
    result = _check(genuine(data, credential=credential_of(other)))
    assert not result.ok
    assert "ENSA-2026-000999" in " ".join(result.problems)


def test_an_older_register_key_given_alongside_the_current_one_still_verifies():
    data = sample_data()
    pdf = genuine(data, credential=credential_of(data, key=OTHER_KEY))
    result = verify_pdf(
        pdf,
        certificates=pdfsign.published_certificates(),
        public_keys=[*_keys(), OTHER_KEY.public_key()],
        local_status=False,
    )
    assert result.ok, result.problems


def test_a_credential_alone_verifies_as_a_jwt_and_as_the_json_the_page_serves():
    token = credential_of(sample_data())
    for text in (token, json.dumps(enveloped(token))):
        result = verify_credential_text(text, public_keys=_keys(), local_status=False)
        assert result.ok, result.problems
        assert result.serial == "ENSA-2026-000123"
    forged = verify_credential_text(
        credential_of(sample_data(), key=OTHER_KEY), public_keys=_keys(), local_status=False
    )
    assert not forged.ok


def test_a_photo_of_the_paper_copy_is_read_and_its_statement_verified(certificate, tmp_path):
    need("zbarimg")
    scan = page_image(certificate, tmp_path, 72)
    result = verify_image(scan, public_keys=_keys())
    assert result.ok, result.problems
    assert result.statement.serial == "ENSA-2026-000123"
    # A phone photo: higher resolution, a little turned and blurred, saved as JPEG.
    photo = tmp_path / "photo.jpg"
    image = Image.open(page_image(certificate, tmp_path, 150)).convert("RGB")
    image.rotate(4, expand=True, fillcolor="white").filter(ImageFilter.GaussianBlur(1)).save(
        photo, quality=70
    )
    assert verify_image(photo, public_keys=_keys()).ok


def test_a_statement_signed_with_another_key_fails(tmp_path):
    need("zbarimg")
    data = sample_data()
    forged = genuine(replace(data, signed_payload=sign_statement(data, OTHER_KEY)))
    result = verify_image(page_image(forged, tmp_path, 72), public_keys=_keys())
    assert not result.ok
    assert result.problems
