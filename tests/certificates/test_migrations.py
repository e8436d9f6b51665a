"""Moving `auto_issue_certificate` from courses to the certificate settings keeps what
courses had asked for: the data migration runs before courses removes the field."""

from decimal import Decimal

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from certificates.models import CourseCertification
from tests.factories.courses import build_course

BEFORE = [
    ("certificates", "0002_add_course_certification"),
    ("courses", "0002_lesson_body_handbook_block"),
]
COPY = ("certificates", "0003_copy_course_auto_issue")
REMOVE = ("courses", "0003_remove_coursepage_auto_issue_certificate")


def test_the_copy_runs_before_the_field_is_removed():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    assert COPY in graph.forwards_plan(REMOVE)


def test_courses_that_asked_for_automatic_certificates_get_settings_that_say_so(
    restore_seed_after_flush, transactional_db
):
    asked = build_course(modules=1, lessons_per_module=1, arabic=True, duration_hours=30)
    asked_in_arabic = build_course(modules=1, lessons_per_module=1, arabic=True)
    quiet = build_course(modules=1, lessons_per_module=1)
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        CoursePage = executor.loader.project_state(BEFORE).apps.get_model("courses", "CoursePage")
        CoursePage.objects.filter(pk__in=[asked.course.pk, asked_in_arabic.course_ar.pk]).update(
            auto_issue_certificate=True
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    settings = {s.course_id: s for s in CourseCertification.objects.all()}
    assert set(settings) == {asked.course.pk, asked_in_arabic.course.pk}
    assert quiet.course.pk not in settings
    copied = settings[asked.course.pk]
    assert copied.auto_issue
    assert (copied.title_fr, copied.title_ar, copied.hours) == (
        asked.course.title,
        asked.course_ar.title,
        Decimal("30"),
    )
    assert settings[asked_in_arabic.course.pk].auto_issue
