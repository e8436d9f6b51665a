from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_safe

from content.permissions import AccessLevel, is_library_staff, may_download_document
from lms.clientip import client_address

from . import services
from .models import HandbookEdition, HandbookPage


def _strictness(level: str) -> int:
    """How narrow the audience of `level` is; a level no longer known counts as the narrowest."""
    try:
        return AccessLevel(level).strictness
    except ValueError:
        return len(AccessLevel)


def _collection_allows(request: HttpRequest, document) -> bool:
    """Wagtail's privacy settings of the document's collection are met (they apply too)."""
    return all(
        restriction.accept_request(request)
        for restriction in document.collection.get_view_restrictions()
    )


def _refusal(request: HttpRequest, edition: HandbookEdition) -> HttpResponse | None:
    """Why `request` may not have the edition's file, as a response; None when it may."""
    handbook = edition.handbook
    published = HandbookPage.objects.live().public().filter(pk=handbook.pk).exists()
    if not published and not is_library_staff(request.user):
        raise Http404
    if not handbook.may_be_downloaded_by(request.user):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        raise PermissionDenied
    if not _collection_allows(request, edition.document):
        # Wagtail's document view asks for the collection's password or sign-in.
        return redirect(edition.document.url)
    return None


def serve_edition(request: HttpRequest, edition: HandbookEdition) -> HttpResponse:
    """The edition's file as an attachment, for people allowed to download it; a GET counts
    (once a day per person, see services.record_download), a HEAD does not."""
    refusal = _refusal(request, edition)
    if refusal is not None:
        return refusal
    if request.method == "GET":
        services.record_download(edition=edition, user=request.user, client=client_address(request))
    document = edition.document
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.filename,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response


def serve_document(request: HttpRequest, document) -> HttpResponse | None:
    """Guard Wagtail's /documents/ URL (a `before_serve_document` hook): None lets Wagtail
    serve the file (as an attachment), a response refuses or redirects.

    A file of handbook editions is refused as the strictest of those handbooks would, else
    sent to the library download (counted). Any other file follows
    `content.permissions.may_download_document`: refused with a sign-in page to anonymous
    visitors and a 404 to others."""
    editions = list(
        HandbookEdition.objects.filter(document=document).select_related("handbook", "document")
    )
    if not editions:
        if may_download_document(request, document):
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        raise Http404
    if not _collection_allows(request, document):
        return None
    strictest = max(
        editions,
        key=lambda e: (_strictness(e.handbook.access_level), not e.handbook.live, e.is_current),
    )
    refusal = _refusal(request, strictest)
    if refusal is not None:
        return refusal
    return redirect("content:library_download", edition_id=strictest.pk)


@require_safe
def download(request: HttpRequest, edition_id: int) -> HttpResponse:
    edition = get_object_or_404(
        HandbookEdition.objects.select_related("handbook", "document"), pk=edition_id
    )
    return serve_edition(request, edition)
