"""Reads that feed the course pages: each runs a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from wagtail.models import Page

from content.api import Theme
from lms.locales import default_locale, localized
from lms.pagecache import digest, remember

from .models import (
    CatalogPage,
    Cohort,
    CoursePage,
    Enrolment,
    Invitation,
    LessonPage,
    ModulePage,
    TeachingLanguage,
    canonical_page,
)
from .permissions import may_read_lessons
from .progress import (
    Progress,
    completed_pairs,
    course_items,
    is_progress_item,
    progress_for,
    progress_table,
)
from .rules import EnrolmentDecision, check_self_enrolment


@dataclass(frozen=True)
class ItemState:
    page: Page
    canonical_id: int
    required: bool
    completed: bool

    @property
    def kind(self) -> str:
        return self.page._meta.model_name


@dataclass(frozen=True)
class ModuleOutline:
    page: Page
    items: list[ItemState]


@dataclass(frozen=True)
class CourseOutline:
    course: CoursePage
    modules: list[ModuleOutline]
    progress: Progress
    enrolment: Enrolment | None
    next_item: ItemState | None
    decision: EnrolmentDecision | None
    seats_left: int | None

    @property
    def is_enrolled(self) -> bool:
        return self.enrolment is not None and self.enrolment.is_current


@dataclass(frozen=True)
class CourseCard:
    page: CoursePage
    themes: list[Theme]


@dataclass(frozen=True)
class CatalogueListing:
    courses: list[CourseCard]
    themes: list[Theme]
    theme_slug: str
    language: str
    languages: list[tuple[str, str]] = field(default_factory=list)

    @property
    def theme_choices(self) -> list[tuple[str, str]]:
        return [(theme.slug, theme.name) for theme in self.themes]


@dataclass(frozen=True)
class DashboardEntry:
    enrolment: Enrolment
    course: CoursePage
    progress: Progress
    next_item: ItemState | None


def _canonical_ids(pages: list[Page]) -> dict[int, int]:
    """Map each page's pk to the pk of its default-locale translation (one query at most)."""
    default = default_locale()
    foreign = [p for p in pages if p.locale_id != default.pk]
    mapping = {p.pk: p.pk for p in pages if p.locale_id == default.pk}
    if foreign:
        mapping.update(
            remember(
                f"canonical-ids:{digest(p.pk for p in foreign)}", lambda: _default_ids(foreign)
            )
        )
    return mapping


def _default_ids(foreign: list[Page]) -> dict[int, int]:
    found = dict(
        Page.objects.filter(
            translation_key__in=[p.translation_key for p in foreign], locale=default_locale()
        ).values_list("translation_key", "pk")
    )
    return {page.pk: found.get(page.translation_key, page.pk) for page in foreign}


def _completed(learner, items: list[Page], canonical: dict[int, int]) -> set[int]:
    """Canonical ids of the items the learner has completed: one query per item type."""
    if not learner.is_authenticated:
        return set()
    pairs = completed_pairs(learner_ids=[learner.pk], pages=items, canonical=canonical)
    return {page_id for _learner_id, page_id in pairs}


def _states(learner, pages: list[Page]) -> list[ItemState]:
    items = [p for p in pages if is_progress_item(p)]
    canonical = _canonical_ids(items)
    done = _completed(learner, items, canonical)
    return [
        ItemState(
            page=p,
            canonical_id=canonical[p.pk],
            required=p.is_required_for_completion(),
            completed=canonical[p.pk] in done,
        )
        for p in items
    ]


def _progress(states: list[ItemState]) -> Progress:
    required = [s for s in states if s.required]
    return Progress(required=len(required), done=sum(1 for s in required if s.completed))


def _next_item(states: list[ItemState], last_lesson_id: int | None) -> ItemState | None:
    """Where to continue: the first item not done after the last one visited, else the first not done."""
    pending = [s for s in states if not s.completed]
    if not pending:
        return None
    if last_lesson_id:
        ids = [s.canonical_id for s in states]
        if last_lesson_id in ids:
            position = ids.index(last_lesson_id)
            later = [s for s in states[position:] if not s.completed]
            if later:
                return later[0]
    return pending[0]


def progress_of(*, learner, course: CoursePage) -> Progress:
    """The learner's progress in `course`, counted on the default-locale tree."""
    course = canonical_page(course)
    if not learner.is_authenticated:
        return progress_table(learner_ids=[], courses=[course]).progress(0, course.pk)
    return progress_for(learners=[learner], courses=[course])[(learner.pk, course.pk)]


def course_outline(*, learner, course: CoursePage) -> CourseOutline:
    pages = course_items([course])[course.pk]
    states = _states(learner, pages)
    by_page = {s.page.pk: s for s in states}
    modules = [
        ModuleOutline(
            page=module,
            items=[
                by_page[p.pk] for p in pages if p.pk in by_page and p.path.startswith(module.path)
            ],
        )
        for module in pages
        if isinstance(module, ModulePage)
    ]
    canonical_course = canonical_page(course)
    # A course being created is previewed before it is saved: nobody is enrolled in it yet.
    saved = canonical_course.pk is not None
    enrolment = None
    if learner.is_authenticated and saved:
        enrolment = Enrolment.objects.filter(learner=learner, course=canonical_course).first()
    current = enrolment if enrolment and enrolment.is_current else None
    taken = None
    if canonical_course.capacity:
        taken = canonical_course.enrolments.current().count() if saved else 0
    seats_left = None if taken is None else max(canonical_course.capacity - taken, 0)
    return CourseOutline(
        course=course,
        modules=modules,
        progress=_progress(states),
        enrolment=current,
        next_item=_next_item(states, current.last_lesson_id if current else None)
        if current
        else None,
        decision=None
        if current or not learner.is_authenticated
        else check_self_enrolment(course=canonical_course, seats_left=seats_left),
        seats_left=seats_left,
    )


@dataclass(frozen=True)
class LessonView:
    lesson: LessonPage
    course: CoursePage | None
    enrolment: Enrolment | None
    completed: bool
    can_read: bool
    previous: Page | None
    next: Page | None
    progress: Progress | None


def lesson_view(*, learner, lesson: LessonPage) -> LessonView:
    course = lesson.get_course()
    pages = course_items([course])[course.pk] if course else []
    states = _states(learner, pages)
    ids = [s.page.pk for s in states]
    position = ids.index(lesson.pk) if lesson.pk in ids else None
    enrolment = None
    if learner.is_authenticated and course:
        enrolment = (
            Enrolment.objects.current()
            .filter(learner=learner, course=canonical_page(course))
            .first()
        )
    return LessonView(
        lesson=lesson,
        course=course,
        enrolment=enrolment,
        completed=position is not None and states[position].completed,
        can_read=may_read_lessons(learner, enrolled=enrolment is not None),
        previous=states[position - 1].page if position else None,
        next=states[position + 1].page
        if position is not None and position + 1 < len(states)
        else None,
        progress=_progress(states) if enrolment else None,
    )


def catalogue(
    *, catalog: CatalogPage, theme_slug: str = "", language: str = ""
) -> CatalogueListing:
    """Live courses of `catalog`, filtered; themes are shown in the catalogue's language
    whichever translation of a theme a course points at. From the page cache (which themes
    renew too); three queries when computed. Only listings of known filters are kept."""
    language = language if language in dict(TeachingLanguage.choices) else ""
    return remember(
        f"catalogue:{catalog.pk}:{language}:{digest([theme_slug])}",
        lambda: _catalogue(catalog=catalog, theme_slug=theme_slug, language=language),
        keep=lambda listing: not theme_slug or any(t.slug == theme_slug for t in listing.themes),
    )


def _catalogue(*, catalog: CatalogPage, theme_slug: str, language: str) -> CatalogueListing:
    listed = CoursePage.objects.child_of(catalog).live().public()
    in_locale = Theme.objects.filter(locale_id=catalog.locale_id)
    courses = listed
    if theme_slug:
        courses = courses.filter(
            themes__translation_key__in=in_locale.filter(slug=theme_slug).values("translation_key")
        )
    if language:
        courses = courses.filter(teaching_language=language)
    courses = list(courses.distinct().order_by("title").prefetch_related("themes"))
    themes = list(
        in_locale.filter(
            translation_key__in=Theme.objects.filter(coursepage__in=listed).values(
                "translation_key"
            )
        ).order_by("name")
    )
    localized = {theme.translation_key: theme for theme in themes}
    cards = [
        CourseCard(
            page=course,
            themes=sorted(
                {localized.get(t.translation_key, t) for t in course.themes.all()},
                key=lambda theme: theme.name,
            ),
        )
        for course in courses
    ]
    return CatalogueListing(
        courses=cards,
        themes=themes,
        theme_slug=theme_slug,
        language=language,
        languages=list(TeachingLanguage.choices),
    )


def my_learning(*, learner) -> list[DashboardEntry]:
    """The learner's current enrolments with progress, in the active language where translated."""
    enrolments = list(
        Enrolment.objects.current()
        .filter(learner=learner)
        .select_related("course")
        .order_by("-enrolled_at")
    )
    courses = [e.course for e in enrolments]
    table = progress_table(learner_ids=[learner.pk], courses=courses)
    done = table.done_ids(learner.pk)
    entries = []
    for enrolment in enrolments:
        states = [
            ItemState(
                page=p,
                canonical_id=p.pk,
                required=p.is_required_for_completion(),
                completed=p.pk in done,
            )
            for p in table.items[enrolment.course.pk]
        ]
        upcoming = _next_item(states, enrolment.last_lesson_id)
        entries.append(
            DashboardEntry(
                enrolment=enrolment,
                course=localized(enrolment.course),
                progress=table.progress(learner.pk, enrolment.course.pk),
                # Only the course and the item to continue with are shown: only they are
                # translated (from the page cache).
                next_item=replace(upcoming, page=localized(upcoming.page)) if upcoming else None,
            )
        )
    return entries


def pending_invitations(*, cohort: Cohort) -> list[Invitation]:
    """The cohort's invitations not accepted yet, with their organisation (one query)."""
    return list(
        Invitation.objects.pending()
        .filter(cohort=cohort)
        .select_related("organisation")
        .order_by("email")
    )


# --- what other apps ask of a course, as plain data (exported through courses/api.py) ----


def is_enrolled(*, learner, course_id: int) -> bool:
    """Whether `learner` is currently enrolled in the course `course_id` (a default-locale
    page, where enrolments are recorded)."""
    return Enrolment.objects.current().filter(learner=learner, course_id=course_id).exists()


@dataclass(frozen=True)
class CourseFacts:
    """What a certificate or a report states about a course."""

    id: int
    title_fr: str
    title_ar: str
    hours: Decimal


def course_facts(*, course_id: int) -> CourseFacts | None:
    """The titles of the default-locale course `course_id` in French and in Arabic (the French
    one when it is not translated) and its hours; None when there is no such course. One
    query."""
    rows = list(
        CoursePage.objects.filter(
            translation_key__in=CoursePage.objects.filter(pk=course_id).values("translation_key")
        ).values_list("pk", "locale_id", "locale__language_code", "title", "duration_hours")
    )
    course = next((row for row in rows if row[0] == course_id), None)
    if course is None or course[1] != default_locale().pk:
        return None
    arabic = next((row[3] for row in rows if row[2] == "ar"), course[3])
    return CourseFacts(id=course_id, title_fr=course[3], title_ar=arabic, hours=course[4])


def cohort_learner_ids(*, cohort_id: int) -> frozenset[int]:
    """The ids of the cohort's learners whose enrolment is current."""
    return frozenset(
        Enrolment.objects.current().filter(cohort_id=cohort_id).values_list("learner", flat=True)
    )
