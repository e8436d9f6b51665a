"""Offline verification of a certificate PDF with nothing but ENSA's public key.

1. Read the signed payload (the PDF's Keywords metadata, or the QR code through zbarimg).
2. Check its Ed25519 signature.
3. Check that the text printed on the page says what the payload says (after NFKC
   normalisation, ignoring spaces), so an edited name, title or date is caught.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from . import signing
from .pdf import ARABIC_RANGES, PAYLOAD_KEYWORD, french_date, has_arabic, visual

_TOKEN = re.compile(re.escape(PAYLOAD_KEYWORD) + r"([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")


@dataclass
class OfflineResult:
    payload: signing.Payload | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.payload is not None and not self.problems


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def payload_from_metadata(reader: PdfReader) -> str | None:
    keywords = str((reader.metadata or {}).get("/Keywords", ""))
    match = _TOKEN.search(keywords)
    return match.group(1) if match else None


def payload_from_qr(pdf: bytes) -> str | None:
    """The fragment of the URL in the page's QR code (needs pdftoppm and zbarimg)."""
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        return None
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "certificate.pdf"
        source.write_bytes(pdf)
        subprocess.run(  # noqa: S603
            ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(source), str(Path(folder) / "page")],  # noqa: S607
            check=True,
            capture_output=True,
        )
        image = next(Path(folder).glob("page*.png"))
        found = subprocess.run(  # noqa: S603
            ["zbarimg", "--quiet", "--raw", str(image)],  # noqa: S607
            capture_output=True,
            text=True,
        ).stdout
    for line in found.splitlines():
        if "#" in line:
            return line.split("#", 1)[1].strip()
    return None


@dataclass(frozen=True)
class PrintedText:
    squashed: str
    lines: list[Counter]

    def says(self, value: str) -> bool:
        """Latin text must appear as printed (spaces aside). Arabic text mixed with digits or
        Latin comes back from PDF text extraction in an order that varies with the tool, so
        then its words must all appear within a few consecutive lines."""
        if not value:
            return True
        if _squash(value) in self.squashed:
            return True
        if not has_arabic(value):
            return False
        if _squash(visual(value, rtl=True)) in self.squashed:
            return True
        wanted = _words(value)
        for start in range(len(self.lines)):
            found: Counter = Counter()
            for line in self.lines[start : start + WINDOW]:
                found += line
                if not wanted - found:
                    return True
        return False


WINDOW = 4  # a course title may wrap over up to four lines
_PUNCTUATION = str.maketrans(dict.fromkeys("«»()[]،,.:;؛!?\u202a\u202b\u202c", " "))


# Runs of Arabic letters, and runs of anything else but spaces: text extraction may glue an
# Arabic word to the Latin word or number drawn next to it ("التخطيطPAC").
_RUNS = re.compile(f"[{ARABIC_RANGES}]+|[^\\s{ARABIC_RANGES}]+")


def _words(text: str) -> Counter:
    return Counter(_RUNS.findall(unicodedata.normalize("NFKC", text).translate(_PUNCTUATION)))


def printed_text(reader: PdfReader) -> PrintedText:
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return PrintedText(
        squashed=_squash(text),
        lines=[_words(line) for line in unicodedata.normalize("NFKC", text).splitlines()],
    )


def verify_pdf(
    pdf: bytes, public_keys: list[Ed25519PublicKey], *, from_qr: bool = False
) -> OfflineResult:
    result = OfflineResult()
    try:
        reader = PdfReader(BytesIO(pdf))
        text = printed_text(reader)
    except (PdfReadError, ValueError, OSError):
        result.problems.append("The file is not a readable PDF.")
        return result
    token = payload_from_qr(pdf) if from_qr else payload_from_metadata(reader)
    if not token:
        result.problems.append("No signed payload was found in the PDF.")
        return result
    for key in public_keys:
        try:
            result.payload = signing.verify(token, key)
            break
        except signing.SignatureError:
            continue
    if result.payload is None:
        result.problems.append("The signature does not match ENSA's public key.")
        return result
    payload = result.payload
    checks = {
        "serial number": payload.serial,
        "name (Latin script)": payload.name_latin,
        "name (Arabic script)": payload.name_arabic,
        "course title (French)": payload.course_fr,
        "course title (Arabic)": payload.course_ar,
        "completion date": french_date(date.fromisoformat(payload.date)),
        "hours": payload.hours,
    }
    for label, value in checks.items():
        if not text.says(value):
            result.problems.append(f"The printed {label} differs from the signed one: {value!r}.")
    return result
