"""The profile page: a person edits their names, organisation, language and reminders
(ProfileForm)."""

import pytest
from django.urls import reverse

from lms.accounts.models import Organisation
from tests.factories.users import PASSWORD, learner, trainer

pytestmark = pytest.mark.django_db


def test_profile_requires_sign_in(client, site):
    response = client.get("/fr/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")


def test_profile_page_saves_changes(client, site):
    person = learner()
    client.login(email=person.email, password=PASSWORD)
    assert client.get("/fr/accounts/profile/").status_code == 200
    response = client.post(
        "/fr/accounts/profile/",
        {
            "full_name_latin": "Youssef El Idrissi",
            "full_name_arabic": "يوسف الإدريسي",
            "job_title": "Directeur des affaires sociales",
            "organisation": Organisation.objects.get(slug="tanger").pk,
            "preferred_language": "ar",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/fr/accounts/profile/"
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    person.refresh_from_db()
    assert person.full_name_latin == "Youssef El Idrissi"
    assert person.full_name_arabic == "يوسف الإدريسي"
    assert person.job_title == "Directeur des affaires sociales"
    assert person.organisation.slug == "tanger"
    assert person.preferred_language == "ar"


def test_profile_refuses_an_unknown_language_and_changes_nothing(client, site):
    person = learner()
    client.login(email=person.email, password=PASSWORD)
    response = client.post(
        "/fr/accounts/profile/",
        {"full_name_latin": "Changed", "preferred_language": "xx"},
    )
    assert response.status_code == 200
    assert "preferred_language" in response.context["form"].errors
    person.refresh_from_db()
    assert person.full_name_latin != "Changed"


def test_profile_cannot_change_the_email_or_the_role(client, site):
    person = learner()
    client.login(email=person.email, password=PASSWORD)
    client.post(
        "/fr/accounts/profile/",
        {
            "full_name_latin": "X",
            "preferred_language": "fr",
            "email": "other@example.ma",
            "is_staff": "on",
            "is_superuser": "on",
        },
    )
    person.refresh_from_db()
    assert person.email != "other@example.ma"
    assert not person.is_staff and not person.is_superuser


@pytest.mark.parametrize(
    "field, name",
    [
        ("full_name_latin", "Youssef\u202e El Idrissi"),
        ("full_name_arabic", "\u2067يوسف الإدريسي\u2069"),
        ("full_name_latin", "Y" * 121),
    ],
)
def test_profile_refuses_a_name_with_direction_controls_or_too_long(client, site, field, name):
    person = learner()
    before = getattr(person, field)
    client.login(email=person.email, password=PASSWORD)
    data = {"full_name_latin": "Youssef El Idrissi", "preferred_language": "fr", field: name}
    response = client.post("/fr/accounts/profile/", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    person.refresh_from_db()
    assert getattr(person, field) == before


def test_changing_the_organisation_in_the_profile_makes_it_self_declared_again(client, site):
    person = learner(organisation_confirmed=True)
    client.login(email=person.email, password=PASSWORD)
    data = {
        "full_name_latin": person.full_name_latin,
        "full_name_arabic": person.full_name_arabic,
        "job_title": person.job_title,
        "organisation": person.organisation.pk,
        "preferred_language": "fr",
    }
    client.post("/fr/accounts/profile/", data)
    person.refresh_from_db()
    assert person.organisation_confirmed, "saving the same organisation keeps the confirmation"
    client.post(
        "/fr/accounts/profile/", {**data, "organisation": Organisation.objects.get(slug="fes").pk}
    )
    person.refresh_from_db()
    assert person.organisation.slug == "fes"
    assert not person.organisation_confirmed


def test_choosing_arabic_in_the_profile_shows_the_wagtail_admin_right_to_left(client, site):
    person = trainer(preferred_language="fr")
    client.force_login(person)
    response = client.post(
        "/fr/accounts/profile/",
        {
            "full_name_latin": person.full_name_latin,
            "full_name_arabic": person.full_name_arabic,
            "job_title": person.job_title,
            "organisation": person.organisation_id,
            "preferred_language": "ar",
        },
    )
    assert response.status_code == 302
    admin = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'dir="rtl"' in admin
    assert 'lang="ar"' in admin


# --- E-mail reminders ---------------------------------------------------------------------

PROFILE = {
    "full_name_latin": "Youssef El Idrissi",
    "full_name_arabic": "يوسف الإدريسي",
    "job_title": "Cadre",
    "preferred_language": "fr",
}


def test_a_learner_turns_reminders_off_and_on_again_from_their_profile(client, site):
    person = learner()
    client.force_login(person)
    page = client.get("/fr/accounts/profile/").content.decode()
    assert 'name="reminders_enabled"' in page
    assert 'for="id_reminders_enabled"' in page
    client.post("/fr/accounts/profile/", PROFILE)  # an unticked box is not sent
    person.refresh_from_db()
    assert person.reminders_enabled is False
    client.post("/fr/accounts/profile/", {**PROFILE, "reminders_enabled": "on"})
    person.refresh_from_db()
    assert person.reminders_enabled is True


def test_a_learner_cannot_change_the_reminders_of_someone_else(client, site):
    person, other = learner(), learner()
    client.force_login(person)
    client.post(
        "/fr/accounts/profile/", {**PROFILE, "pk": other.pk, "id": other.pk, "email": other.email}
    )
    other.refresh_from_db()
    assert other.reminders_enabled is True
