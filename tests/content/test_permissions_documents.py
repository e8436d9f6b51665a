"""Who may have the file of a document that is not a handbook file (Wagtail's /documents/ URL)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from content.collections import collection_for
from content.permissions import CERTIFICATES, COURSE_MEDIA
from courses.models import LessonPage
from courses.services import enrol
from lms.accounts.roles import ADMINISTRATORS
from tests.factories.courses import build_course
from tests.factories.library import pdf_document
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db

PEOPLE = {"learner": learner, "trainer": trainer, "administrator": administrator}


def _lesson_using(document) -> LessonPage:
    lesson = build_course(modules=1, lessons_per_module=1).lessons[0]
    lesson.body = [
        {"type": "paragraph", "value": "<p>Lisez la fiche.</p>"},
        {"type": "document", "value": {"document": document.pk, "title": "Fiche"}},
    ]
    lesson.save_revision().publish()
    return lesson


def _as(client, who: str):
    client.logout()
    if who != "anonymous":
        client.force_login(PEOPLE[who]())
    return client


def _served(response) -> bool:
    if response.status_code != 200:
        return False
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    return True


def _refused_as_expected(response, who: str) -> bool:
    if who == "anonymous":
        return response.status_code == 302 and "/accounts/login/" in response["Location"]
    return response.status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "learner", "trainer", "administrator"])
def test_a_file_no_page_uses_is_for_staff_only(client, library, who):
    document = pdf_document("Brouillon de fiche.", collection=collection_for(COURSE_MEDIA))
    response = _as(client, who).get(document.url)
    if who in {"trainer", "administrator"}:
        assert _served(response)
    else:
        assert _refused_as_expected(response, who)


@pytest.mark.parametrize("who", ["anonymous", "learner"])
def test_a_file_used_by_a_published_lesson_is_refused_to_people_not_enrolled(client, library, who):
    document = pdf_document("Fiche de la leçon.", collection=collection_for(COURSE_MEDIA))
    _lesson_using(document)
    assert _refused_as_expected(_as(client, who).get(document.url), who)


@pytest.mark.parametrize("who", ["enrolled learner", "trainer"])
def test_a_file_used_by_a_published_lesson_is_for_whoever_may_read_it(client, library, who):
    document = pdf_document("Fiche de la leçon.", collection=collection_for(COURSE_MEDIA))
    lesson = _lesson_using(document)
    if who == "enrolled learner":
        person = learner()
        enrol(learner=person, course=lesson.get_course())
        client.force_login(person)
    else:
        _as(client, who)
    assert _served(client.get(document.url))


@pytest.mark.parametrize("who", ["anonymous", "learner"])
def test_a_file_used_only_by_an_unpublished_lesson_is_refused(client, library, who):
    document = pdf_document("Fiche de la leçon.", collection=collection_for(COURSE_MEDIA))
    _lesson_using(document).unpublish()
    assert _refused_as_expected(_as(client, who).get(document.url), who)


def test_a_file_used_by_a_private_page_follows_the_pages_restriction(client, library):
    document = pdf_document("Fiche interne.", collection=collection_for(COURSE_MEDIA))
    lesson = _lesson_using(document)
    person = learner()
    enrol(learner=person, course=lesson.get_course())
    restriction = PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=ADMINISTRATORS)])
    assert _refused_as_expected(_as(client, "anonymous").get(document.url), "anonymous")
    client.force_login(person)
    assert _refused_as_expected(client.get(document.url), "learner")
    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()
    assert _served(client.get(document.url))


@pytest.mark.parametrize("who", ["anonymous", "learner", "trainer", "administrator"])
def test_a_file_of_the_certificates_collection_is_for_administrators_only(client, library, who):
    document = pdf_document("Modèle de certificat.", collection=collection_for(CERTIFICATES))
    _lesson_using(document)  # even when a public page uses it
    response = _as(client, who).get(document.url)
    if who == "administrator":
        assert _served(response)
    else:
        assert _refused_as_expected(response, who)
