"""The rendered PDF, read back as a person, a PDF tool and a QR scanner would."""

from dataclasses import replace
from datetime import date

from pypdf import PdfReader

from certificates.pdf import (
    PAYLOAD_KEYWORD,
    arabic_date,
    french_date,
    render_certificate,
    visual,
)
from certificates.samples import sample_certificate_data
from tests.certificates.pdftools import nfkc, pdffonts, qr_codes


def _render(tmp_path, **changes):
    data = replace(sample_certificate_data(signed_payload="abc.def"), **changes)
    path = tmp_path / "certificate.pdf"
    path.write_bytes(render_certificate(data))
    return data, path


def _text(path) -> str:
    return nfkc(PdfReader(path).pages[0].extract_text())


def test_dates_use_moroccan_month_names_with_western_digits():
    assert arabic_date(date(2026, 11, 27)) == "27 نونبر 2026"
    assert arabic_date(date(2026, 8, 3)) == "3 غشت 2026"
    assert french_date(date(2026, 11, 27)) == "27 novembre 2026"
    assert french_date(date(2026, 7, 1)) == "1er juillet 2026"


def test_arabic_is_shaped_and_ordered_right_to_left_with_mirrored_brackets():
    drawn = visual("قد تابع(ت) «الدورة»", rtl=True)
    # drawn left to right: the last logical word comes first, and mirrored brackets and
    # guillemets face their content as in « texte » and (texte)
    assert drawn.startswith("«ﺓﺭﻭﺪﻟﺍ»")
    assert drawn.endswith("ﺪﻗ")
    assert "(ﺕ)" in drawn


def test_page_is_a4_landscape_with_metadata(tmp_path):
    data, path = _render(tmp_path)
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == (842, 595)
    meta = reader.metadata
    assert data.serial in meta.title
    assert meta.author == data.template.institution_fr
    assert data.course_title_fr in meta.subject
    assert f"{PAYLOAD_KEYWORD}abc.def" in meta["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "fr"


def test_names_and_titles_of_both_scripts_are_in_the_extracted_text(tmp_path):
    data, path = _render(tmp_path)
    text = _text(path)
    for phrase in (data.learner_name_latin, data.course_title_fr[:40], data.serial):
        assert nfkc(phrase) in text
    for phrase in (data.learner_name_arabic, data.course_title_ar, "المدرسة الوطنية العليا للإدارة"):
        assert nfkc(phrase) in text  # pypdf puts the drawn Arabic back in logical order
    assert "20 novembre 2026" in text
    assert "نونبر" in text and "نوفمبر" not in text


def test_an_edited_name_is_not_found(tmp_path):
    _data, path = _render(tmp_path, learner_name_latin="Fatima-Zahra Bennani")
    assert "Fatima-Zahra Benali" not in _text(path)


def test_every_font_is_embedded(tmp_path):
    _data, path = _render(tmp_path)
    fonts = pdffonts(path)
    assert fonts, "the PDF uses no font"
    assert all(font["embedded"] for font in fonts), fonts
    assert {font["name"].split("+")[-1] for font in fonts} == {"Amiri-Regular", "Amiri-Bold"}


def test_qr_code_decodes_to_the_verification_url_with_the_payload(tmp_path):
    data, path = _render(tmp_path, signed_payload="x" * 470)
    codes = qr_codes(path, tmp_path)
    assert codes == [f"{data.verify_url}#{'x' * 470}"]


def test_rendering_is_deterministic():
    data = sample_certificate_data(signed_payload="abc.def")
    assert render_certificate(data) == render_certificate(data)


def test_a_latin_only_learner_still_gets_a_name_in_the_arabic_column(tmp_path):
    data, path = _render(tmp_path, learner_name_arabic="")
    assert _text(path).count("Fatima-Zahra Benali") >= 2
