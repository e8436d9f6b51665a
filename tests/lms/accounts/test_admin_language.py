import pytest
from django.urls import reverse

from tests.factories.users import trainer

pytestmark = pytest.mark.django_db


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
