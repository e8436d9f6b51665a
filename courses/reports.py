"""Reads for trainers and administrators: each runs a fixed number of queries,
whatever the number of learners and lessons."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .models import Cohort, CoursePage, Enrolment, LessonCompletion, LessonPage, canonical_page
from .queries import Progress, _items_of


@dataclass(frozen=True)
class ProgressRow:
    enrolment: Enrolment
    progress: Progress

    @property
    def learner(self):
        return self.enrolment.learner


@dataclass(frozen=True)
class CourseProgressReport:
    course: CoursePage
    required_items: int
    rows: list[ProgressRow]

    @property
    def completed_count(self) -> int:
        return sum(1 for row in self.rows if row.progress.complete)


def _completions(model, *, learner_ids: list[int], page_ids: list[int]) -> set[tuple[int, int]]:
    """(learner id, page id) pairs of completed items of one page type, in one query.

    Item types may offer `completed_pairs(learner_ids=..., page_ids=...)`; otherwise they
    are asked learner by learner through the ProgressItemMixin contract.
    """
    if not learner_ids or not page_ids:
        return set()
    bulk = getattr(model, "completed_pairs", None)
    if bulk is not None:
        return set(bulk(learner_ids=learner_ids, page_ids=page_ids))
    if model is LessonPage:
        return set(
            LessonCompletion.objects.filter(
                learner_id__in=learner_ids, lesson_id__in=page_ids
            ).values_list("learner_id", "lesson_id")
        )
    from django.contrib.auth import get_user_model

    pairs: set[tuple[int, int]] = set()
    for learner in get_user_model().objects.filter(pk__in=learner_ids):
        for page_id in model.completed_page_ids(learner=learner, page_ids=page_ids):
            pairs.add((learner.pk, page_id))
    return pairs


def course_progress_report(*, course: CoursePage, cohort: Cohort | None = None) -> CourseProgressReport:
    """Every current enrolment of `course` (optionally of one cohort) with its progress."""
    course = canonical_page(course)
    enrolments = (
        Enrolment.objects.current()
        .filter(course=course)
        .select_related("learner", "learner__organisation", "cohort")
        .order_by("learner__full_name_latin", "learner__email")
    )
    if cohort is not None:
        enrolments = enrolments.filter(cohort=cohort)
    enrolments = list(enrolments)
    items = [
        page
        for page in _items_of([course])[course.pk]
        if getattr(page, "is_progress_item", False) and page.is_required_for_completion()
    ]
    learner_ids = [e.learner_id for e in enrolments]
    by_type: dict[type, list[int]] = {}
    for page in items:
        by_type.setdefault(type(page), []).append(page.pk)
    done: set[tuple[int, int]] = set()
    for model, page_ids in by_type.items():
        done |= _completions(model, learner_ids=learner_ids, page_ids=page_ids)
    done_by_learner = Counter(learner_id for learner_id, _page_id in done)
    rows = [
        ProgressRow(
            enrolment=enrolment,
            progress=Progress(required=len(items), done=done_by_learner[enrolment.learner_id]),
        )
        for enrolment in enrolments
    ]
    return CourseProgressReport(course=course, required_items=len(items), rows=rows)
