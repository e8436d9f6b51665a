"""Quizzes: a question bank per course, quiz pages placed in modules, and attempts.

Questions are bilingual records (`text` in French, `text_ar` in Arabic; choices carry
`text` and `text_ar`), shared by the French quiz page and its Arabic translation.
Attempts always point at the quiz page of the default locale (`canonical_page`) and
keep a snapshot of their questions, so editing the bank never changes an attempt.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, PreviewableMixin

from courses.api import (
    DONE,
    STARTED,
    WAITING,
    CourseOwnedMixin,
    CoursePage,
    ItemCell,
    ProgressItemMixin,
    grading,
)
from lms.pagecache import CachedRestrictionsMixin, digest, remember

from . import question_types
from .forms import QuestionBankForm, QuestionForm, QuizPageForm
from .panels import AnswersPanel


class GradingMethod(models.TextChoices):
    HIGHEST = grading.HIGHEST, _("Highest grade")
    LAST = grading.LAST, _("Last attempt")
    AVERAGE = grading.AVERAGE, _("Average of attempts")


class ReviewTiming(models.TextChoices):
    AFTER_ATTEMPT = "after_attempt", _("After each attempt")
    AFTER_LAST_ATTEMPT = "after_last", _("After the learner's last attempt")
    AFTER_CLOSE = "after_close", _("After the quiz closes")
    NEVER = "never", _("Never")


def in_language(value_fr: str, value_ar: str) -> str:
    """The Arabic text on Arabic pages when there is one, else the French text."""
    if translation.get_language() == "ar" and value_ar:
        return value_ar
    return value_fr


class QuestionCategory(models.Model):
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="question_categories",
    )
    name = models.CharField(_("name"), max_length=200)
    name_ar = models.CharField(_("name in Arabic"), max_length=200, blank=True)

    panels = [FieldPanel("course"), FieldPanel("name"), FieldPanel("name_ar")]
    base_form_class = QuestionBankForm

    class Meta:
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["course", "name"], name="unique_question_category_name")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if _moves_to_another_course(self) and (
            self.questions.exists() or QuizPage.objects.filter(random_category=self).exists()
        ):
            raise ValidationError(
                {
                    "course": _(
                        "This category holds questions or a quiz draws questions from it: it "
                        "cannot move to another course. Create a category in the other course "
                        "instead."
                    )
                }
            )


def _moves_to_another_course(obj) -> bool:
    """Whether a saved bank object is being given another course."""
    if obj.pk is None or obj.course_id is None:
        return False
    stored = type(obj).objects.filter(pk=obj.pk).values_list("course_id", flat=True).first()
    return stored is not None and stored != obj.course_id


class Question(PreviewableMixin, models.Model):
    """A question of a course's bank. `data` holds choices and right answers, written by the
    editor of the question's type (see question_types; their shape is in grading.py)."""

    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="questions"
    )
    category = models.ForeignKey(
        QuestionCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    kind = models.CharField(_("type"), max_length=12, choices=question_types.choices)
    text = models.TextField(_("question (French)"))
    text_ar = models.TextField(_("question (Arabic)"), blank=True)
    points = models.DecimalField(_("points"), max_digits=6, decimal_places=2, default=1)
    data = models.JSONField(_("answers"), default=dict, blank=True)
    feedback_right = models.TextField(_("feedback for a right answer"), blank=True)
    feedback_right_ar = models.TextField(_("feedback for a right answer (Arabic)"), blank=True)
    feedback_wrong = models.TextField(_("feedback for a wrong answer"), blank=True)
    feedback_wrong_ar = models.TextField(_("feedback for a wrong answer (Arabic)"), blank=True)
    general_feedback = models.TextField(_("general feedback"), blank=True)
    general_feedback_ar = models.TextField(_("general feedback (Arabic)"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    base_form_class = QuestionForm
    panels = [
        # A list of the person's courses (QuestionBankForm), not the page explorer.
        FieldRowPanel([FieldPanel("course", widget=forms.Select), FieldPanel("category")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("points")]),
        FieldPanel("text"),
        FieldPanel("text_ar"),
        AnswersPanel(heading=_("Answers")),
        MultiFieldPanel(
            [
                FieldPanel("feedback_right"),
                FieldPanel("feedback_right_ar"),
                FieldPanel("feedback_wrong"),
                FieldPanel("feedback_wrong_ar"),
                FieldPanel("general_feedback"),
                FieldPanel("general_feedback_ar"),
            ],
            heading=_("Feedback"),
        ),
    ]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["course", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self):
        super().clean()
        try:
            question_type = question_types.get(self.kind)
        except question_types.UnknownQuestionType:
            question_type = None  # the field's choices refuse it
        data = self.data if isinstance(self.data, dict) else None
        problems = question_type.problems(data) if question_type and data is not None else []
        if question_type and data is None:
            problems = [
                str(
                    _(
                        "The answers of this question cannot be read: edit them in the question editor."
                    )
                )
            ]
        if problems:
            raise ValidationError({"data": problems})
        if self.category_id and self.category.course_id != self.course_id:
            raise ValidationError({"category": _("Choose a category of the same course.")})
        if _moves_to_another_course(self) and self.is_used():
            raise ValidationError(
                {
                    "course": _(
                        "This question is used by a quiz or by attempts: it cannot move to "
                        "another course, or the quizzes of its course would change. Copy it "
                        "into the other course instead."
                    )
                }
            )

    def is_used(self) -> bool:
        """Whether a quiz holds this saved question or an attempt kept a copy of it.

        Attempts are looked for among those of the quizzes of the question's stored course,
        the only quizzes that may hold it.
        """
        if self.pk is None:
            return False
        if QuizQuestion.objects.filter(question_id=self.pk).exists():
            return True
        course = CoursePage.objects.filter(questions__pk=self.pk).first()
        snapshots = Attempt.objects.filter(
            quiz__in=QuizPage.objects.descendant_of(course)
        ).values_list("snapshot", flat=True)
        return any(
            entry.get("question_id") == self.pk
            for snapshot in snapshots.iterator()
            for entry in snapshot
        )

    def snapshot(self) -> dict:
        """What an attempt keeps of this question when it starts."""
        return {
            "key": str(self.pk),
            "question_id": self.pk,
            "kind": self.kind,
            "text": self.text,
            "text_ar": self.text_ar,
            "points": float(self.points),
            "data": self.data,
            "feedback": {
                "right": self.feedback_right,
                "right_ar": self.feedback_right_ar,
                "wrong": self.feedback_wrong,
                "wrong_ar": self.feedback_wrong_ar,
                "general": self.general_feedback,
                "general_ar": self.general_feedback_ar,
            },
        }

    # --- the preview panel of the question editor: the question as learners see it

    @property
    def preview_modes(self):
        return [("both", _("French and Arabic")), ("fr", _("French")), ("ar", _("Arabic"))]

    def serve_preview(self, request, mode_name):
        # at call time: quizzes.views imports the models (cycle)
        from .views import question_preview

        return question_preview(
            request, question=self, languages=["fr", "ar"] if mode_name == "both" else [mode_name]
        )


class QuizQuestion(Orderable):
    page = ParentalKey(
        "quizzes.QuizPage",
        verbose_name=_("quiz"),
        on_delete=models.CASCADE,
        related_name="fixed_questions",
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("question of the quiz")
        verbose_name_plural = _("questions of the quiz")


class QuizPage(ProgressItemMixin, CourseOwnedMixin, CachedRestrictionsMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)
    random_category = models.ForeignKey(
        QuestionCategory,
        verbose_name=_("category for random questions"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    random_count = models.PositiveSmallIntegerField(
        _("number of random questions"),
        default=0,
        help_text=_("Drawn from the category for each attempt, besides the fixed questions."),
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    time_limit_minutes = models.PositiveIntegerField(
        _("time limit (minutes)"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=3, help_text=_("0 means no limit.")
    )
    grading_method = models.CharField(
        _("grading method"),
        max_length=10,
        choices=GradingMethod.choices,
        default=GradingMethod.HIGHEST,
    )
    pass_mark = models.DecimalField(
        _("passing grade (%)"), max_digits=5, decimal_places=2, default=50
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=False)
    review_score = models.CharField(
        _("learners see their score"),
        max_length=15,
        choices=ReviewTiming.choices,
        default=ReviewTiming.AFTER_ATTEMPT,
    )
    review_answers = models.CharField(
        _("learners see the right answers"),
        max_length=15,
        choices=ReviewTiming.choices,
        default=ReviewTiming.AFTER_CLOSE,
    )
    review_feedback = models.CharField(
        _("learners see the feedback"),
        max_length=15,
        choices=ReviewTiming.choices,
        default=ReviewTiming.AFTER_ATTEMPT,
    )
    required = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("A course is complete when every required lesson and quiz is done."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("fixed_questions", heading=_("Fixed questions"), label=_("Question")),
        FieldRowPanel([FieldPanel("random_category"), FieldPanel("random_count")]),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("attempts_allowed")]),
                FieldRowPanel([FieldPanel("grading_method"), FieldPanel("pass_mark")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
                FieldRowPanel(
                    [
                        FieldPanel("review_score"),
                        FieldPanel("review_answers"),
                        FieldPanel("review_feedback"),
                    ]
                ),
                FieldPanel("required"),
            ],
            heading=_("Quiz settings"),
        )
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    base_form_class = QuizPageForm
    # The quiz's settings and questions are the same in every language (see courses.models).
    override_translatable_fields = CourseOwnedMixin.synchronised(
        "random_category",
        "random_count",
        "opens_at",
        "closes_at",
        "time_limit_minutes",
        "attempts_allowed",
        "grading_method",
        "pass_mark",
        "shuffle_questions",
        "shuffle_choices",
        "review_score",
        "review_answers",
        "review_feedback",
        "required",
        "fixed_questions",
    )

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The quiz must close after it opens.")})
        if self.random_count and not self.random_category_id:
            raise ValidationError({"random_category": _("Choose the category to draw from.")})
        if self.review_answers == ReviewTiming.AFTER_ATTEMPT and self.attempts_allowed != 1:
            raise ValidationError(
                {
                    "review_answers": _(
                        "Learners who may make another attempt would see the right answers "
                        "before it. Show them after the learner's last attempt or after the "
                        "quiz closes, or allow a single attempt."
                    )
                }
            )

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return not (self.opens_at and now < self.opens_at) and not (
            self.closes_at and now >= self.closes_at
        )

    def is_closed(self, now=None) -> bool:
        return bool(self.closes_at and (now or timezone.now()) >= self.closes_at)

    def deadline_for(self, started_at) -> datetime | None:
        """The earlier of the end of the time limit and the closing time."""
        ends = [self.closes_at] if self.closes_at else []
        if self.time_limit_minutes:
            ends.append(started_at + timedelta(minutes=self.time_limit_minutes))
        return min(ends) if ends else None

    @classmethod
    def completed_pairs(
        cls, *, learner_ids: list[int], page_ids: list[int]
    ) -> set[tuple[int, int]]:
        """(learner, quiz) pairs where the learner passed the quiz by its grading method.

        One query, whatever the number of learners and quizzes (and one for the quizzes'
        grading settings when the page cache does not hold them).
        """
        if not learner_ids or not page_ids:
            return set()
        settings = remember(
            f"quiz-grading:{digest(page_ids)}",
            lambda: {
                pk: (method, float(mark))
                for pk, method, mark in cls.objects.filter(pk__in=page_ids).values_list(
                    "pk", "grading_method", "pass_mark"
                )
            },
        )
        percents: dict[tuple[int, int], list[float]] = {}
        for learner_id, quiz_id, value in (
            Attempt.objects.graded()
            .filter(learner_id__in=learner_ids, quiz_id__in=page_ids)
            .order_by("number")
            .values_list("learner_id", "quiz_id", "percent")
        ):
            percents.setdefault((learner_id, quiz_id), []).append(value)
        return {
            pair
            for pair, values in percents.items()
            if grading.passed(
                grade=grading.aggregate(percents=values, method=settings[pair[1]][0]),
                pass_mark=settings[pair[1]][1],
            )
        }

    @classmethod
    def follow_up_cells(cls, *, learner_ids: list[int], page_ids: list[int]) -> dict:
        """For the trainers' grid: passed (done, with the grade), waiting for grading,
        started (an attempt, not passed) with the grade so far. Two queries."""
        if not learner_ids or not page_ids:
            return {}
        settings = remember(
            f"quiz-grading:{digest(page_ids)}",
            lambda: {
                pk: (method, float(mark))
                for pk, method, mark in cls.objects.filter(pk__in=page_ids).values_list(
                    "pk", "grading_method", "pass_mark"
                )
            },
        )
        attempts: dict[tuple[int, int], list[tuple]] = {}
        for row in (
            Attempt.objects.filter(learner_id__in=learner_ids, quiz_id__in=page_ids)
            .order_by("number")
            .values_list("learner_id", "quiz_id", "state", "percent", "started_at", "submitted_at")
        ):
            attempts.setdefault((row[0], row[1]), []).append(row[2:])
        cells = {}
        for pair, rows in attempts.items():
            method, mark = settings[pair[1]]
            grade = grading.aggregate(
                percents=[
                    percent for state, percent, *_rest in rows if state == AttemptState.GRADED
                ],
                method=method,
            )
            if grading.passed(grade=grade, pass_mark=mark):
                state = DONE
            elif any(row[0] == AttemptState.NEEDS_GRADING for row in rows):
                state = WAITING
            else:
                state = STARTED
            moments = [
                moment
                for *_rest, started, submitted in rows
                for moment in (started, submitted)
                if moment
            ]
            cells[pair] = ItemCell(state=state, percent=grade, at=max(moments, default=None))
        return cells

    def serve(self, request, *args, **kwargs):
        # at call time: quizzes.services imports the models (cycle)
        from .services import finalise_overdue_for

        if request.user.is_authenticated:
            finalise_overdue_for(learner=request.user, quiz=self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        # at call time: quizzes.queries imports the models (cycle)
        from .queries import quiz_overview

        context = super().get_context(request, *args, **kwargs)
        context["overview"] = quiz_overview(learner=request.user, quiz=self)
        return context


class AttemptState(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    NEEDS_GRADING = "needs_grading", _("Waiting for a trainer")
    GRADED = "graded", _("Graded")


class ClosedBy(models.TextChoices):
    LEARNER = "learner", _("Submitted by the learner")
    DEADLINE = "deadline", _("Finalised at the deadline")


class AttemptQuerySet(models.QuerySet):
    def in_progress(self):
        return self.filter(state=AttemptState.IN_PROGRESS)

    def graded(self):
        return self.filter(state=AttemptState.GRADED)

    def submitted(self):
        return self.exclude(state=AttemptState.IN_PROGRESS)

    def overdue(self, now=None):
        return self.in_progress().filter(deadline__lte=now or timezone.now())


class Attempt(models.Model):
    """One try at a quiz. `snapshot` keeps the questions as they were at the start;
    `answers` maps a question key to the last saved answer; `results` the score of each."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    quiz = models.ForeignKey(
        QuizPage, verbose_name=_("quiz"), on_delete=models.PROTECT, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    state = models.CharField(
        _("state"), max_length=15, choices=AttemptState.choices, default=AttemptState.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    closed_by = models.CharField(
        _("closed by"), max_length=10, choices=ClosedBy.choices, blank=True
    )
    snapshot = models.JSONField(_("questions as they were at the start"), default=list)
    answers = models.JSONField(_("answers"), default=dict)
    results = models.JSONField(_("score of each answer"), default=dict)
    points = models.FloatField(_("points"), null=True, blank=True)
    max_points = models.FloatField(_("maximum points"), null=True, blank=True)
    percent = models.FloatField(_("grade (%)"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "quiz"],
                condition=Q(state="in_progress"),
                name="one_attempt_in_progress_per_learner_and_quiz",
            ),
            models.UniqueConstraint(
                fields=["learner", "quiz", "number"], name="unique_attempt_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner} – {self.quiz} #{self.number}"

    @property
    def is_in_progress(self) -> bool:
        return self.state == AttemptState.IN_PROGRESS

    def is_overdue(self, now=None) -> bool:
        return (
            self.is_in_progress
            and self.deadline is not None
            and (now or timezone.now()) >= self.deadline
        )

    def question(self, key: str) -> dict | None:
        return next((q for q in self.snapshot if q["key"] == key), None)

    def score(self) -> None:
        """Grade every answer from the snapshot; trainer grades of essays are kept."""
        results, total, maximum, waiting = {}, 0.0, 0.0, False
        for question in self.snapshot:
            key = question["key"]
            manual = (self.results.get(key) or {}).get("manual")
            outcome = question_types.get(question["kind"]).grade(
                question["data"], self.answers.get(key), float(question["points"])
            )
            entry = {
                "points": outcome.points,
                "max": outcome.max_points,
                "needs_manual": outcome.needs_manual,
            }
            if outcome.needs_manual and manual:
                entry.update(points=manual["points"], needs_manual=False, manual=manual)
            results[key] = entry
            total += entry["points"]
            maximum += outcome.max_points
            waiting = waiting or entry["needs_manual"]
        self.results = results
        self.points = round(total, 2)
        self.max_points = round(maximum, 2)
        self.percent = grading.percent(points=total, max_points=maximum)
        self.state = AttemptState.NEEDS_GRADING if waiting else AttemptState.GRADED


class ManualGrade(models.Model):
    """A trainer's grade of an essay answer; append-only, the latest one counts."""

    attempt = models.ForeignKey(
        Attempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="manual_grades"
    )
    question_key = models.CharField(_("question"), max_length=40)
    points = models.FloatField(_("points"))
    comment = models.TextField(_("comment"), blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("graded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    graded_at = models.DateTimeField(_("graded at"), default=timezone.now)

    class Meta:
        verbose_name = _("essay grade")
        verbose_name_plural = _("essay grades")
        ordering = ["graded_at"]

    def __str__(self) -> str:
        return f"{self.attempt} – {self.question_key}: {self.points}"


class RegradeLog(models.Model):
    """A change of an attempt's grade after a question was corrected."""

    attempt = models.ForeignKey(
        Attempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="regrades"
    )
    question = models.ForeignKey(
        Question,
        verbose_name=_("question"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    old_points = models.FloatField(_("points before"))
    new_points = models.FloatField(_("points after"))
    old_percent = models.FloatField(_("score before (%)"))
    new_percent = models.FloatField(_("score after (%)"))
    regraded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("regraded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    regraded_at = models.DateTimeField(_("regraded at"), default=timezone.now)

    class Meta:
        verbose_name = _("regrade")
        verbose_name_plural = _("regrades")
        ordering = ["regraded_at"]

    def __str__(self) -> str:
        return f"{self.attempt}: {self.old_percent} → {self.new_percent}"
