import pytest
from django.core.exceptions import ValidationError

from certificates.demo import seed_demo_certificate_template
from certificates.models import CertificateTemplate, TemplateVersion

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
