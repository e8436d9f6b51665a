"""ENSA's PAdES signature on every certificate PDF, and its check.

`sign_pdf(pdf)` appends one incremental revision to the file: an invisible signature field
holding a CMS signature (PAdES baseline B-B, `ETSI.CAdES.detached`) made with ENSA's
document-signing key, as a certification signature that permits no change. Any PDF reader
(and poppler's `pdfsig`) then shows who signed it and whether it changed since.

The key and its X.509 certificate come from `CERTIFICATE_PDF_SIGNING_KEY` and
`CERTIFICATE_PDF_SIGNING_CERTIFICATE` (PEM; ECDSA P-256 or RSA; the certificate may be
followed by the certificates of its CA). Outside production, when they are empty, an ECDSA
P-256 key and a self-signed certificate are derived from SECRET_KEY, deterministically, so
that every process signs with the same certificate; production refuses to start without
real ones.

pyHanko lays out the signature in the PDF (field, `/ByteRange`, `/Contents`). It also
builds the CMS container once per process; every document then gets that container with its
own digest and signature value (building it with asn1crypto for each document costs five
times the rest of signing).
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache, cached_property
from io import BytesIO

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from django.utils.translation import gettext as _
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.constants import ESIC_EXTENSION_1
from pyhanko.sign.signers.pdf_signer import PdfTBSDocument
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .archival import PDF_READ_ERRORS, MetadataKeepingWriter, open_untrusted

FIELD_NAME = "ENSA"
# Certificates only: id-kp-documentSigning (RFC 9336).
DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")
DEVELOPMENT_SUBJECT = "ENSA – signature des attestations (développement)"

SigningKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
# The signer's certificate must allow signing (either usage; pyHanko asks for non-repudiation).
KEY_USAGE = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"})


class SigningSetupError(ValueError):
    """The configured key or certificate cannot sign certificate PDFs."""


# --- Keys and certificates ------------------------------------------------------------


def load_certificates(pem: str | bytes) -> list[x509.Certificate]:
    """Every certificate of a PEM file (the signer's first, then its CA's)."""
    try:
        return x509.load_pem_x509_certificates(pem.encode() if isinstance(pem, str) else pem)
    except ValueError as error:
        raise SigningSetupError("Not a PEM file of X.509 certificates.") from error


def load_signing_key(pem: str | bytes) -> SigningKey:
    key = serialization.load_pem_private_key(pem.encode() if isinstance(pem, str) else pem, None)
    if isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name in {"secp256r1", "secp384r1"}:
        return key
    if isinstance(key, rsa.RSAPrivateKey) and key.key_size >= 2048:
        return key
    raise SigningSetupError(
        "CERTIFICATE_PDF_SIGNING_KEY must be an ECDSA P-256 (or P-384) or an RSA (2048 bits or "
        "more) private key: PDF readers validate those."
    )


def certificate_pem(certificates: Sequence[x509.Certificate]) -> str:
    return "".join(c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in certificates)


def development_pair(secret_key: str) -> tuple[SigningKey, x509.Certificate]:
    """An ECDSA P-256 key derived from SECRET_KEY and a self-signed certificate for it, the
    same in every process (RFC 6979 signature, fixed dates and serial)."""
    seed = hashlib.sha256(b"ensa-certificates-pdf-development-key:" + secret_key.encode()).digest()
    order = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
    key = ec.derive_private_key(int.from_bytes(seed, "big") % (order - 1) + 1, ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "MA"),
            x509.NameAttribute(
                NameOID.ORGANIZATION_NAME, "École Nationale Supérieure de l'Administration"
            ),
            x509.NameAttribute(NameOID.COMMON_NAME, DEVELOPMENT_SUBJECT),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(int.from_bytes(seed[:16], "big") >> 1 or 1)
        .not_valid_before(datetime(2025, 1, 1, tzinfo=UTC))
        .not_valid_after(datetime(2045, 1, 1, tzinfo=UTC))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
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
        .add_extension(
            x509.ExtendedKeyUsage([DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION]),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256(), ecdsa_deterministic=True)
    )
    return key, certificate


# --- Signing --------------------------------------------------------------------------


class _Pdf17Signer(signers.PdfSigner):
    """PAdES on PDF 1.7, which PDF/A-3 is based on: declares the ESIC extension only.
    (pyHanko also declares ISO 32002 for an ECDSA key, which turns the file into PDF 2.0.)"""

    def register_extensions(self, pdf_out, *, md_algorithm: str):
        pdf_out.ensure_output_version(version=(1, 7))
        pdf_out.register_extension(ESIC_EXTENSION_1)


def _der(tag: int, content: bytes) -> bytes:
    size = len(content)
    if size < 0x80:
        return bytes([tag, size]) + content
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(length)]) + length + content


@dataclass
class DocumentSigner:
    """ENSA's document-signing key with its certificate chain (the signer's first); holds the
    pyHanko objects and the CMS layout, made once."""

    key: SigningKey
    chain: tuple[x509.Certificate, ...]

    def __post_init__(self):
        if not self.chain:
            raise SigningSetupError("CERTIFICATE_PDF_SIGNING_CERTIFICATE holds no certificate.")
        if self.chain[0].public_key() != self.key.public_key():
            raise SigningSetupError(
                "CERTIFICATE_PDF_SIGNING_CERTIFICATE is not the certificate of "
                "CERTIFICATE_PDF_SIGNING_KEY."
            )

    @property
    def certificate(self) -> x509.Certificate:
        return self.chain[0]

    @cached_property
    def _asn1_chain(self) -> list[asn1_x509.Certificate]:
        return [
            asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
            for c in self.chain
        ]

    @cached_property
    def _pdf_signer(self) -> signers.PdfSigner:
        der_key = self.key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        signer = signers.SimpleSigner(
            signing_cert=self._asn1_chain[0],
            signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
            cert_registry=SimpleCertificateStore.from_certs(self._asn1_chain),
        )
        metadata = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            certify=True,
            docmdp_permissions=fields.MDPPerm.NO_CHANGES,
        )
        return _Pdf17Signer(metadata, signer=signer)

    @cached_property
    def _cms_layout(self) -> tuple[bytes, bytes, bytes, bytes, bytes, bytes]:
        """The CMS container pyHanko makes, cut around the two values that change with each
        document: the message digest (inside the signed attributes) and the signature."""
        probe = hashlib.sha256(b"ensa: where the document digest goes").digest()
        container = _run(self._pdf_signer.signer.async_sign(probe, "sha256", use_pades=True))
        signed_data = container["content"]
        signer_info = signed_data["signer_infos"][0]
        attributes = signer_info["signed_attrs"].dump()
        kinds = {attribute["type"].native for attribute in signer_info["signed_attrs"]}
        if (
            attributes.count(probe) != 1
            or "signing_time" in kinds  # would be frozen in the layout
            or signer_info["unsigned_attrs"].native
        ):
            raise SigningSetupError("Unexpected CMS layout from pyHanko.")
        before, after = attributes.split(probe)
        signer_head = b"".join(
            signer_info[name].dump() for name in ("version", "sid", "digest_algorithm")
        )
        data_head = b"".join(
            signed_data[name].dump()
            for name in ("version", "digest_algorithms", "encap_content_info", "certificates")
        )
        return (
            container["content_type"].dump(),
            data_head,
            signer_head,
            before,
            after,
            signer_info["signature_algorithm"].dump(),
        )

    def cms(self, digest: bytes) -> bytes:
        """The DER CMS SignedData signing a document whose byte-range digest is `digest`."""
        content_type, data_head, signer_head, before, after, algorithm = self._cms_layout
        attributes = before + digest + after  # [0] IMPLICIT; signed as a SET (tag 0x31)
        signed = b"\x31" + attributes[1:]
        if isinstance(self.key, rsa.RSAPrivateKey):
            signature = self.key.sign(signed, padding.PKCS1v15(), hashes.SHA256())
        else:
            signature = self.key.sign(signed, ec.ECDSA(hashes.SHA256()))
        signer_info = _der(0x30, signer_head + attributes + algorithm + _der(0x04, signature))
        signed_data = _der(0x30, data_head + _der(0x31, signer_info))
        return _der(0x30, content_type + _der(0xA0, signed_data))

    @cached_property
    def _reserved(self) -> int:
        return 2 * (len(self.cms(bytes(32))) + 64)

    def sign(self, pdf: bytes) -> bytes:
        return _run(self._sign(pdf))

    async def _sign(self, pdf: bytes) -> bytes:
        writer = MetadataKeepingWriter(BytesIO(pdf))
        prepared, _tbs, output = await self._pdf_signer.async_digest_doc_for_signing(
            writer, bytes_reserved=self._reserved
        )
        await PdfTBSDocument.async_finish_signing(
            output, prepared, self.cms(prepared.document_digest)
        )
        return output.getvalue()


def _run(coroutine):
    """Run one of pyHanko's coroutines to its end, also from a thread whose event loop is
    already running (an async server, a browser test): then in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(asyncio.run, coroutine).result()


@cache
def _signer_from_settings(key_pem: str, certificate_pem: str, secret_key: str) -> DocumentSigner:
    if key_pem or certificate_pem:
        return DocumentSigner(load_signing_key(key_pem), tuple(load_certificates(certificate_pem)))
    key, certificate = development_pair(secret_key)
    return DocumentSigner(key, (certificate,))


def document_signer() -> DocumentSigner:
    """The configured signer (a development pair derived from SECRET_KEY when unset)."""
    return _signer_from_settings(
        settings.CERTIFICATE_PDF_SIGNING_KEY,
        settings.CERTIFICATE_PDF_SIGNING_CERTIFICATE,
        settings.SECRET_KEY,
    )


def published_certificates() -> list[x509.Certificate]:
    """What this server publishes and trusts: its signing certificate and chain, then the
    certificates retired by a rotation."""
    certificates = list(document_signer().chain)
    retired = settings.CERTIFICATE_PDF_RETIRED_CERTIFICATES
    if retired.strip():
        certificates += [c for c in load_certificates(retired) if c not in certificates]
    return certificates


def sign_pdf(pdf: bytes) -> bytes:
    """`pdf` with ENSA's PAdES certification signature appended as a new revision."""
    return document_signer().sign(pdf)


# --- Checking -------------------------------------------------------------------------


@dataclass
class SignatureCheck:
    """What the PDF signatures of a file say, checked against ENSA's certificates."""

    signed: bool = False  # the file carries a signature by one of ENSA's certificates
    intact: bool = False  # the bytes that signature covers are unchanged
    covers_whole_file: bool = False  # nothing was added after it
    signed_revision: bytes | None = None  # the file as it was signed (when intact)
    signer: str = ""
    signed_at: datetime | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.signed and self.intact and self.covers_whole_file and not self.problems


def _common_name(certificate: asn1_x509.Certificate) -> str:
    return certificate.subject.native.get("common_name", "") or certificate.subject.human_friendly


def check_signature(pdf: bytes, certificates: Sequence[x509.Certificate]) -> SignatureCheck:
    """Check the file's signatures against `certificates` (ENSA's signing certificates, or
    the CA certificates that issued them): signed by one of them, unchanged since, and
    covering the whole file. Never raises on a damaged file: its problems say what failed."""
    result = SignatureCheck()
    try:
        reader = open_untrusted(pdf)
        signatures = reader.embedded_signatures
    except PDF_READ_ERRORS:
        result.problems.append(_("The file is not a readable PDF."))
        return result
    if not signatures:
        result.problems.append(_("The PDF carries no digital signature."))
        return result
    roots = [
        asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in certificates
    ]
    chosen = None
    for embedded in signatures:
        try:
            moment = embedded.self_reported_timestamp or datetime.now(tz=UTC)
            context = ValidationContext(trust_roots=roots, allow_fetching=False, moment=moment)
            status = validate_pdf_signature(
                embedded, context, key_usage_settings=KEY_USAGE, skip_diff=True
            )
        except Exception:  # noqa: BLE001, S112 - a malformed signature is a failed check
            continue
        if status.trusted or chosen is None:
            chosen = (embedded, status)
        if status.trusted:
            break
    if chosen is None:
        result.problems.append(_("The PDF signature cannot be read."))
        return result
    embedded, status = chosen
    result.signer = _common_name(embedded.signer_cert)
    result.signed_at = embedded.self_reported_timestamp
    result.signed = bool(status.trusted)
    result.intact = bool(status.intact and status.valid)
    result.covers_whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if not result.intact:
        result.problems.append(
            _("The PDF signature is not valid: the signed content was changed after signing.")
        )
        return result
    end = embedded.byte_range[-2] + embedded.byte_range[-1]
    result.signed_revision = pdf[:end]
    if not result.signed:
        result.problems.append(
            _(
                "The PDF is not signed by ENSA's document-signing certificate (signed by “%(signer)s”)."
            )
            % {"signer": result.signer}
        )
    if not result.covers_whole_file:
        result.problems.append(_("Something was added to the PDF after it was signed."))
    return result
