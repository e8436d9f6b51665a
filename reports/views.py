"""Wagtail admin views of ENSA's reports: the page of tables and charts, and the downloads."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language_bidi, pgettext
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from lms.spreadsheets import csv_response, xlsx_response

from .charts import Chart, bar_chart
from .forms import ReportFiltersForm
from .permissions import may_read_reports
from .queries import REPORT_KEYS, Report, all_reports, report

FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class ReportSection:
    report: Report
    chart: Chart
    exports: dict[str, str]
    series: str


class AdministratorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_read_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _chart_label(row) -> str:
    return row.label if row.month is None else date_format(row.month, "YEAR_MONTH_FORMAT")


def _query_string(request) -> str:
    query = request.GET.copy()
    return f"?{query.urlencode()}" if query else ""


class ReportsView(AdministratorsOnlyMixin, TemplateView):
    template_name = "reports/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ReportFiltersForm(self.request.GET or None)
        sections = []
        if not form.is_bound or form.is_valid():
            filters = form.filters() if form.is_bound else ReportFiltersForm.empty_filters()
            rtl = get_language_bidi()
            query = _query_string(self.request)
            for item in all_reports(filters):
                sections.append(
                    ReportSection(
                        report=item,
                        chart=bar_chart(
                            rows=[(_chart_label(row), row.values[:4]) for row in item.rows],
                            series=item.columns[:4],
                            rtl=rtl,
                        ),
                        series=pgettext("list separator", ", ").join(item.columns[:4]),
                        exports={
                            fmt: reverse("reports:export", args=[item.key, fmt]) + query
                            for fmt in FORMATS
                        },
                    )
                )
        context.update(
            page_title=_("Training reports"),
            header_icon="table",
            form=form,
            sections=sections,
        )
        return context


class ExportView(AdministratorsOnlyMixin, TemplateView):
    """A report as CSV or XLSX, with the filters of the page; every cell is made safe."""

    template_name = "reports/index.html"

    def get(self, request, *args, **kwargs):
        key, fmt = kwargs["key"], kwargs["fmt"]
        if key not in REPORT_KEYS or fmt not in FORMATS:
            raise Http404
        form = ReportFiltersForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            return HttpResponse(
                "\n".join(str(error) for errors in form.errors.values() for error in errors),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        filters = form.filters() if form.is_bound else ReportFiltersForm.empty_filters()
        return export(report(key, filters), fmt=fmt)


def export(item: Report, *, fmt: str) -> HttpResponse:
    header = [item.label_heading, *item.detail_headings, *item.columns]
    rows = [header, *([row.label, *row.details, *row.values] for row in item.rows)]
    filename = f"ensa-{item.key}-{timezone.localdate().isoformat()}.{fmt}"
    if fmt == "csv":
        return csv_response(rows, filename=filename)
    return xlsx_response(rows, filename=filename, title=item.title)
