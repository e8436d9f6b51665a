"""Listens to domain events of other apps; receivers only enqueue tasks."""

from __future__ import annotations


def on_course_completed(sender, enrolment, **kwargs) -> None:
    from .tasks import auto_issue_task

    if enrolment.course.auto_issue_certificate:
        auto_issue_task.enqueue(enrolment_id=enrolment.pk)
