"""Operations of the trainers' follow-up: a message to a cohort by e-mail."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from wagtail.log_actions import log

from .followup import cohort_recipients
from .models import Cohort

ACTION_COHORT_MESSAGE = "courses.cohort_message"


@dataclass(frozen=True)
class CohortMessage:
    cohort: Cohort
    subject: str
    recipients: int


@transaction.atomic
def send_cohort_message(*, cohort: Cohort, subject: str, body: str, sent_by) -> CohortMessage:
    """Record the message in the audit log and, after commit, send it by e-mail to every
    current member of the cohort, once each. The caller checks that `sent_by` may."""
    # at call time: tasks load on first enqueue (declaring a task sets up the backend)
    from .tasks import send_cohort_message_task

    recipient_ids = [person.pk for person in cohort_recipients(cohort)]
    log(
        cohort,
        ACTION_COHORT_MESSAGE,
        user=sent_by,
        data={"subject": subject, "recipients": len(recipient_ids)},
    )
    transaction.on_commit(
        lambda: send_cohort_message_task.enqueue(
            cohort_id=cohort.pk,
            subject=subject,
            body=body,
            recipient_ids=recipient_ids,
            sender_id=sent_by.pk,
        )
    )
    return CohortMessage(cohort=cohort, subject=subject, recipients=len(recipient_ids))
