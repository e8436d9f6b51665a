"""Concurrent starts and submits on PostgreSQL, with real threads."""

import os

import pytest
from django.conf import settings

from courses import services as course_services
from courses.quizzes import services
from courses.quizzes.errors import QuizError
from courses.quizzes.models import Attempt, AttemptState
from tests.factories import quizzes as quiz_factory
from tests.factories.courses import build_course
from tests.factories.users import learner
from tests.races import errors_in, run_together

# Skip before the transactional fixture runs: on SQLite its flush would empty the reused test
# database (organisations seeded by migrations included) for nothing.
# Under CI the `postgres_only` fixture fails the tests instead.
pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
    and os.environ.get("CI", "").lower() != "true",
    reason="needs PostgreSQL (set DATABASE_URL=postgres://...)",
)


@pytest.fixture
def setup(postgres_only):
    from courses.setup import ensure_catalogue

    ensure_catalogue()
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner(organisation=None)  # an earlier transactional test may have flushed them
    course_services.enrol(learner=person, course=tree.course)
    questions = [
        quiz_factory.question(course=tree.course, kind=k) for k in ("single", "true_false")
    ]
    quiz = quiz_factory.quiz(module=tree.modules[0], questions=questions, attempts_allowed=0)
    return person, quiz


def test_twenty_concurrent_starts_by_one_learner_give_one_attempt(setup):
    person, quiz = setup
    results = run_together([lambda: services.start_attempt(learner=person, quiz=quiz).pk] * 20)
    assert errors_in(results) == []
    assert len(set(results)) == 1
    assert Attempt.objects.filter(learner=person, quiz=quiz).count() == 1


def test_fifty_concurrent_submits_give_one_graded_attempt_and_no_error(setup):
    person, quiz = setup
    attempt = services.start_attempt(learner=person, quiz=quiz)
    answers = {q["key"]: "a" if q["kind"] == "single" else "true" for q in attempt.snapshot}

    def submit():
        done = services.submit_attempt(attempt=attempt, answers=answers, version=0)
        return (done.state, done.points, done.submitted_at)

    results = run_together([submit] * 50)
    assert errors_in(results) == []
    assert len(set(results)) == 1
    attempt.refresh_from_db()
    assert (
        attempt.state == AttemptState.GRADED and attempt.percent == 100.0 and attempt.version == 1
    )
    assert Attempt.objects.filter(learner=person).count() == 1


def test_saves_racing_a_submit_lose_no_answer_and_deadlock_with_nothing(setup):
    """Saves lock the attempt alone, the submit the enrolment and then the attempt: every save
    lands before the submit (and is graded with it) or is refused after it, never lost."""
    person, quiz = setup
    attempt = services.start_attempt(learner=person, quiz=quiz)
    single, true_false = attempt.snapshot
    right = {single["key"]: "a", true_false["key"]: "true"}

    def save():
        return services.save_answers(attempt=attempt, answers=right, explicit=True).version

    def submit():
        return services.submit_attempt(attempt=attempt).state

    results = run_together([save] * 19 + [submit])

    refused = [error for error in errors_in(results) if error.code == QuizError.NOT_IN_PROGRESS]
    assert errors_in(results) == refused
    assert results[-1] == AttemptState.GRADED
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.GRADED
    # The submit graded what was saved before it: all the saves, or none of them.
    saved = 19 - len(refused)
    assert attempt.answers == ({single["key"]: "a", true_false["key"]: True} if saved else {})
    assert attempt.percent == (100.0 if saved else 0.0)
    assert attempt.version == (1 if saved else 0)
