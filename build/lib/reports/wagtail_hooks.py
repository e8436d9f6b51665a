"""ENSA's reports in the Wagtail admin: an item of the admin's "Reports" menu, beside
Wagtail's own reports (locked pages, site history), shown to administrators only."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from .permissions import may_read_reports
from .views import ExportView, ReportsView


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_reports(request.user)


class ReportsViewSet(ViewSet):
    name = "reports"
    url_prefix = "training-reports"
    icon = "table"
    menu_label = gettext_lazy("Training reports")
    menu_item_class = ReportsMenuItem
    menu_order = 50
    menu_hook = "register_reports_menu_item"

    def get_urlpatterns(self):
        return [
            path("", ReportsView.as_view(), name="index"),
            path("<slug:key>/<slug:fmt>/", ExportView.as_view(), name="export"),
        ]


@hooks.register("register_admin_viewset")
def register_reports():
    return ReportsViewSet()
