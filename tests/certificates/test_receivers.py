"""A completed course issues a certificate automatically only when its settings ask for it."""

import pytest

from certificates.models import Certificate
from tests.factories.certificates import certification, complete_course
from tests.factories.courses import build_course
from tests.factories.users import administrator

pytestmark = pytest.mark.django_db


def test_automatic_issue_on_completion_only_when_an_administrator_asked_for_it(
    site, django_capture_on_commit_callbacks
):
    manual = build_course(modules=1, lessons_per_module=1)
    switched_off = build_course(modules=1, lessons_per_module=1)
    certification(switched_off.course, auto_issue=False)
    automatic = build_course(modules=1, lessons_per_module=1)
    certification(automatic.course, auto_issue=True, by=administrator())
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(switched_off)
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(manual)
    assert not Certificate.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = complete_course(automatic)
    certificate = Certificate.objects.get()
    assert certificate.enrolment == enrolment
    assert certificate.issued_by is None
