"""Reads that feed the quiz pages: precomputed data, so templates hold no logic."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courses.api import canonical_page, grading, is_enrolled
from lms.bilingual import choose as in_language  # the text and its language (page marks it)
from lms.pagecache import remember

from . import question_types
from .models import Attempt, AttemptState, QuizPage, ReviewTiming
from .permissions import can_manage
from .question_types.base import Option, Row
from .rules import StartDecision, attempts_left, attempts_over, check_start


def _canonical(quiz: QuizPage) -> QuizPage:
    page = canonical_page(quiz)
    return page if isinstance(page, QuizPage) else page.specific


def live_quiz(quiz_id: int) -> QuizPage | None:
    """The live quiz `quiz_id` that nothing restricts to some viewers, or None; from the page
    cache (hundreds of learners start the same quiz within seconds)."""
    return remember(
        f"live-quiz:{quiz_id}",
        lambda: QuizPage.objects.live().public().filter(pk=quiz_id).first(),
        keep=lambda quiz: quiz is not None,
    )


def visible(timing: str, *, quiz: QuizPage, attempts_over: bool, now=None) -> bool:
    """Whether a review option applies now to a submitted attempt.

    `attempts_over`: the learner may make no further attempt (see rules.attempts_over).
    """
    if timing == ReviewTiming.AFTER_ATTEMPT:
        return True
    if timing == ReviewTiming.AFTER_LAST_ATTEMPT:
        return attempts_over
    if timing == ReviewTiming.AFTER_CLOSE:
        return quiz.is_closed(now)
    return False


@dataclass(frozen=True)
class AttemptRow:
    attempt: Attempt
    show_score: bool


@dataclass(frozen=True)
class QuizOverview:
    quiz: QuizPage
    canonical: QuizPage
    enrolled: bool
    attempts: list[AttemptRow]
    in_progress: Attempt | None
    attempts_left: int | None
    grade: float | None
    passed: bool
    decision: StartDecision | None
    show_grade: bool
    question_count: int
    can_manage: bool


def quiz_overview(*, learner, quiz: QuizPage) -> QuizOverview:
    canonical = _canonical(quiz)
    now = timezone.now()
    enrolled = False
    attempts: list[Attempt] = []
    # A quiz being created is previewed before it is saved: nobody has attempted it yet.
    if learner.is_authenticated and canonical.pk is not None:
        course = canonical.get_course()
        enrolled = course is not None and is_enrolled(
            learner=learner, course_id=canonical_page(course).pk
        )
        attempts = list(Attempt.objects.filter(learner=learner, quiz=canonical).order_by("number"))
    in_progress = next((a for a in attempts if a.is_in_progress), None)
    grade = grading.aggregate(
        percents=[a.percent for a in attempts if a.state == AttemptState.GRADED],
        method=canonical.grading_method,
    )
    over = attempts_over(
        quiz=canonical, attempts_used=len(attempts), in_progress=in_progress is not None, now=now
    )
    show_score = visible(canonical.review_score, quiz=canonical, attempts_over=over, now=now)
    decision = None
    if learner.is_authenticated and in_progress is None:
        decision = check_start(
            quiz=canonical, enrolled=enrolled, attempts_used=len(attempts), now=now
        )
    return QuizOverview(
        quiz=quiz,
        canonical=canonical,
        enrolled=enrolled,
        attempts=[AttemptRow(a, show_score and not a.is_in_progress) for a in attempts],
        in_progress=in_progress,
        attempts_left=attempts_left(quiz=canonical, attempts_used=len(attempts)),
        grade=grade,
        passed=grading.passed(grade=grade, pass_mark=float(canonical.pass_mark)),
        decision=decision,
        show_grade=show_score and grade is not None,
        question_count=canonical.fixed_questions.count() + canonical.random_count,
        can_manage=can_manage(learner, canonical),
    )


# --- the attempt form ----------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionForm:
    """One question of the attempt page; `template` is its type's learner widget, which
    shows `options`, `rows` or `value` (see question_types.base.Widget)."""

    key: str
    number: int
    kind: str
    text: str
    points: float
    template: str
    options: list[Option] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    value: str = ""
    error: str = ""

    @property
    def field_name(self) -> str:
        return f"q-{self.key}"


def question_form(question: dict, number: int, answer, error: str = "") -> QuestionForm:
    """What the attempt page shows for one question; `answer` is clean or as posted."""
    question_type = question_types.get(question["kind"])
    widget = question_type.widget(question, answer)
    return QuestionForm(
        key=question["key"],
        number=number,
        kind=question["kind"],
        text=in_language(question["text"], question.get("text_ar", "")),
        points=question["points"],
        template=question_type.template,
        options=widget.options,
        rows=widget.rows,
        value=widget.value,
        error=error,
    )


@dataclass(frozen=True)
class AttemptPage:
    attempt: Attempt
    quiz: QuizPage
    questions: list[QuestionForm]


def attempt_page(
    *, attempt: Attempt, quiz: QuizPage, posted: dict | None = None, errors=None
) -> AttemptPage:
    """The form of an attempt, filled with the saved answers or with what was just posted."""
    answers = dict(attempt.answers)
    if posted:
        answers.update(posted)
    errors = errors or {}
    return AttemptPage(
        attempt=attempt,
        quiz=quiz,
        questions=[
            question_form(q, n, answers.get(q["key"]), str(errors.get(q["key"], "")))
            for n, q in enumerate(attempt.snapshot, start=1)
        ],
    )


def question_preview(*, question) -> QuestionForm:
    """A question of the bank (saved or not) as a learner sees it in the active language,
    unanswered: the preview panel of the question editor."""
    snapshot = question.snapshot()
    snapshot["key"] = f"preview-{translation.get_language()}"
    prepared = question_types.get(question.kind).prepare(snapshot, shuffle=False)
    return question_form(prepared, 1, None)


# --- review ----------------------------------------------------------------------------------


def describe(question: dict, answer) -> str:
    """An answer in words, in the active language."""
    if grading.is_blank(answer):
        return _("No answer")
    return question_types.get(question["kind"]).describe(question, answer)


def right_answer(question: dict) -> str:
    return question_types.get(question["kind"]).right_answer(question)


@dataclass(frozen=True)
class ReviewQuestion:
    number: int
    text: str
    answer: str
    right_answer: str
    points: float | None
    max_points: float
    status: str  # "right", "partial", "wrong", "waiting"
    feedback: str
    choice_feedback: list[str]
    general_feedback: str
    comment: str


@dataclass(frozen=True)
class Review:
    attempt: Attempt
    quiz: QuizPage
    show_score: bool
    show_answers: bool
    show_feedback: bool
    questions: list[ReviewQuestion]


def _status(result: dict) -> str:
    if result.get("needs_manual"):
        return "waiting"
    if result.get("points", 0) >= result.get("max", 0) > 0:
        return "right"
    if result.get("points", 0) > 0:
        return "partial"
    return "wrong"


def review(*, attempt: Attempt, quiz: QuizPage, now=None) -> Review:
    canonical = attempt.quiz
    states = list(
        Attempt.objects.filter(learner_id=attempt.learner_id, quiz_id=attempt.quiz_id).values_list(
            "state", flat=True
        )
    )
    over = attempts_over(
        quiz=canonical,
        attempts_used=len(states),
        in_progress=AttemptState.IN_PROGRESS in states,
        now=now,
    )
    show_score = visible(canonical.review_score, quiz=canonical, attempts_over=over, now=now)
    # Right answers never show while the learner may try again, whatever the setting
    # (quizzes saved before QuizPage.clean() refused that combination).
    show_answers = over and visible(
        canonical.review_answers, quiz=canonical, attempts_over=over, now=now
    )
    show_feedback = visible(canonical.review_feedback, quiz=canonical, attempts_over=over, now=now)
    questions = []
    for number, question in enumerate(attempt.snapshot, start=1):
        result = attempt.results.get(question["key"], {})
        status = _status(result)
        feedback = question.get("feedback", {})
        right = status == "right"
        answer = attempt.answers.get(question["key"])
        questions.append(
            ReviewQuestion(
                number=number,
                text=in_language(question["text"], question.get("text_ar", "")),
                answer=describe(question, answer),
                right_answer=right_answer(question) if show_answers else "",
                points=None if status == "waiting" else result.get("points"),
                max_points=question["points"],
                status=status,
                feedback=(
                    in_language(
                        feedback.get("right" if right else "wrong", ""),
                        feedback.get("right_ar" if right else "wrong_ar", ""),
                    )
                    if show_feedback and status != "waiting"
                    else ""
                ),
                choice_feedback=(
                    question_types.get(question["kind"]).choice_feedback(question, answer)
                    if show_feedback and not grading.is_blank(answer)
                    else []
                ),
                general_feedback=in_language(
                    feedback.get("general", ""), feedback.get("general_ar", "")
                )
                if show_feedback
                else "",
                comment=(result.get("manual") or {}).get("comment", "") if show_feedback else "",
            )
        )
    return Review(
        attempt=attempt,
        quiz=quiz,
        show_score=show_score,
        show_answers=show_answers,
        show_feedback=show_feedback,
        questions=questions,
    )


# --- trainers --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LearnerResult:
    learner: object
    attempts: list[Attempt]
    grade: float | None
    passed: bool
    waiting: int


@dataclass(frozen=True)
class ItemStats:
    number: int
    key: str
    text: str
    kind: str
    answered: int
    facility: float | None
    discrimination: float | None


@dataclass(frozen=True)
class QuizResults:
    quiz: QuizPage
    learners: list[LearnerResult]
    items: list[ItemStats]
    waiting: list[Attempt]


def quiz_results(*, quiz: QuizPage) -> QuizResults:
    """Every learner's attempts and grade, the essays waiting, and item analysis."""
    canonical = _canonical(quiz)
    attempts = list(
        Attempt.objects.filter(quiz=canonical)
        .select_related("learner")
        .order_by("learner_id", "number")
    )
    by_learner: dict[int, list[Attempt]] = {}
    for attempt in attempts:
        by_learner.setdefault(attempt.learner_id, []).append(attempt)
    learners = []
    for rows in by_learner.values():
        grade = grading.aggregate(
            percents=[a.percent for a in rows if a.state == AttemptState.GRADED],
            method=canonical.grading_method,
        )
        learners.append(
            LearnerResult(
                learner=rows[0].learner,
                attempts=rows,
                grade=grade,
                passed=grading.passed(grade=grade, pass_mark=float(canonical.pass_mark)),
                waiting=sum(1 for a in rows if a.state == AttemptState.NEEDS_GRADING),
            )
        )
    learners.sort(
        key=lambda r: (
            r.learner.display_name if hasattr(r.learner, "display_name") else str(r.learner)
        )
    )
    return QuizResults(
        quiz=quiz,
        learners=learners,
        items=item_analysis(attempts=[a for a in attempts if a.state == AttemptState.GRADED]),
        waiting=[a for a in attempts if a.state == AttemptState.NEEDS_GRADING],
    )


def item_analysis(*, attempts: list[Attempt]) -> list[ItemStats]:
    """Per question: share of points earned (facility) and its correlation with the total."""
    questions: dict[str, dict] = {}
    scores: dict[str, list[tuple[float, float]]] = {}
    for attempt in attempts:
        for question in attempt.snapshot:
            key = question["key"]
            questions.setdefault(key, question)
            result = attempt.results.get(key) or {}
            if result.get("max"):
                scores.setdefault(key, []).append(
                    (result["points"] / result["max"], attempt.percent or 0.0)
                )
    stats = []
    for number, (key, question) in enumerate(questions.items(), start=1):
        pairs = scores.get(key, [])
        stats.append(
            ItemStats(
                number=number,
                key=key,
                text=in_language(question["text"], question.get("text_ar", "")),
                kind=question["kind"],
                answered=len(pairs),
                facility=grading.facility([p[0] for p in pairs]),
                discrimination=grading.discrimination([p[0] for p in pairs], [p[1] for p in pairs]),
            )
        )
    return stats


@dataclass(frozen=True)
class EssayToGrade:
    key: str
    number: int
    text: str
    answer: str
    max_points: float
    points: float | None
    comment: str


def essays_to_grade(*, attempt: Attempt) -> list[EssayToGrade]:
    essays = []
    for number, question in enumerate(attempt.snapshot, start=1):
        if not question_types.get(question["kind"]).manual:
            continue
        manual = (attempt.results.get(question["key"]) or {}).get("manual") or {}
        essays.append(
            EssayToGrade(
                key=question["key"],
                number=number,
                text=in_language(question["text"], question.get("text_ar", "")),
                answer=attempt.answers.get(question["key"], ""),
                max_points=question["points"],
                points=manual.get("points"),
                comment=manual.get("comment", ""),
            )
        )
    return essays
