"""A message to a cohort (followup_services.send_cohort_message): one e-mail to each current
member, recorded in the audit log."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation
from wagtail.models import ModelLogEntry

from courses.followup_services import ACTION_COHORT_MESSAGE
from tests.courses.helpers import message_url

pytestmark = pytest.mark.django_db


# --- Message to a cohort ------------------------------------------------------------------


def test_the_message_reaches_every_current_member_once(
    scenario, client, django_capture_on_commit_callbacks
):
    scenario.chama.preferred_language = "ar"
    scenario.chama.full_name_arabic = "شامة"
    scenario.chama.save()
    client.force_login(scenario.cohort_trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            message_url(scenario),
            {"subject": "Séance du lundi", "body": "<b>Venez</b> à 9 h.", "confirm": "1"},
        )
    assert response.status_code == 302
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(p.email for p in (scenario.amina, scenario.badr, scenario.chama))
    by_address = {message.to[0]: message for message in mail.outbox}
    for message in mail.outbox:
        assert message.subject == "Séance du lundi"
        assert "<b>Venez</b> à 9 h." in message.body  # plain text, as typed
        assert message.content_subtype == "plain"
    assert "شامة" in by_address[scenario.chama.email].body
    assert "Amina" in by_address[scenario.amina.email].body


def test_a_message_is_recorded_in_the_audit_log(
    scenario, client, django_capture_on_commit_callbacks
):
    client.force_login(scenario.cohort_trainer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(message_url(scenario), {"subject": "Rappel", "body": "Texte.", "confirm": "1"})
    entry = ModelLogEntry.objects.get(action=ACTION_COHORT_MESSAGE)
    assert entry.object_id == str(scenario.cohort.pk)
    assert entry.user == scenario.cohort_trainer
    assert entry.data == {"subject": "Rappel", "recipients": 3}
    with translation.override("en"):
        assert entry.message == "Message “Rappel” sent to 3 learners"
    with translation.override("ar"):
        entry = ModelLogEntry.objects.get(pk=entry.pk)  # the message is cached on the entry
        assert entry.message == "أُرسلت الرسالة «Rappel» إلى 3 متكوِّنين"
