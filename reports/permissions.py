"""Who may read ENSA's reports: administrators only. The figures cover every organisation,
course and cohort, so a trainer (who follows their own courses in "Progress") and a learner
see none of them."""

from __future__ import annotations

from lms.accounts.api import is_administrator


def may_read_reports(user) -> bool:
    return user.is_authenticated and user.is_active and is_administrator(user)
