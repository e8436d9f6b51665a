"""The task that sends a trainer's message to a cohort (tasks.send_cohort_message_task): one
e-mail per address, framed in each recipient's language, the text as the trainer typed it."""

import pytest
from django.core import mail

from courses.models import Cohort
from courses.tasks import send_cohort_message_task
from tests.factories.courses import build_course
from tests.factories.users import learner, trainer

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(site):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True, title="Accueil")
    return Cohort.objects.create(course=tree.course, name="Oujda 2026")


def send(cohort, recipients, sender=None):
    return send_cohort_message_task.call(
        cohort_id=cohort.pk,
        subject="Séance du lundi",
        body="<b>Venez</b> à 9 h.",
        recipient_ids=[person.pk for person in recipients],
        sender_id=sender.pk if sender else None,
    )


def test_each_recipient_gets_the_message_once_as_plain_text(cohort):
    amina, badr = learner(full_name_latin="Amina"), learner(full_name_latin="Badr")
    assert send(cohort, [amina, badr, amina]) == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted([amina.email, badr.email])
    for message in mail.outbox:
        assert message.subject == "Séance du lundi"
        assert "<b>Venez</b> à 9 h." in message.body
        assert "Oujda 2026" in message.body


def test_a_recipient_without_an_address_is_skipped(cohort):
    gone = learner()
    type(gone).objects.filter(pk=gone.pk).update(email="")
    assert send(cohort, [gone, learner()]) == 1
    assert len(mail.outbox) == 1


def test_the_message_is_framed_in_the_recipients_language_with_the_senders_name(cohort):
    chama = learner(full_name_latin="Chama", full_name_arabic="شامة", preferred_language="ar")
    sender = trainer(full_name_latin="Nadia Alaoui", full_name_arabic="نادية العلوي")
    assert send(cohort, [chama], sender=sender) == 1
    [message] = mail.outbox
    assert "شامة" in message.body and "نادية العلوي" in message.body
    assert cohort.course.title_in("ar") in message.body
    assert "Chama" not in message.body


def test_a_message_without_a_sender_still_names_the_recipient_and_the_cohort(cohort):
    amina = learner(full_name_latin="Amina", preferred_language="fr")
    assert send(cohort, [amina]) == 1
    [message] = mail.outbox
    assert "Amina" in message.body and "Oujda 2026" in message.body
