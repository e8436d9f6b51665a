"""The outbox in the admin: administrators search it and read a message."""

import pytest
from django.urls import reverse

from tests.factories.users import administrator, learner
from tests.lms.notifications.helpers import a_notification

pytestmark = pytest.mark.django_db


def test_administrators_search_the_outbox_and_read_a_message(client, site):
    first, second = a_notification(learner(), "a"), a_notification(learner(), "b")
    client.force_login(administrator())
    page = client.get(reverse("outbox:index"), {"q": first.to}).content.decode()
    assert first.to in page and second.to not in page
    response = client.get(reverse("outbox:inspect", args=[first.pk]))
    assert response.status_code == 200
    assert "Migration et communes" in response.content.decode()
