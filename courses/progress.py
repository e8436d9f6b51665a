"""How far learners are in their courses: the one place progress is counted.

A course's progress items are its live pages that say `is_progress_item` (lessons and
quizzes), in the default-locale tree; those whose `is_required_for_completion()` is true
count. Whether a learner completed an item is asked of the item's own model through its
classmethod `completed_pairs(*, learner_ids, page_ids)`, so quiz results count without this
app importing the quizzes app. The course page, the dashboard, `refresh_completion` and the
reports all count through this module, with a fixed number of queries whatever the number
of learners, courses and lessons.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page

from lms.locales import default_locale
from lms.pagecache import remember_each

from .models import CoursePage, Enrolment, canonical_page


@dataclass(frozen=True)
class Progress:
    required: int
    done: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.required) if self.required else 0

    @property
    def complete(self) -> bool:
        return self.required > 0 and self.done >= self.required


def is_progress_item(page: Page) -> bool:
    return bool(getattr(page, "is_progress_item", False))


def counts_toward_completion(page: Page) -> bool:
    return is_progress_item(page) and page.is_required_for_completion()


def course_items(courses: list[CoursePage]) -> dict[int, list[Page]]:
    """Live progress items and modules below each course, in tree order, keyed by course pk
    (from the page cache: they change only when the tree does)."""
    if not courses:
        return {}
    by_pk = {course.pk: course for course in courses}
    return remember_each(
        "course-items", list(by_pk), lambda pks: _items_below([by_pk[pk] for pk in pks])
    )


def _items_below(courses: list[CoursePage]) -> dict[int, list[Page]]:
    condition = reduce(or_, (Q(path__startswith=c.path, depth__gt=c.depth) for c in courses))
    pages = list(Page.objects.filter(condition).live().order_by("path").specific())
    by_course: dict[int, list[Page]] = {c.pk: [] for c in courses}
    for page in pages:
        for course in courses:
            if page.path.startswith(course.path):
                by_course[course.pk].append(page)
                break
    return by_course


def completed_pairs(
    *, learner_ids: Iterable[int], pages: Iterable[Page], canonical: dict[int, int] | None = None
) -> set[tuple[int, int]]:
    """(learner id, canonical page id) pairs completed: one call per item type.

    `canonical` maps a page's pk to its default-locale pk (pages are their own otherwise).
    """
    learner_ids = list(learner_ids)
    if not learner_ids:
        return set()
    by_type: dict[type, list[int]] = {}
    for page in pages:
        page_id = canonical.get(page.pk, page.pk) if canonical else page.pk
        by_type.setdefault(type(page), []).append(page_id)
    done: set[tuple[int, int]] = set()
    for model, page_ids in by_type.items():
        done |= model.completed_pairs(learner_ids=learner_ids, page_ids=page_ids)
    return done


@dataclass(frozen=True)
class ProgressTable:
    """Progress items of several courses and which of them several learners completed."""

    items: dict[int, list[Page]]
    done: set[tuple[int, int]]

    def done_ids(self, learner_id: int) -> set[int]:
        return {page_id for learner, page_id in self.done if learner == learner_id}

    def progress(self, learner_id: int, course_id: int) -> Progress:
        required = [p.pk for p in self.items.get(course_id, []) if counts_toward_completion(p)]
        return Progress(
            required=len(required),
            done=sum(1 for pk in required if (learner_id, pk) in self.done),
        )


def progress_table(*, learner_ids: Iterable[int], courses: Iterable[CoursePage]) -> ProgressTable:
    """Progress items (default-locale tree) of `courses` and what `learner_ids` completed."""
    canonical = list({course.pk: course for course in _canonical(courses)}.values())
    items = {
        course_id: [page for page in pages if is_progress_item(page)]
        for course_id, pages in course_items(canonical).items()
    }
    done = completed_pairs(
        learner_ids=learner_ids, pages=[page for pages in items.values() for page in pages]
    )
    return ProgressTable(items=items, done=done)


def _canonical(courses: Iterable[CoursePage]) -> list[CoursePage]:
    """The default-locale course of each of `courses` (one query, more only for translations)."""
    courses = list(courses)
    if not courses:
        return []
    default = default_locale()
    return [
        course if course.locale_id == default.pk else canonical_page(course) for course in courses
    ]


def _learner_ids(learners) -> list[int]:
    if hasattr(learners, "values_list"):
        return list(learners.values_list("pk", flat=True))
    return [getattr(learner, "pk", learner) for learner in learners]


def progress_for(
    *,
    learners=None,
    courses: Iterable[CoursePage] | None = None,
    enrolments: Iterable[Enrolment] | None = None,
) -> dict[tuple[int, int], Progress]:
    """Progress keyed by (learner id, course id), for each enrolment in `enrolments`, or for
    every learner of `learners` (users, ids or a queryset) in every course of `courses`.

    Course ids are those of the default-locale course. A fixed number of queries: one for the
    pages of all the courses (and one per page type), then the completions of each item type.
    """
    if enrolments is not None:
        if hasattr(enrolments, "select_related"):
            enrolments = enrolments.select_related("course")
        enrolments = list(enrolments)
        pairs = [(e.learner_id, e.course_id) for e in enrolments]
        course_list = [e.course for e in enrolments]
    else:
        learner_ids = _learner_ids(learners or [])
        course_list = _canonical(courses or [])
        pairs = [(learner_id, course.pk) for learner_id in learner_ids for course in course_list]
    if not pairs:
        return {}
    table = progress_table(learner_ids={pair[0] for pair in pairs}, courses=course_list)
    return {pair: table.progress(*pair) for pair in pairs}
