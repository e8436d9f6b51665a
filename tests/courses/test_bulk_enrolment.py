"""Enrolment in bulk (an organisation and its whole branch) and the admin views of imports."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from courses.models import Cohort, Enrolment, Invitation
from courses.services import enrol_in_bulk
from lms.accounts.models import Organisation
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, trainer, with_verified_email
from tests.races import errors_in, run_together


@pytest.fixture(autouse=True)
def _messages_as_written_in_the_code():
    """Reasons are compared with the code's wording (the catalogues translate them)."""
    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db


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
def cohort(site):
    return Cohort.objects.create(
        name="Rabat 2026", course=build_course(enrolment_policy="admin").course
    )


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


# --- The import view ---------------------------------------------------------------------

CSV = "email,full_name_latin,full_name_arabic,organisation\nnew@nador.ma,Nouveau Venu,وافد جديد,nador\n"


def test_administrator_previews_then_applies_exactly_the_previewed_file(cohort, client):
    client.force_login(administrator())
    url = reverse("enrolments:import", args=[cohort.pk])
    assert client.get(url).status_code == 200
    preview = client.post(url, {"text": CSV})
    html = preview.content.decode()
    assert "<bdi>وافد جديد</bdi>" in html and not Invitation.objects.exists()
    payload = re.search(r'name="payload" value="([^"]+)"', html).group(1)
    response = client.post(url, {"payload": payload})
    assert response.status_code == 302
    assert list(Invitation.objects.values_list("email", flat=True)) == ["new@nador.ma"]
    client.post(url, {"payload": payload})
    assert Invitation.objects.count() == 1
    assert "<bdi>new@nador.ma</bdi>" in client.get(url).content.decode()  # pending, listed


def test_an_altered_or_other_cohorts_payload_imports_nothing(cohort, client):
    client.force_login(administrator())
    url = reverse("enrolments:import", args=[cohort.pk])
    payload = re.search(
        r'name="payload" value="([^"]+)"', client.post(url, {"text": CSV}).content.decode()
    ).group(1)
    other = Cohort.objects.create(name="Autre", course=cohort.course)
    client.post(reverse("enrolments:import", args=[other.pk]), {"payload": payload})
    client.post(url, {"payload": payload[:-3] + "xyz"})
    assert not Invitation.objects.exists()


def test_a_file_with_an_invalid_row_offers_no_apply_button(cohort, client):
    client.force_login(administrator())
    response = client.post(
        reverse("enrolments:import", args=[cohort.pk]), {"text": CSV + "broken,Nom,,nador\n"}
    )
    html = response.content.decode()
    with translation.override("fr"):
        reason = escape(gettext("The e-mail address is not valid."))
    assert 'name="payload"' not in html and reason in html


def test_an_uploaded_file_is_previewed(cohort, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(administrator())
    upload = SimpleUploadedFile("people.csv", CSV.encode("cp1256"), content_type="text/csv")
    response = client.post(reverse("enrolments:import", args=[cohort.pk]), {"file": upload})
    assert "<bdi>وافد جديد</bdi>" in response.content.decode()


def refused(response) -> bool:
    """Wagtail answers a forbidden admin view with a redirect to the dashboard, or a 403."""
    return response.status_code in (302, 403)


@pytest.mark.parametrize("role", ["trainer_of_the_course", "trainer", "learner"])
def test_trainers_and_learners_cannot_reach_the_import_or_enrol_views(role, cohort, client):
    if role == "learner":
        person = learner()
    else:
        person = trainer()
        if role == "trainer_of_the_course":
            cohort.trainers.add(person)
            cohort.course.trainers.add(person)
            cohort.course.save()
    client.force_login(person)
    url = reverse("enrolments:import", args=[cohort.pk])
    assert refused(client.get(url))
    assert refused(client.post(url, {"text": CSV}))
    assert refused(
        client.post(
            reverse("enrolments:enrol"),
            {"course": cohort.course.pk, "cohort": cohort.pk, "learners": [person.pk]},
        )
    )
    assert not Invitation.objects.exists() and not Enrolment.objects.exists()


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


def test_the_cohorts_history_shows_the_import_and_who_made_it(cohort, client):
    from courses.services import apply_import

    admin = administrator(email="nadia.admin@ensa.ma")
    apply_import(cohort=cohort, data=CSV.encode(), by=admin)
    client.force_login(administrator())
    response = client.get(reverse("cohorts:history", args=[cohort.pk]))
    html = response.content.decode()
    with translation.override("fr"):
        label = gettext("Learners imported")
    assert response.status_code == 200
    assert label in html and "nadia.admin@ensa.ma" in html  # Wagtail names users by e-mail
