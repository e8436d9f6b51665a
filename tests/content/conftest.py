import importlib

import pytest
from django.apps import apps

from content.library.setup import ensure_library
from tests.factories.library import root_collection

# A transactional test (postgres_only) flushes the database, data migrations included; with
# --reuse-db the next run starts without the organisations and Wagtail's root collection.
_seed_organisations = importlib.import_module("lms.accounts.migrations.0002_seed_organisations").seed


@pytest.fixture
def library(site):
    """The library pages in fr and ar."""
    _seed_organisations(apps, None)
    root_collection()
    return ensure_library()
