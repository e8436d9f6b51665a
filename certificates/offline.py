"""Checking a certificate with nothing but what ENSA publishes, and an uploaded copy against
the register.

Offline (`manage.py verify_certificate`), with ENSA's document-signing certificate and the
register's Ed25519 public keys only:

- a PDF: its PAdES signature was made with ENSA's certificate and covers the whole file
  (any edit of the page, of its metadata or of the embedded credential breaks it, and
  nothing was appended after signing); the Open Badges credential embedded in it is signed
  with the register's key; and both speak of the same serial;
- a credential alone (`credential.json` or a `.jwt`);
- a QR code (`--qr`), from the PDF or from a photo or scan of the paper: its signed
  statement.

Online (the verification page), against the register's copy of the PDF: the uploaded file
is the same file, or the same signed content saved again by a PDF program, or altered.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.utils.translation import gettext as _
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.metadata import xmp_xml

from .archival import PDF_READ_ERRORS, UnreadableArchive, open_untrusted, read_archive
from .credential import verify_credential
from .pdfsign import SignatureCheck, check_signature
from .signing import SignatureError
from .statement import Statement, read_statement

PDF_MAGIC = b"%PDF-"
QR_RENDER_DPI = 150


@dataclass
class Verification:
    """What a check found: the problems (translated, each saying what failed) and what was
    verified."""

    problems: list[str] = field(default_factory=list)
    serial: str = ""  # what the PDF states (its signed metadata)
    signature: SignatureCheck | None = None
    credential: dict | None = None
    statement: Statement | None = None

    @property
    def ok(self) -> bool:
        verified = self.signature is not None or self.credential is not None or self.statement
        return bool(verified) and not self.problems


# --- Pieces ---------------------------------------------------------------------------


def credential_serial(credential: dict) -> str:
    """The certificate serial a decoded OpenBadgeCredential names (its criteria state it)."""
    found = re.search(r"ENSA-\d{4}-\d{6}", json.dumps(credential, ensure_ascii=False))
    return found.group(0) if found else ""


def _which(*tools: str) -> bool:
    return all(shutil.which(tool) for tool in tools)


def qr_texts_from_image(image: Path) -> list[str]:
    """Every QR code zbarimg reads in a PNG or JPEG (a photo or a scan)."""
    found = subprocess.run(  # noqa: S603
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return [line.strip() for line in found.splitlines() if line.strip()]


def qr_texts_from_pdf(pdf: bytes, *, dpi: int = QR_RENDER_DPI) -> list[str]:
    """Every QR code on the first page of a PDF (pdftoppm, then zbarimg)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "certificate.pdf"
        source.write_bytes(pdf)
        page = str(Path(folder) / "page")
        command = ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", str(source), page]
        subprocess.run(command, check=True, capture_output=True)  # noqa: S603, S607
        return qr_texts_from_image(next(Path(folder).glob("page*.png")))


def _statement(
    texts: list[str], public_keys: Sequence[Ed25519PublicKey], result: Verification
) -> None:
    if not texts:
        result.problems.append(_("No QR code could be read."))
        return
    errors = []
    for text in texts:
        try:
            result.statement = read_statement(text, public_keys)
            return
        except SignatureError as error:
            errors.append(str(error))
    result.problems.append(errors[0])


def _missing_tools(result: Verification, *tools: str) -> bool:
    if _which(*tools):
        return False
    result.problems.append(
        _("Reading a QR code needs %(tools)s, which is not installed.")
        % {"tools": ", ".join(tools)}
    )
    return True


# --- Offline checks -------------------------------------------------------------------


def verify_pdf(
    pdf: bytes,
    *,
    certificates: Sequence[x509.Certificate],
    public_keys: Sequence[Ed25519PublicKey],
    qr: bool = False,
    status_list: str | bytes | None = None,
    local_status: bool = True,
) -> Verification:
    """Check a certificate PDF with ENSA's published certificate(s) and public key(s): its
    PDF signature, the credential it embeds, that they agree, and (`qr`) its QR code."""
    result = Verification()
    if not pdf.startswith(PDF_MAGIC):
        result.problems.append(_("The file is not a readable PDF."))
        return result
    result.signature = check_signature(pdf, certificates)
    result.problems.extend(result.signature.problems)
    try:
        archive = read_archive(pdf)
    except UnreadableArchive:
        if not result.problems:
            result.problems.append(_("The file is not a readable PDF."))
        return result
    result.serial = archive.serial
    if archive.credential is None:
        result.problems.append(_("The PDF embeds no Open Badges credential."))
    else:
        check = verify_credential(
            archive.credential,
            list(public_keys),
            status_list=status_list,
            local_status=local_status,
        )
        result.credential = check.credential
        result.problems.extend(check.problems)
        stated = credential_serial(check.credential or {})
        if check.ok and stated != archive.serial:
            result.problems.append(
                _(
                    "The embedded credential is for certificate %(credential)s, but the PDF is "
                    "certificate %(pdf)s."
                )
                % {"credential": stated or "?", "pdf": archive.serial or "?"}
            )
    if qr and not _missing_tools(result, "pdftoppm", "zbarimg"):
        _statement(qr_texts_from_pdf(pdf), public_keys, result)
        if result.statement is not None and result.statement.serial != archive.serial:
            result.problems.append(
                _("The QR code is for certificate %(qr)s, but the PDF is certificate %(pdf)s.")
                % {"qr": result.statement.serial, "pdf": archive.serial or "?"}
            )
    return result


def verify_image(image: Path, *, public_keys: Sequence[Ed25519PublicKey]) -> Verification:
    """Check the QR code of a photo or scan of a paper certificate: its signed statement."""
    result = Verification()
    if not _missing_tools(result, "zbarimg"):
        _statement(qr_texts_from_image(image), public_keys, result)
    return result


def verify_credential_text(
    text: str | bytes,
    *,
    public_keys: Sequence[Ed25519PublicKey],
    status_list: str | bytes | None = None,
    local_status: bool = True,
) -> Verification:
    """Check a credential on its own: a VC-JWT, or the JSON the verification page serves."""
    result = Verification()
    check = verify_credential(
        text, list(public_keys), status_list=status_list, local_status=local_status
    )
    result.credential = check.credential
    result.problems.extend(check.problems)
    result.serial = credential_serial(check.credential or {})
    return result


# --- Online: an uploaded copy against the register's ----------------------------------

IDENTICAL, RESAVED, ALTERED = "identical", "resaved", "altered"

# What PDF programs write when they save a file, and which says nothing the certificate
# states: the file identifier, and the dates and names of the program in the metadata.
_VOLATILE_INFO = frozenset({"/ModDate", "/Producer"})
_VOLATILE_XMP = frozenset(
    {
        "http://ns.adobe.com/xap/1.0/ModifyDate",
        "http://ns.adobe.com/xap/1.0/MetadataDate",
        "http://ns.adobe.com/pdf/1.3/Producer",
    }
)
_XMP_MEDIA_MANAGEMENT = "http://ns.adobe.com/xap/1.0/mm/"
_STREAM_ENCODING = frozenset({"/Length", "/Filter", "/DecodeParms", "/DL"})


@dataclass(frozen=True)
class Comparison:
    """An uploaded PDF against the register's copy of the certificate."""

    outcome: str  # IDENTICAL, RESAVED or ALTERED
    sha256: str
    reasons: tuple[str, ...] = ()

    @property
    def matches(self) -> bool:
        return self.outcome == IDENTICAL


class _Canonical:
    """Digests of what a PDF shows and says, whatever the file's layout: objects reached
    from the catalogue and the document information, streams decoded, object numbers and
    encodings ignored."""

    def __init__(self):
        self._memo: dict[tuple[int, int], bytes] = {}

    def digest(self, value, stack: tuple = (), *, key: str = "") -> bytes:
        if isinstance(value, generic.IndirectObject):
            ident = (value.idnum, value.generation)
            if ident in stack:
                return b"cycle:%d" % (len(stack) - stack.index(ident))
            if ident not in self._memo:
                self._memo[ident] = self.digest(value.get_object(), (*stack, ident), key=key)
            return self._memo[ident]
        if isinstance(value, generic.StreamObject):
            try:
                data = value.data
            except PDF_READ_ERRORS:
                data = b"undecodable:" + value.encoded_data
            if key == "/Metadata":
                data = _xmp_digest(data)
            head = self.dictionary(value, stack, skip=_STREAM_ENCODING)
            return _sha(b"stream", head, _sha(data))
        if isinstance(value, generic.DictionaryObject):
            return _sha(b"dict", self.dictionary(value, stack))
        if isinstance(value, generic.ArrayObject):
            return _sha(b"array", *(self.digest(item, stack) for item in value))
        if isinstance(value, generic.TextStringObject | generic.ByteStringObject):
            return b"string:" + value.original_bytes
        if isinstance(value, generic.FloatObject | generic.NumberObject):
            return (
                b"number:"
                + format(
                    value.normalize() if isinstance(value, generic.FloatObject) else value, "f"
                ).encode()
            )
        return repr(value).encode("utf-8", "surrogatepass")

    def dictionary(self, value, stack: tuple = (), *, skip=frozenset()) -> bytes:
        return _sha(
            *(
                _sha(str(name).encode(), self.digest(value.raw_get(name), stack, key=str(name)))
                for name in sorted(value.keys())
                if name not in skip
            )
        )


def _xmp_digest(data: bytes) -> bytes:
    """What an XMP packet says, whatever its layout (attributes or elements, padding),
    without what a PDF program updates when it saves."""
    try:
        roots = xmp_xml.parse_xmp(BytesIO(data))
    except (xmp_xml.XmpXmlProcessingError, ValueError, UnicodeDecodeError):
        return _sha(b"raw", data)
    fields = sorted(
        f"{name}={value!r}"
        for root in roots
        for name, value in root
        if str(name) not in _VOLATILE_XMP and not str(name).startswith(_XMP_MEDIA_MANAGEMENT)
    )
    return _sha(b"xmp", *(field.encode("utf-8", "surrogatepass") for field in fields))


def _sha(*parts: bytes) -> bytes:
    return hashlib.sha256(b"|".join(parts)).digest()


@dataclass(frozen=True)
class _Aspects:
    pages: int
    page_content: bytes
    credential: str | None = field(repr=False)
    metadata: bytes
    document: bytes


def _aspects(pdf: bytes) -> _Aspects | None:
    """What a PDF shows and says, aspect by aspect; None if it cannot be read."""
    try:
        reader = open_untrusted(pdf)
        canonical = _Canonical()
        root = reader.root
        info = reader.trailer_view.get("/Info")
        info_digest = canonical.dictionary(info.get_object(), skip=_VOLATILE_INFO) if info else b""
        metadata = _sha(
            info_digest,
            canonical.digest(root.raw_get("/Metadata"), key="/Metadata")
            if "/Metadata" in root
            else b"",
        )
        return _Aspects(
            pages=int(root["/Pages"]["/Count"]),
            page_content=canonical.digest(root.raw_get("/Pages")),
            credential=read_archive(pdf).credential,
            metadata=metadata,
            document=_sha(canonical.digest(reader.trailer_view.raw_get("/Root")), info_digest),
        )
    except (*PDF_READ_ERRORS, UnreadableArchive):
        return None


def _differences(upload: _Aspects, original: _Aspects) -> list[str]:
    reasons = []
    if upload.pages != original.pages:
        reasons.append(_("Pages were added or removed."))
    elif upload.page_content != original.page_content:
        reasons.append(_("What its page shows differs."))
    if upload.credential != original.credential:
        reasons.append(_("Its embedded credential differs."))
    if upload.metadata != original.metadata:
        reasons.append(_("Its metadata (title, subject, keywords…) differs."))
    return reasons or [_("Its internal structure differs.")]


def compare_with_register(
    upload: bytes, *, original: bytes, certificates: Sequence[x509.Certificate]
) -> Comparison:
    """Tell an uploaded PDF from the register's copy of the certificate:

    - IDENTICAL: the same bytes;
    - RESAVED: the same signed certificate saved again by a PDF program: either revisions
      appended to the intact signed file that change nothing it shows or says, or the file
      rewritten whole (its signature then no longer verifies, but every page, font, image,
      metadata entry and the embedded credential are the register's). A PDF program's own
      traces are not counted: the file identifier, the modification dates and the producer;
    - ALTERED: anything else, with the reasons."""
    sha256 = hashlib.sha256(upload).hexdigest()
    if sha256 == hashlib.sha256(original).hexdigest():
        return Comparison(IDENTICAL, sha256)
    theirs = _aspects(upload) if upload.startswith(PDF_MAGIC) else None
    if theirs is None:
        return Comparison(ALTERED, sha256, (_("The file is not a readable PDF."),))
    ours = _aspects(original)
    signature = check_signature(upload, certificates)
    if ours is not None and theirs.document == ours.document:
        if signature.signed_revision == original:
            reason = _(
                "The file ENSA signed is intact; what was added after it changes nothing "
                "the certificate shows or says."
            )
        else:
            reason = _(
                "A PDF program rewrote the file: its digital signature no longer "
                "verifies, but its page, fonts, images, metadata and embedded credential "
                "are exactly those of the certificate ENSA issued."
            )
        return Comparison(RESAVED, sha256, (reason,))
    reasons = list(signature.problems)
    if signature.signed and signature.signed_revision not in (None, original):
        reasons.append(_("It is signed by ENSA, but it is not this certificate."))
    if ours is not None:
        reasons.extend(_differences(theirs, ours))
    return Comparison(ALTERED, sha256, tuple(reasons))
