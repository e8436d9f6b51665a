"""Handbook pages: what the page shows of a work and its editions, and who may open it
(HandbookPage.serve, get_context, status_label; LibraryIndexPage)."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from content.library.models import AccessLevel, HandbookPage
from tests.factories.library import build_handbook, pdf_document, theme
from tests.factories.users import learner, trainer

pytestmark = pytest.mark.django_db


def test_handbook_page_shows_metadata_and_every_edition_with_its_status(client, library):
    handbook = build_handbook(
        title="Intégrer la migration dans le PAC",
        publisher="ENSA",
        themes=[theme("planification", name="Planification de l'intégration")],
        editions=[
            {
                "number": 2,
                "published_on": datetime.date(2023, 5, 1),
                "page_count": 48,
                "document": pdf_document("Deuxième édition."),
                "is_current": True,
            },
            {
                "number": 1,
                "published_on": datetime.date(2019, 3, 1),
                "page_count": 40,
                "document": pdf_document("Première édition."),
                "is_current": False,
            },
        ],
    )
    response = client.get(handbook.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Intégrer la migration dans le PAC" in html
    assert "ENSA" in html and "Planification de l&#x27;intégration" in html
    detail = response.context["detail"]
    assert [e.number for e in detail.editions] == [2, 1]
    assert detail.current_edition.number == 2
    with translation.override("fr"):
        assert [e.status_label for e in detail.editions] == [
            gettext("Current edition"),
            gettext("Superseded"),
        ]
    assert all(escape(e.status_label) in html for e in detail.editions)
    for edition in detail.editions:
        assert f"/fr/library/download/{edition.pk}/" in html


def test_library_pages_exist_in_both_languages(client, library):
    assert client.get("/fr/library/").status_code == 200
    response = client.get("/ar/library/")
    assert response.status_code == 200
    assert "المكتبة" in response.content.decode()


def test_handbook_page_of_a_staff_handbook_is_closed_to_others(client, library):
    handbook = build_handbook(access_level=AccessLevel.STAFF)
    response = client.get(handbook.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(learner())
    assert client.get(handbook.url).status_code == 403
    client.force_login(trainer())
    assert client.get(handbook.url).status_code == 200


def test_the_handbooks_a_person_sees_are_those_they_may_download(library):
    handbooks = {level: build_handbook(access_level=level) for level in AccessLevel.values}
    expected = {
        "anonymous": {AccessLevel.PUBLIC},
        "learner": {AccessLevel.PUBLIC, AccessLevel.LEARNERS},
        "trainer": set(AccessLevel),
    }
    people = {"anonymous": AnonymousUser(), "learner": learner(), "trainer": trainer()}
    for who, person in people.items():
        visible = set(HandbookPage.objects.visible_to(person).values_list("pk", flat=True))
        assert visible == {handbooks[level].pk for level in expected[who]}, who
        for level, handbook in handbooks.items():
            assert handbook.may_be_downloaded_by(person) == (level in expected[who]), (who, level)
