"""Fixtures of the certificates tests: messages in English (for the files that ask), an
administrator signed in on `client`, and the seed put back after the transactional tests."""

import pytest
from django.utils import translation

from tests.conftest import restore_seed
from tests.factories.users import administrator


@pytest.fixture
def _messages_in_english():
    """The messages checked here are the English texts (locale/ translates them)."""
    with translation.override("en"):
        yield


@pytest.fixture
def admin_client(client):
    """An administrator signed in on `client` (instead of pytest-django's superuser)."""
    client.force_login(administrator())
    return client


@pytest.fixture
def restore_seed_after_flush(django_db_setup, django_db_blocker):
    """Transactional tests end by flushing the database, seeded rows included (organisations,
    the site tree). Ask for this fixture before `postgres_only` so that its teardown runs
    after the flush and puts them back for the tests that follow. (Do not also ask for `db`
    or `site`: that would wrap the test in a transaction the threads cannot see into.)"""
    yield
    with django_db_blocker.unblock():
        restore_seed()
