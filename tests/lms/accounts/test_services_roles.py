"""The three role groups and their admin permissions, set up by `ensure_roles`."""

import pytest
from django.contrib.auth.models import Group

from lms.accounts.roles import ADMINISTRATORS, LEARNERS, TRAINERS
from lms.accounts.services import ensure_roles

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
