from io import BytesIO

from openpyxl import load_workbook

from lms.spreadsheets import csv_response, safe_cell, xlsx_response


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_quoted():
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("\t=1+1") == "'\t=1+1"
    assert safe_cell("-2") == "'-2"
    assert safe_cell(-2) == -2
    assert safe_cell(None) == ""
    assert safe_cell("فاطمة الزهراء") == "فاطمة الزهراء"


def test_csv_keeps_arabic_names_readable_and_is_an_attachment():
    response = csv_response([["Nom", "الاسم"], ["Benali", "بنعلي"]], filename="liste.csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    assert "بنعلي" in body
    assert response["Content-Disposition"] == 'attachment; filename="liste.csv"'


def test_xlsx_holds_the_same_cells_made_safe():
    response = xlsx_response([["Nom"], ["=1+1"]], filename="liste.xlsx", title="Résultats")
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet.title == "Résultats"
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["Nom", "'=1+1"]
