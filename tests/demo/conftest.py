"""Fixtures of the demo's tests: the whole demo seeded, the library it fills."""

from io import StringIO

import pytest
from django.core.management import call_command

from content.library.setup import ensure_library
from tests.factories.library import root_collection


@pytest.fixture
def demo(site):
    call_command("seed_demo", stdout=StringIO())


@pytest.fixture
def library(site):
    """The library pages in fr and ar, where the demo handbooks go."""
    root_collection()
    return ensure_library()
