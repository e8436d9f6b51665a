"""Who may see the outbox: ENSA administrators only, and only to read it (it holds what was
written to each person). Nobody edits a notification; sending goes through services."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from lms.accounts.api import ADMINISTRATORS, is_administrator

from .models import Notification

READ = {"view"}


def may_read_outbox(user) -> bool:
    return user.is_authenticated and user.is_active and is_administrator(user)


class OutboxPermissionPolicy(BasePermissionPolicy):
    def __init__(self):
        super().__init__(Notification)

    def user_has_permission(self, user, action):
        return action in READ and may_read_outbox(user)

    def users_with_any_permission(self, actions):
        User = get_user_model()  # noqa: N806
        if not READ & set(actions):
            return User.objects.none()
        return User.objects.filter(
            Q(is_superuser=True) | Q(groups__name=ADMINISTRATORS), is_active=True
        ).distinct()


permission_policy = OutboxPermissionPolicy()
