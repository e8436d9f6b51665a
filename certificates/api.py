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

# The models this door still hands out, and why (tests/architecture/test_doors.py).
MODELS = (
    # the reports' aggregation (valid certificates per enrolment); the demo seed issues them
    Certificate,
    # the demo seed sets up a template, its signatories and each course's certificate settings
    CertificateTemplate,
    CourseCertification,
    TemplateSignatory,
)

__all__ = [
    # models (see MODELS)
    "Certificate",
    "CertificateTemplate",
    "CourseCertification",
    "TemplateSignatory",
    # reads, as plain data
    "CertifiedCourse",
    "current_certified_course",
    # services
    "DEFAULT_TEMPLATE_NAME",
    "current_template_version",
    "issue_certificate",
    # a sample signature image, for demo templates
    "signature_png",
]
