"""Background tasks of the certificates app: automatic issue, bulk issue, the e-mail."""

import pytest

from certificates import services
from certificates.models import Certificate
from certificates.tasks import auto_issue_task
from tests.factories.certificates import certification, revoked_certificate

pytestmark = pytest.mark.django_db


def test_automatic_issue_does_not_undo_a_revocation(site):
    completed, _revoked = revoked_certificate()
    certification(completed.tree.course, auto_issue=True)
    assert services.issues_automatically(course_id=completed.tree.course.pk)
    auto_issue_task.enqueue(enrolment_id=completed.enrolment.pk)
    assert not Certificate.objects.valid().exists()
