"""What the outbox holds about a person, and its erasure (notifications/personal_data.py)."""

import pytest

from lms.notifications.models import Notification, NotificationKind
from lms.notifications.personal_data import anonymise_recipient, export_recipient
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


def email(key: str, *, to: str, user=None, subject: str = "Bienvenue") -> Notification:
    return Notification.objects.create(
        user=user,
        kind=NotificationKind.INVITATION if user is None else NotificationKind.QUIZ_GRADED,
        key=key,
        language="fr",
        to=to,
        subject=subject,
        body="Bonjour",
        body_html="<p>Bonjour</p>",
    )


@pytest.fixture
def person_and_mail():
    person, other = learner(), learner()
    mine = email("mine", to=person.email, user=person, subject="Votre quiz est noté")
    invited = email("invited", to=person.email.upper(), subject="Invitation")
    others = email("others", to=other.email, user=other)
    return person, mine, invited, others


def test_the_export_holds_the_e_mails_to_the_account_and_to_its_address_before_it(
    person_and_mail,
):
    person, mine, invited, _others = person_and_mail

    exported = export_recipient(person)["emails"]

    assert sorted(e["subject"] for e in exported) == sorted([mine.subject, invited.subject])
    assert all(e["text"] == "Bonjour" for e in exported)


def test_erasure_deletes_those_e_mails_and_no_one_elses(person_and_mail):
    person, _mine, _invited, others = person_and_mail

    anonymise_recipient(person)

    assert list(Notification.objects.all()) == [others]
