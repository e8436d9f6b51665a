"""Fixtures of the quizzes tests: a learner signed in on the module's course, a trainer in the
question editor, and two courses' question banks."""

import pytest

from courses import services as course_services
from tests.factories import quizzes as quiz_factory
from tests.factories.courses import build_course
from tests.factories.users import learner, trainer


@pytest.fixture
def person(tree, client):
    """A learner enrolled in the module's `tree` course, signed in on `client`."""
    user = learner()
    course_services.enrol(learner=user, course=tree.course)
    client.force_login(user)
    return user


@pytest.fixture
def author(site, client):
    person = trainer()
    tree = build_course(modules=1, lessons_per_module=1, trainers=[person])
    client.force_login(person)
    return {"person": person, "tree": tree, "course": tree.course}


SECRET = "Question secrète du cours B"


@pytest.fixture
def bank(site):
    """Two courses, each with its trainer, a category and a question used by a live quiz."""
    own, other = trainer(), trainer()
    mine = build_course(modules=1, lessons_per_module=1, trainers=[own])
    theirs = build_course(modules=1, lessons_per_module=1, trainers=[other])
    my_category = quiz_factory.category(course=mine.course, name="Catégorie A")
    their_category = quiz_factory.category(course=theirs.course, name="Catégorie B")
    my_question = quiz_factory.question(
        course=mine.course, category=my_category, text="Question du cours A"
    )
    their_question = quiz_factory.question(
        course=theirs.course, category=their_category, text=SECRET
    )
    quiz_factory.quiz(module=theirs.modules[0], questions=[their_question])
    return {
        "own": own,
        "mine": mine,
        "theirs": theirs,
        "my_question": my_question,
        "their_question": their_question,
        "my_category": my_category,
        "their_category": their_category,
    }
