"""Django's Content-Security-Policy middleware with the two exceptions the Wagtail admin needs
(README, "Security: HTTP"):

- admin URLs get SECURE_CSP_ADMIN, the site's policy plus what Wagtail's own pages need;
- a response Wagtail lets its preview panel frame (it marks page, snippet and block previews
  X-Frame-Options: SAMEORIGIN) gets the site's policy with frame-ancestors 'self', so the
  preview shows the page as the site will serve it.
"""

from __future__ import annotations

from django.conf import settings
from django.middleware import csp
from django.urls import reverse
from django.utils.csp import CSP


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    def process_response(self, request, response):
        if not hasattr(response, "_csp_config"):  # a view's own @csp_override wins
            if response.get("X-Frame-Options") == "SAMEORIGIN":
                # A preview is rendered through the middleware once already (Wagtail's dummy
                # request), before the preview view marks it: replace that policy.
                if CSP.HEADER_ENFORCE in response:
                    del response[CSP.HEADER_ENFORCE]
                response._csp_config = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}
            elif request.path.startswith(reverse("wagtailadmin_home")):
                response._csp_config = settings.SECURE_CSP_ADMIN
        return super().process_response(request, response)
