"""The outbox in the admin: administrators search it and read a message."""

import pytest
from django.urls import reverse

from lms.notifications import services
from lms.notifications.models import NotificationKind
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.django_db


def a_notification(person, key="admin:1"):
    return services.notify(
        recipient=person,
        kind=NotificationKind.ENROLMENT_CONFIRMED,
        key=key,
        template="courses/email/enrolment_confirmed",
        context={"course": "Migration et communes", "course_url": "https://ensa.example.ma/"},
    )


def test_administrators_search_the_outbox_and_read_a_message(client, site):
    first, second = a_notification(learner(), "a"), a_notification(learner(), "b")
    client.force_login(administrator())
    page = client.get(reverse("outbox:index"), {"q": first.to}).content.decode()
    assert first.to in page and second.to not in page
    response = client.get(reverse("outbox:inspect", args=[first.pk]))
    assert response.status_code == 200
    assert "Migration et communes" in response.content.decode()
