"""Reads of the trainers' follow-up for quizzes: the quizzes of the courses a person
follows, and the grading queue (attempts whose essays wait for a trainer). Fixed number
of queries each."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Count, Q

from courses.api import (
    Cohort,
    CoursePage,
    cohort_learner_ids,
    followed_courses,
    translated_titles,
)

from .models import Attempt, AttemptState, QuizPage


def _under(courses) -> Q | None:
    conditions = [Q(path__startswith=course.path) for course in courses]
    return reduce(or_, conditions) if conditions else None


def followed_quizzes(user, *, course: CoursePage | None = None) -> list[QuizPage]:
    """The quizzes (default-locale pages, where attempts are recorded) of the courses
    `user` follows, or of `course` alone (the caller checks that they follow it), in
    outline order, with `attempt_count` and `waiting_count`."""
    courses = [course] if course is not None else list(followed_courses(user).only("path"))
    condition = _under(courses)
    if condition is None:
        return []
    quizzes = list(
        QuizPage.objects.filter(condition)
        .annotate(
            attempt_count=Count("attempts", filter=~Q(attempts__state=AttemptState.IN_PROGRESS)),
            waiting_count=Count("attempts", filter=Q(attempts__state=AttemptState.NEEDS_GRADING)),
        )
        .order_by("path")
    )
    titles = translated_titles(quizzes)
    for quiz in quizzes:
        quiz.display_title = titles[quiz.pk]
    return quizzes


def grading_queue(
    user, *, course: CoursePage | None = None, cohort: Cohort | None = None
) -> list[Attempt]:
    """Attempts waiting for a trainer's grade, oldest submission first: in the courses `user`
    follows, or in `course`, or by the members of `cohort` (the caller checks access). Each
    quiz carries `display_title`, its title in the active language."""
    if cohort is not None:
        course = cohort.course
    courses = [course] if course is not None else list(followed_courses(user).only("path"))
    condition = _under(courses)
    if condition is None:
        return []
    attempts = Attempt.objects.filter(
        state=AttemptState.NEEDS_GRADING,
        quiz__in=QuizPage.objects.filter(condition).values("pk"),
    )
    if cohort is not None:
        attempts = attempts.filter(learner__in=cohort_learner_ids(cohort_id=cohort.pk))
    attempts = list(attempts.select_related("learner", "quiz").order_by("submitted_at", "pk"))
    quizzes = {attempt.quiz_id: attempt.quiz for attempt in attempts}
    titles = translated_titles(list(quizzes.values()))
    for attempt in attempts:
        attempt.quiz.display_title = titles[attempt.quiz_id]
    return attempts
