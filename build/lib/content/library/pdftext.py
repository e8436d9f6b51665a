"""Text inside a PDF file, in logical reading order (pure: bytes in, text out)."""

from __future__ import annotations

import re
import unicodedata
from typing import IO

from pypdf import PdfReader
from pypdf.errors import PdfReadError

_SPACES = re.compile(r"[ \t\u00a0]+")


def logical_line(line: str) -> str:
    """Arabic presentation forms (glyphs shaped in advance) folded to plain letters by NFKC;
    pypdf already puts right-to-left runs back in reading order."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", line)).strip()


def extract_pdf_text(file: IO[bytes], *, max_pages: int = 500) -> str:
    """The text of the first `max_pages` pages; an empty string when the file cannot be read."""
    try:
        reader = PdfReader(file)
        lines = []
        for page in reader.pages[:max_pages]:
            for line in (page.extract_text() or "").splitlines():
                line = logical_line(line)
                if line:
                    lines.append(line)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        return ""
    return "\n".join(lines)


def count_pdf_pages(file: IO[bytes]) -> int | None:
    try:
        return len(PdfReader(file).pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        return None
