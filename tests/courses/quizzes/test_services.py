"""Attempts from start to grade, through the services."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses import services as course_services
from courses.models import Enrolment, EnrolmentStatus
from courses.quizzes import services
from courses.quizzes.errors import QuizError
from courses.quizzes.models import (
    Attempt,
    AttemptState,
    ClosedBy,
    RegradeLog,
)
from tests.courses.quizzes.helpers import keys, simple_quiz
from tests.factories import quizzes as quiz_factory
from tests.factories.users import learner, trainer

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(tree):
    user = learner()
    course_services.enrol(learner=user, course=tree.course)
    return user


def test_start_snapshots_the_questions_and_returns_the_attempt_in_progress_on_repeat(tree, person):
    quiz = simple_quiz(tree)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    assert attempt.state == AttemptState.IN_PROGRESS
    assert [q["kind"] for q in attempt.snapshot] == ["single", "true_false"]
    assert services.start_attempt(learner=person, quiz=quiz).pk == attempt.pk
    assert Attempt.objects.filter(learner=person).count() == 1


def test_editing_a_question_does_not_change_an_attempt_in_progress(tree, person):
    quiz = simple_quiz(tree, kinds=("single",))
    attempt = services.start_attempt(learner=person, quiz=quiz)
    question = quiz.fixed_questions.get().question
    question.text = "Texte corrigé"
    question.save()
    attempt.refresh_from_db()
    assert attempt.snapshot[0]["text"] != "Texte corrigé"


def test_only_enrolled_learners_may_start(tree):
    quiz = simple_quiz(tree)
    with pytest.raises(QuizError) as refused:
        services.start_attempt(learner=learner(), quiz=quiz)
    assert refused.value.code == QuizError.NOT_ENROLLED
    assert not Attempt.objects.exists()


def test_a_closed_or_not_yet_open_quiz_refuses_to_start(tree, person):
    closed = simple_quiz(tree, closes_at=timezone.now() - timedelta(minutes=1))
    later = simple_quiz(tree, opens_at=timezone.now() + timedelta(days=1))
    for quiz, code in ((closed, QuizError.CLOSED), (later, QuizError.NOT_OPEN_YET)):
        with pytest.raises(QuizError) as refused:
            services.start_attempt(learner=person, quiz=quiz)
        assert refused.value.code == code
    assert not Attempt.objects.exists()


def test_attempts_are_limited(tree, person):
    quiz = simple_quiz(tree, attempts_allowed=2)
    for _ in range(2):
        services.submit_attempt(attempt=services.start_attempt(learner=person, quiz=quiz))
    with pytest.raises(QuizError) as refused:
        services.start_attempt(learner=person, quiz=quiz)
    assert refused.value.code == QuizError.NO_ATTEMPTS_LEFT
    assert Attempt.objects.filter(learner=person).count() == 2


def test_save_then_stale_save_is_refused_and_changes_nothing(tree, person):
    quiz = simple_quiz(tree)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    k = keys(attempt)
    attempt = services.save_answers(attempt=attempt, answers={k["single"]: "a"}, version=0)
    assert attempt.version == 1
    with pytest.raises(QuizError) as refused:
        services.save_answers(attempt=attempt, answers={k["single"]: "b"}, version=0)
    assert refused.value.code == QuizError.STALE
    attempt.refresh_from_db()
    assert attempt.answers == {k["single"]: "a"} and attempt.version == 1


def test_a_submit_sent_while_an_autosave_was_saving_keeps_every_answer_it_carries(tree, person):
    quiz = simple_quiz(tree)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    k = keys(attempt)
    services.save_answers(attempt=attempt, answers={k["single"]: "a"}, version=0)
    done = services.submit_attempt(
        attempt=attempt, answers={k["single"]: "a", k["true_false"]: "true"}, version=0
    )
    assert done.state == AttemptState.GRADED and done.closed_by == ClosedBy.LEARNER
    assert done.answers == {k["single"]: "a", k["true_false"]: True} and done.percent == 100.0


def test_an_explicit_save_wins_over_an_older_autosave_which_then_changes_nothing(tree, person):
    quiz = simple_quiz(tree)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    k = keys(attempt)
    services.save_answers(attempt=attempt, answers={k["single"]: "b"}, version=0)
    saved = services.save_answers(
        attempt=attempt,
        answers={k["single"]: "a", k["true_false"]: "true"},
        version=0,
        explicit=True,
    )
    assert saved.version == 2
    with pytest.raises(QuizError) as late:
        services.save_answers(
            attempt=attempt, answers={k["single"]: "b", k["true_false"]: None}, version=1
        )
    assert late.value.code == QuizError.STALE
    attempt.refresh_from_db()
    assert attempt.answers == {k["single"]: "a", k["true_false"]: True} and attempt.version == 2


def test_an_autosave_arriving_after_the_submit_is_refused_and_changes_nothing(tree, person):
    quiz = simple_quiz(tree)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    k = keys(attempt)
    done = services.submit_attempt(
        attempt=attempt, answers={k["single"]: "a", k["true_false"]: "true"}
    )
    with pytest.raises(QuizError) as late:
        services.save_answers(attempt=attempt, answers={k["single"]: "b"}, version=0)
    assert late.value.code == QuizError.NOT_IN_PROGRESS
    attempt.refresh_from_db()
    assert (attempt.answers, attempt.points, attempt.version) == (
        done.answers,
        done.points,
        done.version,
    )


def test_repeating_the_same_save_is_accepted_without_a_new_version(tree, person):
    quiz = simple_quiz(tree)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    k = keys(attempt)
    services.save_answers(attempt=attempt, answers={k["single"]: "a"}, version=0)
    again = services.save_answers(attempt=attempt, answers={k["single"]: "a"}, version=0)
    assert again.version == 1


def test_answers_for_a_question_not_in_the_attempt_or_malformed_are_refused(tree, person):
    quiz = simple_quiz(tree)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    k = keys(attempt)
    with pytest.raises(QuizError) as unknown:
        services.save_answers(attempt=attempt, answers={"99999": "a"}, version=0)
    assert unknown.value.code == QuizError.UNKNOWN_QUESTION
    with pytest.raises(QuizError) as malformed:
        services.save_answers(
            attempt=attempt, answers={k["single"]: "a", k["true_false"]: "peut-être"}, version=0
        )
    assert malformed.value.code == QuizError.INVALID_ANSWER
    assert malformed.value.question_key == k["true_false"]
    attempt.refresh_from_db()
    assert attempt.answers == {} and attempt.version == 0


def test_second_submit_of_an_attempt_changes_nothing(tree, person):
    quiz = simple_quiz(tree)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    k = keys(attempt)
    first = services.submit_attempt(attempt=attempt, answers={k["single"]: "a"}, version=0)
    assert first.state == AttemptState.GRADED and first.percent == 50.0
    second = services.submit_attempt(attempt=attempt, answers={k["true_false"]: "true"}, version=1)
    assert (second.state, second.percent, second.submitted_at) == (
        first.state,
        first.percent,
        first.submitted_at,
    )
    with pytest.raises(QuizError) as refused:
        services.save_answers(attempt=attempt, answers={k["true_false"]: "true"}, version=1)
    assert refused.value.code == QuizError.NOT_IN_PROGRESS


def test_every_kind_answered_right_scores_full_marks_and_essay_waits_for_a_trainer(tree, person):
    quiz = quiz_factory.quiz_with_every_kind(tree=tree)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    answers = {q["key"]: quiz_factory.RIGHT_ANSWERS[q["kind"]] for q in attempt.snapshot}
    attempt = services.submit_attempt(attempt=attempt, answers=answers, version=0)
    assert attempt.state == AttemptState.NEEDS_GRADING
    assert attempt.points == 7 and attempt.max_points == 8
    essay = keys(attempt)["essay"]
    teacher = trainer()
    with pytest.raises(QuizError):
        services.grade_essay(attempt=attempt, question_key=essay, points=2, comment="", by=teacher)
    attempt = services.grade_essay(
        attempt=attempt, question_key=essay, points=0.5, comment="Bien.", by=teacher
    )
    assert attempt.state == AttemptState.GRADED and attempt.points == 7.5
    assert attempt.results[essay]["manual"]["comment"] == "Bien."


def test_deadline_finalises_an_attempt_from_its_saved_answers(tree, person):
    quiz = simple_quiz(tree, time_limit_minutes=10)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    assert attempt.deadline == attempt.started_at + timedelta(minutes=10)
    k = keys(attempt)
    services.save_answers(attempt=attempt, answers={k["single"]: "a"}, version=0)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    with pytest.raises(QuizError) as late:
        services.save_answers(attempt=attempt, answers={k["true_false"]: "true"}, version=1)
    assert late.value.code == QuizError.DEADLINE_PASSED
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.GRADED and attempt.closed_by == ClosedBy.DEADLINE
    assert attempt.answers == {k["single"]: "a"} and attempt.percent == 50.0


def test_the_closing_time_is_the_deadline_when_it_comes_first(tree, person):
    closes = timezone.now() + timedelta(minutes=3)
    quiz = simple_quiz(tree, time_limit_minutes=60, closes_at=closes)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    assert attempt.deadline == closes


def test_starting_again_finalises_an_overdue_attempt_first(tree, person):
    quiz = simple_quiz(tree, time_limit_minutes=5, attempts_allowed=0)
    first = services.start_attempt(learner=person, quiz=quiz)
    Attempt.objects.filter(pk=first.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    second = services.start_attempt(learner=person, quiz=quiz)
    first.refresh_from_db()
    assert second.pk != first.pk and second.number == 2
    assert first.state == AttemptState.GRADED


def test_late_answers_in_a_submit_are_refused_but_the_attempt_is_finalised(tree, person):
    quiz = simple_quiz(tree, time_limit_minutes=5)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    k = keys(attempt)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    with pytest.raises(QuizError) as late:
        services.submit_attempt(attempt=attempt, answers={k["single"]: "a"}, version=0)
    assert late.value.code == QuizError.DEADLINE_PASSED
    attempt.refresh_from_db()
    assert attempt.answers == {} and attempt.state == AttemptState.GRADED


def test_passing_the_required_quiz_completes_the_course(tree, person):
    quiz = simple_quiz(tree, pass_mark=50)
    course_services.complete_lesson(learner=person, lesson=tree.lessons[0])
    assert Enrolment.objects.get(learner=person).status == EnrolmentStatus.ACTIVE
    attempt = services.start_attempt(learner=person, quiz=quiz)
    k = keys(attempt)
    services.submit_attempt(
        attempt=attempt, answers={k["single"]: "a", k["true_false"]: "true"}, version=0
    )
    assert Enrolment.objects.get(learner=person).status == EnrolmentStatus.COMPLETED


def test_a_failed_quiz_does_not_complete_the_course(tree, person):
    quiz = simple_quiz(tree, pass_mark=100)
    course_services.complete_lesson(learner=person, lesson=tree.lessons[0])
    attempt = services.start_attempt(learner=person, quiz=quiz)
    services.submit_attempt(attempt=attempt, answers={keys(attempt)["single"]: "a"}, version=0)
    assert Enrolment.objects.get(learner=person).status == EnrolmentStatus.ACTIVE


def test_random_questions_are_drawn_from_the_category_without_repeating_fixed_ones(tree, person):
    bank = quiz_factory.category(course=tree.course)
    pool = [quiz_factory.question(course=tree.course, category=bank) for _ in range(5)]
    quiz = quiz_factory.quiz(
        module=tree.modules[0], questions=pool[:1], random_category=bank, random_count=3
    )
    attempt = services.start_attempt(learner=person, quiz=quiz)
    ids = [q["question_id"] for q in attempt.snapshot]
    assert len(ids) == 4 and len(set(ids)) == 4 and ids[0] == pool[0].pk
    assert set(ids) <= {q.pk for q in pool}


def test_regrade_dry_run_lists_changes_and_apply_logs_them(tree, person):
    quiz = simple_quiz(tree, kinds=("single",))
    attempt = services.start_attempt(learner=person, quiz=quiz)
    services.submit_attempt(attempt=attempt, answers={keys(attempt)["single"]: "b"}, version=0)
    question = quiz.fixed_questions.get().question
    question.data = {
        "choices": [
            {"id": "a", "text": "2014", "correct": False},
            {"id": "b", "text": "2004", "correct": True},
        ]
    }
    question.save()
    preview = services.regrade(question=question)
    assert [(c.attempt.pk, c.old_percent, c.new_percent) for c in preview] == [
        (attempt.pk, 0.0, 100.0)
    ]
    attempt.refresh_from_db()
    assert attempt.percent == 0.0 and not RegradeLog.objects.exists()
    services.regrade(question=question, apply=True, by=trainer())
    attempt.refresh_from_db()
    assert attempt.percent == 100.0
    assert RegradeLog.objects.get().new_percent == 100.0
    assert services.regrade(question=question) == []


def test_an_attempt_of_the_arabic_page_counts_for_the_french_quiz(site, person, tree):
    from wagtail.models import Locale

    from content.setup import ensure_translation

    quiz = simple_quiz(tree)
    ar = Locale.objects.get(language_code="ar")
    ensure_translation(tree.course, ar, title="دورة")
    ensure_translation(tree.modules[0], ar, title="وحدة")
    quiz_ar = ensure_translation(quiz, ar, title="اختبار")
    attempt = services.start_attempt(learner=person, quiz=quiz_ar)
    assert attempt.quiz_id == quiz.pk


def test_start_schedules_the_finalisation_at_the_deadline_when_the_backend_can_defer(
    tree, person, monkeypatch, django_capture_on_commit_callbacks
):
    from django.tasks import task_backends
    from django.tasks.backends.dummy import DummyBackend

    backend = DummyBackend("default", {})
    monkeypatch.setattr(task_backends._connections, "default", backend, raising=False)
    quiz = simple_quiz(tree, time_limit_minutes=20)
    with django_capture_on_commit_callbacks(execute=True):
        attempt = services.start_attempt(learner=person, quiz=quiz)
    scheduled = [r for r in backend.results if r.task.name == "finalise_attempt"]
    assert [(list(r.args), r.task.run_after) for r in scheduled] == [
        ([attempt.pk], attempt.deadline)
    ]


def test_immediate_backend_does_not_finalise_at_start(
    tree, person, django_capture_on_commit_callbacks
):
    quiz = simple_quiz(tree, time_limit_minutes=20)
    with django_capture_on_commit_callbacks(execute=True):
        attempt = services.start_attempt(learner=person, quiz=quiz)
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.IN_PROGRESS


def test_grading_an_essay_and_applying_a_regrade_appear_in_the_audit_log(tree, person):
    from wagtail.models import ModelLogEntry

    quiz = quiz_factory.quiz_with_every_kind(tree=tree)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    answers = {q["key"]: quiz_factory.RIGHT_ANSWERS[q["kind"]] for q in attempt.snapshot}
    attempt = services.submit_attempt(attempt=attempt, answers=answers, version=0)
    teacher = trainer()
    services.grade_essay(
        attempt=attempt, question_key=keys(attempt)["essay"], points=0.5, by=teacher
    )
    question = quiz.fixed_questions.first().question
    services.regrade(question=question)  # a dry run logs nothing
    services.regrade(question=question, apply=True, by=teacher)

    entries = list(ModelLogEntry.objects.filter(action__startswith="quizzes.").order_by("pk"))
    assert [(entry.action, entry.user_id) for entry in entries] == [
        (services.ACTION_GRADE, teacher.pk),
        (services.ACTION_REGRADE, teacher.pk),
    ]
    assert entries[0].data["points"] == 0.5
