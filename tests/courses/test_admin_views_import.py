"""The import view of the admin (courses/admin_views.py): preview, then apply exactly the
previewed file; only administrators reach it (nor the enrol view)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from courses.models import Cohort, Enrolment, Invitation
from tests.courses.helpers import refused
from tests.factories.users import administrator, learner, trainer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_messages_as_written_in_the_code")]


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
