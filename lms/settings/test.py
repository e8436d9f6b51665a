from .base import *

SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = BASE_DIR / ".test-media"
STATIC_ROOT = None  # tests serve static files through the finders; nothing is collected
SECURE_SSL_REDIRECT = False
WAGTAILADMIN_BASE_URL = "http://testserver"
BASE_URL = "http://testserver"
# Whole anonymous pages are cached only in the tests about it (tests/lms/test_pagecache.py): the
# others change records and read the page again at once.
PAGE_CACHE_ANONYMOUS_SECONDS = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": str(BASE_DIR / (TEST_DATABASE_NAME or ".test-db")) + ".sqlite3"
    }
elif TEST_DATABASE_NAME:
    DATABASES["default"]["TEST"] = {"NAME": TEST_DATABASE_NAME}
