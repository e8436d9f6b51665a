"""Benchmark settings: production's choices (DEBUG off, cached templates, manifest static
files, sessions in the database) on loopback, plus the baselines' URLconf (`bench/urls.py`).

Only `python -m bench` uses them; the baselines exist nowhere else.
"""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)

from lms.settings.base import *

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)
STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT", BASE_DIR / "bench" / ".work" / "static"))
MEDIA_ROOT = Path(os.environ.get("BENCH_MEDIA_ROOT", BASE_DIR / "bench" / ".work" / "media"))
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # seeding 1,000 accounts
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
LOGGING["root"]["level"] = "WARNING"
# Where the harness leaves the bytes of each measured page for baseline B0.
BENCH_B0_DIR = Path(os.environ.get("BENCH_B0_DIR", BASE_DIR / "bench" / ".work" / "b0"))
# wrk stands for the load balancer: bench/many_clients.lua gives each request its own address.
TRUSTED_PROXY_COUNT = 1
