"""The three roles of the platform, as Wagtail groups: names and who holds them.

Role checks read the person's groups once per request (cached on the user object).
"""

from django.utils.translation import gettext_lazy as _

LEARNERS = "Learners"
TRAINERS = "Trainers"
ADMINISTRATORS = "ENSA administrators"

ROLES = (LEARNERS, TRAINERS, ADMINISTRATORS)
STAFF_ROLES = (TRAINERS, ADMINISTRATORS)

ROLE_LABELS = {
    LEARNERS: _("Learners"),
    TRAINERS: _("Trainers"),
    ADMINISTRATORS: _("ENSA administrators"),
}

_CACHE = "_lms_role_names"


def role_names(user) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, _CACHE):
        setattr(user, _CACHE, frozenset(group.name for group in user.groups.all()))
    return getattr(user, _CACHE)


def forget_roles(user) -> None:
    """Drop the cached role names after the person's groups changed."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def has_role(user, role: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser and role == ADMINISTRATORS:
        return True
    return role in role_names(user)


def is_administrator(user) -> bool:
    return has_role(user, ADMINISTRATORS)


def is_trainer(user) -> bool:
    return has_role(user, TRAINERS)


def is_staff_member(user) -> bool:
    """Trainers, administrators and superusers: the people who work in the admin."""
    return user.is_authenticated and (
        user.is_superuser or bool(role_names(user) & set(STAFF_ROLES))
    )
