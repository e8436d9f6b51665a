"""The certificate settings form: new settings are prefilled from the course, for a course in
the default language."""

from decimal import Decimal

import pytest
from django.urls import reverse

from certificates.admin_forms import certified_course_initial
from certificates.models import CourseCertification
from tests.certificates.helpers import edit_url
from tests.factories.courses import build_course
from tests.factories.users import administrator

pytestmark = pytest.mark.django_db


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


def test_the_form_is_prefilled_only_for_a_course_of_the_default_language(site):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True, duration_hours=12)
    assert certified_course_initial(tree.course.pk) == {
        "course": tree.course.pk,
        "title_fr": tree.course.title,
        "title_ar": tree.course_ar.title,
        "hours": Decimal("12"),
    }
    assert certified_course_initial(tree.course_ar.pk) == {}
