from datetime import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lms.spreadsheets import SafeSpreadsheetExportMixin, csv_response, safe_cell, xlsx_response


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


class _WagtailLikeExport:
    """Stands for Wagtail's SpreadsheetExportMixin: text values come out as they went in."""

    def preprocess_field_value(self, field, value, export_format):
        return value

    def stream_csv(self, queryset):
        yield from ("heading\r\n", *(f"{row}\r\n" for row in queryset))


class _GuardedExport(SafeSpreadsheetExportMixin, _WagtailLikeExport):
    pass


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_wagtail_exports_quote_every_text_cell_and_leave_other_values_alone(export_format):
    view = _GuardedExport()
    cell = view.preprocess_field_value
    assert (
        cell("learner", '=HYPERLINK("http://evil","x")', export_format)
        == '\'=HYPERLINK("http://evil","x")'
    )
    assert cell("learner", "بنعلي", export_format) == "بنعلي"
    assert cell("hours", -2, export_format) == -2
    assert cell("revoked_at", None, export_format) is None


def test_wagtail_csv_exports_start_with_a_byte_order_mark():
    assert "".join(_GuardedExport().stream_csv(["بنعلي"])) == "\ufeffheading\r\nبنعلي\r\n"


# --- Times in Morocco ---------------------------------------------------------------------
# The certificate register's CSV and Excel downloads showed the stored UTC time.
# Africa/Casablanca is UTC+1, except during Ramadan (UTC+0).


def downloaded(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_register_downloads_write_morocco_time(office, certificate):
    url = reverse("certificate_register:index")

    csv = downloaded(office.get(url, {"export": "csv"})).decode()
    workbook = load_workbook(BytesIO(downloaded(office.get(url, {"export": "xlsx"}))))

    assert "2026-07-01 11:05" in csv and "10:05" not in csv
    cells = [cell for row in workbook.active.iter_rows(values_only=True) for cell in row]
    assert datetime(2026, 7, 1, 11, 5) in cells
