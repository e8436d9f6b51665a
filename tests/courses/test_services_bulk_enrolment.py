"""Enrolment in bulk (services.enrol_in_bulk): an organisation and its whole branch, the
cohort's places and dates, concurrent enrolments."""

import pytest
from wagtail.models import ModelLogEntry

from courses.models import Cohort, Enrolment
from courses.services import enrol_in_bulk
from lms.accounts.models import Organisation
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, trainer, with_verified_email
from tests.races import errors_in, run_together

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_messages_as_written_in_the_code")]


def test_a_ministry_enrols_the_verified_learners_of_all_its_directorates(ministry, cohort):
    root, first, second, service = ministry
    members = [
        with_verified_email(learner(organisation=org)) for org in (root, first, second, service)
    ]
    unverified = learner(organisation=first)
    inactive = with_verified_email(learner(organisation=second, is_active=False))
    elsewhere = with_verified_email(learner(organisation=Organisation.objects.get(slug="oujda")))
    colleague = with_verified_email(trainer(organisation=first))
    admin = administrator()

    summary = enrol_in_bulk(course=cohort.course, cohort=cohort, organisation=root, by=admin)

    assert set(summary.enrolled) == set(members)
    reasons = {refusal.learner: refusal.reason for refusal in summary.refused}
    assert set(reasons) == {unverified, inactive}
    assert "not confirmed" in reasons[unverified] and "deactivated" in reasons[inactive]
    enrolled = set(Enrolment.objects.filter(cohort=cohort).values_list("learner_id", flat=True))
    assert enrolled == {m.pk for m in members}
    assert elsewhere.pk not in enrolled and colleague.pk not in enrolled
    entry = ModelLogEntry.objects.get(action="courses.bulk_enrol")
    assert entry.user_id == admin.pk and entry.object_id == str(cohort.pk)


def test_enrolling_twice_changes_nothing_more(ministry, cohort):
    root = ministry[0]
    people = [with_verified_email(learner(organisation=root)) for _ in range(2)]
    admin = administrator()
    enrol_in_bulk(course=cohort.course, cohort=cohort, organisation=root, by=admin)
    again = enrol_in_bulk(
        course=cohort.course, cohort=cohort, organisation=root, learners=people, by=admin
    )
    assert again.enrolled == () and set(again.already_enrolled) == set(people)
    assert Enrolment.objects.count() == 2


def test_the_cohorts_capacity_is_respected(ministry, cohort):
    cohort.capacity = 2
    cohort.save()
    people = [with_verified_email(learner(organisation=ministry[1])) for _ in range(3)]
    summary = enrol_in_bulk(
        course=cohort.course, cohort=cohort, learners=people, by=administrator()
    )
    assert len(summary.enrolled) == 2
    assert len(summary.refused) == 1 and "full" in summary.refused[0].reason
    assert Enrolment.objects.filter(cohort=cohort).count() == 2


def test_a_cohort_that_has_ended_refuses_new_learners(cohort):
    import datetime

    cohort.ends_on = datetime.date(2020, 1, 1)
    cohort.save()
    person = with_verified_email(learner())
    summary = enrol_in_bulk(
        course=cohort.course, cohort=cohort, learners=[person], by=administrator()
    )
    assert summary.enrolled == () and "ended" in summary.refused[0].reason


def test_concurrent_enrolments_in_bulk_never_exceed_the_cohorts_capacity(postgres_only):
    from courses.setup import ensure_catalogue

    ensure_catalogue()
    cohort = Cohort.objects.create(
        name="Places comptées",
        course=build_course(modules=1, lessons_per_module=1).course,
        capacity=3,
    )
    admin = administrator()
    people = [with_verified_email(learner(organisation=None)) for _ in range(6)]
    results = run_together(
        [
            lambda person=person: enrol_in_bulk(
                course=cohort.course, cohort=cohort, learners=[person], by=admin
            )
            for person in people
        ]
    )
    assert errors_in(results) == []
    assert sum(len(r.enrolled) for r in results) == 3
    assert Enrolment.objects.filter(cohort=cohort).count() == 3
