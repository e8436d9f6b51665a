"""A person's own data: download it, ask for its erasure, cancel that request. No URL here
takes an id: each view acts on the signed-in person only."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from lms import erasure as services
from lms.permissions import may_be_erased_on_request
from lms.ratelimit import address_subject, rate_limited, take, too_many_requests

EXPORT_LIMIT = 5  # downloads per hour and client address
ERASURE_LIMIT = 10  # requests (password tries) per 10 minutes and client address


class ErasureForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not right."))
        return password


@login_required
@require_POST
@rate_limited(
    "personal-data-export",
    limit=EXPORT_LIMIT,
    window=3600,
    message=gettext_lazy("You downloaded your data several times already."),
)
def export_my_data(request):
    text = services.export_json(user=request.user)
    response = HttpResponse(text.encode("utf-8"), content_type="application/json; charset=utf-8")
    filename = f"ensa-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def request_erasure(request):
    user = request.user
    allowed = may_be_erased_on_request(user)
    form = ErasureForm(request.POST or None, user=user)
    if request.method == "POST":
        attempt = take("erasure-request", address_subject(request), limit=ERASURE_LIMIT, window=600)
        if not attempt.allowed:
            return too_many_requests(
                request,
                retry_after=attempt.retry_after,
                message=_("Too many tries with a password."),
            )
        if not allowed:
            messages.error(
                request,
                _("Staff accounts cannot be erased from the profile page: ask an administrator."),
            )
            return redirect("accounts:erasure")
        if form.is_valid():
            services.request_erasure(user=user)
            messages.success(
                request,
                _("Your request has been recorded. An administrator will confirm it."),
            )
            return redirect("accounts:erasure")
    context = {
        "form": form,
        "allowed": allowed,
        "pending": services.pending_request(user=user),
    }
    return render(request, "accounts/erasure.html", context)


@login_required
@require_POST
def cancel_erasure(request):
    if services.cancel_erasure(user=request.user) is None:
        messages.info(request, _("You have no pending erasure request."))
    else:
        messages.success(request, _("Your erasure request has been cancelled."))
    return redirect("accounts:erasure")
