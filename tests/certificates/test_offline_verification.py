"""`verify_certificate` checks a certificate with what ENSA publishes, without the register:
the PDF's signature, the credential inside it, a credential alone, and the QR code of a PDF
or of a photo or scan of the paper."""

import json
import subprocess
from dataclasses import replace

import pytest
from cryptography.hazmat.primitives import serialization
from django.core.management import CommandError, call_command
from django.utils import translation
from PIL import Image, ImageFilter

from certificates import pdfsign, signing
from certificates.credential import enveloped
from certificates.offline import verify_credential_text, verify_image, verify_pdf
from certificates.statement import sign_statement
from tests.certificates.forge import (
    credential_of,
    genuine,
    other_register_key,
    sample_data,
)
from tests.certificates.pdftools import need


@pytest.fixture(autouse=True)
def _messages_in_english():
    """The messages checked here are the English texts (locale/ translates them)."""
    with translation.override("en"):
        yield


OTHER_KEY = other_register_key()


def _keys():
    return [signing.signing_key().public_key()]


def _check(pdf: bytes, **options):
    options.setdefault("local_status", False)
    return verify_pdf(
        pdf, certificates=pdfsign.published_certificates(), public_keys=_keys(), **options
    )


@pytest.fixture(scope="module")
def certificate() -> bytes:
    return genuine()


@pytest.fixture
def published(tmp_path):
    """ENSA's published certificate and public key, as files a partner keeps."""
    certificate = tmp_path / "ensa-signing.pem"
    certificate.write_text(pdfsign.certificate_pem(pdfsign.published_certificates()))
    key = tmp_path / "ensa.pem"
    key.write_text(signing.public_key_pem(signing.signing_key().public_key()))
    return ["--certificate", str(certificate), "--public-key", str(key)]


def _page_image(pdf: bytes, tmp_path, dpi: int):
    need("pdftoppm")
    tmp_path = tmp_path / f"{dpi}dpi"
    tmp_path.mkdir(exist_ok=True)
    source = tmp_path / "paper.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            "1",
            "-l",
            "1",
            str(source),
            str(tmp_path / "scan"),
        ],
        check=True,
    )
    return next(tmp_path.glob("scan*.png"))


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
    scan = _page_image(certificate, tmp_path, 72)
    result = verify_image(scan, public_keys=_keys())
    assert result.ok, result.problems
    assert result.statement.serial == "ENSA-2026-000123"
    # A phone photo: higher resolution, a little turned and blurred, saved as JPEG.
    photo = tmp_path / "photo.jpg"
    image = Image.open(_page_image(certificate, tmp_path, 150)).convert("RGB")
    image.rotate(4, expand=True, fillcolor="white").filter(ImageFilter.GaussianBlur(1)).save(
        photo, quality=70
    )
    assert verify_image(photo, public_keys=_keys()).ok


def test_a_statement_signed_with_another_key_fails(tmp_path):
    need("zbarimg")
    data = sample_data()
    forged = genuine(replace(data, signed_payload=sign_statement(data, OTHER_KEY)))
    result = verify_image(_page_image(forged, tmp_path, 72), public_keys=_keys())
    assert not result.ok
    assert result.problems


# --- the command ------------------------------------------------------------------------


@pytest.mark.django_db
def test_command_verifies_a_genuine_pdf_with_the_published_files(
    certificate, published, tmp_path, capsys
):
    path = tmp_path / "genuine.pdf"
    path.write_bytes(certificate)
    call_command("verify_certificate", str(path), *published)
    out = capsys.readouterr().out
    assert "ENSA-2026-000123" in out
    assert pdfsign.DEVELOPMENT_SUBJECT in out
    assert "Fatima-Zahra Benali" in out


@pytest.mark.django_db
def test_command_checks_the_qr_code_of_a_pdf_and_of_an_image(
    certificate, published, tmp_path, capsys
):
    need("zbarimg")
    path = tmp_path / "genuine.pdf"
    path.write_bytes(certificate)
    call_command("verify_certificate", str(path), "--qr", *published)
    call_command("verify_certificate", str(_page_image(certificate, tmp_path, 72)), *published)
    out = capsys.readouterr().out
    assert "ENSA-MIG-101" in out  # the course code of the statement


@pytest.mark.django_db
def test_command_checks_a_credential_file(published, tmp_path, capsys):
    token = credential_of(sample_data())
    jwt = tmp_path / "credential.jwt"
    jwt.write_text(token)
    document = tmp_path / "credential.json"
    document.write_text(json.dumps(enveloped(token)))
    call_command("verify_certificate", "--credential", str(jwt), *published)
    call_command("verify_certificate", "--credential", str(document), *published)
    forged = tmp_path / "forged.jwt"
    forged.write_text(credential_of(sample_data(), key=OTHER_KEY))
    with pytest.raises(CommandError, match="NOT VERIFIED"):
        call_command("verify_certificate", "--credential", str(forged), *published)


@pytest.mark.django_db
def test_command_refuses_a_pdf_signed_by_another_certificate(certificate, tmp_path):
    certificate_pem = tmp_path / "other.pem"
    _key, other_certificate = pdfsign.development_pair("someone else")
    certificate_pem.write_bytes(other_certificate.public_bytes(serialization.Encoding.PEM))
    path = tmp_path / "genuine.pdf"
    path.write_bytes(certificate)
    with pytest.raises(CommandError, match="document-signing certificate"):
        call_command("verify_certificate", str(path), "--certificate", str(certificate_pem))


@pytest.mark.django_db
def test_command_says_what_it_was_given_is_not_a_certificate(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(CommandError, match="neither a PDF"):
        call_command("verify_certificate", str(text))
    with pytest.raises(CommandError):
        call_command("verify_certificate")


@pytest.mark.django_db
def test_an_issued_certificate_verifies_offline_with_its_qr_code(tmp_path, site, capsys):
    from tests.factories.certificates import issued_certificate

    certificate = issued_certificate()
    path = tmp_path / "issued.pdf"
    path.write_bytes(certificate.pdf.open("rb").read())
    need("zbarimg")
    call_command("verify_certificate", str(path), "--qr")
    assert certificate.serial in capsys.readouterr().out


@pytest.mark.django_db
def test_a_revoked_certificate_no_longer_verifies(tmp_path, site):
    from certificates import services
    from tests.factories.certificates import issued_certificate
    from tests.factories.users import administrator

    certificate = issued_certificate()
    path = tmp_path / "issued.pdf"
    path.write_bytes(certificate.pdf.open("rb").read())
    call_command("verify_certificate", str(path))
    services.revoke_certificate(
        certificate=certificate, reason="Erreur", revoked_by=administrator()
    )
    with pytest.raises(CommandError, match="revoked"):
        call_command("verify_certificate", str(path))


@pytest.mark.django_db
def test_render_certificate_sample_writes_a_pdf_the_server_verifies(tmp_path, site):
    output = tmp_path / "sample.pdf"
    call_command("render_certificate_sample", str(output))
    call_command("verify_certificate", str(output))
