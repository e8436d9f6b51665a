"""The admin hooks of accounts: how the audit log tells a merge."""

import pytest
from django.urls import reverse

from lms.accounts.models import Organisation, OrganisationKind
from lms.accounts.services import merge_organisations
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.django_db


def make(slug, parent=None, kind=OrganisationKind.DIRECTORATE):
    return Organisation.objects.create(slug=slug, name_fr=slug.title(), kind=kind, parent=parent)


@pytest.fixture
def source():
    return make("commune-doublon", kind=OrganisationKind.MUNICIPALITY)


@pytest.fixture
def target():
    return Organisation.objects.get(slug="oujda")


def test_the_history_of_the_target_names_the_merged_organisation(client, source, target):
    learner(organisation=source)
    admin = administrator()
    merge_organisations(source=source, target=target, by=admin)
    client.force_login(admin)
    html = client.get(reverse("organisations:history", args=[target.pk])).content.decode()
    assert "Commune-Doublon" in html
