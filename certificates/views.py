import hashlib

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from lms.ratelimit import rate_limited

from . import queries, signing
from .forms import MAX_VERIFY_REQUEST_BYTES, CompareForm, VerifyForm
from .models import Certificate
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
        digest = hashlib.sha256()
        for chunk in form.cleaned_data["pdf"].chunks():
            digest.update(chunk)
        comparison = {"sha256": digest.hexdigest(), "matches": digest.hexdigest() == found.pdf_sha256}
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
