"""Enrolment and withdrawal (services.enrol, services.unenrol): policies, capacity, dates, races."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from courses import services
from courses.errors import EnrolmentError
from courses.models import (
    Enrolment,
    EnrolmentPolicy,
    EnrolmentStatus,
    LessonCompletion,
)
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner
from tests.races import errors_in, run_together

pytestmark = pytest.mark.django_db


def refused(code: str, **kwargs) -> None:
    with pytest.raises(EnrolmentError) as error:
        services.enrol(**kwargs)
    assert error.value.code == code


# --- services -------------------------------------------------------------------------


def test_open_course_enrols_a_learner_once(site):
    tree = build_course()
    person = learner()
    services.enrol(learner=person, course=tree.course)
    with pytest.raises(EnrolmentError) as refused_twice:
        services.enrol(learner=person, course=tree.course)
    assert refused_twice.value.code == EnrolmentError.ALREADY_ENROLLED
    assert str(refused_twice.value.message)
    assert Enrolment.objects.filter(learner=person).count() == 1


def test_open_course_enrolment_is_active_and_records_no_administrator(site):
    tree = build_course(modules=1, lessons_per_module=1)
    enrolment = services.enrol(learner=learner(), course=tree.course)
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert enrolment.enrolled_by is None
    assert enrolment.course_id == tree.course.pk


def test_wrong_key_is_refused_and_nothing_is_created(site):
    tree = build_course(
        modules=1,
        lessons_per_module=1,
        enrolment_policy=EnrolmentPolicy.KEY,
        enrolment_key="OUJDA-26",
    )
    person = learner()
    refused(EnrolmentError.WRONG_KEY, learner=person, course=tree.course, key="wrong")
    refused(EnrolmentError.WRONG_KEY, learner=person, course=tree.course)
    assert not Enrolment.objects.filter(learner=person).exists()


def test_right_key_is_accepted_ignoring_surrounding_spaces(site):
    tree = build_course(
        modules=1,
        lessons_per_module=1,
        enrolment_policy=EnrolmentPolicy.KEY,
        enrolment_key="OUJDA-26",
    )
    person = learner()
    services.enrol(learner=person, course=tree.course, key=" OUJDA-26 ")
    assert Enrolment.objects.filter(learner=person, course=tree.course).count() == 1


def test_admin_only_course_refuses_self_enrolment(site):
    tree = build_course(modules=1, lessons_per_module=1, enrolment_policy=EnrolmentPolicy.ADMIN)
    person = learner()
    refused(EnrolmentError.ADMIN_ONLY, learner=person, course=tree.course)
    assert not Enrolment.objects.filter(learner=person).exists()


def test_administrator_enrols_a_learner_in_an_admin_only_course(site):
    tree = build_course(modules=1, lessons_per_module=1, enrolment_policy=EnrolmentPolicy.ADMIN)
    person, admin = learner(), administrator()
    enrolment = services.enrol(learner=person, course=tree.course, enrolled_by=admin)
    assert enrolment.enrolled_by == admin
    assert enrolment.status == EnrolmentStatus.ACTIVE


def test_full_course_is_refused_and_nothing_is_created(site):
    tree = build_course(modules=1, lessons_per_module=1, capacity=1)
    services.enrol(learner=learner(), course=tree.course)
    late = learner()
    refused(EnrolmentError.FULL, learner=late, course=tree.course)
    assert not Enrolment.objects.filter(learner=late).exists()
    assert Enrolment.objects.filter(course=tree.course).count() == 1


def test_an_administrator_cannot_overfill_a_course_either(site):
    tree = build_course(modules=1, lessons_per_module=1, capacity=1)
    services.enrol(learner=learner(), course=tree.course)
    refused(EnrolmentError.FULL, learner=learner(), course=tree.course, enrolled_by=administrator())


def test_a_withdrawn_learner_frees_a_place(site):
    tree = build_course(modules=1, lessons_per_module=1, capacity=1)
    first = learner()
    services.enrol(learner=first, course=tree.course)
    services.unenrol(learner=first, course=tree.course)
    services.enrol(learner=learner(), course=tree.course)
    assert Enrolment.objects.filter(course=tree.course).current().count() == 1


def test_enrolment_before_the_opening_date_is_refused(site):
    tree = build_course(
        modules=1, lessons_per_module=1, enrolment_opens_at=timezone.now() + timedelta(days=3)
    )
    person = learner()
    refused(EnrolmentError.NOT_OPEN_YET, learner=person, course=tree.course)
    assert not Enrolment.objects.filter(learner=person).exists()


def test_enrolment_after_the_closing_date_is_refused(site):
    now = timezone.now()
    tree = build_course(
        modules=1,
        lessons_per_module=1,
        enrolment_opens_at=now - timedelta(days=10),
        enrolment_closes_at=now - timedelta(days=1),
    )
    person = learner()
    refused(EnrolmentError.CLOSED, learner=person, course=tree.course)
    assert not Enrolment.objects.filter(learner=person).exists()


def test_enrolment_between_opening_and_closing_dates_is_accepted(site):
    now = timezone.now()
    tree = build_course(
        modules=1,
        lessons_per_module=1,
        enrolment_opens_at=now - timedelta(days=1),
        enrolment_closes_at=now + timedelta(days=1),
    )
    person = learner()
    services.enrol(learner=person, course=tree.course)
    assert Enrolment.objects.filter(
        learner=person, course=tree.course, status=EnrolmentStatus.ACTIVE
    ).exists()


def test_database_refuses_a_second_enrolment_row(site):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    services.enrol(learner=person, course=tree.course)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(learner=person, course=tree.course)


def test_unenrol_keeps_completions_and_reenrol_reactivates_the_same_row(site):
    tree = build_course(modules=1, lessons_per_module=2)
    person = learner()
    first = services.enrol(learner=person, course=tree.course)
    services.complete_lesson(learner=person, lesson=tree.lessons[0])

    withdrawn = services.unenrol(learner=person, course=tree.course)
    assert withdrawn.status == EnrolmentStatus.WITHDRAWN
    assert LessonCompletion.objects.filter(learner=person, lesson=tree.lessons[0]).exists()

    again = services.enrol(learner=person, course=tree.course)
    assert again.pk == first.pk
    assert again.status == EnrolmentStatus.ACTIVE
    assert again.withdrawn_at is None
    assert Enrolment.objects.filter(learner=person).count() == 1


def test_unenrol_when_not_enrolled_is_refused(site):
    tree = build_course(modules=1, lessons_per_module=1)
    with pytest.raises(EnrolmentError) as error:
        services.unenrol(learner=learner(), course=tree.course)
    assert error.value.code == EnrolmentError.NOT_ENROLLED


def test_draft_course_is_refused(site):
    tree = build_course(modules=1, lessons_per_module=1, live=False)
    person = learner()
    refused(EnrolmentError.NOT_PUBLISHED, learner=person, course=tree.course)
    refused(
        EnrolmentError.NOT_PUBLISHED,
        learner=person,
        course=tree.course,
        enrolled_by=administrator(),
    )
    assert not Enrolment.objects.filter(learner=person).exists()


def test_enrolling_through_the_arabic_translation_enrols_in_the_french_course(site):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    person = learner()
    enrolment = services.enrol(learner=person, course=tree.course_ar)
    assert enrolment.course_id == tree.course.pk
    refused(EnrolmentError.ALREADY_ENROLLED, learner=person, course=tree.course)


# --- races (PostgreSQL) ---------------------------------------------------------------

on_postgres_only = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL (set DATABASE_URL=postgres://...)",
)


@pytest.fixture
def race_course(postgres_only):
    from courses.setup import ensure_catalogue

    ensure_catalogue()
    return build_course(modules=1, lessons_per_module=1, capacity=1)


@on_postgres_only
def test_concurrent_enrolments_never_exceed_capacity(race_course):
    people = [learner(organisation=None) for _ in range(8)]
    results = run_together(
        [lambda p=p: services.enrol(learner=p, course=race_course.course).pk for p in people]
    )
    refusals = [r for r in results if isinstance(r, EnrolmentError)]
    assert len(refusals) == 7
    assert {r.code for r in refusals} == {EnrolmentError.FULL}
    assert Enrolment.objects.filter(course=race_course.course).count() == 1


@on_postgres_only
def test_concurrent_enrolments_of_one_learner_give_one_row(race_course):
    person = learner(organisation=None)
    results = run_together(
        [lambda: services.enrol(learner=person, course=race_course.course).pk] * 8
    )
    refusals = errors_in(results)
    assert len(refusals) == 7
    assert all(
        isinstance(r, EnrolmentError) and r.code == EnrolmentError.ALREADY_ENROLLED
        for r in refusals
    )
    assert Enrolment.objects.filter(learner=person).count() == 1
