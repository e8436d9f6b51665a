"""A learner's export of everything the platform holds about them (law 09-08): the sections
each app registers. `learner_with_history` and `email_to` serve the tests of the export and of
erasure too."""

import pytest

from courses.quizzes import services as quiz_services
from lms import personal_data
from lms.notifications.models import Notification, NotificationKind
from tests.factories import quizzes
from tests.factories.certificates import issued_certificate
from tests.factories.users import with_verified_email

pytestmark = pytest.mark.django_db


def learner_with_history():
    """A learner with an enrolment, a certificate and a submitted quiz attempt."""
    certificate = issued_certificate()
    person = with_verified_email(certificate.learner)
    module = certificate.course.get_children().first()
    essay = quizzes.question(course=certificate.course, kind="essay")
    quiz = quizzes.quiz(module=module, questions=[essay])
    attempt = quiz_services.start_attempt(learner=person, quiz=quiz)
    quiz_services.submit_attempt(
        attempt=attempt, answers={str(essay.pk): "Je travaille à la commune d'Oujda."}
    )
    return person, certificate


def email_to(person) -> Notification:
    """An e-mail in the outbox written to `person` (as `notify` leaves it after commit)."""
    return Notification.objects.create(
        user=person,
        kind=NotificationKind.CERTIFICATE_ISSUED,
        key=f"test:{person.pk}:{Notification.objects.count()}",
        language="fr",
        to=person.email,
        subject=f"Votre attestation, {person.full_name_latin}",
        body="Bonjour",
        body_html="<p>Bonjour</p>",
    )


def test_every_app_registers_its_section():
    names = {section.name for section in personal_data.sections()}
    assert {"account", "courses", "quizzes", "certificates", "emails"} <= names
