"""The text inside a PDF file, in reading order (content/library/pdftext.py): pure."""

import io

from pypdf import PdfWriter

from content.library.pdftext import count_pdf_pages, extract_pdf_text, logical_line
from tests.factories.library import pdf_bytes


def _blank_pages(count: int) -> bytes:
    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_the_text_of_a_pdf_is_read_line_by_line():
    text = extract_pdf_text(io.BytesIO(pdf_bytes("Le guichet unique de Tiznit.", title="Guide")))
    assert text.splitlines() == ["Guide", "1", "Le guichet unique de Tiznit."]


def test_arabic_text_is_read_in_logical_order_with_plain_letters():
    text = extract_pdf_text(io.BytesIO(pdf_bytes("إدماج المهاجرين", language="ar")))
    assert "إدماج المهاجرين" in text
    assert not any("\ufb50" <= character <= "\ufeff" for character in text)


def test_presentation_forms_fold_to_letters_and_spaces_to_one():
    # ﻻ (lam-alef ligature) and ﺍ (isolated alef) are glyphs, not letters.
    assert logical_line("  \ufefb\u00a0\t \ufe8d  ") == "لا ا"


def test_a_file_that_is_not_a_pdf_has_no_text_and_no_pages():
    assert extract_pdf_text(io.BytesIO(b"<html>not a pdf</html>")) == ""
    assert count_pdf_pages(io.BytesIO(b"<html>not a pdf</html>")) is None


def test_pages_are_counted_and_reading_stops_at_the_limit():
    assert count_pdf_pages(io.BytesIO(_blank_pages(3))) == 3
    long_text = pdf_bytes(" ".join(f"mot{n}" for n in range(1500)))
    assert count_pdf_pages(io.BytesIO(long_text)) > 1
    first_page = extract_pdf_text(io.BytesIO(long_text), max_pages=1)
    assert "mot0" in first_page and "mot1499" not in first_page
    assert "mot1499" in extract_pdf_text(io.BytesIO(long_text))
