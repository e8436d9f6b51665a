"""Views of the project itself: Wagtail's pages through the page cache, the development media
route and the admin login."""

from __future__ import annotations

import posixpath

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse
from django.views.static import serve
from wagtail import views as wagtail_views

from . import pagecache


def serve_page(request, path: str):
    """Wagtail's page view, finding the page through the page cache (`lms/pagecache.py`);
    a visitor without a session gets the page another such visitor got, if cached."""
    pagecache.route(request, path)
    return pagecache.serve_anonymous(request, lambda: wagtail_views.serve(request, path))


def media(request, path: str):  # DEBUG only (lms/urls.py)
    """Serve MEDIA_ROOT in development, except the private prefixes (documents,
    certificates), which only their access-checking views serve. The path is normalised
    first, so `//documents/`, `./documents/` or `images/../documents/` are refused too."""
    normalised = posixpath.normpath("/" + path.replace("\\", "/")).lstrip("/")
    if normalised in {"", "."} or normalised.startswith("../"):
        raise Http404
    folder = normalised.lower() + "/"  # case-insensitive file systems too
    if any(
        folder.startswith(prefix.lower().rstrip("/") + "/")
        for prefix in settings.PRIVATE_MEDIA_PREFIXES
    ):
        raise Http404
    return serve(request, normalised, document_root=settings.MEDIA_ROOT)


def admin_login(request):
    """Wagtail's own login form has no second factor: sign in through allauth's."""
    return redirect_to_login(
        request.GET.get("next") or reverse("wagtailadmin_home"), login_url="account_login"
    )
