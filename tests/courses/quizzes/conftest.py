"""Fixtures of the quizzes tests: a one-lesson course and a timed quiz in it, a learner signed in
on that course, a trainer in the question editor, two courses' question banks, and essays waiting
in the trainers' follow-up."""

from dataclasses import dataclass

import pytest

from courses import services as course_services
from courses.models import Cohort
from courses.quizzes import services as quiz_services
from tests.factories import quizzes as quiz_factory
from tests.factories.courses import CourseTree, build_course
from tests.factories.users import learner, trainer


@pytest.fixture
def tree(site) -> CourseTree:
    """A course with one module of one lesson."""
    return build_course(modules=1, lessons_per_module=1)


@pytest.fixture
def quiz(tree):
    """A timed quiz (30 minutes) of five kinds of question; some files define their own."""
    questions = [
        quiz_factory.question(course=tree.course, kind=kind)
        for kind in ("single", "multiple", "numeric", "matching", "ordering")
    ]
    return quiz_factory.quiz(module=tree.modules[0], questions=questions, time_limit_minutes=30)


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


@dataclass
class FollowUp:
    """A course with a graded quiz and an essay quiz, followed by `course_trainer`; a cohort
    whose own trainer does not teach the course; another course with its own trainer."""

    tree: CourseTree
    quiz: object
    essay_quiz: object
    cohort: Cohort
    course_trainer: object
    cohort_trainer: object
    other_tree: CourseTree
    other_quiz: object
    other_trainer: object
    waiting: list  # essays waiting, oldest first: Amina's and Badr's (cohort), Elias's


def submitted(person, quiz, answers):
    started = quiz_services.start_attempt(learner=person, quiz=quiz)
    return quiz_services.submit_attempt(attempt=started, answers=answers, version=started.version)


@pytest.fixture
def follow_up(site) -> FollowUp:
    course_trainer, cohort_trainer, other_trainer = trainer(), trainer(), trainer()
    tree = build_course(modules=1, lessons_per_module=1, trainers=[course_trainer])
    single = quiz_factory.question(course=tree.course, kind="single")
    quiz = quiz_factory.quiz(module=tree.modules[0], questions=[single], title="Quiz final")
    essay = quiz_factory.question(course=tree.course, kind="essay", points=4)
    essay_quiz = quiz_factory.quiz(module=tree.modules[0], questions=[essay], title="Analyse")
    cohort = Cohort.objects.create(course=tree.course, name="Oujda 2026")
    cohort.trainers.add(cohort_trainer)
    elsewhere = Cohort.objects.create(course=tree.course, name="Fès 2026")
    people = {}
    for name in ("amina", "badr", "chama", "elias"):
        people[name] = learner(full_name_latin=name.capitalize(), full_name_arabic="")
        course_services.enrol(
            learner=people[name],
            course=tree.course,
            cohort=elsewhere if name == "elias" else cohort,
        )
    submitted(people["amina"], quiz, {str(single.pk): "a"})
    waiting = [
        submitted(people[name], essay_quiz, {str(essay.pk): f"Analyse de {name}."})
        for name in ("amina", "badr", "elias")
    ]
    quiz_services.start_attempt(learner=people["chama"], quiz=quiz)  # in progress
    other_tree = build_course(modules=1, lessons_per_module=1, trainers=[other_trainer])
    other_essay = quiz_factory.question(course=other_tree.course, kind="essay")
    other_quiz = quiz_factory.quiz(module=other_tree.modules[0], questions=[other_essay])
    course_services.enrol(learner=people["amina"], course=other_tree.course)
    submitted(people["amina"], other_quiz, {str(other_essay.pk): "Ailleurs."})
    return FollowUp(
        tree=tree,
        quiz=quiz,
        essay_quiz=essay_quiz,
        cohort=cohort,
        course_trainer=course_trainer,
        cohort_trainer=cohort_trainer,
        other_tree=other_tree,
        other_quiz=other_quiz,
        other_trainer=other_trainer,
        waiting=waiting,
    )
