"""Reads of the trainers' follow-up: their cohorts and courses, the grid of learners by
required lessons and quizzes, who has not started and who has stalled.

Each read runs a fixed number of queries, whatever the number of learners and items:
one for the enrolments, those of `course_items` and one or two per type of item
(`ProgressItemMixin.follow_up_cells`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from lms.bilingual import Localized

from .admin_forms import default_locale_courses
from .models import Cohort, CoursePage, Enrolment, EnrolmentStatus, canonical_page
from .permissions import followed_courses, manages_all_courses, may_follow_progress, taught_courses
from .queries import course_items

DEFAULT_STALLED_DAYS = 14

# The states of one learner on one item, said in words (never by colour alone).
DONE = "done"
WAITING = "waiting"  # a quiz attempt waits for a trainer to grade it
STARTED = "started"
NOT_STARTED = "not_started"

STATE_LABELS = {
    DONE: _("Done"),
    WAITING: _("Waiting for grading"),
    STARTED: _("Started"),
    NOT_STARTED: _("Not started"),
}


@dataclass(frozen=True)
class ItemCell:
    """What one learner did with one required item: `percent` is a quiz's grade, `at` the
    learner's last activity on it."""

    state: str = NOT_STARTED
    percent: float | None = None
    at: datetime | None = None

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])


NOT_STARTED_CELL = ItemCell()


@dataclass(frozen=True)
class GridRow:
    enrolment: Enrolment
    cells: list[ItemCell]
    last_activity: datetime | None

    @property
    def learner(self):
        return self.enrolment.learner

    @property
    def done(self) -> int:
        return sum(1 for cell in self.cells if cell.state == DONE)

    @property
    def has_started(self) -> bool:
        return self.last_activity is not None

    @property
    def is_complete(self) -> bool:
        return self.enrolment.status == EnrolmentStatus.COMPLETED or (
            bool(self.cells) and self.done == len(self.cells)
        )


@dataclass(frozen=True)
class Column:
    page: Page
    title: Localized  # in the reader's language where the page is translated


@dataclass(frozen=True)
class LearnerGrid:
    course: CoursePage
    cohort: Cohort | None
    items: list
    rows: list[GridRow]
    columns: list[Column]

    def not_started(self) -> list[GridRow]:
        return [row for row in self.rows if not row.has_started and not row.is_complete]

    def stalled(self, *, days: int, now: datetime | None = None) -> list[GridRow]:
        """Learners who started, have not finished, and did nothing for `days` days."""
        limit = (now or timezone.now()) - timedelta(days=days)
        return [
            row
            for row in self.rows
            if row.has_started and not row.is_complete and row.last_activity <= limit
        ]


def followed_cohorts(user) -> QuerySet[Cohort]:
    """The cohorts `user` follows: every cohort for administrators; for trainers the cohorts
    that list them and the cohorts of the courses they teach. With their member count."""
    cohorts = Cohort.objects.select_related("course")
    if not manages_all_courses(user):
        if not may_follow_progress(user):
            return cohorts.none()
        cohorts = cohorts.filter(
            Q(trainers=user) | Q(course__in=taught_courses(user).values("pk"))
        ).distinct()
    return cohorts.annotate(
        learner_count=Count(
            "enrolments", filter=~Q(enrolments__status=EnrolmentStatus.WITHDRAWN), distinct=True
        )
    ).order_by("course__title", "name")


def may_follow_cohort(user, cohort: Cohort) -> bool:
    """Administrators, the cohort's own trainers and the trainers of its course."""
    if manages_all_courses(user):
        return True
    if not may_follow_progress(user):
        return False
    return cohort.trainers.filter(pk=user.pk).exists() or may_follow_progress(user, cohort.course)


def followed_courses_with_counts(user) -> QuerySet[CoursePage]:
    """The (default-locale) courses `user` teaches, or all for administrators."""
    if not may_follow_progress(user):
        return default_locale_courses().none()
    return followed_courses(user).annotate(
        learner_count=Count("enrolments", filter=~Q(enrolments__status=EnrolmentStatus.WITHDRAWN))
    )


def required_items(course: CoursePage) -> list:
    """The live required lessons and quizzes of `course`, in outline order."""
    return [
        page
        for page in course_items([course])[course.pk]
        if getattr(page, "is_progress_item", False) and page.is_required_for_completion()
    ]


def translated_titles(pages, language: str | None = None) -> dict[int, Localized]:
    """The title of each (default-locale) page in `language` (the active one by default)
    where a translation exists, else its own, each with the language it is written in:
    {page pk: title}. One query at most."""
    default = Locale.get_default().language_code[:2]
    titles = {page.pk: Localized(page.title, default) for page in pages}
    code = (language or get_language() or "")[:2]
    if not titles or not code or code == default:
        return titles
    by_key = {page.translation_key: page.pk for page in pages}
    for key, title in Page.objects.filter(
        translation_key__in=list(by_key), locale__language_code__startswith=code
    ).values_list("translation_key", "title"):
        titles[by_key[key]] = Localized(title, code)
    return titles


def learner_grid(
    *, course: CoursePage, cohort: Cohort | None = None, language: str | None = None
) -> LearnerGrid:
    """Every current learner of `course` (or of one of its cohorts) against its required
    items, whose titles are given in `language` (the active one by default)."""
    course = canonical_page(course)
    enrolments = (
        Enrolment.objects.current()
        .filter(course=course)
        .select_related("learner", "cohort")
        .order_by("learner__full_name_latin", "learner__email")
    )
    if cohort is not None:
        enrolments = enrolments.filter(cohort=cohort)
    enrolments = list(enrolments)
    items = required_items(course)
    learner_ids = [e.learner_id for e in enrolments]
    by_type: dict[type, list[int]] = {}
    for page in items:
        by_type.setdefault(type(page), []).append(page.pk)
    cells: dict[tuple[int, int], ItemCell] = {}
    if learner_ids:
        for model, page_ids in by_type.items():
            cells.update(model.follow_up_cells(learner_ids=learner_ids, page_ids=page_ids))
    rows = []
    for enrolment in enrolments:
        row_cells = [cells.get((enrolment.learner_id, page.pk), NOT_STARTED_CELL) for page in items]
        moments = [cell.at for cell in row_cells if cell.at is not None]
        rows.append(
            GridRow(enrolment=enrolment, cells=row_cells, last_activity=max(moments, default=None))
        )
    titles = translated_titles(items, language)
    return LearnerGrid(
        course=course,
        cohort=cohort,
        items=items,
        rows=rows,
        columns=[Column(page=page, title=titles[page.pk]) for page in items],
    )


def cohort_recipients(cohort: Cohort) -> list:
    """The current members of `cohort` with an active account and an e-mail address, each
    once (one enrolment per learner and course; an address shared by two accounts once)."""
    enrolments = (
        Enrolment.objects.current()
        .filter(cohort=cohort, course=cohort.course_id, learner__is_active=True)
        .exclude(learner__email="")
        .select_related("learner")
        .order_by("learner_id")
    )
    seen: set[str] = set()
    recipients = []
    for enrolment in enrolments:
        address = enrolment.learner.email.strip().lower()
        if address not in seen:
            seen.add(address)
            recipients.append(enrolment.learner)
    return recipients
