"""Wagtail admin customisation and document serving rules of the content app."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from content.library.reports import DownloadReportView
from content.library.views import serve_document
from lms.accounts.api import is_administrator
from lms.admin_guards import refuse_deleting_what_is_protected


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_administrator(request.user)


@hooks.register("before_serve_document")
def enforce_document_access(document, request):
    """Every file goes through content's access rules (content/permissions.py); files of
    handbook editions also through the library's counters, whichever URL reaches them."""
    return serve_document(request, document)


@hooks.register("register_admin_view_guards")
def protected_documents_and_images():
    return {
        "wagtaildocs:delete_multiple": refuse_deleting_what_is_protected(
            "wagtaildocs.Document", "doc_id"
        ),
        "wagtailimages:delete_multiple": refuse_deleting_what_is_protected(
            "wagtailimages.Image", "image_id"
        ),
    }


@hooks.register("register_admin_urls")
def register_library_report_urls():
    return [
        path(
            "reports/handbook-downloads/",
            DownloadReportView.as_view(),
            name="library_downloads",
        ),
        path(
            "reports/handbook-downloads/results/",
            DownloadReportView.as_view(results_only=True),
            name="library_downloads_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_library_report_menu_item():
    return AdministratorsMenuItem(
        _("Handbook downloads"),
        reverse("library_downloads"),
        name="handbook-downloads",
        icon_name="download",
        order=1100,
    )
