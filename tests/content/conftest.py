import importlib

import pytest
from django.apps import apps
from django.core.cache import cache
from django.test import RequestFactory

from content.library.setup import ensure_library
from tests.factories.library import root_collection

# A transactional test (postgres_only) flushes the database, data migrations included; with
# --reuse-db the next run starts without the organisations and Wagtail's root collection.
_seed_organisations = importlib.import_module(
    "lms.accounts.migrations.0002_seed_organisations"
).seed


@pytest.fixture
def library(site):
    """The library pages in fr and ar."""
    _seed_organisations(apps, None)
    root_collection()
    return ensure_library()


@pytest.fixture(autouse=True)
def _forget_downloads():
    """Download counting remembers who downloaded what today in the cache; tests start afresh
    (SQLite reuses the ids of rolled-back rows)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sign_in_to_admin(client):
    """sign_in_to_admin(user): sign `user` in with a second factor passed, as the admin
    requires of staff (lms/accounts/middleware.py)."""
    from allauth.account.internal.flows.login import record_authentication

    def sign_in(user):
        client.force_login(user)
        request = RequestFactory().get("/")
        request.session = client.session
        record_authentication(request, user, "mfa", type="totp")
        request.session.save()
        return user

    return sign_in
