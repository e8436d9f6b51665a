"""The progress report pages of the admin and their CSV export (courses/admin_views.py)."""

import csv
import io

import pytest
from django.urls import reverse

from courses import services
from tests.courses.helpers import enrolled_with_progress, refused
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db


# --- Progress report --------------------------------------------------------------------


def test_trainer_follows_the_progress_of_their_course_only(site, client):
    owner = trainer()
    own = build_course(trainers=[owner])
    others = build_course(trainers=[trainer()])
    person = enrolled_with_progress(own, lessons_done=1)
    client.force_login(owner)
    response = client.get(reverse("course_progress:report", args=[own.course.pk]))
    assert response.status_code == 200
    assert person.display_name in response.content.decode()
    assert "25 %" in response.content.decode()
    index = client.get(reverse("course_progress:index")).content.decode()
    assert own.course.title in index and others.course.title not in index
    assert refused(client.get(reverse("course_progress:report", args=[others.course.pk])))


def test_administrator_follows_every_course_and_exports_csv(site, client):
    tree = build_course()
    person = enrolled_with_progress(tree, lessons_done=2)
    client.force_login(administrator())
    response = client.get(
        reverse("course_progress:report", args=[tree.course.pk]), {"export": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][2] == person.email
    assert rows[1][8] == "50"


def test_csv_export_neutralises_formulas_in_names(site, client):
    tree = build_course()
    person = learner(full_name_latin='=HYPERLINK("http://example.com")')
    services.enrol(learner=person, course=tree.course)
    client.force_login(administrator())
    response = client.get(
        reverse("course_progress:report", args=[tree.course.pk]), {"export": "csv"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0].startswith("'=")


def test_learners_cannot_open_the_progress_report(site, client):
    tree = build_course()
    client.force_login(learner())
    assert refused(client.get(reverse("course_progress:report", args=[tree.course.pk])))
