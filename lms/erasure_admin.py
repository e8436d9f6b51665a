"""The Wagtail admin of erasure requests: administrators see the pending ones and confirm
them; the audit log shows requests, cancellations, confirmations and data exports."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from . import erasure as services
from .models import ErasureRequest, ErasureStatus
from .permissions import may_confirm_erasure

RECENT = 50  # handled requests listed below the pending ones


class ErasureRequestsView(TemplateView):
    template_name = "personal_data/admin_erasure_requests.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_confirm_erasure(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        requests = ErasureRequest.objects.select_related("user", "confirmed_by")
        context.update(
            page_title=_("Erasure requests"),
            header_icon="user",
            pending=list(requests.pending().order_by("requested_at")),
            handled=list(
                requests.exclude(status=ErasureStatus.PENDING).order_by("-requested_at")[:RECENT]
            ),
        )
        return context


@require_POST
def confirm(request, pk: int):
    if not may_confirm_erasure(request.user):
        raise PermissionDenied
    erasure = get_object_or_404(ErasureRequest, pk=pk)
    try:
        done = services.confirm_erasure(erasure=erasure, confirmed_by=request.user)
    except services.ErasureRefused as refusal:
        messages.error(request, str(refusal))
    else:
        if done:
            messages.success(request, _("The account has been erased."))
        else:
            messages.warning(request, _("This request was already handled: nothing changed."))
    return redirect("erasure_requests:index")


class ErasureMenuItem(MenuItem):
    def is_shown(self, request):
        return may_confirm_erasure(request.user)


class ErasureRequestViewSet(ViewSet):
    name = "erasure_requests"
    url_prefix = "erasure-requests"
    icon = "user"
    menu_label = gettext_lazy("Erasure requests")
    menu_item_class = ErasureMenuItem
    add_to_settings_menu = True
    menu_order = 900

    def get_urlpatterns(self):
        return [
            path("", ErasureRequestsView.as_view(), name="index"),
            path("<int:pk>/confirm/", confirm, name="confirm"),
        ]


viewset = ErasureRequestViewSet()


@hooks.register("register_admin_viewset")
def register_erasure_requests():
    return viewset


@hooks.register("register_log_actions")
def register_personal_data_actions(actions):
    actions.register_action(
        services.ACTION_EXPORT,
        gettext_lazy("Export personal data"),
        gettext_lazy("Personal data exported"),
    )
    actions.register_action(
        services.ACTION_REQUEST, gettext_lazy("Request erasure"), gettext_lazy("Erasure requested")
    )
    actions.register_action(
        services.ACTION_CANCEL,
        gettext_lazy("Cancel erasure"),
        gettext_lazy("Erasure request cancelled"),
    )
    actions.register_action(
        services.ACTION_CONFIRM, gettext_lazy("Confirm erasure"), gettext_lazy("Account erased")
    )
