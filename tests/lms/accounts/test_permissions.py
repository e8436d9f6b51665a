"""Who may manage which accounts and organisations (permissions.py): administrators manage
people and their roles but never a superuser's account; organisations are theirs alone."""

import pytest
from django.contrib.auth.models import Group, Permission

from lms.accounts.models import Organisation, User
from lms.accounts.permissions import (
    AccountPermissionPolicy,
    OrganisationPermissionPolicy,
    assignable_groups,
    may_act_on_account,
    may_grant_superuser,
    may_manage_organisations,
    may_set_passwords_of_others,
)
from lms.accounts.roles import ROLES
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db


def superuser(**fields):
    return User.objects.create_superuser(
        email=f"root{User.objects.count()}@example.ma", password="x-Strong-2026-pass", **fields
    )


def test_only_a_superuser_changes_or_deletes_a_superusers_account():
    admin, root, person = administrator(), superuser(), learner()

    assert not may_act_on_account(admin, root, "change")
    assert not may_act_on_account(admin, root, "delete")
    assert may_act_on_account(admin, root, "view")
    assert may_act_on_account(admin, person, "delete")
    assert may_act_on_account(superuser(), root, "delete")


def test_only_an_active_superuser_grants_superuser_rights_or_sets_passwords():
    for may in (may_grant_superuser, may_set_passwords_of_others):
        assert may(superuser())
        assert not may(superuser(is_active=False))
        assert not may(administrator())


def test_administrators_assign_the_three_roles_and_a_superuser_any_group():
    committee = Group.objects.create(name="Comité de lecture")

    assert set(assignable_groups(administrator()).values_list("name", flat=True)) == set(ROLES)
    assert committee in assignable_groups(superuser())


def test_the_account_policy_never_lets_an_administrator_reach_a_superuser():
    policy = AccountPermissionPolicy(User)
    admin, root, person = administrator(), superuser(), learner()

    assert policy.user_has_permission_for_instance(admin, "change", person)
    assert not policy.user_has_permission_for_instance(admin, "change", root)
    assert not policy.user_has_permission_for_instance(trainer(), "change", person)
    changeable = policy.instances_user_has_any_permission_for(admin, ["change"])
    assert person in changeable and root not in changeable
    assert root in policy.instances_user_has_any_permission_for(admin, ["view"])
    assert root in policy.instances_user_has_any_permission_for(superuser(), ["change"])


def test_organisations_are_managed_by_active_administrators_only():
    assert may_manage_organisations(administrator())
    assert not may_manage_organisations(administrator(is_active=False))
    assert not may_manage_organisations(trainer())


def test_a_trainer_given_the_model_permission_still_cannot_manage_organisations():
    policy = OrganisationPermissionPolicy(Organisation)
    admin, helper = administrator(), trainer()
    helper.user_permissions.add(
        Permission.objects.get(content_type__app_label="accounts", codename="change_organisation")
    )
    helper = User.objects.get(pk=helper.pk)  # no cached permissions

    assert policy.user_has_permission(admin, "change")
    assert not policy.user_has_permission(helper, "change")
    assert not policy.user_has_any_permission(helper, ["add", "change"])
    holders = policy.users_with_any_permission(["change"])
    assert admin in holders and helper not in holders
