"""Shared fixtures: the site structure is built once per test database and rebuilt only
after a transactional test has flushed it."""

import os
import shutil
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from courses.setup import ensure_catalogue

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def on_postgres() -> bool:
    return connection.vendor == "postgresql"


def require_or_skip(available: bool, reason: str) -> None:
    """Skip with a visible reason; under CI (CI=true) a missing dependency fails instead."""
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI must run this test: {reason}")
    pytest.skip(reason)


def seed_migration_data() -> None:
    """Data that migrations seed and a transactional test's flush removes (idempotent): our
    organisations, and wagtail-localize's "submit translation" permission (a migration creates
    it; Django's post-flush set-up recreates only the permissions models declare)."""
    import_module("lms.accounts.migrations.0002_seed_organisations").seed(apps, None)
    import_module(
        "wagtail_localize.migrations.0006_create_submit_translation_permission"
    ).create_submit_translation_permission(apps, None)


def restore_seed() -> None:
    """Everything the suite expects to find: seeded rows, roles and the site tree.

    Transactional tests (live server, races) end with a flush; pytest-django runs them after
    the others, and whoever runs after them calls this. Idempotent.
    """
    from lms.accounts.services import ensure_roles

    seed_migration_data()
    ensure_roles()
    ensure_catalogue()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        restore_seed()


@pytest.fixture
def site(db):
    """The locales, home pages and catalogues in fr and ar (cheap when already there)."""
    return ensure_catalogue()


# Tests that take a minute or more, started first: at the end of the run they would keep one
# test process busy while the other has nothing left to do.
LONGEST_FIRST = ("tests/bench/",)


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: not item.nodeid.startswith(LONGEST_FIRST))


def pytest_runtest_setup(item):
    """Skip PostgreSQL-only tests before any database fixture runs (no flush for nothing)."""
    if "postgres_only" in getattr(item, "fixturenames", ()):
        require_or_skip(
            settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",
            "needs PostgreSQL (set DATABASE_URL=postgres://...)",
        )


@pytest.fixture
def postgres_only(transactional_db):
    """A transactional database on PostgreSQL, for races with real threads. It starts with
    what migrations seed, which the flush ending an earlier transactional test removed."""
    restore_seed()


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    """Each test starts with an empty cache: the page cache of an earlier test could name pages
    that its rolled-back transaction removed (and whose ids a later test reuses), and its rate
    limits would still count."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _default_language_after_each_test() -> Iterator[None]:
    """A request activates its page's language in the test's thread (LocaleMiddleware) and
    leaves it active: a test that requested an Arabic page would hand the next one an Arabic
    `reverse()` and Arabic text. Each test starts in the default language."""
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def _record_a_second_factor(sender, request, user, **kwargs):
    from allauth.account.internal.flows.login import record_authentication

    if getattr(request, "session", None) is not None:
        record_authentication(request, user, "mfa", type="test-fixture")


@pytest.fixture(autouse=True)
def _logins_pass_two_factor(request) -> Iterator[None]:
    """Every login in a test counts as having passed a second factor.

    The Wagtail admin requires two-factor authentication of staff (lms/accounts/middleware.py).
    Tests that sign a trainer or an administrator in with `client.force_login`, `client.login`
    or the login form and then use the admin are about something else: for them each login
    records in the session the "mfa" authentication that allauth records after a TOTP code.
    Tests of two-factor authentication itself ask for the `real_mfa` fixture, which turns this
    off (tests/security/test_mfa.py).
    """
    if "real_mfa" in request.fixturenames:
        yield
        return
    user_logged_in.connect(_record_a_second_factor, dispatch_uid="tests-second-factor")
    try:
        yield
    finally:
        user_logged_in.disconnect(dispatch_uid="tests-second-factor")


@pytest.fixture
def real_mfa() -> None:
    """Logins record no second factor: staff meet the two-factor rule as in production."""


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(Path(settings.BASE_DIR) / ".test-media", ignore_errors=True)
