"""Reads for trainers and administrators: each runs a fixed number of queries,
whatever the number of learners and lessons."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .models import Cohort, CoursePage, Enrolment, canonical_page
from .queries import Progress, course_items


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
        for page in course_items([course])[course.pk]
        if getattr(page, "is_progress_item", False) and page.is_required_for_completion()
    ]
    learner_ids = [e.learner_id for e in enrolments]
    by_type: dict[type, list[int]] = {}
    for page in items:
        by_type.setdefault(type(page), []).append(page.pk)
    done: set[tuple[int, int]] = set()
    for model, page_ids in by_type.items():
        done |= model.completed_pairs(learner_ids=learner_ids, page_ids=page_ids)
    done_by_learner = Counter(learner_id for learner_id, _page_id in done)
    rows = [
        ProgressRow(
            enrolment=enrolment,
            progress=Progress(required=len(items), done=done_by_learner[enrolment.learner_id]),
        )
        for enrolment in enrolments
    ]
    return CourseProgressReport(course=course, required_items=len(items), rows=rows)
