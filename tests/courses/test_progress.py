"""Progress of many learners in many courses at once (courses/progress.py)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from courses.models import Enrolment
from tests.factories.courses import build_course
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


# --- progress_for: many learners, many courses ---------------------------------------


def _passed_quiz(person, quiz_page, percent: float) -> None:
    from courses.quizzes.models import Attempt, AttemptState

    Attempt.objects.create(
        learner=person, quiz=quiz_page, number=1, state=AttemptState.GRADED, percent=percent
    )


def _two_courses():
    from tests.factories.quizzes import quiz

    first = build_course(modules=1, lessons_per_module=3, optional_lessons=1)
    first_quiz = quiz(module=first.modules[0], required=True)
    second = build_course(modules=2, lessons_per_module=1)
    return first, first_quiz, second


def test_progress_for_counts_required_lessons_and_quizzes_of_each_learner_in_each_course(site):
    from courses.progress import progress_for

    first, first_quiz, second = _two_courses()
    optional, required_a, required_b = first.lessons
    ana, bilal, chama = learner(), learner(), learner()
    for person in (ana, bilal, chama):
        services.enrol(learner=person, course=first.course)
        services.enrol(learner=person, course=second.course)
    services.complete_lesson(learner=ana, lesson=optional)  # optional: does not count
    services.complete_lesson(learner=ana, lesson=required_a)
    _passed_quiz(ana, first_quiz, 80)
    _passed_quiz(bilal, first_quiz, 20)  # below the pass mark: not done
    services.complete_lesson(learner=chama, lesson=second.lessons[0])
    services.complete_lesson(learner=chama, lesson=second.lessons[1])
    services.complete_lesson(learner=chama, lesson=required_b)

    progress = progress_for(learners=[ana, bilal, chama], courses=[first.course, second.course])

    def figures(person, tree):
        found = progress[(person.pk, tree.course.pk)]
        return found.done, found.required

    assert figures(ana, first) == (2, 3)  # two required lessons and the quiz
    assert figures(bilal, first) == (0, 3)
    assert figures(chama, first) == (1, 3)
    assert figures(ana, second) == (0, 2)
    assert progress[(chama.pk, second.course.pk)].complete
    assert len(progress) == 6


def test_progress_for_enrolments_gives_the_progress_of_each_enrolment(site):
    from courses.progress import progress_for

    first, _quiz, second = _two_courses()
    person, other = learner(), learner()
    one = services.enrol(learner=person, course=first.course)
    two = services.enrol(learner=other, course=second.course)
    services.complete_lesson(learner=other, lesson=second.lessons[0])
    progress = progress_for(enrolments=Enrolment.objects.filter(pk__in=[one.pk, two.pk]))
    assert set(progress) == {(person.pk, first.course.pk), (other.pk, second.course.pk)}
    assert progress[(other.pk, second.course.pk)].percent == 50
    assert progress[(person.pk, first.course.pk)].percent == 0


def _queries_of_progress_for(learners, courses) -> int:

    from courses.progress import progress_for

    cache.clear()  # counted as the first reader after a publish: the page cache is empty
    with CaptureQueriesContext(connection) as captured:
        progress_for(learners=learners, courses=courses)
    return len(captured)


def test_progress_for_runs_the_same_queries_for_more_learners_courses_and_lessons(site):
    from tests.factories.quizzes import quiz

    small = build_course(modules=1, lessons_per_module=1)
    quiz(module=small.modules[0])
    few = [learner() for _ in range(2)]
    for person in few:
        services.enrol(learner=person, course=small.course)
    services.complete_lesson(learner=few[0], lesson=small.lessons[0])
    baseline = _queries_of_progress_for(few, [small.course])

    big = [build_course(modules=3, lessons_per_module=4) for _ in range(3)]
    for tree in big:
        quiz(module=tree.modules[-1])
    many = [learner() for _ in range(12)]
    for person in many:
        services.enrol(learner=person, course=big[0].course)
        services.complete_lesson(learner=person, lesson=big[0].lessons[0])
    assert _queries_of_progress_for(many, [small.course] + [t.course for t in big]) == baseline
