import datetime

import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Locale

from content.library.queries import handbook_detail
from tests.factories.library import build_handbook, pdf_document, theme

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


def test_french_and_arabic_editions_of_one_work_link_to_each_other(client, library):
    french = build_handbook(title="Accueillir les réfugiés")
    arabic = build_handbook(
        title="استقبال اللاجئين",
        language="ar",
        translation_of=french,
        summary="دليل لاستقبال اللاجئين وطالبي اللجوء.",
        pdf_text="استقبال اللاجئين",
    )
    assert arabic.translation_key == french.translation_key
    assert arabic.locale == Locale.objects.get(language_code="ar")
    assert handbook_detail(handbook=french).translations == [arabic]
    assert arabic.url.startswith("/ar/library/")
    html = client.get(french.url).content.decode()
    assert arabic.url in html and "استقبال اللاجئين" in html
    arabic_detail = handbook_detail(handbook=arabic)
    assert arabic_detail.current_edition.language == "ar"
    assert (
        arabic_detail.current_edition.document_id
        != handbook_detail(handbook=french).current_edition.document_id
    )


def test_library_pages_exist_in_both_languages(client, library):
    assert client.get("/fr/library/").status_code == 200
    response = client.get("/ar/library/")
    assert response.status_code == 200
    assert "المكتبة" in response.content.decode()
