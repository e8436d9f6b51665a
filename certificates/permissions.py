"""Who may do what with certificates. Everything that makes ENSA state something (issuing,
templates, what a course's certificates certify, automatic issue) is for ENSA administrators
only; a learner and the course's trainers may download a certificate's PDF."""

from __future__ import annotations

from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from courses.api import teaches
from lms.accounts.api import ADMINISTRATORS, is_administrator

from .models import Certificate


def may_download(user, certificate: Certificate) -> bool:
    if not user.is_authenticated:
        return False
    if certificate.learner_id == user.pk or is_administrator(user):
        return True
    return teaches(user, certificate.course)


def may_administer(user) -> bool:
    return user.is_authenticated and is_administrator(user)


class AdministratorPermissionPolicy(ModelPermissionPolicy):
    """Model permissions (administrators hold every `certificates` one through their group),
    and only for administrators: a permission given to anyone else by mistake opens nothing."""

    def user_has_permission(self, user, action):
        return may_administer(user) and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return may_administer(user) and super().user_has_any_permission(user, actions)

    def users_with_any_permission(self, actions):
        administrators = Q(is_superuser=True) | Q(groups__name=ADMINISTRATORS)
        return super().users_with_any_permission(actions).filter(administrators).distinct()
