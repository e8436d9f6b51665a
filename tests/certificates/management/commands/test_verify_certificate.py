"""`verify_certificate` checks a PDF, its QR code, an image or a credential file with what ENSA
publishes, and says NOT VERIFIED, with what failed, for anything else."""

import json

import pytest
from cryptography.hazmat.primitives import serialization
from django.core.management import CommandError, call_command

from certificates import pdfsign, signing
from certificates.credential import enveloped
from tests.certificates.forge import credential_of, genuine, other_register_key, sample_data
from tests.certificates.pdftools import need, page_image

pytestmark = pytest.mark.usefixtures("_messages_in_english")


OTHER_KEY = other_register_key()


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
    call_command("verify_certificate", str(page_image(certificate, tmp_path, 72)), *published)
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
