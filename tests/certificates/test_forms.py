"""The forms of the verification page and of the administrators' actions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from certificates.forms import MAX_PDF_BYTES, TOO_LARGE, BulkIssueForm, CompareForm, IssueForm
from courses import services as course_services
from courses.models import Cohort
from tests.factories.courses import build_course
from tests.factories.users import learner


def _upload(size: int) -> SimpleUploadedFile:
    return SimpleUploadedFile("c.pdf", b"%" * size, "application/pdf")


def test_an_uploaded_pdf_up_to_the_limit_is_accepted_and_a_larger_one_refused():
    assert CompareForm(data={}, files={"pdf": _upload(MAX_PDF_BYTES)}).is_valid()
    refused = CompareForm(data={}, files={"pdf": _upload(MAX_PDF_BYTES + 1)})
    assert not refused.is_valid()
    assert refused.errors["pdf"] == [str(TOO_LARGE)]


def test_a_request_refused_as_too_large_shows_the_form_with_that_error_only():
    form = CompareForm.refused_as_too_large()
    assert form.errors == {"pdf": [str(TOO_LARGE)]}


@pytest.mark.django_db
def test_the_bulk_issue_takes_a_course_or_a_cohort_not_both_nor_neither(site):
    tree = build_course(modules=1, lessons_per_module=1)
    cohort = Cohort.objects.create(course=tree.course, name="Promotion 2026")
    assert BulkIssueForm(data={"course": tree.course.pk}).is_valid()
    assert BulkIssueForm(data={"cohort": cohort.pk}).is_valid()
    for data in ({}, {"course": tree.course.pk, "cohort": cohort.pk}):
        form = BulkIssueForm(data=data)
        assert not form.is_valid()
        assert form.non_field_errors()


@pytest.mark.django_db
def test_the_bulk_issue_offers_only_courses_in_the_default_language(site):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    offered = set(BulkIssueForm().fields["course"].queryset.values_list("pk", flat=True))
    assert tree.course.pk in offered
    assert tree.course_ar.pk not in offered
    assert not BulkIssueForm(data={"course": tree.course_ar.pk}).is_valid()


@pytest.mark.django_db
def test_issuing_for_one_learner_offers_current_enrolments_only(site):
    tree = build_course(modules=1, lessons_per_module=1)
    staying = course_services.enrol(learner=learner(), course=tree.course)
    leaving = course_services.enrol(learner=learner(), course=tree.course)
    course_services.unenrol(learner=leaving.learner, course=tree.course)
    offered = set(IssueForm().fields["enrolment"].queryset)
    assert staying in offered and leaving not in offered
