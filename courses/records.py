"""Whether learners did something under a page: the course admin refuses to delete such a page,
since deleting it would delete, or be blocked by, the learners' records.

Courses knows its own records (enrolments, completed lessons). Apps that record more under a
course's pages (quiz attempts) add their check from `AppConfig.ready`, so that courses imports
none of them::

    records.register("quizzes", lambda page: Attempt.objects.filter(...).exists())
"""

from __future__ import annotations

from collections.abc import Callable

from wagtail.models import Page

from .models import Enrolment, LessonCompletion

HoldsRecords = Callable[[Page], bool]

_checks: dict[str, HoldsRecords] = {}


def register(name: str, holds_records: HoldsRecords) -> None:
    """Register (or replace, when an app is reloaded) the check `name`: `holds_records(page)`
    says whether the app keeps learners' records about `page` or a page below it."""
    _checks[name] = holds_records


def holds_learner_records(page: Page) -> bool:
    return (
        Enrolment.objects.filter(course__path__startswith=page.path).exists()
        or LessonCompletion.objects.filter(lesson__path__startswith=page.path).exists()
        or any(holds_records(page) for holds_records in _checks.values())
    )
