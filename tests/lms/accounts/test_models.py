"""Organisations: their hierarchy (no cycles, a parent cannot be deleted under its parts) and
their names in both languages."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from lms.accounts.models import Organisation, OrganisationKind
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


def make(slug, parent=None, kind=OrganisationKind.DIRECTORATE, **kwargs):
    return Organisation.objects.create(
        slug=slug, name_fr=kwargs.pop("name_fr", slug.title()), kind=kind, parent=parent, **kwargs
    )


def test_an_organisation_can_have_a_parent_directorate():
    oujda = Organisation.objects.get(slug="oujda")
    directorate = Organisation.objects.create(
        slug="oujda-affaires-sociales",
        name_fr="Direction des affaires sociales",
        name_ar="مديرية الشؤون الاجتماعية",
        kind=OrganisationKind.DIRECTORATE,
        parent=oujda,
    )
    assert list(oujda.children.all()) == [directorate]
    assert directorate not in Organisation.objects.top_level()
    assert oujda in Organisation.objects.top_level()
    with pytest.raises(ProtectedError):
        oujda.delete()


def test_organisation_name_follows_the_language():
    fes = Organisation.objects.get(slug="fes")
    assert fes.display_name("fr") == "Commune de Fès"
    assert fes.display_name("ar") == "جماعة فاس"


def test_branch_ids_reach_three_levels_down_and_nothing_beside():
    region = make("oriental", kind=OrganisationKind.REGION)
    province = make("province-oujda", parent=region)
    service = make("service-etat-civil", parent=province)
    make("elsewhere")
    assert Organisation.objects.branch_ids(region) == {region.pk, province.pk, service.pk}
    assert set(Organisation.objects.branch(province)) == {province, service}


def test_a_parent_below_the_organisation_is_refused_as_a_cycle():
    region = make("oriental", kind=OrganisationKind.REGION)
    province = make("province-oujda", parent=region)
    service = make("service-etat-civil", parent=province)
    region.parent = service
    with pytest.raises(ValidationError) as refused_cycle:
        region.full_clean()
    assert "parent" in refused_cycle.value.message_dict
    region.parent = region
    with pytest.raises(ValidationError):
        region.full_clean()


def test_reminders_are_on_for_a_new_account(site):
    assert learner().reminders_enabled is True
