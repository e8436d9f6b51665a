"""The certificates app's public door: other apps (reports, demo) import this and nothing else
of certificates."""

from .models import Certificate, CertificateTemplate, CourseCertification, TemplateSignatory
from .samples import signature_png
from .services import (
    DEFAULT_TEMPLATE_NAME,
    CertifiedCourse,
    current_certified_course,
    current_template_version,
    issue_certificate,
)

__all__ = [
    # models, for queries and for setting up a template
    "Certificate",
    "CertificateTemplate",
    "CourseCertification",
    "TemplateSignatory",
    # services
    "CertifiedCourse",
    "DEFAULT_TEMPLATE_NAME",
    "current_certified_course",
    "current_template_version",
    "issue_certificate",
    # a sample signature image, for demo templates
    "signature_png",
]
