"""The administrators' report of handbook downloads per edition and organisation."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from lms.accounts.api import is_administrator

from .models import DownloadCount


class DownloadReportView(ReportView):
    page_title = _("Handbook downloads")
    header_icon = "download"
    index_url_name = "library_downloads"
    index_results_url_name = "library_downloads_results"
    paginate_by = 100
    columns = [
        Column("handbook", label=_("Handbook"), accessor="edition.handbook.title"),
        Column("language", label=_("Language"), accessor="edition.handbook.locale.language_code"),
        Column("edition", label=_("Edition"), accessor="edition.number"),
        Column("organisation", label=_("Organisation"), accessor="organisation_label"),
        Column("count", label=_("Downloads"), accessor="count"),
    ]
    list_export = [
        "edition.handbook.title",
        "edition.handbook.locale.language_code",
        "edition.number",
        "organisation_label",
        "count",
    ]
    export_headings = {
        "edition.handbook.title": _("Handbook"),
        "edition.handbook.locale.language_code": _("Language"),
        "edition.number": _("Edition"),
        "organisation_label": _("Organisation"),
        "count": _("Downloads"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_administrator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return DownloadCount.objects.select_related(
            "edition__handbook__locale", "organisation"
        ).order_by("edition__handbook__title", "-edition__number", "-count")

    def decorate_paginated_queryset(self, object_list):
        for row in object_list:
            row.organisation_label = (
                row.organisation.display_name() if row.organisation else str(_("No organisation"))
            )
        return object_list
