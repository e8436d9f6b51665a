"""Background work for quizzes (tasks.py): closing attempts at their deadline."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.quizzes import services
from courses.quizzes.models import Attempt, AttemptState, ClosedBy
from tests.courses.quizzes.helpers import simple_quiz

pytestmark = pytest.mark.django_db


def test_overdue_attempts_are_finalised_by_the_task(tree, person):
    from courses.quizzes.tasks import finalise_overdue_attempts

    quiz = simple_quiz(tree, time_limit_minutes=5)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    result = finalise_overdue_attempts.enqueue()
    assert result.return_value == 1
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.GRADED and attempt.closed_by == ClosedBy.DEADLINE
    assert finalise_overdue_attempts.enqueue().return_value == 0


def test_the_task_of_one_attempt_closes_it_only_once_its_deadline_has_passed(tree, person):
    from courses.quizzes.tasks import finalise_attempt

    quiz = simple_quiz(tree, time_limit_minutes=5)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    assert finalise_attempt.enqueue(attempt.pk).return_value is False
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.IN_PROGRESS
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    assert finalise_attempt.enqueue(attempt.pk).return_value is True
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.GRADED and attempt.closed_by == ClosedBy.DEADLINE
    assert finalise_attempt.enqueue(attempt.pk).return_value is False


def test_finalisation_is_scheduled_only_on_a_backend_that_can_run_tasks_later(monkeypatch):
    from django.tasks import task_backends
    from django.tasks.backends.dummy import DummyBackend

    from courses.quizzes.tasks import schedule_finalisation

    at = timezone.now() + timedelta(minutes=30)
    assert schedule_finalisation(attempt_id=41, at=at) is False  # the tests' immediate backend
    backend = DummyBackend("default", {})
    monkeypatch.setattr(task_backends._connections, "default", backend, raising=False)
    assert schedule_finalisation(attempt_id=42, at=at) is True
    assert [(list(r.args), r.task.run_after) for r in backend.results] == [([42], at)]
