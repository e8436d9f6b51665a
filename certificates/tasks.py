"""Background work of the certificates app (Django's tasks API). Tasks call services."""

from __future__ import annotations

import logging

from django.tasks import task

logger = logging.getLogger(__name__)


@task()
def run_bulk_issue_task(*, run_id: int) -> dict:
    # at call time: importing the tasks loads no model or service
    from .models import BulkIssueRun
    from .services import run_bulk_issue

    run = run_bulk_issue(
        run=BulkIssueRun.objects.select_related("course", "requested_by").get(pk=run_id)
    )
    return {"issued": run.issued, "already_issued": run.already_issued, "skipped": run.skipped}


@task()
def auto_issue_task(*, enrolment_id: int) -> str:
    """Issue on completion when the course's certificate settings ask for it; a refusal is
    logged, not raised."""
    # at call time: importing the tasks loads no course model
    from courses.api import Enrolment

    from .services import NotEligible, auto_issue_certificate

    enrolment = Enrolment.objects.select_related("course").get(pk=enrolment_id)
    try:
        certificate = auto_issue_certificate(enrolment=enrolment)
    except NotEligible as refusal:
        logger.warning("No automatic certificate for enrolment %s: %s", enrolment_id, refusal)
        return ""
    return certificate.serial if certificate else ""


@task()
def send_certificate_email(*, certificate_id: int) -> bool:
    """Tell the learner through the outbox (kept for tasks queued before the outbox existed)."""
    # at call time: importing the tasks loads no model or service
    from .models import Certificate
    from .notifications import notify_certificate_issued

    certificate = Certificate.objects.select_related("learner").get(pk=certificate_id)
    return notify_certificate_issued(certificate=certificate) is not None
