"""Listens to domain events of other apps; receivers only enqueue tasks."""

from __future__ import annotations

from .services import issues_automatically


def on_course_completed(sender, enrolment, **kwargs) -> None:
    # at call time: tasks load on first enqueue (declaring a task sets up the backend)
    from .tasks import auto_issue_task

    if issues_automatically(course_id=enrolment.course_id):
        auto_issue_task.enqueue(enrolment_id=enrolment.pk)
