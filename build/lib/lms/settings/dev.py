from .base import *

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
SECURE_SSL_REDIRECT = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True  # security keys on http://127.0.0.1:8000
