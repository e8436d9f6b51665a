"""The courses app's public door: other apps (quizzes, certificates, reports, demo) import
this and nothing else of courses."""

from . import grading, records
from .admin_forms import default_locale_courses
from .followup import DONE, STARTED, WAITING, ItemCell, translated_titles
from .followup_views import FollowUpMenuItem, FollowUpView
from .models import (
    Cohort,
    CourseOwnedMixin,
    CoursePage,
    Enrolment,
    EnrolmentStatus,
    LessonCompletion,
    LessonPage,
    ModulePage,
    ProgressItemMixin,
    canonical_page,
)
from .notifications import absolute_url
from .permissions import followed_courses, may_follow_progress, restricted_to_own_courses, teaches
from .queries import CourseFacts, cohort_learner_ids, course_facts, is_enrolled, progress_of
from .services import complete_lesson, enrol, refresh_completion
from .setup import ensure_catalogue
from .signals import course_completed

# The models this door still hands out, and why (tests/architecture/test_doors.py).
MODELS = (
    # page types: a quiz lives under a module of a course, a question bank belongs to a course
    # (foreign key); certificates' settings and template point at a course; the demo seed
    # builds course trees
    CoursePage,
    ModulePage,
    LessonPage,
    # foreign keys: a certificate, and a bulk issue, are of an enrolment and a cohort;
    # certificates and quizzes lock the enrolment they record progress against
    Enrolment,
    Cohort,
    # the reports' aggregation (lessons done per enrolment); the demo seed records progress
    LessonCompletion,
)

__all__ = [
    # models (see MODELS); ProgressItemMixin and CourseOwnedMixin are what a course item (a
    # quiz) or a course-owned record (a question bank) inherits; canonical_page finds the
    # default-locale page that records point at
    "Cohort",
    "CoursePage",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
    "CourseOwnedMixin",
    "EnrolmentStatus",
    "ProgressItemMixin",
    "canonical_page",
    # grading: the pure scoring module, used as a namespace (grading.Outcome, grading.aggregate)
    "grading",
    # reads, as plain data
    "CourseFacts",
    "cohort_learner_ids",
    "course_facts",
    "is_enrolled",
    "progress_of",
    # services
    "complete_lesson",
    "enrol",
    "refresh_completion",
    # permissions
    "followed_courses",
    "may_follow_progress",
    "restricted_to_own_courses",
    "teaches",
    # the registry of learners' records under a page (apps add theirs; courses/records.py)
    "records",
    # signals (sent after commit)
    "course_completed",
    # the trainers' follow-up grid, which course items add their cells and pages to
    "DONE",
    "STARTED",
    "WAITING",
    "FollowUpMenuItem",
    "FollowUpView",
    "ItemCell",
    "translated_titles",
    # admin forms, notifications and setup
    "absolute_url",
    "default_locale_courses",
    "ensure_catalogue",
]
