"""Fixtures of the courses tests: messages in the code's wording (for the files that ask), a
cohort of a course open by administrators' enrolment only, the lead ministry's branch, two
trainers with a course each, and a small cohort for the follow-up, where who did what is known."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.utils import translation

from courses import services
from courses.models import Cohort
from courses.quizzes import services as quiz_services
from lms.accounts.models import Organisation
from tests.factories import quizzes as quiz_factory
from tests.factories.courses import CourseTree, build_course
from tests.factories.users import administrator, learner, trainer


@pytest.fixture
def _messages_as_written_in_the_code():
    """Reasons are compared with the code's wording (the catalogues translate them)."""
    with translation.override("en"):
        yield


@pytest.fixture
def cohort(site):
    """A cohort of a course open by administrators' enrolment; some files define their own."""
    return Cohort.objects.create(
        name="Rabat 2026", course=build_course(enrolment_policy="admin").course
    )


@pytest.fixture
def ministry(site):
    """The lead ministry with two directorates, one of them with a service of its own."""
    root = Organisation.objects.get(slug="mdcmre")
    first = Organisation.objects.create(
        name_fr="Direction des affaires", kind="directorate", parent=root, slug="dir-a"
    )
    second = Organisation.objects.create(
        name_fr="Direction des études", kind="directorate", parent=root, slug="dir-b"
    )
    service = Organisation.objects.create(
        name_fr="Service", kind="other", parent=second, slug="dir-b-service"
    )
    return root, first, second, service


@pytest.fixture
def two_trainers(site):
    own, other = trainer(), trainer()
    mine = build_course(trainers=[own], title="Accueil des migrants à Oujda")
    theirs = build_course(trainers=[other], title="Cours confidentiel du collègue")
    return own, mine, other, theirs


@dataclass
class Scenario:
    tree: CourseTree
    quiz: object
    essay_quiz: object
    cohort: Cohort
    other_cohort: Cohort
    course_trainer: object
    cohort_trainer: object
    amina: object  # lesson 1 done, quiz passed, essay submitted (waiting)
    badr: object  # quiz failed
    chama: object  # nothing yet
    driss: object  # withdrawn
    elias: object  # in the other cohort
    administrator: object


def attempt(person, quiz, answers):
    started = quiz_services.start_attempt(learner=person, quiz=quiz)
    return quiz_services.submit_attempt(attempt=started, answers=answers, version=started.version)


@pytest.fixture
def scenario(site) -> Scenario:
    course_trainer, cohort_trainer = trainer(), trainer()
    tree = build_course(modules=1, lessons_per_module=2, trainers=[course_trainer])
    single = quiz_factory.question(course=tree.course, kind="single")
    quiz = quiz_factory.quiz(module=tree.modules[0], questions=[single], title="Quiz final")
    essay = quiz_factory.question(course=tree.course, kind="essay", points=4)
    essay_quiz = quiz_factory.quiz(
        module=tree.modules[0], questions=[essay], title="Analyse", required=False
    )
    cohort = Cohort.objects.create(course=tree.course, name="Oujda 2026")
    cohort.trainers.add(cohort_trainer)
    other_cohort = Cohort.objects.create(course=tree.course, name="Fès 2026")
    admin = administrator()
    people = {
        name: learner(full_name_latin=name.capitalize(), full_name_arabic="")
        for name in ("amina", "badr", "chama", "driss", "elias")
    }
    for name, person in people.items():
        services.enrol(
            learner=person,
            course=tree.course,
            enrolled_by=admin,
            cohort=other_cohort if name == "elias" else cohort,
        )
    services.unenrol(learner=people["driss"], course=tree.course)
    services.complete_lesson(learner=people["amina"], lesson=tree.lessons[0])
    attempt(people["amina"], quiz, {str(single.pk): "a"})
    attempt(people["amina"], essay_quiz, {str(essay.pk): "Mon analyse."})
    attempt(people["badr"], quiz, {str(single.pk): "b"})
    return Scenario(
        tree=tree,
        quiz=quiz,
        essay_quiz=essay_quiz,
        cohort=cohort,
        other_cohort=other_cohort,
        course_trainer=course_trainer,
        cohort_trainer=cohort_trainer,
        administrator=admin,
        **people,
    )
