"""Small helpers shared by the courses tests."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import LessonCompletion
from courses.quizzes.models import Attempt
from lms.notifications.models import Notification, NotificationStatus
from tests.factories.courses import build_course
from tests.factories.users import learner

HEADER = "courriel;nom_latin;nom_arabe;organisme;fonction\n"


def csv_of(*lines: str) -> bytes:
    return (HEADER + "\n".join(lines) + "\n").encode("utf-8")


def enrolled(**course_options):
    tree = build_course(**course_options)
    person = learner()
    enrolment = services.enrol(learner=person, course=tree.course)
    return tree, person, enrolment


def enrolled_with_progress(tree, *, lessons_done: int):
    person = learner()
    services.enrol(learner=person, course=tree.course)
    for lesson in tree.lessons[:lessons_done]:
        services.complete_lesson(learner=person, lesson=lesson)
    return person


def age(person, days: int) -> None:
    """Move everything `person` did `days` days back."""
    moment = timezone.now() - timedelta(days=days)
    LessonCompletion.objects.filter(learner=person).update(completed_at=moment)
    Attempt.objects.filter(learner=person).update(started_at=moment, submitted_at=moment)


def message_url(scenario):
    return reverse("follow_up:cohort_message", args=[scenario.cohort.pk])


def refused(response) -> bool:
    """Wagtail answers a forbidden admin view with a redirect to the dashboard, or a 403."""
    return response.status_code in (302, 403)


def html_tag(html: str) -> str:
    return re.search(r"<html[^>]*>", html).group(0)


def switcher_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict((code, href) for href, code in re.findall(r'<a href="([^"]+)" lang="(\w+)"', nav))


def denied(response) -> bool:
    """A PermissionDenied in a Wagtail admin view: back to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def kinds_sent_to(person):
    return list(
        Notification.objects.filter(user=person, status=NotificationStatus.SENT).values_list(
            "kind", flat=True
        )
    )
