"""Wagtail's account page with ENSA's names panel (admin_views.py), served before Wagtail's
own at the same address; the project's URLs include this module by name."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access

from .admin_views import AccountView

urlpatterns = [
    path(
        "account/",
        never_cache(require_admin_access(AccountView.as_view())),
        name="wagtailadmin_account",
    ),
]
