"""Whether learners did something under a page (records.holds_learner_records): enrolments,
completed lessons, and the checks other apps register."""

import pytest

from courses import records, services
from tests.factories.courses import build_course
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


@pytest.fixture
def checks(monkeypatch):
    """The registered checks, restored after the test (the quizzes app registers its own)."""
    monkeypatch.setattr(records, "_checks", dict(records._checks))
    return records._checks


def test_a_course_nobody_enrolled_in_holds_no_records(site, checks):
    tree = build_course(modules=1, lessons_per_module=1)
    assert not records.holds_learner_records(tree.course)
    assert not records.holds_learner_records(tree.lessons[0])


def test_an_enrolment_counts_for_the_course_and_the_catalogue_above_it_only(site, checks):
    tree, other = build_course(modules=1, lessons_per_module=1), build_course()
    services.enrol(learner=learner(), course=tree.course)
    assert records.holds_learner_records(tree.course)
    assert records.holds_learner_records(site["fr"])
    assert not records.holds_learner_records(other.course)
    assert not records.holds_learner_records(tree.lessons[0])


def test_a_completed_lesson_counts_for_its_module_even_after_withdrawal(site, checks):
    tree = build_course(modules=2, lessons_per_module=1)
    person = learner()
    services.enrol(learner=person, course=tree.course)
    services.complete_lesson(learner=person, lesson=tree.lessons[0])
    services.unenrol(learner=person, course=tree.course)
    assert records.holds_learner_records(tree.modules[0])
    assert records.holds_learner_records(tree.lessons[0])
    assert not records.holds_learner_records(tree.modules[1])


def test_a_registered_check_counts_and_registering_its_name_again_replaces_it(site, checks):
    tree = build_course(modules=1, lessons_per_module=1)
    asked = []

    def holds(page):
        asked.append(page.pk)
        return page.pk == tree.modules[0].pk

    records.register("elsewhere", holds)
    assert records.holds_learner_records(tree.modules[0])
    assert not records.holds_learner_records(tree.lessons[0])
    assert tree.lessons[0].pk in asked

    records.register("elsewhere", lambda page: False)
    assert not records.holds_learner_records(tree.modules[0])
