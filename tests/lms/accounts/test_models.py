"""Organisations: their hierarchy (no cycles, a parent cannot be deleted under its parts) and
their names in both languages; people: their names, addresses and whom the querysets find."""

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from lms.accounts.models import Organisation, OrganisationKind, User
from tests.factories.users import learner, with_verified_email
from tests.lms.accounts.helpers import make

pytestmark = pytest.mark.django_db


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


# --- People -------------------------------------------------------------------------------


def test_reminders_are_on_for_a_new_account(site):
    assert learner().reminders_enabled is True


def test_a_person_is_named_in_the_script_asked_for_else_in_the_other_else_by_address():
    both = learner(full_name_latin="Youssef El Idrissi", full_name_arabic="يوسف الإدريسي")
    arabic_only = learner(full_name_latin="", full_name_arabic="نادية العمراني")
    nameless = learner(full_name_latin="", full_name_arabic="")

    assert (both.name_for("ar"), both.name_for("fr")) == ("يوسف الإدريسي", "Youssef El Idrissi")
    assert arabic_only.name_for("fr") == "نادية العمراني" == arabic_only.display_name
    assert nameless.name_for("ar") == nameless.email == str(nameless)


def test_an_account_is_created_with_its_address_in_lower_case_and_never_without_one():
    person = User.objects.create_user(email="Nadia.Amrani@Oujda.MA", password="x-Strong-2026")

    assert person.email == "nadia.amrani@oujda.ma"
    assert not person.is_staff and not person.is_superuser
    with pytest.raises(ValueError):
        User.objects.create_user(email="", password="x-Strong-2026")


def test_verified_finds_active_people_who_confirmed_their_current_address():
    confirmed = with_verified_email(learner())
    unconfirmed = learner()
    EmailAddress.objects.create(user=unconfirmed, email=unconfirmed.email, verified=False)
    moved = with_verified_email(learner())
    User.objects.filter(pk=moved.pk).update(email="new-address@example.ma")
    gone = with_verified_email(learner(is_active=False))

    found = set(
        User.objects.verified().filter(pk__in=[p.pk for p in (confirmed, unconfirmed, moved, gone)])
    )

    assert found == {confirmed}
