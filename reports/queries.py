"""ENSA's reports: enrolments counted per organisation (following the hierarchy), per course,
per cohort and per month of enrolment, and certificates per month.

Each figure comes from an aggregate query: the number of queries is the same for ten
learners or ten thousand. What is counted (README, "Reports"):

- enrolled: current enrolments (not withdrawn) that match the filters;
- active: those whose learner completed a lesson or started a quiz attempt of that course
  in the last `ACTIVE_DAYS` days;
- completed: those whose course is completed (every required lesson and quiz done);
- certified: those whose learner holds a valid certificate of that course.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from certificates.api import Certificate
from courses.api import Cohort, CoursePage, Enrolment, LessonCompletion
from courses.quizzes.api import Attempt
from lms.accounts.api import Organisation

ACTIVE_DAYS = 30

ENROLMENT_COLUMNS = (
    _("Enrolled"),
    pgettext_lazy("learners", "Active"),
    pgettext_lazy("learners", "Completed"),
    _("Certified"),
)


@dataclass(frozen=True)
class Filters:
    course: CoursePage | None = None
    cohort: Cohort | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[int, ...]
    depth: int = 0
    # Cells shown before the figures in exports (e.g. the organisation a row is part of).
    details: tuple[str, ...] = ()
    month: date | None = None


@dataclass(frozen=True)
class Report:
    key: str
    title: str
    label_heading: str
    columns: tuple[str, ...]
    rows: list[Row]
    detail_headings: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> tuple[int, ...]:
        top = [row for row in self.rows if row.depth == 0]
        return tuple(sum(row.values[i] for row in top) for i in range(len(self.columns)))


def _bounds(filters: Filters) -> tuple[datetime | None, datetime | None]:
    """The period as aware datetimes in Morocco's time zone: from the start of `date_from`
    to the end of `date_to`, both included."""
    zone = timezone.get_current_timezone()
    start = datetime.combine(filters.date_from, time.min, zone) if filters.date_from else None
    end = (
        datetime.combine(filters.date_to + timedelta(days=1), time.min, zone)
        if filters.date_to
        else None
    )
    return start, end


def enrolments(filters: Filters, *, now: datetime | None = None):
    """Current enrolments matching `filters`, each marked `is_active` and `is_certified`."""
    since = (now or timezone.now()) - timedelta(days=ACTIVE_DAYS)
    queryset = Enrolment.objects.current()
    if filters.course is not None:
        queryset = queryset.filter(course=filters.course)
    if filters.cohort is not None:
        queryset = queryset.filter(cohort=filters.cohort)
    start, end = _bounds(filters)
    if start:
        queryset = queryset.filter(enrolled_at__gte=start)
    if end:
        queryset = queryset.filter(enrolled_at__lt=end)
    lesson_done = LessonCompletion.objects.filter(
        learner_id=OuterRef("learner_id"),
        lesson__path__startswith=OuterRef("course__path"),
        completed_at__gte=since,
    )
    quiz_started = Attempt.objects.filter(
        learner_id=OuterRef("learner_id"),
        quiz__path__startswith=OuterRef("course__path"),
        started_at__gte=since,
    )
    certified = Certificate.objects.valid().filter(
        learner_id=OuterRef("learner_id"), course_id=OuterRef("course_id")
    )
    return queryset.annotate(
        is_active=Exists(lesson_done) | Exists(quiz_started),
        is_certified=Exists(certified),
    )


def _counted(queryset, *group_by: str):
    return (
        queryset.values(*group_by)
        .annotate(
            enrolled=Count("pk"),
            active=Count("pk", filter=Q(is_active=True)),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
            certified=Count("pk", filter=Q(is_certified=True)),
            self_declared=Count(
                "pk",
                filter=Q(
                    learner__organisation__isnull=False, learner__organisation_confirmed=False
                ),
            ),
        )
        .order_by()
    )


def _figures(counted: dict) -> tuple[int, int, int, int]:
    return (counted["enrolled"], counted["active"], counted["completed"], counted["certified"])


def by_organisation(filters: Filters, *, now: datetime | None = None) -> Report:
    """One row per organisation that has enrolments in its branch, in tree order; a row
    counts its own members and those of every organisation below it. Two queries."""
    own = {
        item["learner__organisation_id"]: item
        for item in _counted(enrolments(filters, now=now), "learner__organisation_id")
    }
    organisations = list(Organisation.objects.order_by("name_fr"))
    children: dict[int | None, list[Organisation]] = {}
    for organisation in organisations:
        children.setdefault(organisation.parent_id, []).append(organisation)
    empty = {"enrolled": 0, "active": 0, "completed": 0, "certified": 0, "self_declared": 0}

    def branch(organisation: Organisation, depth: int, seen: frozenset[int]) -> tuple[list, dict]:
        counted = own.get(organisation.pk, empty)
        totals = {key: counted[key] for key in empty}
        rows: list[Row] = []
        for child in children.get(organisation.pk, []):
            if child.pk in seen:  # a loop typed by mistake must not hang the report
                continue
            child_rows, child_totals = branch(child, depth + 1, seen | {child.pk})
            rows += child_rows
            for key in totals:
                totals[key] += child_totals[key]
        if not totals["enrolled"]:
            return [], totals
        parent = parents.get(organisation.parent_id)
        row = Row(
            label=str(organisation),
            values=(*_figures(totals), totals["self_declared"]),
            depth=depth,
            details=(str(parent) if parent else "",),
        )
        return [row, *rows], totals

    parents = {organisation.pk: organisation for organisation in organisations}
    rows: list[Row] = []
    for root in children.get(None, []):
        rows += branch(root, 0, frozenset({root.pk}))[0]
    if None in own:
        rows.append(
            Row(label=str(_("No organisation")), values=(*_figures(own[None]), 0), details=("",))
        )
    return Report(
        key="organisations",
        title=str(_("By organisation")),
        label_heading=str(_("Organisation")),
        columns=(*map(str, ENROLMENT_COLUMNS), str(_("Self-declared memberships"))),
        rows=rows,
        detail_headings=(str(_("Part of")),),
        notes=[
            str(
                _(
                    "A row counts its own members and those of the organisations below it. "
                    "A self-declared membership is one the learner gave when signing up and "
                    "that no administrator or import has confirmed."
                )
            )
        ],
    )


def course_titles(course_ids) -> dict[int, str]:
    """The title of each course in the active language where it is translated (two queries,
    whatever the number of courses)."""
    courses = list(
        CoursePage.objects.filter(pk__in=course_ids).values_list("pk", "translation_key", "title")
    )
    language = (get_language() or "")[:2]
    translated = (
        dict(
            Page.objects.filter(
                translation_key__in=[key for _pk, key, _title in courses],
                locale__language_code=language,
            ).values_list("translation_key", "title")
        )
        if courses and language
        else {}
    )
    return {pk: translated.get(key, title) for pk, key, title in courses}


def by_course(filters: Filters, *, now: datetime | None = None) -> Report:
    counted = list(_counted(enrolments(filters, now=now), "course_id"))
    titles = course_titles([item["course_id"] for item in counted])
    rows = sorted(
        (Row(label=titles[item["course_id"]], values=_figures(item)) for item in counted),
        key=lambda row: row.label,
    )
    return Report(
        key="courses",
        title=str(_("By course")),
        label_heading=str(_("Course")),
        columns=tuple(map(str, ENROLMENT_COLUMNS)),
        rows=rows,
    )


def by_cohort(filters: Filters, *, now: datetime | None = None) -> Report:
    counted = list(_counted(enrolments(filters, now=now), "cohort_id", "cohort__name", "course_id"))
    titles = course_titles([item["course_id"] for item in counted])
    rows = [
        Row(
            label=item["cohort__name"] or str(_("No cohort")),
            values=_figures(item),
            details=(titles[item["course_id"]],),
        )
        for item in counted
    ]
    rows.sort(key=lambda row: (row.details, row.label == str(_("No cohort")), row.label))
    return Report(
        key="cohorts",
        title=str(_("By cohort")),
        label_heading=str(_("Cohort")),
        columns=tuple(map(str, ENROLMENT_COLUMNS)),
        rows=rows,
        detail_headings=(str(_("Course")),),
    )


def _month(value) -> date:
    value = (
        timezone.localtime(value)
        if isinstance(value, datetime) and timezone.is_aware(value)
        else value
    )
    return date(value.year, value.month, 1)


def by_month(filters: Filters, *, now: datetime | None = None) -> Report:
    counted = _counted(
        enrolments(filters, now=now).annotate(month=TruncMonth("enrolled_at")), "month"
    )
    rows = [
        Row(
            label=_month(item["month"]).strftime("%Y-%m"),
            values=_figures(item),
            month=_month(item["month"]),
        )
        for item in counted
    ]
    rows.sort(key=lambda row: row.month)
    return Report(
        key="months",
        title=str(_("By month of enrolment")),
        label_heading=str(_("Month")),
        columns=tuple(map(str, ENROLMENT_COLUMNS)),
        rows=rows,
    )


def certificates_by_month(filters: Filters) -> Report:
    """Valid certificates by month of issue (a reissued certificate counts once: the one that
    replaced it is the valid one)."""
    queryset = Certificate.objects.valid()
    if filters.course is not None:
        queryset = queryset.filter(course=filters.course)
    if filters.cohort is not None:
        queryset = queryset.filter(enrolment__cohort=filters.cohort)
    start, end = _bounds(filters)
    if start:
        queryset = queryset.filter(issued_at__gte=start)
    if end:
        queryset = queryset.filter(issued_at__lt=end)
    counted = (
        queryset.annotate(month=TruncMonth("issued_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )
    rows = [
        Row(
            label=_month(item["month"]).strftime("%Y-%m"),
            values=(item["count"],),
            month=_month(item["month"]),
        )
        for item in counted
    ]
    return Report(
        key="certificates",
        title=str(_("Certificates issued per month")),
        label_heading=str(_("Month")),
        columns=(str(_("Certificates")),),
        rows=rows,
    )


BUILDERS = {
    "organisations": by_organisation,
    "courses": by_course,
    "cohorts": by_cohort,
    "months": by_month,
}


def report(key: str, filters: Filters, *, now: datetime | None = None) -> Report:
    if key == "certificates":
        return certificates_by_month(filters)
    return BUILDERS[key](filters, now=now)


REPORT_KEYS = (*BUILDERS, "certificates")


def all_reports(filters: Filters, *, now: datetime | None = None) -> list[Report]:
    return [report(key, filters, now=now) for key in REPORT_KEYS]
