"""Operations on quizzes: each runs in one transaction and changes nothing when it raises.

Locks are always taken in the same order (the learner's enrolment, then the attempt),
so that concurrent starts, saves, submits and the deadline task serialise without
deadlocks; a save in time takes the attempt's lock alone.
"""

from __future__ import annotations

import copy
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from courses.api import Enrolment, canonical_page, grading, refresh_completion

from . import question_types
from .errors import QuizError
from .models import (
    Attempt,
    AttemptState,
    ClosedBy,
    ManualGrade,
    Question,
    QuizPage,
    RegradeLog,
)
from .notifications import notify_quiz_graded
from .rules import check_start

# Grade changes in Wagtail's audit log (registered in wagtail_hooks.py), with who and when.
ACTION_GRADE = "quizzes.grade_essay"
ACTION_REGRADE = "quizzes.regrade"

_random = secrets.SystemRandom()


def canonical_quiz(quiz: QuizPage) -> QuizPage:
    page = canonical_page(quiz)
    return page.specific if not isinstance(page, QuizPage) else page


def _locked_enrolment(*, learner, quiz: QuizPage) -> Enrolment | None:
    course = quiz.get_course()
    if course is None:
        return None
    return (
        Enrolment.objects.current()
        .select_for_update()
        .filter(learner=learner, course=canonical_page(course))
        .first()
    )


def _locked_attempt(attempt: Attempt) -> tuple[Attempt, Enrolment | None]:
    """Lock the enrolment, then the attempt; return the fresh attempt and the enrolment."""
    enrolment = _locked_enrolment(learner=attempt.learner, quiz=attempt.quiz)
    fresh = Attempt.objects.select_for_update().select_related("quiz", "learner").get(pk=attempt.pk)
    return fresh, enrolment


def _prepared(question: dict, *, shuffle_choices: bool) -> dict:
    """Add the order in which choices, pairs and items are shown in this attempt, and the
    opaque names of the rows and options of matching and ordering questions (each type
    decides, see question_types): neither the field names nor the option values of the
    page tell which match or position is right."""
    return question_types.get(question["kind"]).prepare(question, shuffle=shuffle_choices)


def build_snapshot(quiz: QuizPage) -> list[dict]:
    """The questions of a new attempt: fixed ones in order, then N random ones from the category."""
    fixed = [
        link.question
        for link in quiz.fixed_questions.select_related("question").order_by("sort_order")
    ]
    questions = list(fixed)
    if quiz.random_count and quiz.random_category_id:
        pool = list(
            Question.objects.filter(category_id=quiz.random_category_id).exclude(
                pk__in=[q.pk for q in fixed]
            )
        )
        questions += _random.sample(pool, min(quiz.random_count, len(pool)))
    if quiz.shuffle_questions:
        _random.shuffle(questions)
    return [_prepared(q.snapshot(), shuffle_choices=quiz.shuffle_choices) for q in questions]


def _schedule_finalisation(attempt: Attempt) -> None:
    if attempt.deadline is None:
        return
    # at call time: tasks load on first enqueue (declaring a task sets up the backend)
    from .tasks import schedule_finalisation

    attempt_id, deadline = attempt.pk, attempt.deadline
    transaction.on_commit(
        lambda: schedule_finalisation(attempt_id=attempt_id, at=deadline), robust=True
    )


def _finalise(attempt: Attempt, *, closed_by: str, enrolment: Enrolment | None) -> None:
    """Grade a locked in-progress attempt from its saved answers and close it."""
    attempt.score()
    attempt.closed_by = closed_by
    attempt.submitted_at = timezone.now()
    attempt.save()
    _refresh_progress(attempt, enrolment)


def _refresh_progress(attempt: Attempt, enrolment: Enrolment | None) -> None:
    if attempt.state == AttemptState.GRADED and enrolment is not None:
        refresh_completion(enrolment=enrolment)


def start_attempt(*, learner, quiz: QuizPage) -> Attempt:
    """Start an attempt, or return the one in progress. Raises QuizError when refused."""
    quiz = canonical_quiz(quiz)
    try:
        return _start(learner=learner, quiz=quiz)
    except IntegrityError:
        # Another start for the same learner and quiz committed first (one attempt in progress
        # per learner and quiz, enforced by the database): that attempt is the learner's.
        existing = Attempt.objects.in_progress().filter(learner=learner, quiz=quiz).first()
        if existing is None:
            raise
        return existing


def _start(*, learner, quiz: QuizPage) -> Attempt:
    with transaction.atomic():
        enrolment = _locked_enrolment(learner=learner, quiz=quiz)
        # The learner's attempts at this quiz, in one query: how many, and the one in progress.
        attempts = list(
            Attempt.objects.select_for_update()
            .filter(learner=learner, quiz=quiz)
            .only("pk", "state", "deadline")
        )
        current = next((a for a in attempts if a.is_in_progress), None)
        if current is not None:
            current = Attempt.objects.get(pk=current.pk)  # the whole row, locked above
            if not current.is_overdue():
                return current
            _finalise(current, closed_by=ClosedBy.DEADLINE, enrolment=enrolment)
        used = len(attempts)
        now = timezone.now()
        decision = check_start(
            quiz=quiz, enrolled=enrolment is not None, attempts_used=used, now=now
        )
        error = None if decision.ok else QuizError(decision.code)
        if error is None:
            snapshot = build_snapshot(quiz)
            if not snapshot:
                error = QuizError(QuizError.NO_QUESTIONS)
        if error is None:
            attempt = Attempt.objects.create(
                learner=learner,
                quiz=quiz,
                number=used + 1,
                started_at=now,
                deadline=quiz.deadline_for(now),
                snapshot=snapshot,
            )
            _schedule_finalisation(attempt)
    if error is not None:
        raise error
    return attempt


def _clean_answers(attempt: Attempt, answers: dict) -> dict:
    """The attempt's answers with `answers` applied; raises QuizError on any bad value."""
    if not isinstance(answers, dict):
        raise QuizError(QuizError.INVALID_ANSWER)
    merged = dict(attempt.answers)
    for key, raw in answers.items():
        question = attempt.question(str(key))
        if question is None:
            raise QuizError(QuizError.UNKNOWN_QUESTION, question_key=str(key))
        try:
            value = question_types.get(question["kind"]).clean(question["data"], raw)
        except grading.AnswerError as error:
            raise QuizError(
                QuizError.INVALID_ANSWER, detail=error.message, question_key=str(key)
            ) from None
        if value is None:
            merged.pop(str(key), None)
        else:
            merged[str(key)] = value
    return merged


def _apply_answers(attempt: Attempt, answers: dict, version: int | None, *, explicit: bool) -> bool:
    """Store answers on a locked attempt; False when they change nothing (a repeated save).

    A background save must be based on the attempt's current version; an explicit one
    (the whole form, sent with a button) wins over older saves.
    """
    merged = _clean_answers(attempt, answers)
    if merged == attempt.answers:
        return False
    if not explicit and (version is None or int(version) != attempt.version):
        raise QuizError(QuizError.STALE)
    attempt.answers = merged
    attempt.version += 1
    attempt.save(update_fields=["answers", "version"])
    return True


def save_answers(
    *, attempt: Attempt, answers: dict, version: int | None = None, explicit: bool = False
) -> Attempt:
    """Save answers (a key missing from `answers` keeps its saved value; None clears it).

    Background saves (the page's script) send the `version` their page holds and are
    refused when it is older than the attempt's, so a late save never overwrites newer
    answers. An `explicit` save (the learner pressed "Save my answers": the whole form)
    is stored whatever its version. Idempotent: saving what is already saved succeeds
    without a new version. Refused after the deadline and once submitted.

    A save in time changes the attempt only, so it locks the attempt only: the submit and
    the deadline task lock it too (after the enrolment), and a save holding no other lock
    cannot close a cycle. Only an attempt found overdue takes the enrolment's lock, to close it.
    """
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.is_in_progress and not locked.is_overdue():
            _apply_answers(locked, answers, version, explicit=explicit)
            return locked
    with transaction.atomic():
        attempt, enrolment = _locked_attempt(attempt)
        if not attempt.is_overdue():  # closed: submitted, or by its deadline meanwhile
            raise QuizError(QuizError.NOT_IN_PROGRESS)
        _finalise(attempt, closed_by=ClosedBy.DEADLINE, enrolment=enrolment)
    raise QuizError(QuizError.DEADLINE_PASSED)


def submit_attempt(
    *, attempt: Attempt, answers: dict | None = None, version: int | None = None
) -> Attempt:
    """Save the answers sent with the submit, then grade and close the attempt.

    The submit carries the learner's whole form, so its answers win over any save made
    before it, whatever `version` the page held (the argument is accepted and not
    checked). Idempotent: submitting a closed attempt returns it unchanged. After the
    deadline the attempt is finalised from the answers saved before it; answers sent
    late are refused.
    """
    with transaction.atomic():
        attempt, enrolment = _locked_attempt(attempt)
        if not attempt.is_in_progress:
            return attempt
        error = None
        if attempt.is_overdue():
            late_changes = answers and _clean_answers(attempt, answers) != attempt.answers
            _finalise(attempt, closed_by=ClosedBy.DEADLINE, enrolment=enrolment)
            error = QuizError(QuizError.DEADLINE_PASSED) if late_changes else None
        else:
            if answers:
                _apply_answers(attempt, answers, version, explicit=True)
            _finalise(attempt, closed_by=ClosedBy.LEARNER, enrolment=enrolment)
    if error is not None:
        raise error
    return attempt


def finalise_if_overdue(*, attempt_id: int) -> bool:
    """Close one attempt past its deadline. Returns True when this call closed it."""
    with transaction.atomic():
        attempt = Attempt.objects.select_related("quiz").filter(pk=attempt_id).first()
        if attempt is None or not attempt.is_overdue():
            return False
        attempt, enrolment = _locked_attempt(attempt)
        if not attempt.is_overdue():
            return False
        _finalise(attempt, closed_by=ClosedBy.DEADLINE, enrolment=enrolment)
        return True


def finalise_overdue_attempts() -> int:
    """Close every attempt past its deadline, each in its own transaction."""
    ids = list(Attempt.objects.overdue().values_list("pk", flat=True))
    return sum(1 for attempt_id in ids if finalise_if_overdue(attempt_id=attempt_id))


def finalise_overdue_for(*, learner, quiz: QuizPage) -> None:
    """Close the learner's overdue attempt of `quiz`, when a page shows it."""
    quiz = canonical_quiz(quiz)
    for attempt_id in (
        Attempt.objects.overdue().filter(learner=learner, quiz=quiz).values_list("pk", flat=True)
    ):
        finalise_if_overdue(attempt_id=attempt_id)


def grade_essay(
    *, attempt: Attempt, question_key: str, points: float, comment: str = "", by
) -> Attempt:
    """Record a trainer's grade of an essay answer; the attempt is final once all are graded."""
    with transaction.atomic():
        attempt, enrolment = _locked_attempt(attempt)
        question = attempt.question(question_key)
        if question is None:
            raise QuizError(QuizError.UNKNOWN_QUESTION, question_key=question_key)
        if not question_types.get(question["kind"]).manual:
            raise QuizError(QuizError.NOT_AN_ESSAY, question_key=question_key)
        if attempt.is_in_progress:
            raise QuizError(QuizError.NOT_IN_PROGRESS)
        points = float(points)
        if not 0 <= points <= question["points"]:
            raise QuizError(QuizError.POINTS_OUT_OF_RANGE, question_key=question_key)
        grade = ManualGrade.objects.create(
            attempt=attempt, question_key=question_key, points=points, comment=comment, graded_by=by
        )
        results = copy.deepcopy(attempt.results)
        results.setdefault(question_key, {})["manual"] = {
            "points": points,
            "comment": comment,
            "by": by.pk if by else None,
            "at": grade.graded_at.isoformat(),
        }
        attempt.results = results
        was_waiting = attempt.state == AttemptState.NEEDS_GRADING
        attempt.score()
        attempt.save()
        log(
            attempt,
            ACTION_GRADE,
            user=by,
            data={"question": question_key, "points": points, "percent": attempt.percent},
        )
        _refresh_progress(attempt, enrolment)
        if was_waiting and attempt.state == AttemptState.GRADED:
            graded = attempt
            transaction.on_commit(lambda: notify_quiz_graded(attempt=graded), robust=True)
        return attempt


@dataclass(frozen=True)
class RegradeChange:
    attempt: Attempt
    old_points: float
    new_points: float
    old_percent: float
    new_percent: float

    @property
    def changed(self) -> bool:
        return self.old_points != self.new_points


def _regraded(attempt: Attempt, question: Question) -> Attempt:
    """An unsaved copy of `attempt` with `question`'s current answers and points."""
    key = str(question.pk)
    snapshot = copy.deepcopy(attempt.snapshot)
    for entry in snapshot:
        if entry["key"] == key:
            if entry["kind"] != question.kind:
                raise QuizError(QuizError.KIND_CHANGED, question_key=key)
            fresh = question.snapshot()
            entry.update(points=fresh["points"], data=fresh["data"], feedback=fresh["feedback"])
    clone = Attempt(
        snapshot=snapshot, answers=attempt.answers, results=copy.deepcopy(attempt.results)
    )
    clone.score()
    return clone


def regrade(*, question: Question, by=None, apply: bool = False) -> list[RegradeChange]:
    """Grade again every submitted attempt holding `question`, with its current answers.

    Dry run by default: returns the attempts whose grade would change. With apply=True the
    snapshots are updated and every change of grade is logged in RegradeLog.
    """
    key = str(question.pk)
    changes = []
    with transaction.atomic():
        candidates = [
            a
            for a in Attempt.objects.submitted()
            .filter(quiz__in=QuizPage.objects.descendant_of(question.course))
            .select_related("learner", "quiz")
            .order_by("pk")
            if a.question(key) is not None
        ]
        for attempt in candidates:
            if apply:
                attempt, enrolment = _locked_attempt(attempt)
            clone = _regraded(attempt, question)
            change = RegradeChange(
                attempt=attempt,
                old_points=attempt.points or 0.0,
                new_points=clone.points,
                old_percent=attempt.percent or 0.0,
                new_percent=clone.percent,
            )
            if change.changed:
                changes.append(change)
            if apply:
                attempt.snapshot, attempt.results = clone.snapshot, clone.results
                attempt.points, attempt.max_points = clone.points, clone.max_points
                attempt.percent, attempt.state = clone.percent, clone.state
                attempt.save()
                if change.changed:
                    RegradeLog.objects.create(
                        attempt=attempt,
                        question=question,
                        old_points=change.old_points,
                        new_points=change.new_points,
                        old_percent=change.old_percent,
                        new_percent=change.new_percent,
                        regraded_by=by,
                    )
                _refresh_progress(attempt, enrolment)
        if apply:
            log(
                question,
                ACTION_REGRADE,
                user=by,
                data={"attempts": len(candidates), "changed": len(changes)},
            )
    return changes
