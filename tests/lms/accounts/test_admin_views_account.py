"""The Wagtail account page (/admin/account/) saves: ENSA keeps full names in both scripts,
not the first and last names Wagtail's own form asked for (every save was refused)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import escape
from wagtail.users.models import UserProfile

from lms.text import validate_no_bidi_controls
from lms.typography import french_spacing
from tests.factories.users import administrator, trainer

ACCOUNT = "/admin/account/"


def account_form(**changes) -> dict:
    """What the page sends when nothing but `changes` is touched."""
    return {
        "names-full_name_latin": "Fatima-Zahra Benali",
        "names-full_name_arabic": "فاطمة الزهراء بنعلي",
        "locale-preferred_language": "fr",
        "theme-theme": "system",
        "theme-contrast": "system",
        "theme-density": "default",
        "password-old_password": "",
        "password-new_password1": "",
        "password-new_password2": "",
        **changes,
    }


@pytest.mark.parametrize("make", [trainer, administrator])
def test_staff_save_their_account_settings(site, client, make):
    person = make()
    client.force_login(person)

    response = client.post(ACCOUNT, account_form(**{"locale-preferred_language": "ar"}))

    assert response.status_code == 302, response.content.decode()[:3000]
    person.refresh_from_db()
    assert (person.full_name_latin, person.full_name_arabic) == (
        "Fatima-Zahra Benali",
        "فاطمة الزهراء بنعلي",
    )
    assert UserProfile.get_for_user(person).preferred_language == "ar"


def test_the_account_page_asks_for_the_names_in_both_scripts_not_first_and_last_names(site, client):
    client.force_login(trainer())

    html = client.get(ACCOUNT).content.decode()

    assert 'name="names-full_name_latin"' in html
    assert 'name="names-full_name_arabic"' in html and 'dir="rtl"' in html
    assert "first_name" not in html and "last_name" not in html


def test_a_name_with_direction_controls_is_refused_with_the_reason(site, client):
    person = trainer()
    client.force_login(person)

    response = client.post(ACCOUNT, account_form(**{"names-full_name_latin": "Fatima\u202eilaneB"}))

    assert response.status_code == 200
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        validate_no_bidi_controls("\u202e")
    assert french_spacing(escape(refused.value.messages[0])) in response.content.decode()
    person.refresh_from_db()
    assert person.full_name_latin != "Fatima\u202eilaneB"


def test_the_admin_offers_no_other_time_zone_than_moroccos(site, client):
    client.force_login(administrator())

    html = client.get(ACCOUNT).content.decode()

    assert "current_time_zone" not in html
