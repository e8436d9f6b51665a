"""The reads that feed the learners' pages (courses/queries.py)."""

import pytest

from courses import services
from courses.models import Enrolment
from courses.queries import course_outline, progress_of
from tests.courses.helpers import enrolled

pytestmark = pytest.mark.django_db


def test_progress_is_the_percentage_of_required_lessons_done(site):
    tree, person, _ = enrolled(modules=2, lessons_per_module=2)
    assert progress_of(learner=person, course=tree.course).percent == 0
    services.complete_lesson(learner=person, lesson=tree.lessons[0])
    assert progress_of(learner=person, course=tree.course).percent == 25
    services.complete_lesson(learner=person, lesson=tree.lessons[3])
    progress = progress_of(learner=person, course=tree.course)
    assert (progress.done, progress.required, progress.percent) == (2, 4, 50)


def test_continue_where_you_left_off_points_after_the_last_lesson_completed(client, site):
    tree, person, _ = enrolled(modules=2, lessons_per_module=2)
    services.complete_lesson(learner=person, lesson=tree.lessons[1])
    assert Enrolment.objects.get(learner=person).last_lesson_id == tree.lessons[1].pk
    outline = course_outline(learner=person, course=tree.course)
    assert outline.next_item.page.pk == tree.lessons[2].pk

    services.complete_lesson(learner=person, lesson=tree.lessons[2])
    outline = course_outline(learner=person, course=tree.course)
    assert outline.next_item.page.pk == tree.lessons[3].pk


def test_continue_goes_back_to_a_skipped_lesson_at_the_end(site):
    tree, person, _ = enrolled(modules=1, lessons_per_module=3)
    services.complete_lesson(learner=person, lesson=tree.lessons[2])
    outline = course_outline(learner=person, course=tree.course)
    assert outline.next_item.page.pk == tree.lessons[0].pk
