"""Who holds which role (roles.py)."""

import pytest
from django.urls import reverse
from django.utils import translation

from lms.accounts.roles import is_administrator, is_trainer
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db


def test_role_helpers_recognise_each_role():
    assert is_trainer(trainer()) and not is_administrator(trainer())
    assert is_administrator(administrator())
    person = learner()
    assert not is_trainer(person) and not is_administrator(person)
    assert not person.is_staff
    assert trainer().is_staff


def test_a_learner_cannot_open_the_admin(client, site):
    from tests.factories.users import PASSWORD

    person = learner()
    client.login(email=person.email, password=PASSWORD)
    response = client.get("/admin/")
    assert response.status_code == 302
    # Wagtail sends whoever lacks the admin's access right to the sign-in page, with a message.
    with translation.override("fr"):
        assert response["Location"] == f"{reverse('account_login')}?next=/admin/"
