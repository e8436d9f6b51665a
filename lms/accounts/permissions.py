"""Who may manage which accounts: one place, asked by the admin's user views and actions.

ENSA administrators manage people (accounts and their roles) but never superusers: only a
superuser edits, deactivates or deletes a superuser, grants superuser rights, sets another
person's password or puts someone in a group that is not one of the three roles.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import models
from wagtail.permission_policies import ModelPermissionPolicy

from .roles import ADMINISTRATORS, ROLES, is_administrator

# Actions on an account that could take over a superuser's.
_PROTECTED_ACTIONS = frozenset({"change", "delete"})


def may_act_on_account(editor, account, action: str = "change") -> bool:
    """May `editor` change or delete `account`, as far as superuser rights go?"""
    if editor.is_superuser:
        return True
    return not (account.is_superuser and action in _PROTECTED_ACTIONS)


def may_grant_superuser(editor) -> bool:
    return editor.is_active and editor.is_superuser


def may_set_passwords_of_others(editor) -> bool:
    """Administrators send a password-reset link instead; they never know anyone's password."""
    return editor.is_active and editor.is_superuser


def assignable_groups(editor):
    """The groups `editor` may put people in: the three roles (any group for a superuser)."""
    if editor.is_superuser:
        return Group.objects.all()
    return Group.objects.filter(name__in=ROLES)


class AccountPermissionPolicy(ModelPermissionPolicy):
    """Model permissions on accounts, never reaching a superuser's account for non-superusers."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        allowed = [action for action in actions if may_act_on_account(user, instance, action)]
        return bool(allowed) and super().user_has_any_permission(user, allowed)

    def instances_user_has_any_permission_for(self, user, actions):
        accounts = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser or not set(actions) & _PROTECTED_ACTIONS:
            return accounts
        return accounts.filter(is_superuser=False)


def may_manage_organisations(user) -> bool:
    """Ministries, municipalities and memberships are managed by ENSA administrators only."""
    return user.is_authenticated and user.is_active and is_administrator(user)


class OrganisationPermissionPolicy(ModelPermissionPolicy):
    """Model permissions on organisations, for administrators only (never trainers or learners,
    whatever permissions a group gives them)."""

    def user_has_permission(self, user, action):
        return may_manage_organisations(user) and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return may_manage_organisations(user) and super().user_has_any_permission(user, actions)

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        return users.filter(
            models.Q(is_superuser=True) | models.Q(groups__name=ADMINISTRATORS)
        ).distinct()
