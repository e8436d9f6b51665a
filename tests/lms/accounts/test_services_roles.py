"""The three role groups and their admin permissions, set up by `ensure_roles`."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from lms.accounts.roles import ADMINISTRATORS, LEARNERS, TRAINERS
from lms.accounts.services import ensure_roles
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


def test_the_three_role_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {LEARNERS, TRAINERS, ADMINISTRATORS}


def test_trainers_and_administrators_may_use_the_admin_but_learners_may_not():
    assert Group.objects.get(name=TRAINERS).permissions.filter(codename="access_admin").exists()
    assert (
        Group.objects.get(name=ADMINISTRATORS).permissions.filter(codename="access_admin").exists()
    )
    assert not Group.objects.get(name=LEARNERS).permissions.exists()


def test_ensure_roles_is_idempotent():
    before = {g.name: g.permissions.count() for g in Group.objects.all()}
    ensure_roles()
    ensure_roles()
    assert {g.name: g.permissions.count() for g in Group.objects.all()} == before


def test_a_learner_cannot_open_the_admin(client, site):
    from tests.factories.users import PASSWORD

    person = learner()
    client.login(email=person.email, password=PASSWORD)
    response = client.get("/admin/")
    assert response.status_code == 302
    # Wagtail sends whoever lacks the admin's access right to the sign-in page, with a message.
    with translation.override("fr"):
        assert response["Location"] == f"{reverse('account_login')}?next=/admin/"
