"""The import_enrolments command: a preview by default, --apply applies, and what it
refuses (an unknown cohort, an unreadable file, invalid rows) changes nothing."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from courses.models import Cohort, Enrolment, Invitation
from lms.accounts.models import User
from tests.courses.helpers import csv_of
from tests.factories.courses import build_course
from tests.factories.users import learner, with_verified_email

pytestmark = pytest.mark.usefixtures("_messages_as_written_in_the_code")


@pytest.fixture
def cohort(site):
    tree = build_course(enrolment_policy="admin")
    return Cohort.objects.create(name="Oujda 2026", course=tree.course)


def test_command_without_apply_prints_the_preview_and_changes_nothing(cohort, tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_bytes(csv_of("new@nador.ma;Nouveau Venu;وافد جديد;nador;"))
    call_command("import_enrolments", str(path), "--cohort", str(cohort.pk))
    out = capsys.readouterr().out
    assert "وافد جديد" in out and "new@nador.ma" in out
    assert not Invitation.objects.exists()


def test_command_with_apply_applies(cohort, tmp_path):
    known = with_verified_email(learner(email="known@oujda.ma"))
    path = tmp_path / "people.csv"
    path.write_bytes(csv_of("known@oujda.ma;Known;;oujda;", "new@nador.ma;Nouveau;;nador;"))
    call_command("import_enrolments", str(path), "--cohort", str(cohort.pk), "--apply")
    assert Enrolment.objects.get().learner == known
    assert Invitation.objects.get().email == "new@nador.ma"


def test_command_refuses_an_unknown_cohort_an_unreadable_file_and_invalid_rows(cohort, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(csv_of("broken;Nom;;oujda;"))
    with pytest.raises(CommandError, match="cohort"):
        call_command("import_enrolments", str(path), "--cohort", "999999")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_enrolments", str(tmp_path / "missing.csv"), "--cohort", str(cohort.pk))
    with pytest.raises(CommandError):
        call_command("import_enrolments", str(path), "--cohort", str(cohort.pk), "--apply")
    assert not Invitation.objects.exists() and not User.objects.filter(email="broken").exists()
