"""The send_cohort_reminders command reminds the members of cohorts starting within --days
days (3 by default), and says how many reminders it recorded."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from courses import services
from courses.models import Cohort
from lms.notifications.models import Notification, NotificationKind
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.django_db


def reminders(*args) -> str:
    out = StringIO()
    call_command("send_cohort_reminders", *args, stdout=out)
    return out.getvalue()


def test_a_cohort_starting_in_five_days_is_reminded_with_days_5_not_by_default(site):
    tree = build_course(modules=1, lessons_per_module=1)
    cohort = Cohort.objects.create(
        course=tree.course,
        name="Promotion J+5",
        starts_on=timezone.localdate() + timedelta(days=5),
    )
    person = learner()
    services.enrol(learner=person, course=tree.course, enrolled_by=administrator(), cohort=cohort)
    starting = Notification.objects.filter(user=person, kind=NotificationKind.COHORT_STARTING)

    assert "0 reminders" in reminders()
    assert not starting.exists()
    assert "1 reminders" in reminders("--days", "5")
    assert starting.count() == 1
    assert "0 reminders" in reminders("--days", "5")
