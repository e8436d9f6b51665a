"""The admin forms of courses (courses/admin_forms.py): a cohort's capacity and trainers are
set in its form, and the forms' checks refuse what does not fit, changing nothing."""

import pytest
from django.urls import reverse

from courses import services
from courses.models import Cohort, Enrolment
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db


def _post(client, url, **fields):
    data = {
        "name": "Oujda, printemps 2027",
        "starts_on": "",
        "ends_on": "",
        "capacity": "",
        **fields,
    }
    return client.post(url, data)


def test_an_administrator_sets_the_capacity_and_the_trainers_of_a_cohort(site, client):
    tree = build_course()
    first, second = trainer(), trainer()
    client.force_login(administrator())

    response = _post(
        client,
        reverse("cohorts:add"),
        course=tree.course.pk,
        capacity="25",
        trainers=[first.pk, second.pk],
    )

    assert response.status_code == 302
    cohort = Cohort.objects.get(name="Oujda, printemps 2027")
    assert cohort.capacity == 25
    assert set(cohort.trainers.all()) == {first, second}


def test_only_trainers_are_offered_as_a_cohorts_trainers(site, client):
    tree = build_course()
    person = learner()
    client.force_login(administrator())

    response = _post(client, reverse("cohorts:add"), course=tree.course.pk, trainers=[person.pk])

    assert response.status_code == 200
    assert not Cohort.objects.exists()


def test_a_cohort_that_ends_before_it_starts_is_refused(site, client):
    tree = build_course()
    client.force_login(administrator())

    response = _post(
        client,
        reverse("cohorts:add"),
        course=tree.course.pk,
        starts_on="2027-04-01",
        ends_on="2027-03-01",
    )

    assert response.status_code == 200
    assert "ends_on" in response.context["form"].errors
    assert not Cohort.objects.exists()


def test_the_capacity_cannot_fall_below_the_learners_already_in_the_cohort(site, client):
    tree = build_course()
    cohort = Cohort.objects.create(course=tree.course, name="Oujda, printemps 2027", capacity=10)
    for _ in range(3):
        services.enrol(learner=learner(), course=tree.course, cohort=cohort)
    client.force_login(administrator())

    response = _post(
        client, reverse("cohorts:edit", args=[cohort.pk]), course=tree.course.pk, capacity="2"
    )

    assert response.status_code == 200
    assert "capacity" in response.context["form"].errors
    cohort.refresh_from_db()
    assert cohort.capacity == 10


# --- Enrolling learners ----------------------------------------------------------------


def test_a_cohort_of_another_course_is_rejected(site, client):
    tree, other = build_course(), build_course()
    cohort = Cohort.objects.create(course=other.course, name="Tanger 2026")
    person = learner()
    client.force_login(administrator())
    response = client.post(
        reverse("enrolments:enrol"),
        {"course": tree.course.pk, "cohort": cohort.pk, "learners": [person.pk]},
    )
    assert response.status_code == 200
    assert "cohort" in response.context["form"].errors
    assert not Enrolment.objects.filter(learner=person).exists()
