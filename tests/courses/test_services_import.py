"""Imports of people into a cohort: preview, apply (all or nothing, idempotent), invitations."""

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from wagtail.models import ModelLogEntry

from courses.models import Cohort, Enrolment, Invitation
from courses.services import ImportOutcome, ImportRefused, apply_import, preview_import
from tests.courses.helpers import csv_of
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, with_verified_email

pytestmark = pytest.mark.usefixtures("_messages_as_written_in_the_code")


@pytest.fixture
def cohort(site):
    tree = build_course(enrolment_policy="admin")
    return Cohort.objects.create(name="Oujda 2026", course=tree.course)


def test_preview_says_what_each_row_will_do_and_writes_nothing(cohort):
    known = with_verified_email(learner(email="known@oujda.ma", organisation=None))
    enrolled = with_verified_email(learner(email="enrolled@oujda.ma"))
    Enrolment.objects.create(learner=enrolled, course=cohort.course)
    data = csv_of(
        "known@oujda.ma;Amina Known;أمينة;oujda;",
        "enrolled@oujda.ma;Enrolled;;oujda;",
        "new@nador.ma;Nouveau Venu;وافد جديد;Commune de Nador;Cadre",
        "broken;Sans Adresse;;oujda;",
    )
    counts_before = (Enrolment.objects.count(), Invitation.objects.count())
    preview = preview_import(cohort=cohort, data=data)
    assert [row.outcome for row in preview.rows] == [
        ImportOutcome.ENROL,
        ImportOutcome.ALREADY_ENROLLED,
        ImportOutcome.INVITE,
        ImportOutcome.INVALID,
    ]
    assert not preview.valid
    assert (Enrolment.objects.count(), Invitation.objects.count()) == counts_before
    known.refresh_from_db()
    assert known.organisation is None and not known.organisation_confirmed


def test_apply_refuses_everything_while_a_row_is_invalid(cohort):
    with_verified_email(learner(email="known@oujda.ma"))
    data = csv_of("known@oujda.ma;Amina Known;;oujda;", "new@nador.ma;Nouveau;;Nulle-Part;")
    with pytest.raises(ImportRefused):
        apply_import(cohort=cohort, data=data, by=administrator())
    assert not Enrolment.objects.exists() and not Invitation.objects.exists()


def test_apply_enrols_confirms_the_organisation_and_invites_once_even_when_run_twice(
    cohort, mailoutbox, django_capture_on_commit_callbacks
):
    admin = administrator(preferred_language="ar")
    known = with_verified_email(learner(email="known@oujda.ma", full_name_arabic=""))
    data = csv_of(
        "known@oujda.ma;Amina Known;أمينة المعروفة;Commune de Nador;",
        "new@nador.ma;Nouveau Venu;وافد جديد;nador;Cadre",
    )
    with django_capture_on_commit_callbacks(execute=True):
        first = apply_import(cohort=cohort, data=data, by=admin, language="ar")
    with django_capture_on_commit_callbacks(execute=True):
        second = apply_import(cohort=cohort, data=data, by=admin, language="ar")
    assert (first.enrolled, first.invited) == (1, 1)
    assert (second.enrolled, second.already_enrolled, second.invited, second.already_invited) == (
        0,
        1,
        0,
        1,
    )
    enrolment = Enrolment.objects.get()
    assert (enrolment.learner, enrolment.cohort, enrolment.enrolled_by) == (known, cohort, admin)
    known.refresh_from_db()
    assert known.organisation.slug == "nador" and known.organisation_confirmed
    assert known.full_name_latin != "Amina Known"  # a name the person chose is kept
    assert known.full_name_arabic == "أمينة المعروفة"  # a blank one is filled
    assert Invitation.objects.get().email == "new@nador.ma"
    invitations = [message for message in mailoutbox if message.to == ["new@nador.ma"]]
    assert len(invitations) == 1  # run twice, invited once
    assert "وافد جديد" in invitations[0].body and "/ar/" in invitations[0].body
    assert [message.to for message in mailoutbox if message not in invitations] == [
        ["known@oujda.ma"]
    ]
    actions = list(
        ModelLogEntry.objects.filter(action="courses.import_learners").values_list(
            "user_id", flat=True
        )
    )
    assert actions == [admin.pk, admin.pk]


def test_confirming_the_invited_address_enrols_the_person_with_the_invitations_details(cohort):
    apply_import(
        cohort=cohort,
        data=csv_of("new@nador.ma;Nouveau Venu;وافد جديد;nador;Cadre"),
        by=administrator(),
    )
    person = learner(
        email="new@nador.ma",
        full_name_latin="",
        full_name_arabic="",
        job_title="",
        organisation=None,
    )
    address = EmailAddress.objects.create(
        user=person, email=person.email, verified=True, primary=True
    )
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    enrolment = Enrolment.objects.get(learner=person)
    assert enrolment.cohort == cohort
    person.refresh_from_db()
    assert (person.full_name_latin, person.full_name_arabic, person.job_title) == (
        "Nouveau Venu",
        "وافد جديد",
        "Cadre",
    )
    assert person.organisation.slug == "nador" and person.organisation_confirmed
    assert Invitation.objects.get().accepted_at is not None
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    assert Enrolment.objects.filter(learner=person).count() == 1


def test_confirming_another_address_than_the_accounts_accepts_nothing(cohort):
    apply_import(
        cohort=cohort, data=csv_of("new@nador.ma;Nouveau Venu;;nador;"), by=administrator()
    )
    person = learner(email="someone.else@nador.ma")
    address = EmailAddress.objects.create(user=person, email="new@nador.ma", verified=True)
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    assert not Enrolment.objects.filter(learner=person).exists()
    assert Invitation.objects.get().accepted_at is None


def test_an_unconfirmed_account_is_invited_not_enrolled(cohort):
    learner(email="unconfirmed@oujda.ma")
    preview = preview_import(
        cohort=cohort, data=csv_of("unconfirmed@oujda.ma;Un Confirmed;;oujda;")
    )
    assert preview.rows[0].outcome == ImportOutcome.INVITE


def test_an_import_larger_than_the_places_left_is_refused(cohort):
    cohort.capacity = 1
    cohort.save()
    data = csv_of("a@oujda.ma;A A;;oujda;", "b@oujda.ma;B B;;oujda;")
    preview = preview_import(cohort=cohort, data=data)
    assert "places" in preview.error and not preview.valid
    with pytest.raises(ImportRefused):
        apply_import(cohort=cohort, data=data, by=administrator())
    assert not Invitation.objects.exists()
