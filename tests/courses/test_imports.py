"""Reading files of people to import (pure: no database)."""

from io import BytesIO

import pytest
from django.utils import translation
from openpyxl import Workbook

from courses.imports import ImportFileError, decode, organisation_key, parse_rows

pytestmark = pytest.mark.usefixtures("_messages_as_written_in_the_code")


ORGANISATIONS = {
    organisation_key(text): pk
    for pk, texts in {
        1: ("oujda", "Commune d'Oujda", "جماعة وجدة"),
        2: ("nador", "Commune de Nador", "جماعة الناظور"),
    }.items()
    for text in texts
}
HEADER = ["email", "full_name_latin", "full_name_arabic", "organisation", "job_title"]
ROWS = [
    ["fatima@oujda.ma", "Fatima-Zahra Benali", "فاطمة الزهراء بنعلي", "oujda", "Cadre"],
    ["youssef@nador.ma", "Youssef El Amrani", "يوسف العمراني", "جماعة الناظور", ""],
]


def csv_text(rows, separator=",", header=HEADER) -> str:
    return "\r\n".join(separator.join(cells) for cells in [header, *rows]) + "\r\n"


def parse(data):
    return parse_rows(data, organisations=ORGANISATIONS)


def assert_the_two_people(rows):
    assert [(r.email, r.full_name_arabic, r.organisation_id) for r in rows] == [
        ("fatima@oujda.ma", "فاطمة الزهراء بنعلي", 1),
        ("youssef@nador.ma", "يوسف العمراني", 2),
    ]
    assert all(row.valid for row in rows)


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_utf8_csv_is_read_with_any_of_the_three_separators(separator):
    assert_the_two_people(parse(csv_text(ROWS, separator).encode("utf-8")))


def test_utf8_with_bom_is_read_and_the_bom_is_not_part_of_the_first_header():
    assert_the_two_people(parse(b"\xef\xbb\xbf" + csv_text(ROWS, ";").encode("utf-8")))


def test_utf16_with_bom_tab_separated_as_excel_saves_unicode_text_is_read():
    data = csv_text(ROWS, "\t").encode("utf-16")  # BOM + little-endian on this platform
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert_the_two_people(parse(data))


def test_windows_1256_with_arabic_names_is_read():
    data = csv_text(ROWS, ";").encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert_the_two_people(parse(data))


def test_windows_1256_keeps_french_accents():
    assert decode("Chargée;élu\n".encode("cp1256")) == "Chargée;élu\n"


def test_french_headers_are_accepted_in_any_case_and_with_accents():
    header = ["Courriel", "Nom latin", "NOM_ARABE", "Organisme", "Fonction"]
    rows = parse(csv_text(ROWS, ";", header=header).encode("utf-8"))
    assert_the_two_people(rows)
    assert rows[0].job_title == "Cadre"


def test_xlsx_built_with_openpyxl_is_read():
    workbook = Workbook()
    sheet = workbook.active
    for cells in [HEADER, *ROWS]:
        sheet.append(cells)
    buffer = BytesIO()
    workbook.save(buffer)
    assert_the_two_people(parse(buffer.getvalue()))


def test_pasted_text_is_read_like_a_file():
    assert_the_two_people(parse(csv_text(ROWS, "\t")))


def test_organisation_is_found_by_slug_or_by_name_in_either_language_ignoring_case_and_apostrophes():
    for written in ("OUJDA", "commune d’oujda", "جماعة وجدة"):
        rows = parse(csv_text([["a@b.ma", "A B", "", written, ""]]).encode())
        assert rows[0].organisation_id == 1, written


def test_each_invalid_row_says_why():
    rows = parse(
        csv_text(
            [
                ["not-an-address", "A B", "", "oujda", ""],
                ["a@b.ma", "", "", "oujda", ""],
                ["c@d.ma", "C D", "", "Commune de Nulle-Part", ""],
                ["A@B.ma", "A B", "", "oujda", ""],
                ["e@f.ma", "E\u202eF", "", "oujda", ""],
                ["g@h.ma", "G" * 121, "", "oujda", ""],
                ["", "I J", "", "", ""],
            ]
        ).encode()
    )
    reasons = [" ".join(row.errors) for row in rows]
    assert "not valid" in reasons[0]
    assert "name is missing" in reasons[1]
    assert "Unknown organisation" in reasons[2]
    assert "line 3" in reasons[3]  # the same address, whatever its case
    assert reasons[4] and reasons[5]  # direction control, name too long
    assert "e-mail address is missing" in reasons[6] and "organisation is missing" in reasons[6]
    assert not any(row.valid for row in rows)


def test_blank_lines_are_skipped_and_lines_are_numbered_as_in_the_file():
    text = csv_text(ROWS).replace("\r\nyoussef", "\r\n,,,,\r\nyoussef")
    rows = parse(text.encode())
    assert [row.line for row in rows] == [2, 4]


def test_a_missing_column_refuses_the_whole_file():
    with pytest.raises(ImportFileError) as refusal:
        parse(b"email;nom_latin\na@b.ma;A B\n")
    assert "full_name_arabic" in str(refusal.value) and "organisation" in str(refusal.value)


def test_a_broken_xlsx_is_refused_with_a_message():
    with pytest.raises(ImportFileError):
        parse(b"PK\x03\x04 not really a workbook")


def test_an_empty_file_is_refused():
    with pytest.raises(ImportFileError):
        parse(b"")


def test_an_xlsx_that_unpacks_to_a_huge_size_is_refused_before_it_is_opened():
    from zipfile import ZIP_DEFLATED, ZipFile

    buffer = BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (25 * 1024 * 1024))
    assert len(buffer.getvalue()) < 1024 * 1024
    with pytest.raises(ImportFileError, match="too large"):
        parse(buffer.getvalue())


def test_an_xlsx_with_too_many_people_is_refused():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER)
    for n in range(2001):
        sheet.append([f"p{n}@oujda.ma", f"Personne {n}", "", "oujda", ""])
    buffer = BytesIO()
    workbook.save(buffer)
    with pytest.raises(ImportFileError, match="2000"):
        parse(buffer.getvalue())


@pytest.mark.parametrize("formula", ["=1+2", "+cmd|' /C calc'!A0", "@SUM(A1:A9)", " -2+3"])
def test_a_formula_in_a_name_is_refused_with_its_reason(formula):
    with translation.override("fr"):
        rows = parse(csv_text([["amina@oujda.ma", formula, "أمينة", "oujda", ""]], separator=";"))
    assert not rows[0].valid
    assert any("formule" in error for error in rows[0].errors)


def test_a_50_mb_file_is_refused_before_it_is_read():
    data = (csv_text([]) + "x" * 50 * 1024 * 1024).encode()
    with pytest.raises(ImportFileError, match="too large"):
        parse(data)
