"""Who may download which handbook (reads only the user's groups)."""

from __future__ import annotations

from lms.accounts.roles import ADMINISTRATORS, TRAINERS

PUBLIC = "public"
LEARNERS = "learners"
STAFF = "staff"


def is_library_staff(user) -> bool:
    """Trainers, administrators and Wagtail staff (one query for the groups at most)."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return any(group.name in {TRAINERS, ADMINISTRATORS} for group in user.groups.all())


def levels_for(user) -> list[str]:
    """The access levels whose handbooks `user` may see and download."""
    if user is None or not user.is_authenticated:
        return [PUBLIC]
    if is_library_staff(user):
        return [PUBLIC, LEARNERS, STAFF]
    return [PUBLIC, LEARNERS]
