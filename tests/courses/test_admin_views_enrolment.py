"""Enrolment by an administrator in the admin (courses/admin_views.py): chosen learners, an
organisation and its branch; trainers are refused. The import view: test_admin_views_import.py."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext_lazy

from courses import services
from courses.models import Cohort, Enrolment
from lms.accounts.models import Organisation
from tests.courses.helpers import refused
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, trainer, with_verified_email

pytestmark = pytest.mark.django_db


def in_admin_language(message) -> str:
    """The admin speaks the default language to users who chose none."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(message)


def test_administrator_enrols_chosen_learners_into_a_cohort_and_sees_who_was_refused(site, client):
    tree = build_course()
    cohort = Cohort.objects.create(course=tree.course, name="Salé 2026")
    newcomer, second, already = (with_verified_email(learner()) for _ in range(3))
    unverified = learner()
    services.enrol(learner=already, course=tree.course)
    admin = administrator()
    client.force_login(admin)
    response = client.post(
        reverse("enrolments:enrol"),
        {
            "course": tree.course.pk,
            "cohort": cohort.pk,
            "learners": [newcomer.pk, second.pk, already.pk, unverified.pk],
        },
    )
    assert response.status_code == 200
    enrolled = Enrolment.objects.filter(cohort=cohort)
    assert set(enrolled.values_list("learner_id", flat=True)) == {newcomer.pk, second.pk}
    assert all(e.enrolled_by_id == admin.pk for e in enrolled)
    summary = response.context["summary"]
    assert summary.already_enrolled == (already,)
    assert [refusal.learner for refusal in summary.refused] == [unverified]
    content = response.content.decode()
    assert already.email in content and unverified.email in content
    assert (
        escape(in_admin_language(gettext_lazy("The e-mail address is not confirmed."))) in content
    )


def test_administrator_enrols_every_verified_learner_of_an_organisation(site, client):
    tree = build_course(enrolment_policy="admin")
    nador = Organisation.objects.get(slug="nador")
    from_nador = [with_verified_email(learner(organisation=nador)) for _ in range(2)]
    unverified = learner(organisation=nador)
    elsewhere = with_verified_email(learner())
    client.force_login(administrator())
    client.post(reverse("enrolments:enrol"), {"course": tree.course.pk, "organisation": nador.pk})
    enrolled = set(
        Enrolment.objects.filter(course=tree.course).values_list("learner_id", flat=True)
    )
    assert enrolled == {person.pk for person in from_nador}
    assert elsewhere.pk not in enrolled and unverified.pk not in enrolled


def test_a_trainer_cannot_enrol_learners_nor_manage_cohorts(site, client):
    tree = build_course()
    person = learner()
    client.force_login(trainer())
    response = client.post(
        reverse("enrolments:enrol"), {"course": tree.course.pk, "learners": [person.pk]}
    )
    assert refused(response)
    assert not Enrolment.objects.filter(learner=person).exists()
    assert refused(client.get(reverse("cohorts:index")))
    assert refused(client.get(reverse("enrolments:index")))


# --- Enrolling an organisation and its branch -------------------------------------------


def test_the_enrol_view_shows_the_three_lists_with_counts(ministry, cohort, client):
    root = ministry[0]
    new = with_verified_email(learner(organisation=root, full_name_latin="Salma Idrissi"))
    unverified = learner(organisation=ministry[2], full_name_latin="Karim Unverified")
    client.force_login(administrator())
    response = client.post(
        reverse("enrolments:enrol"),
        {"course": cohort.course.pk, "cohort": cohort.pk, "organisation": root.pk},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<bdi>Salma Idrissi</bdi>" in html and "<bdi>Karim Unverified</bdi>" in html
    assert "(1)" in html and "(0)" in html
    assert Enrolment.objects.get(cohort=cohort).learner == new
    assert not Enrolment.objects.filter(learner=unverified).exists()
