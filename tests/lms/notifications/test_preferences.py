import pytest

from tests.factories.users import learner

pytestmark = pytest.mark.django_db

PROFILE = {
    "full_name_latin": "Youssef El Idrissi",
    "full_name_arabic": "يوسف الإدريسي",
    "job_title": "Cadre",
    "preferred_language": "fr",
}


def test_reminders_are_on_for_a_new_account(site):
    assert learner().reminders_enabled is True


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
