"""Handbook PDFs drawn from their text (content/library/pdfgen.py): pure, data in, bytes out."""

import io

from pypdf import PdfReader

from content.library.pdfgen import HandbookText, render_handbook_pdf
from content.library.pdftext import extract_pdf_text


def _reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def test_a_french_handbook_is_a_pdf_with_its_title_publisher_and_chapters_as_text():
    data = render_handbook_pdf(
        HandbookText(
            title="Guide de l'accueil",
            language="fr",
            chapters=(("Chapitre un", "Le guichet unique de Tiznit."),),
            publisher="ENSA",
        )
    )
    assert data.startswith(b"%PDF-")
    reader = _reader(data)
    assert reader.metadata.title == "Guide de l'accueil"
    assert reader.metadata.author == "ENSA"
    text = extract_pdf_text(io.BytesIO(data))
    for words in ("Guide de l'accueil", "ENSA", "Chapitre un", "Le guichet unique de Tiznit."):
        assert words in text


def test_an_arabic_handbook_is_drawn_in_an_arabic_font_and_reads_back_in_order():
    data = render_handbook_pdf(
        HandbookText(title="دليل الاستقبال", language="ar", chapters=(("مقدمة", "حقوق الإنسان"),))
    )
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in _reader(data).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Amiri" in font for font in fonts), fonts
    assert "حقوق الإنسان" in extract_pdf_text(io.BytesIO(data))


def test_a_long_handbook_goes_on_to_further_pages_and_keeps_all_its_text():
    paragraph = " ".join(f"mot{n}" for n in range(1500))
    data = render_handbook_pdf(
        HandbookText(title="Long", language="fr", chapters=(("Un", paragraph), ("Deux", "Fin.")))
    )
    assert len(_reader(data).pages) > 1
    text = extract_pdf_text(io.BytesIO(data))
    assert "mot0" in text and "mot1499" in text and "Fin." in text


def test_the_same_handbook_gives_the_same_bytes():
    handbook = HandbookText(title="Guide", language="fr", chapters=(("1", "Texte."),))
    assert render_handbook_pdf(handbook) == render_handbook_pdf(handbook)
