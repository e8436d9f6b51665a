import pytest
from django.db.models import ProtectedError

from lms.accounts.models import Organisation, OrganisationKind

pytestmark = pytest.mark.django_db

PARTNER_MUNICIPALITIES = {
    "beni-mellal",
    "casablanca",
    "fes",
    "marrakech",
    "nador",
    "oujda",
    "rabat",
    "sale",
    "tanger",
    "tiznit",
}


def test_the_ten_partner_municipalities_are_seeded():
    municipalities = Organisation.objects.filter(
        kind=OrganisationKind.MUNICIPALITY, is_partner=True
    )
    assert set(municipalities.values_list("slug", flat=True)) == PARTNER_MUNICIPALITIES
    assert all(m.name_fr and m.name_ar for m in municipalities)


def test_the_lead_ministry_is_seeded():
    ministry = Organisation.objects.get(kind=OrganisationKind.MINISTRY, is_partner=True)
    assert "Marocains résidant à l'étranger" in ministry.name_fr
    assert ministry.name_ar == "الوزارة المنتدبة المكلفة بالمغاربة المقيمين بالخارج"


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


def test_signup_choices_show_a_directorate_under_its_municipality(client, site):
    Organisation.objects.create(
        slug="nador-dir",
        name_fr="Direction de l'action sociale",
        kind=OrganisationKind.DIRECTORATE,
        parent=Organisation.objects.get(slug="nador"),
    )
    html = client.get("/fr/accounts/signup/").text
    assert "Commune de Nador – Direction de l&#x27;action sociale" in html
