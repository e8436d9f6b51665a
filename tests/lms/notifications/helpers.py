"""Small helpers shared by the notifications tests."""

from lms.notifications import services
from lms.notifications.models import NotificationKind


def a_notification(person, key="admin:1"):
    return services.notify(
        recipient=person,
        kind=NotificationKind.ENROLMENT_CONFIRMED,
        key=key,
        template="courses/email/enrolment_confirmed",
        context={"course": "Migration et communes", "course_url": "https://ensa.example.ma/"},
    )
