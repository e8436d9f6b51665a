import pytest
from django.core.exceptions import ValidationError

from certificates.demo import seed_demo_certificate_template
from certificates.models import CertificateTemplate, CourseCertification, TemplateVersion

pytestmark = pytest.mark.django_db


def test_seeding_the_demo_template_twice_changes_nothing(site):
    first = seed_demo_certificate_template()
    second = seed_demo_certificate_template()
    assert first.pk == second.pk
    assert first.is_default
    assert CertificateTemplate.objects.count() == 1
    assert first.signatories.count() == 2
    assert TemplateVersion.objects.filter(template=first).count() == 1


def test_only_one_template_is_the_default(site):
    seed_demo_certificate_template()
    other = CertificateTemplate(name="Autre", is_default=True)
    with pytest.raises(ValidationError):
        other.full_clean()


def test_the_demo_courses_get_certificate_settings_issued_by_hand(site):
    from courses.demo import build_demo

    result = build_demo()
    seed_demo_certificate_template()
    seed_demo_certificate_template()
    settings = CourseCertification.objects.order_by("course_id")
    assert [s.course_id for s in settings] == sorted(course.pk for course in result.courses)
    main = settings.get(course=result.course)
    assert (main.title_fr, main.title_ar) == (result.course.title, result.course_ar.title)
    assert main.hours == result.course.duration_hours > 0
    assert not any(s.auto_issue for s in settings)
