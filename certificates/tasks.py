"""Background work of the certificates app (Django's tasks API). Tasks call services."""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


@task()
def run_bulk_issue_task(*, run_id: int) -> dict:
    from .models import BulkIssueRun
    from .services import run_bulk_issue

    run = run_bulk_issue(run=BulkIssueRun.objects.select_related("course", "requested_by").get(pk=run_id))
    return {"issued": run.issued, "already_issued": run.already_issued, "skipped": run.skipped}


@task()
def auto_issue_task(*, enrolment_id: int) -> str:
    """Issue on completion when the course's certificate settings ask for it; a refusal is
    logged, not raised."""
    from courses.models import Enrolment

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
    """Tell the learner, in their preferred language, with the PDF attached."""
    from .models import Certificate

    certificate = Certificate.objects.select_related("learner").get(pk=certificate_id)
    learner = certificate.learner
    if learner is None or not learner.email:
        return False
    language = learner.preferred_language or "fr"
    data = certificate.data
    with translation.override(language):
        arabic = language.startswith("ar")
        context = {
            "name": learner.name_for(language),
            "course": data.course_title_ar if arabic else data.course_title_fr,
            "serial": certificate.serial,
            "verify_url": certificate.get_verify_url(),
        }
        subject = _("Your certificate of training: %(course)s") % {"course": context["course"]}
        body = render_to_string("certificates/email/issued.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[learner.email])
    with certificate.pdf.open("rb") as handle:
        message.attach(f"{certificate.serial}.pdf", handle.read(), "application/pdf")
    message.send()
    return True
