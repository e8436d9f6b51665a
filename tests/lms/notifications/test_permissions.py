"""Who may read the outbox: administrators only; nobody else, and nobody edits it."""

import pytest
from django.urls import NoReverseMatch, reverse

from lms.notifications.models import Notification
from tests.factories.users import administrator, learner, trainer
from tests.lms.notifications.helpers import a_notification

pytestmark = pytest.mark.django_db


def test_trainers_and_learners_cannot_read_the_outbox_even_their_own_message(client, site):
    for person in (trainer(), learner()):
        notification = a_notification(person, key=f"own:{person.pk}")
        client.force_login(person)
        assert client.get(reverse("outbox:index")).status_code in {302, 403}
        assert client.get(reverse("outbox:inspect", args=[notification.pk])).status_code in {
            302,
            403,
        }


def test_nobody_edits_or_deletes_a_message_from_the_admin(client, site):
    notification = a_notification(learner())
    client.force_login(administrator())
    for view in ("edit", "delete"):
        try:
            url = reverse(f"outbox:{view}", args=[notification.pk])
        except NoReverseMatch:
            continue
        response = client.post(url, {"status": "sent"})
        assert response.status_code in {302, 403}
    assert client.get(reverse("outbox:add")).status_code in {302, 403}
    notification.refresh_from_db()
    assert notification.status == "pending"
    assert Notification.objects.filter(pk=notification.pk).exists()


# --- The policy itself --------------------------------------------------------------------


def test_the_policy_lets_active_administrators_view_and_nobody_change():
    from lms.accounts.models import User
    from lms.notifications.permissions import may_read_outbox, permission_policy

    admin = administrator()
    root = User.objects.create_superuser(email="root@example.ma", password="x-Strong-2026-pass")
    gone = administrator(is_active=False)

    assert may_read_outbox(admin) and may_read_outbox(root)
    assert not may_read_outbox(gone) and not may_read_outbox(trainer())
    assert permission_policy.user_has_permission(admin, "view")
    assert not permission_policy.user_has_permission(admin, "change")
    assert not permission_policy.user_has_permission(root, "delete")
    readers = permission_policy.users_with_any_permission(["view"])
    assert admin in readers and root in readers and gone not in readers
    assert not permission_policy.users_with_any_permission(["add", "change", "delete"]).exists()
