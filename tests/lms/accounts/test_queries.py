"""Reads of organisations that other apps ask for, as plain data (lms/accounts/queries.py)."""

import pytest

from lms.accounts.models import Organisation
from lms.accounts.queries import OrganisationNames, branch_ids, organisation_names
from tests.lms.accounts.helpers import make

pytestmark = pytest.mark.django_db


def test_every_organisation_is_named_by_its_slug_and_both_names():
    oujda = Organisation.objects.get(slug="oujda")
    names = organisation_names()
    assert len(names) == Organisation.objects.count()
    assert (
        OrganisationNames(id=oujda.pk, slug="oujda", name_fr=oujda.name_fr, name_ar=oujda.name_ar)
        in names
    )


def test_a_branch_is_the_organisation_and_everything_below_it_by_id():
    region = make("region-oriental")
    province = make("province-berkane", parent=region)
    service = make("service-berkane", parent=province)
    make("ailleurs")
    assert branch_ids(organisation_id=province.pk) == frozenset({province.pk, service.pk})
    assert branch_ids(organisation_id=region.pk) == frozenset({region.pk, province.pk, service.pk})
