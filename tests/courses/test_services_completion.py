"""Completing lessons (services.complete_lesson) and completing the course: once, after commit."""

import pytest

from courses import services
from courses.errors import EnrolmentError
from courses.models import EnrolmentStatus, LessonCompletion
from courses.queries import course_outline, progress_of
from courses.signals import course_completed
from tests.courses.helpers import enrolled
from tests.factories.courses import build_course
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


@pytest.fixture
def completions():
    """The enrolments for which `course_completed` was received."""
    received = []

    def receiver(sender, enrolment, **kwargs):
        received.append(enrolment.pk)

    course_completed.connect(receiver, dispatch_uid="test-progress-receiver")
    yield received
    course_completed.disconnect(dispatch_uid="test-progress-receiver")


def test_completing_a_lesson_twice_keeps_one_completion(site):
    tree, person, _ = enrolled(modules=1, lessons_per_module=2)
    first = services.complete_lesson(learner=person, lesson=tree.lessons[0])
    second = services.complete_lesson(learner=person, lesson=tree.lessons[0])
    assert first.pk == second.pk
    assert LessonCompletion.objects.filter(learner=person).count() == 1


def test_a_learner_who_is_not_enrolled_cannot_complete_a_lesson(site):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    with pytest.raises(EnrolmentError) as error:
        services.complete_lesson(learner=person, lesson=tree.lessons[0])
    assert error.value.code == EnrolmentError.NOT_ENROLLED
    assert not LessonCompletion.objects.filter(learner=person).exists()


def test_a_withdrawn_learner_cannot_complete_a_lesson(site):
    tree, person, _ = enrolled(modules=1, lessons_per_module=1)
    services.unenrol(learner=person, course=tree.course)
    with pytest.raises(EnrolmentError):
        services.complete_lesson(learner=person, lesson=tree.lessons[0])


def test_optional_lessons_do_not_count(site):
    tree, person, enrolment = enrolled(modules=1, lessons_per_module=3, optional_lessons=1)
    optional, *required = tree.lessons
    assert not optional.required
    services.complete_lesson(learner=person, lesson=optional)
    progress = progress_of(learner=person, course=tree.course)
    assert (progress.done, progress.required) == (0, 2)
    for lesson in required:
        services.complete_lesson(learner=person, lesson=lesson)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED


def test_course_is_complete_without_its_optional_lessons(site):
    tree, person, enrolment = enrolled(modules=1, lessons_per_module=2, optional_lessons=1)
    services.complete_lesson(learner=person, lesson=tree.lessons[1])
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert progress_of(learner=person, course=tree.course).percent == 100


def test_completing_the_arabic_translation_counts_for_the_course(site):
    tree, person, _ = enrolled(modules=1, lessons_per_module=2, arabic=True)
    completion = services.complete_lesson(learner=person, lesson=tree.lessons_ar[0])
    assert completion.lesson_id == tree.lessons[0].pk
    assert progress_of(learner=person, course=tree.course).done == 1
    assert progress_of(learner=person, course=tree.course_ar).done == 1
    outline = course_outline(learner=person, course=tree.course_ar)
    states = [item for module in outline.modules for item in module.items]
    assert [s.completed for s in states] == [True, False]
    assert states[0].page.pk == tree.lessons_ar[0].pk


def test_course_completed_is_sent_once_after_commit(
    site, completions, django_capture_on_commit_callbacks
):
    tree, person, enrolment = enrolled(modules=1, lessons_per_module=2)
    with django_capture_on_commit_callbacks(execute=False) as pending:
        services.complete_lesson(learner=person, lesson=tree.lessons[0])
        services.complete_lesson(learner=person, lesson=tree.lessons[1])
    assert completions == []
    assert len(pending) == 1
    pending[0]()
    assert completions == [enrolment.pk]


def test_course_completed_is_not_sent_again_on_recompletion(
    site, completions, django_capture_on_commit_callbacks
):
    tree, person, enrolment = enrolled(modules=1, lessons_per_module=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_lesson(learner=person, lesson=tree.lessons[0])
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_lesson(learner=person, lesson=tree.lessons[0])
        services.unenrol(learner=person, course=tree.course)
        services.enrol(learner=person, course=tree.course)  # (the re-enrolment is e-mailed)
        services.complete_lesson(learner=person, lesson=tree.lessons[0])
    assert completions == [enrolment.pk]
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert enrolment.completed_at is not None


def test_course_completed_is_not_sent_when_the_transaction_rolls_back(
    site, completions, django_capture_on_commit_callbacks
):
    from django.db import transaction

    tree, person, enrolment = enrolled(modules=1, lessons_per_module=1)
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            services.complete_lesson(learner=person, lesson=tree.lessons[0])
            raise RuntimeError
    assert completions == []
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
