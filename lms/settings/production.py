"""Production: every secret comes from the environment; a missing one stops the process."""

from django.core.exceptions import ImproperlyConfigured

from .base import *

_missing = [
    name
    for name, value in {
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": ALLOWED_HOSTS,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "EMAIL_HOST": SMTP_HOST,
        "CERTIFICATE_SIGNING_KEY": CERTIFICATE_SIGNING_KEY,
        "CERTIFICATE_PDF_SIGNING_KEY": CERTIFICATE_PDF_SIGNING_KEY,
        "CERTIFICATE_PDF_SIGNING_CERTIFICATE": CERTIFICATE_PDF_SIGNING_CERTIFICATE,
        "BASE_URL": BASE_URL if ENV.get("BASE_URL") else "",
        # Behind the load balancer, say how to find the client's address (0 is a valid
        # answer when no proxy is in front): otherwise every client shares one rate limit.
        "TRUSTED_PROXY_COUNT (or TRUSTED_CLIENT_IP_HEADER)": TRUSTED_PROXIES_DECLARED,
    }.items()
    if not value
]
if _missing:
    raise ImproperlyConfigured("Missing required environment variables: " + ", ".join(_missing))

DEBUG = False
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
LOGGING["root"]["level"] = "INFO"
