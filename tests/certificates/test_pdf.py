"""The rendered PDF, read back as a person, a PDF tool and a QR scanner would."""

from collections import Counter
from dataclasses import replace
from io import BytesIO

import pikepdf
from PIL import Image
from pypdf import PdfReader

from certificates.pdf import (
    BOLD,
    SEAL_RADIUS,
    fit,
    register_fonts,
    render_certificate,
    visual,
)
from certificates.samples import sample_certificate_data, sample_template, signature_png
from certificates.statement import qr_content, sign_statement
from lms.text import PERSON_NAME_MAX_LENGTH
from tests.certificates.pdftools import nfkc, pdffonts, pdftotext, qr_codes, squashed, words


def _render(tmp_path, **changes):
    data = replace(sample_certificate_data(signed_payload="abc.def"), **changes)
    path = tmp_path / "certificate.pdf"
    path.write_bytes(render_certificate(data))
    return data, path


def _text(path) -> str:
    return nfkc(PdfReader(path).pages[0].extract_text())


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
    assert meta["/Keywords"] == data.serial
    assert reader.trailer["/Root"]["/Lang"] == "fr"


def test_names_and_titles_of_both_scripts_are_in_the_extracted_text(tmp_path):
    data, path = _render(tmp_path)
    text = _text(path)
    for phrase in (data.learner_name_latin, data.course_title_fr[:40], data.serial):
        assert nfkc(phrase) in text
    for phrase in (
        data.learner_name_arabic,
        data.course_title_ar,
        "المدرسة الوطنية العليا للإدارة",
    ):
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


def test_qr_code_decodes_to_the_verification_url_with_the_signed_statement(tmp_path):
    data = sample_certificate_data()
    data, path = _render(tmp_path, signed_payload=sign_statement(data))
    codes = qr_codes(path, tmp_path)
    assert codes == [qr_content(data)]
    assert codes[0].lower().startswith(data.verify_url.lower() + "#")


def test_rendering_is_deterministic():
    data = sample_certificate_data(signed_payload="abc.def")
    assert render_certificate(data) == render_certificate(data)


def test_a_latin_only_learner_still_gets_a_name_in_the_arabic_column(tmp_path):
    data, path = _render(tmp_path, learner_name_arabic="")
    assert _text(path).count("Fatima-Zahra Benali") >= 2


LONG_LATIN_NAME = (
    "Fatima-Zahra Benali El Idrissi Ben Abdallah Alaoui Mohammed Amine Zniber Tazi Bennani "
    "Lahlou Kettani Berrada Sqalli Houssaini"
)[:120]
LONG_ARABIC_NAME = (
    "فاطمة الزهراء بنعلي الإدريسي بن عبد الرحمان العلوي محمد أمين الزنيبر التازي البناني "
    "اللحلو الكتاني برادة الصقلي الحسيني الفاسي"
)[:120]
LONG_TITLE_FR = (
    "Intégrer la migration dans le Programme d'action de la commune (PAC) : la Stratégie "
    "nationale d'immigration et d'asile, la Stratégie nationale en faveur des Marocains "
    "résidant à l'étranger et la coopération Sud-Sud avec la Côte d'Ivoire, le Mali et le Sénégal"
)[:255]
LONG_TITLE_AR = (
    "إدماج الهجرة في برنامج عمل الجماعة: الاستراتيجية الوطنية للهجرة واللجوء والاستراتيجية "
    "الوطنية لفائدة المغاربة المقيمين بالخارج والتعاون جنوب-جنوب مع كوت ديفوار ومالي والسنغال "
    "ومقاربة قائمة على حقوق الإنسان في الجهة"
)[:255]
PAGE_WIDTH, FRAME = 842, 26


_PUNCTUATION = str.maketrans(dict.fromkeys("«»:-", " "))


def _words(text: str) -> list[str]:
    return [word for word in map(squashed, text.translate(_PUNCTUATION).split()) if word]


def _assert_laid_out_within_the_frame_and_columns(path):
    """Every word inside the inner frame; below the heading, none across the middle line, and
    the columns end above the place-and-date line."""
    boxes = words(path)
    assert boxes
    for word in boxes:
        assert FRAME <= word.x_min and word.x_max <= PAGE_WIDTH - FRAME, word
        assert FRAME <= word.y_min and word.y_max <= 595 - FRAME, word
        if word.y_min > 200:
            assert word.x_max <= PAGE_WIDTH / 2 or word.x_min >= PAGE_WIDTH / 2, word
    done_at = min(word.y_min for word in boxes if word.text == "Fait")
    return [word for word in boxes if word.y_max <= done_at]


def test_names_of_the_longest_length_allowed_are_printed_in_full_in_both_scripts(tmp_path):
    assert len(LONG_LATIN_NAME) == len(LONG_ARABIC_NAME) == PERSON_NAME_MAX_LENGTH
    _data, path = _render(
        tmp_path, learner_name_latin=LONG_LATIN_NAME, learner_name_arabic=LONG_ARABIC_NAME
    )
    text = squashed(pdftotext(path))
    assert squashed(LONG_LATIN_NAME) in text
    assert squashed(LONG_ARABIC_NAME) in text
    above_the_date = {word.text for word in _assert_laid_out_within_the_frame_and_columns(path)}
    assert set(LONG_LATIN_NAME.split()) <= above_the_date


def test_long_names_and_course_titles_together_are_printed_in_full(tmp_path):
    _data, path = _render(
        tmp_path,
        learner_name_latin=LONG_LATIN_NAME,
        learner_name_arabic=LONG_ARABIC_NAME,
        course_title_fr=LONG_TITLE_FR,
        course_title_ar=LONG_TITLE_AR,
    )
    text = squashed(pdftotext(path))
    for value in (LONG_LATIN_NAME, LONG_ARABIC_NAME, LONG_TITLE_FR):
        assert squashed(value) in text
    # Tools put the words of an Arabic line holding "-" or ":" back in varying orders.
    assert not Counter(_words(LONG_TITLE_AR)) - Counter(_words(pdftotext(path)))
    above_the_date = {word.text for word in _assert_laid_out_within_the_frame_and_columns(path)}
    assert set(LONG_LATIN_NAME.split()) | set(LONG_TITLE_FR.split()) <= above_the_date
    assert "20novembre2026" in text  # the lines after the title are still there


def test_a_name_without_spaces_wider_than_the_column_is_cut_not_lost(tmp_path):
    _data, path = _render(tmp_path, learner_name_latin="A" * 120, learner_name_arabic="ب" * 120)
    assert "A" * 120 in squashed(pdftotext(path))
    _assert_laid_out_within_the_frame_and_columns(path)


def test_a_short_name_stays_on_one_line_at_full_size():
    register_fonts()
    size, lines = fit("Fatima-Zahra Benali", font=BOLD, size=21, width=336, rtl=False, shrink=0.7)
    assert (size, lines) == (21, ["Fatima-Zahra Benali"])
    size, lines = fit(LONG_LATIN_NAME, font=BOLD, size=21, width=336, rtl=False, shrink=0.7)
    assert size == 21 * 0.7 and len(lines) > 1
    assert " ".join(lines) == LONG_LATIN_NAME


# --- the look: the Kingdom's header, ENSA's seal, the signatures ------------------------------

PAGE_HEIGHT = 595.28


def test_the_header_names_the_kingdom_above_ensa_in_both_languages(tmp_path):
    _data, path = _render(tmp_path)
    # pdftotext gives each word in the order it is drawn: Arabic words come reversed.
    boxes = {word.text: word for word in words(path)}
    boxes |= {word.text[::-1]: word for word in words(path)}
    assert boxes["Royaume"].y_max < boxes["École"].y_min  # "Royaume du Maroc" above ENSA
    assert boxes["Royaume"].x_max < PAGE_WIDTH / 2
    assert boxes["المملكة"].y_max < boxes["المدرسة"].y_min  # and in Arabic on the right
    assert boxes["المملكة"].x_min > PAGE_WIDTH / 2
    assert boxes["المملكة"].x_max > boxes["المغربية"].x_max  # read from the right


def _xobjects(path) -> dict:
    with pikepdf.open(path) as pdf:
        found = pdf.pages[0].Resources.XObject
        return {
            str(name): (
                str(xobject.Subtype),
                [float(v) for v in xobject.get("/BBox", [])],
                xobject.read_bytes(),
            )
            for name, xobject in found.items()
        }


def test_the_seal_is_drawn_in_vector_at_the_top_and_nothing_overlaps_it(tmp_path):
    _data, path = _render(tmp_path)
    forms = {name: bbox for name, (kind, bbox, _raw) in _xobjects(path).items() if kind == "/Form"}
    assert len(forms) == 1
    (bbox,) = forms.values()
    assert bbox[2] - bbox[0] >= 2 * SEAL_RADIUS  # at least 3.5 cm across
    text = pdftotext(path)
    assert "SUPÉRIEURE" not in text  # its lettering is outlines, not text
    centre_x, centre_y = _placed("ensa-seal", path)
    assert (
        abs(centre_x - 841.89 / 2) < 0.01 and PAGE_HEIGHT - centre_y - SEAL_RADIUS >= 26
    )  # in the frame
    top = PAGE_HEIGHT - centre_y - SEAL_RADIUS
    for word in words(path):  # no word inside the seal's square
        inside_x = centre_x - SEAL_RADIUS < word.x_max and word.x_min < centre_x + SEAL_RADIUS
        inside_y = top < word.y_max and word.y_min < top + 2 * SEAL_RADIUS
        assert not (inside_x and inside_y), word


def _placed(name: str, path) -> tuple[float, float]:
    """Where the page draws the XObject whose name holds `name`: the translation of the
    matrix set just before it."""
    with pikepdf.open(path) as pdf:
        matrix = None
        for operands, operator in pikepdf.parse_content_stream(pdf.pages[0]):
            if str(operator) == "cm":
                matrix = [float(v) for v in operands]
            elif str(operator) == "Do" and name in str(operands[0]):
                return matrix[4], matrix[5]
    raise AssertionError(f"{name} is not drawn")


def test_the_signature_images_are_printed_once_each(tmp_path):
    _data, path = _render(tmp_path, template=sample_template())
    images = [raw for kind, _bbox, raw in _xobjects(path).values() if kind == "/Image"]
    assert len(images) == 2
    drawn = {signature_png(name) for name in ("Nadia El Idrissi", "Youssef Amrani")}
    assert len(drawn) == 2  # two different signatures


def test_a_template_logo_sits_in_the_centre_of_the_seal(tmp_path):
    logo = BytesIO()
    Image.new("RGB", (40, 40), "red").save(logo, format="PNG")
    template = replace(sample_certificate_data().template, logo_png=logo.getvalue())
    _data, path = _render(tmp_path, template=template)
    found = _xobjects(path)
    assert [name for name in found if "seal" in name] == ["/FormXob.ensa-seal-0"]  # no star
    with pikepdf.open(path) as pdf:
        sizes = [
            (int(x.Width), int(x.Height))
            for x in pdf.pages[0].Resources.XObject.values()
            if x.Subtype == "/Image"
        ]
    assert sorted(sizes) == [(40, 40), (360, 124), (360, 124)]  # the logo and two signatures
