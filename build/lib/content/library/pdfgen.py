"""Render a small handbook PDF with real text, in French or Arabic (pure: data in, bytes out)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from lms.pdflayout import visual, wrap

ARABIC_FONT = "Amiri"
MARGIN = 56


@dataclass(frozen=True)
class HandbookText:
    title: str
    language: str
    chapters: tuple[tuple[str, str], ...]  # (heading, paragraph)
    publisher: str = ""


def _register_font() -> None:
    if ARABIC_FONT not in pdfmetrics.getRegisteredFontNames():
        path = finders.find("lms/fonts/Amiri-Regular.ttf")
        pdfmetrics.registerFont(TTFont(ARABIC_FONT, path))


def render_handbook_pdf(handbook: HandbookText) -> bytes:
    _register_font()
    rtl = handbook.language == "ar"
    body_font = ARABIC_FONT if rtl else "Helvetica"
    title_font = ARABIC_FONT if rtl else "Helvetica-Bold"
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    pdf.setTitle(handbook.title)
    pdf.setAuthor(handbook.publisher)
    page_width, page_height = A4
    width = page_width - 2 * MARGIN
    y = page_height - MARGIN

    def draw(line: str, font: str, size: float) -> None:
        nonlocal y
        if y < MARGIN:
            pdf.showPage()
            y = page_height - MARGIN
        pdf.setFont(font, size)
        if rtl:
            pdf.drawRightString(page_width - MARGIN, y, visual(line, rtl=True))
        else:
            pdf.drawString(MARGIN, y, line)
        y -= size * 1.6

    for line in wrap(handbook.title, font=title_font, size=20, width=width, rtl=rtl):
        draw(line, title_font, 20)
    if handbook.publisher:
        draw(handbook.publisher, body_font, 11)
    y -= 12
    for heading, paragraph in handbook.chapters:
        for line in wrap(heading, font=title_font, size=14, width=width, rtl=rtl):
            draw(line, title_font, 14)
        for line in wrap(paragraph, font=body_font, size=11, width=width, rtl=rtl):
            draw(line, body_font, 11)
        y -= 10
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
