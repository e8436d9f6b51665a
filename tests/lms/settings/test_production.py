"""Production settings are checked in a child process with a clean environment."""

import json
import os
import secrets
import subprocess
import sys

from django.conf import settings

from certificates.signing import generate_private_key_pem

REQUIRED = [
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_HOST",
    "BASE_URL",
    "CERTIFICATE_SIGNING_KEY",
    "CERTIFICATE_PDF_SIGNING_KEY",
    "CERTIFICATE_PDF_SIGNING_CERTIFICATE",
    "TRUSTED_PROXY_COUNT",
]


def production_env(tmp_path, **values) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        **values,
    }


def complete_env(tmp_path) -> dict[str, str]:
    return production_env(
        tmp_path,
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="formation.ensa.ma",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        REDIS_URL="redis://127.0.0.1:6379/0",
        EMAIL_HOST="smtp.ensa.ma",
        BASE_URL="https://formation.ensa.ma",
        CERTIFICATE_SIGNING_KEY=generate_private_key_pem(),
        **_pdf_signing_pair(),
        TRUSTED_PROXY_COUNT="1",
    )


def _pdf_signing_pair() -> dict[str, str]:
    """A document-signing key and certificate, as the README's openssl commands make them."""
    from cryptography.hazmat.primitives import serialization

    from certificates.pdfsign import certificate_pem, development_pair

    key, certificate = development_pair(secrets.token_hex(8))
    return {
        "CERTIFICATE_PDF_SIGNING_KEY": key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode(),
        "CERTIFICATE_PDF_SIGNING_CERTIFICATE": certificate_pem([certificate]),
    }


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


SETUP = "import django; django.setup()"


def test_production_refuses_to_start_without_its_environment(tmp_path):
    result = run(["-c", SETUP], production_env(tmp_path))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    for name in REQUIRED:
        assert name in result.stderr


def test_production_names_only_the_missing_variables(tmp_path):
    env = complete_env(tmp_path)
    del env["SECRET_KEY"], env["REDIS_URL"]
    result = run(["-c", SETUP], env)
    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert "SECRET_KEY" in message and "REDIS_URL" in message
    assert "DATABASE_URL" not in message and "EMAIL_HOST" not in message


def test_production_starts_with_its_environment_and_is_hardened(tmp_path):
    script = SETUP + (
        "; from django.conf import settings as s; import json; print(json.dumps({"
        "'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS, 'hsts': s.SECURE_HSTS_SECONDS,"
        "'cookie': s.SESSION_COOKIE_SECURE, 'csrf': s.CSRF_COOKIE_SECURE,"
        "'tasks': s.TASKS['default']['BACKEND'], 'cache': s.CACHES['default']['BACKEND'],"
        "'gravatar': s.WAGTAIL_GRAVATAR_PROVIDER_URL}))"
    )
    result = run(["-c", script], complete_env(tmp_path))
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "debug": False,
        "hosts": ["formation.ensa.ma"],
        "hsts": values["hsts"],
        "cookie": True,
        "csrf": True,
        "tasks": "django_tasks_db.DatabaseBackend",
        "cache": "django.core.cache.backends.redis.RedisCache",
        "gravatar": None,
    }
    assert values["hsts"] >= 60 * 60 * 24 * 365


def test_check_deploy_passes_without_warnings(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], complete_env(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
