"""The forms of the trainers' follow-up (courses/followup_forms.py): the number of days
without activity, and a message to a cohort whose subject fits on one line."""

import pytest

from courses.followup import DEFAULT_STALLED_DAYS
from courses.followup_forms import CohortMessageForm, StalledForm


@pytest.mark.parametrize("days", ["1", "14", "365"])
def test_a_whole_number_of_days_from_1_to_365_is_accepted(days):
    form = StalledForm({"days": days})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["days"] == int(days)


@pytest.mark.parametrize("days", ["0", "366", "-1", "2.5", "sept", ""])
def test_other_numbers_of_days_are_refused(days):
    form = StalledForm({"days": days})
    assert not form.is_valid()
    assert "days" in form.errors


def test_the_days_start_at_the_default():
    assert StalledForm().fields["days"].initial == DEFAULT_STALLED_DAYS


def test_a_message_is_cleaned_of_surrounding_spaces():
    form = CohortMessageForm({"subject": "  Séance du lundi ", "body": "\n Venez à 9 h.\n"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"subject": "Séance du lundi", "body": "Venez à 9 h."}


@pytest.mark.parametrize("subject", ["Rappel\nBcc: x@example.com", "Rappel\rCc: y@example.com"])
def test_a_subject_on_two_lines_is_refused(subject):
    form = CohortMessageForm({"subject": subject, "body": "Texte."})
    assert not form.is_valid()
    assert list(form.errors) == ["subject"]


@pytest.mark.parametrize(
    ("subject", "body", "field"),
    [
        ("", "Texte.", "subject"),
        ("Rappel", "   ", "body"),
        ("R" * 151, "Texte.", "subject"),
        ("Rappel", "x" * 5001, "body"),
    ],
)
def test_an_empty_or_too_long_field_is_refused(subject, body, field):
    form = CohortMessageForm({"subject": subject, "body": body})
    assert not form.is_valid()
    assert field in form.errors


def test_both_fields_follow_the_direction_of_what_is_typed():
    form = CohortMessageForm()
    assert form.fields["subject"].widget.attrs["dir"] == "auto"
    assert form.fields["body"].widget.attrs["dir"] == "auto"
