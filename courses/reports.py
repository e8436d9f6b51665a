"""Reads for trainers and administrators: each runs a fixed number of queries,
whatever the number of learners and lessons."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Cohort, CoursePage, Enrolment, canonical_page
from .progress import Progress, counts_toward_completion, progress_table


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


def course_progress_report(
    *, course: CoursePage, cohort: Cohort | None = None
) -> CourseProgressReport:
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
    table = progress_table(learner_ids=[e.learner_id for e in enrolments], courses=[course])
    rows = [
        ProgressRow(enrolment=enrolment, progress=table.progress(enrolment.learner_id, course.pk))
        for enrolment in enrolments
    ]
    required_items = sum(1 for page in table.items[course.pk] if counts_toward_completion(page))
    return CourseProgressReport(course=course, required_items=required_items, rows=rows)
