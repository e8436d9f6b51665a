"""The seed_demo command: safe to repeat, and it prints where to go and how to sign in."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision

from content.models import Theme
from courses.models import Cohort, Enrolment, LessonCompletion
from demo import files

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "completions": LessonCompletion.objects.count(),
        "cohorts": Cohort.objects.count(),
        "themes": Theme.objects.count(),
    }


def test_running_seed_demo_twice_creates_nothing_new(site):
    call_command("seed_demo", stdout=StringIO())
    after_first = counts()
    call_command("seed_demo", stdout=StringIO())
    assert counts() == after_first


def test_seed_demo_prints_the_urls_and_the_three_accounts_with_their_passwords(site):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    output = out.getvalue()
    assert "/fr/formations/planifier-integration-migrants-communes/" in output
    assert "/admin/" in output
    for spec in files.read("people")["accounts"]:
        assert f"{spec['email']} / {spec['password']}" in output
