"""Text laid out on a PDF page with reportlab: Arabic shaped and put in visual order, lines
wrapped to a width. Pure: no database, no Django. Certificates and generated handbooks use it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import arabic_reshaper
from bidi.algorithm import get_display
from reportlab.pdfbase import pdfmetrics

# Embeddings, not isolates: python-bidi's reference algorithm supports LRE/RLE/PDF only.
LTR_EMBED, RTL_EMBED, POP = "\u202a", "\u202b", "\u202c"
ARABIC_RANGES = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC = re.compile(f"[{ARABIC_RANGES}]")


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


@lru_cache(maxsize=4096)
def visual(text: str, *, rtl: bool) -> str:
    """The characters in the order they are drawn, left to right, Arabic shaped."""
    if not has_arabic(text) and not rtl:
        return text.replace(LTR_EMBED, "").replace(RTL_EMBED, "").replace(POP, "")
    return get_display(arabic_reshaper.reshape(text), base_dir="R" if rtl else "L")


def text_width(text: str, font: str, size: float, rtl: bool) -> float:
    return pdfmetrics.stringWidth(visual(text, rtl=rtl), font, size)


def _pieces(word: str, *, font: str, size: float, width: float, rtl: bool) -> list[str]:
    """`word` cut into pieces no wider than `width` (a word wider than the line, which only a
    name or title without spaces has)."""
    if text_width(word, font, size, rtl) <= width:
        return [word]
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and text_width(current + char, font, size, rtl) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    return [*pieces, current] if current else pieces


def wrap(text: str, *, font: str, size: float, width: float, rtl: bool) -> list[str]:
    """Split `text` (logical order) into lines no wider than `width`, by words (a word wider
    than the line is cut). Every character of `text` except spaces is in the lines."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        for piece in _pieces(word, font=font, size=size, width=width, rtl=rtl):
            candidate = f"{current} {piece}" if current else piece
            if current and text_width(candidate, font, size, rtl) > width:
                lines.append(current)
                current = piece
            else:
                current = candidate
    if current:
        lines.append(current)
    return lines or [""]
