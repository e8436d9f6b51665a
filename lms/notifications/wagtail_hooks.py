"""The outbox in the Wagtail admin: administrators read what was sent, to whom, and why a
message failed. Read-only (permissions.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .models import Notification
from .permissions import permission_policy

register_permission_policy(Notification, permission_policy)


class NotificationViewSet(ModelViewSet):
    model = Notification
    icon = "mail"
    menu_label = _("Sent e-mails")
    menu_order = 310
    add_to_admin_menu = True
    inspect_view_enabled = True
    form_fields = ["status"]  # never shown: the permission policy refuses add and change
    list_display = [
        "subject",
        "to",
        "kind",
        "status",
        "attempts",
        DateColumn("created_at", label=_("created at"), sort_key="created_at"),
        DateColumn("sent_at", label=_("sent at"), sort_key="sent_at"),
    ]
    list_filter = ["kind", "status", "created_at"]
    search_fields = ["to", "subject", "key"]
    inspect_view_fields = [
        "user",
        "to",
        "kind",
        "key",
        "language",
        "subject",
        "body",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
    ]


notification_viewset = NotificationViewSet("outbox")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return notification_viewset
