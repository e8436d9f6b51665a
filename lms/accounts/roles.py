"""The three roles of the platform, as Wagtail groups."""

from django.utils.translation import gettext_lazy as _

LEARNERS = "Learners"
TRAINERS = "Trainers"
ADMINISTRATORS = "ENSA administrators"

ROLE_LABELS = {
    LEARNERS: _("Learners"),
    TRAINERS: _("Trainers"),
    ADMINISTRATORS: _("ENSA administrators"),
}


def has_role(user, role: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser and role == ADMINISTRATORS:
        return True
    return any(group.name == role for group in user.groups.all())


def is_administrator(user) -> bool:
    return has_role(user, ADMINISTRATORS)


def is_trainer(user) -> bool:
    return has_role(user, TRAINERS)
