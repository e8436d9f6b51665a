"""Background work for quizzes: closing attempts at their deadline."""

from __future__ import annotations

from datetime import datetime

from django.tasks import task


@task
def finalise_attempt(attempt_id: int) -> bool:
    """Close one attempt if its deadline has passed (does nothing otherwise)."""
    # at call time: importing the tasks loads no model or service
    from .services import finalise_if_overdue

    return finalise_if_overdue(attempt_id=attempt_id)


@task
def finalise_overdue_attempts() -> int:
    """Close every attempt past its deadline; safe to run as often as wished."""
    # at call time: importing the tasks loads no model or service
    from . import services

    return services.finalise_overdue_attempts()


def schedule_finalisation(*, attempt_id: int, at: datetime) -> bool:
    """Ask the task backend to close the attempt at `at`, when it can run tasks later.

    Backends that run tasks at once (ImmediateBackend) cannot: pages and services then
    close overdue attempts whenever they touch them, and `finalise_overdue_attempts`
    sweeps the rest.
    """
    if not finalise_attempt.get_backend().supports_defer:
        return False
    finalise_attempt.using(run_after=at).enqueue(attempt_id)
    return True
