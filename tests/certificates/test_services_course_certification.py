"""What a course's certificates state and whether they are issued on completion are decided
by ENSA administrators (certificate settings), never by the course's trainers."""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from certificates import services
from certificates.models import Certificate, CourseCertification
from tests.certificates.helpers import edit_url
from tests.factories.certificates import certification, complete_course
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db


def rename_as_trainer(client, owner, course, *, title: str, hours: str, **extra):
    """The trainer edits and publishes their course in the page editor, adding `extra` fields."""
    client.force_login(owner)
    page = client.get(edit_url(course))
    assert page.status_code == 200
    data = querydict_from_html(page.content.decode(), form_id="page-edit-form")
    data.update(
        {"title": title, "duration_hours": hours, "action-publish": "action-publish", **extra}
    )
    response = client.post(edit_url(course), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return page.content.decode()


def test_a_trainer_who_posts_automatic_issue_and_hours_gets_no_certificate_for_their_learners(
    site, client, django_capture_on_commit_callbacks
):
    owner = trainer()
    tree = build_course(modules=1, lessons_per_module=2, trainers=[owner], duration_hours=12)
    rename_as_trainer(
        client,
        owner,
        tree.course,
        title="Mon cours de 600 heures",
        hours="600",
        auto_issue_certificate="on",
        auto_issue="on",
    )
    tree.course.refresh_from_db()
    assert tree.course.title == "Mon cours de 600 heures"  # the trainer's own page did change
    assert not CourseCertification.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(tree)
    assert not Certificate.objects.exists()


def test_automatic_certificates_state_what_the_administrator_set_after_the_trainer_renames_the_course(
    site, client, django_capture_on_commit_callbacks
):
    owner = trainer()
    tree = build_course(
        modules=1,
        lessons_per_module=2,
        arabic=True,
        trainers=[owner],
        title="Intégrer la migration",
        duration_hours=12,
    )
    admin = administrator()
    client.force_login(admin)
    response = client.post(
        reverse("certificate_settings:add"),
        {
            "course": tree.course.pk,
            "title_fr": "Intégrer la migration dans le PAC",
            "title_ar": "إدماج الهجرة في برنامج عمل الجماعة",
            "hours": "12",
            "auto_issue": "on",
        },
    )
    assert response.status_code == 302
    rename_as_trainer(client, owner, tree.course, title="Master en 600 heures", hours="600")
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = complete_course(tree)
    certificate = Certificate.objects.get(enrolment=enrolment)
    facts = certificate.snapshot
    assert (facts["course_title_fr"], facts["course_title_ar"], facts["hours"]) == (
        "Intégrer la migration dans le PAC",
        "إدماج الهجرة في برنامج عمل الجماعة",
        "12",
    )
    assert certificate.issued_by is None


@pytest.mark.parametrize("path", ["single", "bulk", "reissue"])
def test_every_issue_path_states_the_certified_titles_and_hours(
    site, path, django_capture_on_commit_callbacks
):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True, duration_hours=600)
    certification(
        tree.course,
        title_fr="Titre certifié",
        title_ar="العنوان المصادق عليه",
        hours=Decimal("24.5"),
    )
    enrolment = complete_course(tree)
    admin = administrator()
    if path == "bulk":
        with django_capture_on_commit_callbacks(execute=True):
            services.bulk_issue(course=tree.course, issued_by=admin)
        certificate = Certificate.objects.get()
    else:
        certificate = services.issue_certificate(enrolment=enrolment, issued_by=admin)
    if path == "reissue":
        certificate = services.reissue_certificate(certificate=certificate, issued_by=admin)
    facts = certificate.snapshot
    assert (facts["course_title_fr"], facts["course_title_ar"], facts["hours"]) == (
        "Titre certifié",
        "العنوان المصادق عليه",
        "24,5",
    )


def test_without_settings_a_certificate_states_the_course_as_it_is(site):
    tree = build_course(modules=1, lessons_per_module=1, duration_hours=18)
    enrolment = complete_course(tree, learner())
    certificate = services.issue_certificate(enrolment=enrolment, issued_by=administrator())
    assert (certificate.snapshot["course_title_fr"], certificate.snapshot["hours"]) == (
        tree.course.title,
        "18",
    )
