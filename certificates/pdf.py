"""Render a certificate to PDF bytes: a pure function of a frozen `CertificateData`.

One A4 landscape page, French on the left and Arabic on the right. Arabic is shaped with
arabic_reshaper and put in visual order with python-bidi's `get_display` (which mirrors
brackets and guillemets). Every glyph comes from Amiri (OFL, covers Arabic and French
accents), registered once per process and embedded as a subset.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path

import arabic_reshaper
import segno
from bidi.algorithm import get_display
from reportlab import rl_config
from reportlab.lib.colors import Color, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from .data import CertificateData, Signatory

FONT_DIR = Path(__file__).resolve().parent.parent / "lms" / "static" / "lms" / "fonts"
REGULAR = "Amiri"
BOLD = "Amiri-Bold"
PAYLOAD_KEYWORD = "ensa-payload:"
# A fixed mask saves evaluating the eight candidates (most of segno's time); any mask is valid.
QR_MASK = 2

FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
MOROCCAN_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
    "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر",
)

# Embeddings, not isolates: python-bidi's reference algorithm supports LRE/RLE/PDF only.
LTR_EMBED, RTL_EMBED, POP = "\u202a", "\u202b", "\u202c"
ARABIC_RANGES = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC = re.compile(f"[{ARABIC_RANGES}]")

INK = Color(0.11, 0.16, 0.24)
ACCENT = Color(0.05, 0.37, 0.30)
GOLD = Color(0.72, 0.57, 0.24)
MUTED = Color(0.35, 0.38, 0.42)
SIGNATORY_WIDTH = 128.0
# A long name keeps one line down to this share of its size, a long title down to this one;
# beyond, it wraps. The columns shrink together down to MIN_SCALE so that all of it fits.
NAME_SHRINK = 0.7
TITLE_SHRINK = 0.85
MIN_SCALE = 0.3


@cache
def register_fonts() -> tuple[str, str]:
    """Register Amiri once per process; return the regular and bold font names."""
    # Streams are zlib-compressed; ASCII85 on top only costs time (pure Python here).
    rl_config.useA85 = 0
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "Amiri-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "Amiri-Bold.ttf")))
    return REGULAR, BOLD


def french_date(value: date) -> str:
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {FRENCH_MONTHS[value.month - 1]} {value.year}"


def arabic_date(value: date) -> str:
    """Moroccan month names with Western digits, e.g. 27 نونبر 2026."""
    return f"{value.day} {MOROCCAN_MONTHS[value.month - 1]} {value.year}"


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def isolate_for_arabic(value: str) -> str:
    """Embed a value inside Arabic text so that Latin words keep their own order."""
    return value if has_arabic(value) else f"{LTR_EMBED}{value}{POP}"


def isolate_for_french(value: str) -> str:
    return f"{RTL_EMBED}{value}{POP}" if has_arabic(value) else value


@lru_cache(maxsize=4096)
def visual(text: str, *, rtl: bool) -> str:
    """The characters in the order they are drawn, left to right, Arabic shaped."""
    if not has_arabic(text) and not rtl:
        return text.replace(LTR_EMBED, "").replace(RTL_EMBED, "").replace(POP, "")
    return get_display(arabic_reshaper.reshape(text), base_dir="R" if rtl else "L")


def _width(text: str, font: str, size: float, rtl: bool) -> float:
    return pdfmetrics.stringWidth(visual(text, rtl=rtl), font, size)


def _pieces(word: str, *, font: str, size: float, width: float, rtl: bool) -> list[str]:
    """`word` cut into pieces no wider than `width` (a word wider than the line, which only a
    name or title without spaces has)."""
    if _width(word, font, size, rtl) <= width:
        return [word]
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and _width(current + char, font, size, rtl) > width:
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
            if current and _width(candidate, font, size, rtl) > width:
                lines.append(current)
                current = piece
            else:
                current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def fit(text: str, *, font: str, size: float, width: float, rtl: bool, shrink: float = 1.0
        ) -> tuple[float, list[str]]:
    """The font size and lines that print all of `text` within `width`: one line at `size`
    when it fits, else one line at a smaller size down to `size * shrink`, else wrapped lines
    at that smallest size."""
    natural = _width(text, font, size, rtl)
    if natural <= width:
        return size, [text]
    smallest = size * shrink
    if size * width / natural >= smallest:
        return size * width / natural, [text]
    return smallest, wrap(text, font=font, size=smallest, width=width, rtl=rtl)


class _Page:
    """Drawing helpers over a reportlab canvas."""

    def __init__(self, canvas: Canvas):
        self.c = canvas

    def text(self, text, x, y, *, font=REGULAR, size=12, rtl=False, align="center", color=INK,
             max_width=None):
        drawn = visual(text, rtl=rtl)
        if max_width:
            width = pdfmetrics.stringWidth(drawn, font, size)
            if width > max_width:
                size = max(size * max_width / width, size * 0.6)
        self.c.setFillColor(color)
        self.c.setFont(font, size)
        if align == "center":
            self.c.drawCentredString(x, y, drawn)
        elif align == "right":
            self.c.drawRightString(x, y, drawn)
        else:
            self.c.drawString(x, y, drawn)

    def block(self, text, x, y, *, width, font=REGULAR, size=12, rtl=False, color=INK,
              shrink=1.0, draw=True) -> float:
        """All of `text`, centred, from baseline `y` downwards (see `fit`); return the next free
        baseline."""
        size, lines = fit(text, font=font, size=size, width=width, rtl=rtl, shrink=shrink)
        leading = size * 1.35
        for line in lines:
            if draw:
                self.text(line, x, y, font=font, size=size, rtl=rtl, color=color)
            y -= leading
        return y

    def qr(self, content: str, x: float, y: float, size: float) -> None:
        """A vector QR code: one path of integer module rectangles, scaled into place."""
        code = segno.make(content, error="m", micro=False, mask=QR_MASK)
        matrix = code.matrix
        modules = len(matrix)
        unit = size / modules
        self.c.setFillColor(white)
        self.c.rect(x - 4 * unit, y - 4 * unit, size + 8 * unit, size + 8 * unit, stroke=0, fill=1)
        rects = []
        for row_index, row in enumerate(matrix):
            top = modules - row_index - 1
            start = None
            for col, dark in enumerate((*row, 0)):
                if dark and start is None:
                    start = col
                elif not dark and start is not None:
                    rects.append(f"{start} {top} {col - start} 1 re")
                    start = None
        self.c.saveState()
        self.c.setFillColor(Color(0, 0, 0))
        self.c.transform(unit, 0, 0, unit, x, y)
        self.c.addLiteral("\n".join(rects) + "\nf")
        self.c.restoreState()

    def image(self, png: bytes, x: float, y: float, width: float, height: float) -> None:
        self.c.drawImage(
            ImageReader(BytesIO(png)), x, y, width, height,
            preserveAspectRatio=True, anchor="c", mask="auto",
        )


def _frame(page: _Page, width: float, height: float) -> None:
    c = page.c
    c.setStrokeColor(ACCENT)
    c.setLineWidth(3)
    c.rect(18, 18, width - 36, height - 36, stroke=1, fill=0)
    c.setStrokeColor(GOLD)
    c.setLineWidth(0.8)
    c.rect(26, 26, width - 52, height - 52, stroke=1, fill=0)


def _signatory(page: _Page, person: Signatory, centre: float, y: float) -> None:
    if person.signature_png:
        page.image(person.signature_png, centre - 55, y + 22, 110, 38)
    page.c.setStrokeColor(MUTED)
    page.c.setLineWidth(0.5)
    page.c.line(centre - 70, y + 20, centre + 70, y + 20)
    fit = SIGNATORY_WIDTH
    page.text(person.name_fr, centre, y + 7, font=BOLD, size=10, max_width=fit)
    page.text(person.title_fr, centre, y - 5, size=8.5, color=MUTED, max_width=fit)
    page.text(person.name_ar, centre, y - 19, font=BOLD, size=10, rtl=True, max_width=fit)
    page.text(person.title_ar, centre, y - 31, size=8.5, rtl=True, color=MUTED, max_width=fit)


def render_certificate(data: CertificateData) -> bytes:
    """The certificate as PDF bytes (deterministic for the same data)."""
    register_fonts()
    t = data.template
    width, height = landscape(A4)
    buffer = BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(width, height),
        invariant=1,
        pageCompression=1,
        initialFontName=REGULAR,
        initialFontSize=12,
        lang="fr",
    )
    canvas.setTitle(f"{t.heading_fr} – {data.serial}")
    canvas.setAuthor(t.institution_fr)
    canvas.setSubject(f"{data.course_title_fr} – {data.learner_name_latin or data.learner_name_arabic}")
    canvas.setCreator(t.institution_fr)
    canvas.setKeywords(f"{data.serial} {PAYLOAD_KEYWORD}{data.signed_payload}")
    page = _Page(canvas)
    _frame(page, width, height)

    left, right = width * 0.27, width * 0.73
    column_width = width * 0.40
    page.text(t.institution_fr, 48, height - 62, font=BOLD, size=11, align="left", color=ACCENT)
    page.text(t.institution_ar, width - 48, height - 62, font=BOLD, size=13, rtl=True,
              align="right", color=ACCENT)
    if t.logo_png:
        page.image(t.logo_png, width / 2 - 35, height - 110, 70, 70)

    page.text(t.heading_fr, width / 2, height - 142, font=BOLD, size=28, color=ACCENT)
    page.text(t.heading_ar, width / 2, height - 178, font=BOLD, size=28, rtl=True, color=ACCENT)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1)
    canvas.line(width / 2 - 120, height - 192, width / 2 + 120, height - 192)
    canvas.line(width / 2, height - 205, width / 2, 205)

    name_latin = data.learner_name_latin or data.learner_name_arabic
    name_arabic = data.learner_name_arabic or data.learner_name_latin
    hours = data.hours
    details_fr = [
        t.duration_fr.format(hours=hours),
        t.completed_fr.format(date=french_date(data.completion_date)),
    ]
    details_ar = [
        t.duration_ar.format(hours=isolate_for_arabic(hours)),
        t.completed_ar.format(date=arabic_date(data.completion_date)),
    ]
    if data.grade:
        details_fr.append(t.grade_fr.format(grade=data.grade))
        details_ar.append(t.grade_ar.format(grade=isolate_for_arabic(data.grade)))
    # (text, font, size, space before, colour, smallest size to keep it on one line) for each
    # column: names and titles are printed in full, on one line if they fit, else wrapped
    french = [
        (t.attests_fr, REGULAR, 12.5, 0, INK, 1.0),
        (isolate_for_french(name_latin), BOLD, 21, 6, ACCENT, NAME_SHRINK),
        (t.followed_fr, REGULAR, 12.5, 2, INK, 1.0),
        (f"« {isolate_for_french(data.course_title_fr)} »", BOLD, 15, 0, INK, TITLE_SHRINK),
        *((line, REGULAR, 12, 0, INK, 1.0) for line in details_fr),
    ]
    arabic = [
        (t.attests_ar, REGULAR, 13.5, 0, INK, 1.0),
        (isolate_for_arabic(name_arabic), BOLD, 22, 6, ACCENT, NAME_SHRINK),
        (t.followed_ar, REGULAR, 13.5, 2, INK, 1.0),
        (f"« {isolate_for_arabic(data.course_title_ar)} »", BOLD, 16, 0, INK, TITLE_SHRINK),
        *((line, REGULAR, 13, 0, INK, 1.0) for line in details_ar),
    ]
    top, floor = height - 225, 204.0

    def column(items, x, rtl, scale, draw):
        y = top
        for text, font, size, before, color, shrink in items:
            y = page.block(text, x, y - before * scale, width=column_width, font=font,
                           size=size * scale, rtl=rtl, color=color, shrink=shrink, draw=draw)
        return y

    # Everything shrinks together until both columns end above the "done at" line.
    scale = 1.0
    while scale > MIN_SCALE and min(column(french, left, False, scale, False),
                                    column(arabic, right, True, scale, False)) < floor:
        scale -= 0.04
    column(french, left, False, scale, True)
    column(arabic, right, True, scale, True)

    done_y = 186
    page.text(t.done_at_fr.format(place=t.place_fr, date=french_date(data.issue_date)),
              left, done_y, size=11.5, color=MUTED, max_width=column_width)
    page.text(t.done_at_ar.format(place=t.place_ar, date=arabic_date(data.issue_date)),
              right, done_y, size=12.5, rtl=True, color=MUTED, max_width=column_width)

    signatories = t.signatories[:3]
    if signatories:
        first, last = 478.0, width - 96.0
        step = (last - first) / max(len(signatories) - 1, 1)
        for index, person in enumerate(signatories):
            centre = (first + last) / 2 if len(signatories) == 1 else first + index * step
            _signatory(page, person, centre, 100)

    qr_size = 96
    page.qr(data.qr_content, 48, 44, qr_size)
    info_x = 48 + qr_size + 14
    page.text(f"{t.serial_label_fr} : {data.serial}", info_x, 112, font=BOLD, size=10, align="left")
    page.text(f"{t.serial_label_ar}: {isolate_for_arabic(data.serial)}", info_x, 97,
              font=BOLD, size=10.5, rtl=True, align="left")
    page.text(t.verify_label_fr, info_x, 80, size=8.5, align="left", color=MUTED, max_width=255)
    page.text(t.verify_label_ar, info_x, 66, size=9, rtl=True, align="left", color=MUTED,
              max_width=255)
    page.text(data.verify_url, info_x, 50, size=7.5, align="left", color=MUTED, max_width=255)

    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
