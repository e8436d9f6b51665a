"""Settings shared by every environment.

The process environment is read in this module only (section "Environment");
dev, test and production settings override values, never read os.environ.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def _bool(value: str | None, default: bool = False) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


# --- Environment --------------------------------------------------------------------
ENV = os.environ
SECRET_KEY = ENV.get("SECRET_KEY", "")
DEBUG = _bool(ENV.get("DEBUG"))
ALLOWED_HOSTS = _list(ENV.get("ALLOWED_HOSTS"))
CSRF_TRUSTED_ORIGINS = _list(ENV.get("CSRF_TRUSTED_ORIGINS"))
DATABASE_URL = ENV.get("DATABASE_URL", "")
REDIS_URL = ENV.get("REDIS_URL", "")
BASE_URL = ENV.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
MEDIA_ROOT = Path(ENV.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = ENV.get("MEDIA_URL", "/media/")
STATIC_ROOT = Path(ENV.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
SMTP_HOST = ENV.get("EMAIL_HOST", "")
SMTP_OPTIONS = {
    "host": SMTP_HOST,
    "port": int(ENV.get("EMAIL_PORT", "587")),
    "username": ENV.get("EMAIL_HOST_USER", ""),
    "password": ENV.get("EMAIL_HOST_PASSWORD", ""),
    "use_tls": _bool(ENV.get("EMAIL_USE_TLS"), default=True),
}
DEFAULT_FROM_EMAIL = ENV.get("DEFAULT_FROM_EMAIL", "ENSA <formation@ensa.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
CERTIFICATE_SIGNING_KEY = ENV.get("CERTIFICATE_SIGNING_KEY", "")  # Ed25519 private key, PEM
# Ed25519 public keys (PEM, one after the other) retired by a rotation: still published in the
# credentials' key set (/verify/keys.json) so that credentials they signed keep verifying.
CERTIFICATE_RETIRED_PUBLIC_KEYS = ENV.get("CERTIFICATE_RETIRED_PUBLIC_KEYS", "")
# ENSA's document-signing key (ECDSA P-256 or RSA, PEM) and its X.509 certificate (PEM, followed
# by the issuing CA's certificates when it has some): they sign every certificate PDF (PAdES).
CERTIFICATE_PDF_SIGNING_KEY = ENV.get("CERTIFICATE_PDF_SIGNING_KEY", "")
CERTIFICATE_PDF_SIGNING_CERTIFICATE = ENV.get("CERTIFICATE_PDF_SIGNING_CERTIFICATE", "")
# Document-signing certificates (PEM) retired by a rotation: still published and trusted, so
# that the PDFs they signed keep verifying.
CERTIFICATE_PDF_RETIRED_CERTIFICATES = ENV.get("CERTIFICATE_PDF_RETIRED_CERTIFICATES", "")
SECURE_SSL_REDIRECT = _bool(ENV.get("SECURE_SSL_REDIRECT"), default=True)
# Proxies in front of the app servers (load balancer...), to find the client's address:
# how many append to X-Forwarded-For, or the header in which the front proxy states it.
TRUSTED_PROXY_COUNT = int(ENV.get("TRUSTED_PROXY_COUNT") or 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT is the number of proxies: 0 or more.")
TRUSTED_CLIENT_IP_HEADER = ENV.get("TRUSTED_CLIENT_IP_HEADER", "").strip() or None
TRUSTED_PROXIES_DECLARED = "TRUSTED_PROXY_COUNT" in ENV or TRUSTED_CLIENT_IP_HEADER is not None
TEST_DATABASE_NAME = ENV.get("TEST_DATABASE_NAME", "")  # lets parallel test runs keep apart
DB_CONN_MAX_AGE = int(ENV.get("DB_CONN_MAX_AGE", "60"))
# --------------------------------------------------------------------------------------

INSTALLED_APPS = [
    "lms",
    "lms.accounts",
    "lms.notifications",
    "content",
    "courses",
    "courses.quizzes",
    "certificates",
    "reports",
    "demo",  # the demo content, loaded by `seed_demo`; depends on all the above
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.accounts.apps.UsersAdminConfig",  # wagtail.users, with ENSA's account rules
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lms.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "lms.pagecache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "lms.admin_guards.AdminViewGuardMiddleware",
    "lms.accounts.middleware.StaffTwoFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=DB_CONN_MAX_AGE,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # IMMEDIATE: a transaction takes the write lock when it begins, so two requests that both
    # write (a page published while its preview saves the session) wait for each other within
    # the timeout instead of one failing at once with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# How long a page served to a visitor without a session is served again from the cache
# (lms/pagecache.py): a publish shows at once; seats left in a course may lag this long.
PAGE_CACHE_ANONYMOUS_SECONDS = int(ENV.get("PAGE_CACHE_ANONYMOUS_SECONDS", "60"))

MAILERS = {
    "default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": SMTP_OPTIONS}
}

TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "courses:dashboard"

# django-allauth: e-mail login, mandatory verification, rate limits on the cache above.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "lms.accounts.forms.SignupForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[ENSA] "
ACCOUNT_ADAPTER = "lms.accounts.adapter.AccountAdapter"  # client address from lms.clientip
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = TRUSTED_CLIENT_IP_HEADER
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}

# Two-factor authentication (allauth.mfa): required for staff before the Wagtail admin
# (lms/accounts/middleware.py), optional for learners.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "ENSA"
MFA_PASSKEY_LOGIN_ENABLED = False

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("ar", _("Arabic"))]
# The catalogues are in the checkout's locale/; an installed wheel carries them as data files
# under the environment's share/ensa/locale (pyproject.toml).
LOCALE_PATHS = [
    BASE_DIR / "locale"
    if (BASE_DIR / "locale").is_dir()
    else Path(sys.prefix) / "share" / "ensa" / "locale"
]
FORMAT_MODULE_PATH = ["lms.formats"]  # Arabic dates written the Moroccan way
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "ENSA"
WAGTAILADMIN_LOGIN_URL = "account_login"  # allauth's, with its two-factor step
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]  # the admin shows Morocco time, as the site does
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # so that access rules apply to every file
WAGTAILDOCS_DOCUMENT_FORM_BASE = "content.library.document_forms.LibraryDocumentForm"
# The upload policy for documents: Wagtail's form and content/library/uploads.py both read these.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "pptx", "png", "jpg", "jpeg", "gif", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []  # every document is served as an attachment
WAGTAILEMBEDS_RESPONSIVE_HTML = False  # its wrapper has a style attribute; site.css sizes embeds
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views allow SAMEORIGIN for themselves
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy on every response (lms/csp.py): scripts, styles and fonts from
# this site only, no inline script, never framed. Video embeds (oEmbed iframes) may come
# from CSP_EMBED_HOSTS only.
CSP_EMBED_HOSTS = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],  # data: for the QR code of the authenticator set-up
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "frame-src": [CSP.SELF, *CSP_EMBED_HOSTS],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Admin URLs (lms/csp.py): Wagtail and wagtail-localize write inline <script> elements
# (date pickers, inline panels, choosers), Draftail inserts <style> elements and the
# multiple image upload previews blob: images, so the admin allows those; inline event
# handlers, style attributes and eval stay refused (script-src/style-src 'self').
# README, "Security: HTTP".
SECURE_CSP_ADMIN = {
    **SECURE_CSP,
    "script-src-elem": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src-elem": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],  # thumbnails of images being uploaded
}

# Files under MEDIA_ROOT that only access-checking views serve (never the media route).
PRIVATE_MEDIA_PREFIXES = ["documents/", "certificates/"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.tasks": {"level": "WARNING", "handlers": ["console"], "propagate": False},
        "django_tasks": {"level": "WARNING", "handlers": ["console"], "propagate": False},
        # pyHanko logs every signature it cannot validate; certificates/pdfsign.py reports them.
        "pyhanko": {"level": "ERROR"},
        "pyhanko_certvalidator": {"level": "ERROR"},
    },
}
