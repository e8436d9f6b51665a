from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views

urlpatterns = [
    path("admin/login/", views.admin_login, name="admin_login"),
    # Wagtail's account page with ENSA's names panel, before Wagtail's own.
    path("admin/", include("lms.accounts.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The verification link of QR codes and e-mails, in no language: it redirects to the page
    # in the reader's.
    path("", include("certificates.neutral_urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("lms.accounts.urls")),
    path("", include("courses.urls")),
    path("", include("courses.quizzes.urls")),
    path("", include("certificates.urls")),
    path("", include("content.urls")),
    # Wagtail's URLs, its page view replaced by the cached one (same name, so page URLs resolve).
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, views.serve_page, name="wagtail_serve"),
    prefix_default_language=True,
)

if settings.DEBUG:
    # Development only: images and other media, never the private prefixes (documents,
    # certificates: they go through access-checking views). In production the web server
    # serves MEDIA_ROOT the same way: everything but those folders.
    urlpatterns = [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", views.media),
    ] + urlpatterns
