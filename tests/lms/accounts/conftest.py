"""Fixtures of the accounts tests: the two municipalities of a merge."""

import pytest

from lms.accounts.models import Organisation, OrganisationKind
from tests.lms.accounts.helpers import make


@pytest.fixture
def source():
    return make("commune-doublon", kind=OrganisationKind.MUNICIPALITY)


@pytest.fixture
def target():
    return Organisation.objects.get(slug="oujda")
