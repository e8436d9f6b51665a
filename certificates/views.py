import json

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from lms.ratelimit import rate_limited

from . import credential as credentials
from . import pdfsign, queries, signing
from .forms import MAX_VERIFY_REQUEST_BYTES, CompareForm, VerifyForm
from .models import Certificate
from .offline import compare_with_register
from .permissions import may_download

VERIFY_LIMIT = 30  # requests per minute and client address


@rate_limited("verify", limit=VERIFY_LIMIT)
def verify_form(request):
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        certificate = queries.find_by_serial_and_code(
            serial=form.cleaned_data["serial"], code=form.cleaned_data["code"]
        )
        if certificate is not None:
            return redirect("certificates:verify", code=certificate.verification_code)
        form.add_error(None, _("No certificate has this serial number and verification code."))
    return render(request, "certificates/verify_form.html", {"form": form})


@csrf_exempt  # checked by `_compare`, after the size: the CSRF check reads the whole body
@rate_limited("verify", limit=VERIFY_LIMIT)
@require_http_methods(["GET", "POST"])
def verify(request, code: str):
    found = queries.verification(code=code)
    if found is None:
        raise Http404(_("No certificate has this verification code."))
    if _declared_length(request) > MAX_VERIFY_REQUEST_BYTES:
        # Refused on the declared size, before Django reads the body (request.POST/FILES).
        form = CompareForm.refused_as_too_large()
        return _verification_page(request, found, form, None, status=413)
    return _compare(request, found)


@csrf_protect
def _compare(request, found):
    form = CompareForm(request.POST or None, request.FILES or None)
    comparison = None
    if request.method == "POST" and form.is_valid():
        with found.certificate.pdf.open("rb") as original:
            comparison = compare_with_register(
                form.cleaned_data["pdf"].read(),
                original=original.read(),
                certificates=pdfsign.published_certificates(),
            )
    return _verification_page(request, found, form, comparison)


def _declared_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _verification_page(request, found, form, comparison, status: int = 200):
    response = render(
        request,
        "certificates/verify.html",
        {"verification": found, "form": form, "comparison": comparison},
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@cache_control(public=True, max_age=3600)
def public_key(request):
    pem = signing.public_key_pem(signing.signing_key().public_key())
    return HttpResponse(pem, content_type="application/x-pem-file; charset=us-ascii")


@cache_control(public=True, max_age=3600)
def signing_certificate(request):
    """ENSA's document-signing certificate (and its chain, and those retired by a rotation):
    what PDF readers and `verify_certificate` check certificate PDFs against."""
    pem = pdfsign.certificate_pem(pdfsign.published_certificates())
    return HttpResponse(pem, content_type="application/x-pem-file; charset=us-ascii")


@login_required
def my_certificates(request):
    return render(
        request,
        "certificates/my_certificates.html",
        {"certificates": queries.my_certificates(learner=request.user)},
    )


@login_required
def download(request, serial: str):
    certificate = get_object_or_404(Certificate.objects.select_related("course"), serial=serial)
    if not may_download(request.user, certificate):
        raise Http404
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"{certificate.serial}.pdf",
        content_type="application/pdf",
    )


# --- Open Badges 3.0: the credential, ENSA's issuer profile and keys, the status lists -------


def _public_json(document, *, max_age: int) -> HttpResponse:
    """A public JSON document that wallets and verifiers on other sites may fetch."""
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=max_age)
    return response


@rate_limited("verify", limit=VERIFY_LIMIT)
def credential(request, code: str):
    """The certificate's Open Badges credential; with `?download`, as a file to keep."""
    certificate = Certificate.objects.filter(verification_code=code).first()
    if certificate is None:
        raise Http404(_("No certificate has this verification code."))
    response = _public_json(
        credentials.enveloped(credentials.credential_for(certificate)), max_age=0
    )
    if "download" in request.GET:
        response["Content-Disposition"] = (
            f'attachment; filename="{certificate.serial}.credential.json"'
        )
    response["X-Robots-Tag"] = "noindex"
    return response


def issuer_profile(request):
    return _public_json(credentials.issuer_profile(document=True), max_age=3600)


def issuer_keys(request):
    response = _public_json(credentials.key_set(), max_age=3600)
    response["Content-Type"] = "application/jwk-set+json"
    return response


def status_list(request, year: int):
    """The signed revocation status list of the certificates issued in `year` (VC-JWT)."""
    token = credentials.status_list_token(year)
    if token is None:
        raise Http404
    response = HttpResponse(token, content_type=f"application/{credentials.JWT_TYPE}")
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=300)
    return response


def verify_link(request, code: str):
    """The language-neutral link printed in the QR code and sent in e-mails: the verification
    page in the reader's language (language cookie, then Accept-Language, else French). It
    looks nothing up: the page it redirects to does, within its rate limit."""
    with translation.override(translation.get_language_from_request(request)):
        response = redirect("certificates:verify", code=code)
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    response["X-Robots-Tag"] = "noindex"
    return response
