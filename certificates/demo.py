"""Demo data for certificates: the default ENSA template with two signatories. Idempotent."""

from __future__ import annotations

from django.db import transaction

from .models import CertificateTemplate, TemplateSignatory
from .samples import SAMPLE_SIGNATORIES
from .services import DEFAULT_TEMPLATE_NAME, current_template_version


@transaction.atomic
def seed_demo_certificate_template() -> CertificateTemplate:
    """The default template with the default wording and the sample signatories, made once."""
    template = CertificateTemplate.objects.filter(name=DEFAULT_TEMPLATE_NAME).first()
    if template is None:
        template = CertificateTemplate.objects.create(name=DEFAULT_TEMPLATE_NAME, is_default=True)
    if not template.signatories.exists():
        for order, person in enumerate(SAMPLE_SIGNATORIES):
            TemplateSignatory.objects.create(
                template=template,
                sort_order=order,
                name_fr=person.name_fr,
                name_ar=person.name_ar,
                title_fr=person.title_fr,
                title_ar=person.title_ar,
            )
    if not CertificateTemplate.objects.filter(is_default=True).exclude(pk=template.pk).exists():
        if not template.is_default:
            template.is_default = True
            template.save(update_fields=["is_default"])
    current_template_version(template=template)
    return template
