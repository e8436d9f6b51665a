"""Who may handle personal-data requests."""

from lms.accounts.api import is_administrator, is_staff_member


def may_confirm_erasure(user) -> bool:
    """Only ENSA administrators confirm an erasure."""
    return is_administrator(user)


def may_be_erased_on_request(user) -> bool:
    """Learners only: staff accounts (trainers, administrators) leave through an administrator."""
    return not (user.is_staff or user.is_superuser or is_staff_member(user))
