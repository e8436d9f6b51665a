"""CSV and XLSX downloads of tables that people typed into (names, organisations).

One place decides how a cell is made safe for spreadsheet programs and how Arabic text
survives the trip (UTF-8 with a byte-order mark for CSV).
"""

import csv
from collections.abc import Iterable
from datetime import datetime
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """`value` as a cell that spreadsheet programs will not run as a formula."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(rows: Iterable[Iterable], *, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")  # lets spreadsheet programs read Arabic names as UTF-8
    writer = csv.writer(response)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return _attachment(response, filename)


def xlsx_response(rows: Iterable[Iterable], *, filename: str, title: str) -> HttpResponse:
    # at call time: openpyxl is heavy and only the .xlsx export needs it
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(title)[:31]
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    buffer = BytesIO()
    workbook.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE), filename)


class SafeSpreadsheetExportMixin:
    """For Wagtail index views with `list_export` (put it before `IndexView`): every text cell
    of their CSV and XLSX downloads goes through `safe_cell`, times are in Morocco's time zone,
    and the CSV starts with a byte-order mark, like the downloads above."""

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, datetime) and timezone.is_aware(value):
            # Wagtail writes the stored UTC time; people read Morocco time, as on the pages.
            value = timezone.localtime(value).replace(tzinfo=None, microsecond=0)
            if export_format == "csv":
                return value.isoformat(sep=" ", timespec="minutes")
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if isinstance(value, str) else value

    def stream_csv(self, queryset):
        yield "\ufeff"
        yield from super().stream_csv(queryset)
