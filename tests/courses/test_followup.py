"""The trainers' follow-up (courses/followup.py): the grid of learners, who has not started or
stalled, item names in the reader's language."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from courses.followup import DONE, NOT_STARTED, STARTED, WAITING, learner_grid
from courses.models import LessonPage
from courses.quizzes.models import QuizPage
from tests.courses.helpers import age
from tests.factories.courses import build_course, lesson_body
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


def states(grid):
    return {
        row.learner.full_name_latin: [(cell.state, cell.percent) for cell in row.cells]
        for row in grid.rows
    }


def test_the_grid_says_what_each_current_member_did_with_each_required_item(scenario):
    grid = learner_grid(course=scenario.tree.course, cohort=scenario.cohort)
    assert [item.title for item in grid.items] == ["Leçon 1.1", "Leçon 1.2", "Quiz final"]
    assert states(grid) == {
        "Amina": [(DONE, None), (NOT_STARTED, None), (DONE, 100.0)],
        "Badr": [(NOT_STARTED, None), (NOT_STARTED, None), (STARTED, 0.0)],
        "Chama": [(NOT_STARTED, None), (NOT_STARTED, None), (NOT_STARTED, None)],
    }


def test_the_course_grid_holds_every_cohort_but_not_the_withdrawn(scenario):
    grid = learner_grid(course=scenario.tree.course)
    assert set(states(grid)) == {"Amina", "Badr", "Chama", "Elias"}


def test_the_grid_runs_the_same_number_of_queries_for_more_learners(scenario):
    cache.clear()  # both counted with an empty page cache
    with CaptureQueriesContext(connection) as few:
        learner_grid(course=scenario.tree.course, cohort=scenario.cohort)
    for _ in range(5):
        person = learner()
        services.enrol(learner=person, course=scenario.tree.course, cohort=scenario.cohort)
        services.complete_lesson(learner=person, lesson=scenario.tree.lessons[1])
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        grid = learner_grid(course=scenario.tree.course, cohort=scenario.cohort)
    assert len(grid.rows) == 8
    assert len(many) == len(few)


def test_who_has_not_started_and_who_has_stalled(scenario):
    age(scenario.badr, 20)
    grid = learner_grid(course=scenario.tree.course, cohort=scenario.cohort)
    assert [row.learner for row in grid.not_started()] == [scenario.chama]
    assert [row.learner for row in grid.stalled(days=14)] == [scenario.badr]
    assert grid.stalled(days=30) == []


def test_a_quiz_whose_essay_waits_for_a_grade_says_so_in_the_grid(scenario):
    cells = QuizPage.follow_up_cells(
        learner_ids=[scenario.amina.pk, scenario.badr.pk], page_ids=[scenario.essay_quiz.pk]
    )
    assert cells[(scenario.amina.pk, scenario.essay_quiz.pk)].state == WAITING
    assert (scenario.badr.pk, scenario.essay_quiz.pk) not in cells


def test_the_grid_names_items_in_the_readers_language_and_marks_those_not_translated(site):
    tree = build_course(modules=1, lessons_per_module=2, arabic=True)
    untranslated = tree.modules[0].add_child(
        instance=LessonPage(title="Accueil des réfugiés", slug="accueil", body=lesson_body())
    )
    untranslated.save_revision().publish()
    services.enrol(learner=learner(), course=tree.course)
    grid = learner_grid(course=tree.course, language="ar")
    titles = [(str(column.title), column.title.language) for column in grid.columns]
    assert titles == [
        (tree.lessons_ar[0].title, "ar"),
        (tree.lessons_ar[1].title, "ar"),
        ("Accueil des réfugiés", "fr"),
    ]
