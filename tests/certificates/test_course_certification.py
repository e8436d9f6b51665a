"""What a course's certificates state and whether they are issued on completion are decided
by ENSA administrators (certificate settings), never by the course's trainers."""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from certificates import services
from certificates.models import Certificate, CourseCertification
from tests.factories.certificates import certification, complete_course
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def refused(response) -> bool:
    """Wagtail answers a forbidden admin view with a redirect to the dashboard, a 403 or a 404."""
    return response.status_code in (302, 403, 404)


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


def test_the_course_editor_offers_trainers_no_certificate_setting(site, client):
    owner = trainer()
    tree = build_course(modules=1, lessons_per_module=1, trainers=[owner])
    client.force_login(owner)
    html = client.get(edit_url(tree.course)).content.decode()
    for name in ("auto_issue_certificate", "auto_issue", "hours", "title_fr"):
        assert f'name="{name}"' not in html
    assert reverse("certificate_settings:add") not in html


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


def test_trainers_cannot_open_or_post_the_certificate_settings(site, client):
    owner = trainer()
    tree = build_course(modules=1, lessons_per_module=1, trainers=[owner])
    settings = certification(build_course(modules=1, lessons_per_module=1).course)
    client.force_login(owner)
    add = reverse("certificate_settings:add")
    for url in (
        reverse("certificate_settings:index"),
        add,
        reverse("certificate_settings:edit", args=[settings.pk]),
    ):
        assert refused(client.get(url)), url
    response = client.post(add, {"course": tree.course.pk, "hours": "600", "auto_issue": "on"})
    assert refused(response)
    response = client.post(
        reverse("certificate_settings:edit", args=[settings.pk]),
        {"title_fr": "x", "title_ar": "x", "hours": "600", "auto_issue": "on"},
    )
    assert refused(response)
    settings.refresh_from_db()
    assert not settings.auto_issue and settings.hours != Decimal("600")
    assert list(CourseCertification.objects.all()) == [settings]


def test_trainers_hold_no_certificates_permission(site):
    person = trainer()
    assert not any(perm.startswith("certificates.") for perm in person.get_all_permissions())
    assert administrator().has_perm("certificates.change_coursecertification")


def test_an_administrator_creates_settings_prefilled_from_the_course(site, client):
    tree = build_course(
        modules=1,
        lessons_per_module=1,
        arabic=True,
        title="Intégrer la migration",
        duration_hours=12,
    )
    admin = administrator()
    client.force_login(admin)
    add = reverse("certificate_settings:add")
    form = client.get(add, {"course": tree.course.pk}).content.decode()
    assert 'value="Intégrer la migration"' in form
    response = client.post(
        add,
        {"course": tree.course.pk, "title_fr": "", "title_ar": "", "hours": "", "auto_issue": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    settings = CourseCertification.objects.get()
    assert (settings.course_id, settings.title_fr, settings.title_ar, settings.hours) == (
        tree.course.pk,
        "Intégrer la migration",
        tree.course_ar.title,
        Decimal("12"),
    )
    assert settings.auto_issue and settings.updated_by == admin
    assert client.get(reverse("certificate_settings:index")).status_code == 200
    # The course page links administrators to them.
    assert (
        reverse("certificate_settings:edit", args=[settings.pk])
        in client.get(edit_url(tree.course)).content.decode()
    )


def test_settings_are_for_a_course_in_the_default_language(site, client):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    client.force_login(administrator())
    response = client.post(
        reverse("certificate_settings:add"),
        {"course": tree.course_ar.pk, "title_fr": "a", "title_ar": "b", "hours": "3"},
    )
    assert response.status_code == 200
    assert "course" in response.context["form"].errors
    assert not CourseCertification.objects.exists()


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
