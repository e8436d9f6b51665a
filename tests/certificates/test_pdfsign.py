"""Every certificate PDF carries ENSA's PAdES signature, which PDF readers and pyHanko check."""

import subprocess
from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader

from certificates import pdfsign
from tests.certificates.forge import genuine, white_box_and_new_name
from tests.certificates.pdftools import need

pytestmark = pytest.mark.usefixtures("_messages_in_english")


def _pem_key(key) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def _self_signed(
    key, name: str = "ENSA – signature des attestations", *, non_repudiation: bool = True
) -> x509.Certificate:
    """What the README's openssl commands make: a self-signed document-signing certificate."""
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(tz=UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=non_repudiation,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )


@pytest.fixture(scope="module")
def signed() -> bytes:
    return genuine()


def test_a_certificate_pdf_carries_ensas_pades_signature_over_the_whole_file(signed):
    [signature] = PdfFileReader(BytesIO(signed)).embedded_signatures
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    start, first, second, length = signature.byte_range
    assert start == 0 and second + length == len(signed)
    check = pdfsign.check_signature(signed, pdfsign.published_certificates())
    assert check.ok, check.problems
    assert check.signer == pdfsign.DEVELOPMENT_SUBJECT


def test_it_is_a_certification_signature_that_permits_no_change(signed):
    [signature] = PdfFileReader(BytesIO(signed)).embedded_signatures
    assert signature.docmdp_level is not None and signature.docmdp_level.value == 1


def test_pdfsig_finds_a_genuine_certificate_valid_and_an_edited_one_invalid(signed, tmp_path):
    need("pdfsig")
    genuine_path = tmp_path / "genuine.pdf"
    genuine_path.write_bytes(signed)
    report = subprocess.run(["pdfsig", str(genuine_path)], capture_output=True, text=True).stdout
    assert "Signature Validation: Signature is Valid." in report
    assert "Total document signed" in report
    assert pdfsign.DEVELOPMENT_SUBJECT in report

    edited_path = tmp_path / "edited.pdf"
    edited = bytearray(signed)
    at = edited.index(b"/Producer (ReportLab")  # one byte of the signed revision
    edited[at + len("/Producer (")] = ord("r")
    edited_path.write_bytes(bytes(edited))
    report = subprocess.run(["pdfsig", str(edited_path)], capture_output=True, text=True).stdout
    assert "Signature is Valid" not in report
    assert "Digest Mismatch" in report or "Signature is Invalid" in report

    stamped_path = tmp_path / "stamped.pdf"
    stamped_path.write_bytes(white_box_and_new_name(signed))
    report = subprocess.run(["pdfsig", str(stamped_path)], capture_output=True, text=True).stdout
    assert "Signature is Valid" not in report


def test_bytes_appended_after_signing_are_reported(signed):
    check = pdfsign.check_signature(signed + b"\n% a note\n", pdfsign.published_certificates())
    assert check.intact and check.signed and not check.covers_whole_file
    assert not check.ok
    assert "added to the PDF after it was signed" in check.problems[0]


def test_a_pdf_signed_with_another_certificate_is_not_ensas(signed, settings):
    key = ec.generate_private_key(ec.SECP256R1())
    settings.CERTIFICATE_PDF_SIGNING_KEY = _pem_key(key)
    settings.CERTIFICATE_PDF_SIGNING_CERTIFICATE = pdfsign.certificate_pem(
        [_self_signed(key, pdfsign.DEVELOPMENT_SUBJECT)]  # even under ENSA's very name
    )
    forged = genuine()
    settings.CERTIFICATE_PDF_SIGNING_KEY = settings.CERTIFICATE_PDF_SIGNING_CERTIFICATE = ""
    check = pdfsign.check_signature(forged, pdfsign.published_certificates())
    assert check.intact and not check.signed and not check.ok
    assert "not signed by ENSA's document-signing certificate" in check.problems[0]


def test_an_unsigned_pdf_or_a_file_that_is_not_a_pdf_fails_with_a_reason():
    from certificates.pdf import render_certificate
    from tests.certificates.forge import sample_data

    assert (
        "no digital signature"
        in pdfsign.check_signature(
            render_certificate(sample_data()), pdfsign.published_certificates()
        ).problems[0]
    )
    assert (
        "not a readable PDF"
        in pdfsign.check_signature(b"%PDF-1.7\ngarbage", pdfsign.published_certificates()).problems[
            0
        ]
    )


@pytest.mark.parametrize(
    "make_key",
    [
        lambda: ec.generate_private_key(ec.SECP256R1()),
        lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048),
    ],
    ids=["ecdsa-p256", "rsa-2048"],
)
def test_a_configured_key_and_certificate_sign_and_readers_validate_them(
    make_key, settings, tmp_path
):
    key = make_key()
    settings.CERTIFICATE_PDF_SIGNING_KEY = _pem_key(key)
    settings.CERTIFICATE_PDF_SIGNING_CERTIFICATE = pdfsign.certificate_pem([_self_signed(key)])
    pdf = genuine()
    check = pdfsign.check_signature(pdf, pdfsign.published_certificates())
    assert check.ok, check.problems
    assert check.signer == "ENSA – signature des attestations"
    need("pdfsig")
    path = tmp_path / "c.pdf"
    path.write_bytes(pdf)
    report = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature is Valid." in report


def test_a_key_that_is_not_its_certificates_or_of_an_unsupported_type_is_refused(settings):
    key = ec.generate_private_key(ec.SECP256R1())
    other = ec.generate_private_key(ec.SECP256R1())
    with pytest.raises(pdfsign.SigningSetupError, match="not the certificate of"):
        pdfsign.DocumentSigner(key, (_self_signed(other),))
    with pytest.raises(pdfsign.SigningSetupError, match="ECDSA P-256"):
        pdfsign.load_signing_key(_pem_key(ed25519.Ed25519PrivateKey.generate()))
    with pytest.raises(pdfsign.SigningSetupError, match="ECDSA P-256"):
        pdfsign.load_signing_key(_pem_key(rsa.generate_private_key(65537, 1024)))  # noqa: S505 - refused
    with pytest.raises(pdfsign.SigningSetupError):
        pdfsign.load_certificates("-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")


def test_the_development_certificate_is_the_same_in_every_process_and_depends_on_secret_key():
    first_key, first = pdfsign.development_pair("one secret")
    second_key, second = pdfsign.development_pair("one secret")
    assert first.public_bytes(serialization.Encoding.DER) == second.public_bytes(
        serialization.Encoding.DER
    )
    _other_key, other = pdfsign.development_pair("another secret")
    assert other.public_key() != first.public_key()
    assert isinstance(first_key.curve, ec.SECP256R1)


def test_retired_certificates_stay_trusted_after_a_rotation(signed, settings):
    old = pdfsign.published_certificates()
    key = ec.generate_private_key(ec.SECP256R1())
    settings.CERTIFICATE_PDF_SIGNING_KEY = _pem_key(key)
    settings.CERTIFICATE_PDF_SIGNING_CERTIFICATE = pdfsign.certificate_pem([_self_signed(key)])
    assert not pdfsign.check_signature(signed, pdfsign.published_certificates()).ok
    settings.CERTIFICATE_PDF_RETIRED_CERTIFICATES = pdfsign.certificate_pem(old)
    assert pdfsign.check_signature(signed, pdfsign.published_certificates()).ok
    assert pdfsign.check_signature(genuine(), pdfsign.published_certificates()).ok


def test_a_certificate_that_only_allows_digital_signatures_is_accepted(settings):
    """What many CAs issue: digitalSignature without nonRepudiation."""
    key = ec.generate_private_key(ec.SECP256R1())
    settings.CERTIFICATE_PDF_SIGNING_KEY = _pem_key(key)
    settings.CERTIFICATE_PDF_SIGNING_CERTIFICATE = pdfsign.certificate_pem(
        [_self_signed(key, non_repudiation=False)]
    )
    check = pdfsign.check_signature(genuine(), pdfsign.published_certificates())
    assert check.ok, check.problems
