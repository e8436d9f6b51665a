"""Background work of the courses app (Django's tasks API). Tasks call services."""

from __future__ import annotations

from django.tasks import task


@task()
def send_cohort_reminders(*, days: int | None = None) -> int:
    """Remind the members of cohorts starting soon (once per cohort and learner)."""
    from .notifications import REMINDER_DAYS
    from .notifications import send_cohort_reminders as remind

    return remind(days=REMINDER_DAYS if days is None else days)
