"""Background work of the courses app (Django's tasks API). Tasks call services."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation


@task()
def send_cohort_reminders(*, days: int | None = None) -> int:
    """Remind the members of cohorts starting soon (once per cohort and learner)."""
    # at call time: importing the tasks loads no model or service
    from .notifications import REMINDER_DAYS
    from .notifications import send_cohort_reminders as remind

    return remind(days=REMINDER_DAYS if days is None else days)


@task()
def send_cohort_message_task(
    *, cohort_id: int, subject: str, body: str, recipient_ids: list[int], sender_id: int | None
) -> int:
    """Send a trainer's message to each recipient once, framed in the recipient's language;
    the subject and body go as the trainer typed them, as plain text. Returns the number sent."""
    # at call time: importing the tasks loads no model or service
    from .models import Cohort

    cohort = Cohort.objects.select_related("course").get(pk=cohort_id)
    people = get_user_model().objects
    sender = people.filter(pk=sender_id).first() if sender_id else None
    sent = 0
    seen: set[str] = set()
    for person in people.filter(pk__in=set(recipient_ids)).order_by("pk"):
        address = person.email.strip().lower()
        if not address or address in seen:
            continue
        seen.add(address)
        language = person.preferred_language or "fr"
        with translation.override(language):
            text = render_to_string(
                "courses/email/cohort_message.txt",
                {
                    "name": person.name_for(language),
                    "body": body,
                    "sender": sender.name_for(language) if sender else "",
                    "cohort": cohort.name,
                    "course": cohort.course.title_in(language),
                },
            )
        EmailMessage(subject=subject, body=text, to=[person.email]).send()
        sent += 1
    return sent
