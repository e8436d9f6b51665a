"""A graded quiz is e-mailed to the learner through the outbox (courses/quizzes/notifications.py),
once."""

import pytest
from django.core import mail

from courses import services as course_services
from courses.quizzes import services as quiz_services
from courses.quizzes.models import AttemptState
from lms.notifications.models import Notification, NotificationKind
from tests.courses.helpers import kinds_sent_to
from tests.factories import quizzes as quiz_factory
from tests.factories.courses import build_course
from tests.factories.users import learner, trainer

pytestmark = pytest.mark.django_db


def test_a_graded_essay_tells_the_learner_once_every_essay_is_graded(
    site, django_capture_on_commit_callbacks
):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    course_services.enrol(learner=person, course=tree.course)
    quiz = quiz_factory.quiz_with_every_kind(tree=tree)
    attempt = quiz_services.start_attempt(learner=person, quiz=quiz)
    answers = {q["key"]: quiz_factory.RIGHT_ANSWERS[q["kind"]] for q in attempt.snapshot}
    with django_capture_on_commit_callbacks(execute=True):
        attempt = quiz_services.submit_attempt(attempt=attempt, answers=answers, version=0)
    assert attempt.state == AttemptState.NEEDS_GRADING
    assert not Notification.objects.filter(kind=NotificationKind.QUIZ_GRADED).exists()
    essay = next(q["key"] for q in attempt.snapshot if q["kind"] == "essay")
    teacher = trainer()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        attempt = quiz_services.grade_essay(
            attempt=attempt, question_key=essay, points=1, by=teacher
        )
    with django_capture_on_commit_callbacks(execute=True):
        quiz_services.grade_essay(attempt=attempt, question_key=essay, points=0.5, by=teacher)
    [message] = mail.outbox
    assert message.to == [person.email]
    assert quiz.title in message.subject
    assert kinds_sent_to(person).count(NotificationKind.QUIZ_GRADED) == 1
