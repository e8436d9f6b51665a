import pytest
from django.db import connection

from content.library.models import HandbookPage
from content.search import excerpt_html, normalize_query, search_handbooks
from tests.factories.library import build_handbook, pdf_document

pytestmark = pytest.mark.django_db


def _found(client, language: str, query: str) -> list[str]:
    response = client.get(f"/{language}/library/", {"q": query})
    assert response.status_code == 200
    return [summary.handbook.title for summary in response.context["listing"].summaries]


def test_search_finds_words_that_are_only_inside_the_pdf(client, library):
    build_handbook(title="Guide A", summary="Un guide.", pdf_text="Le guichet unique de Tiznit.")
    build_handbook(title="Guide B", summary="Un autre guide.", pdf_text="La santé des migrants.")
    assert _found(client, "fr", "guichet") == ["Guide A"]


def test_search_reads_titles_and_summaries(client, library):
    build_handbook(title="Accueillir les réfugiés", summary="Asile et protection.")
    build_handbook(title="Autre guide", summary="Sans rapport.")
    assert _found(client, "fr", "réfugiés") == ["Accueillir les réfugiés"]
    assert _found(client, "fr", "protection") == ["Accueillir les réfugiés"]


def test_arabic_search_finds_text_inside_an_arabic_pdf(client, library):
    build_handbook(
        title="دليل الإدماج", summary="دليل للجماعات.", language="ar",
        pdf_text="تعتمد الجماعة مقاربة قائمة على حقوق الإنسان لإدماج المهاجرين.",
    )
    build_handbook(title="دليل آخر", summary="موضوع آخر.", language="ar", pdf_text="الميزانية.")
    assert _found(client, "ar", "حقوق الإنسان") == ["دليل الإدماج"]


def test_arabic_search_ignores_hamza_forms_ta_marbuta_and_diacritics(client, library):
    build_handbook(
        title="دليل", summary="إدماج المهاجرين في الجماعة", language="ar", pdf_text="نص."
    )
    # No hamza on the alef, ha instead of ta marbuta, with diacritics: still found.
    assert _found(client, "ar", "ادماج") == ["دليل"]
    assert _found(client, "ar", "الجماعه") == ["دليل"]
    assert _found(client, "ar", "إِدْمَاج") == ["دليل"]


def test_results_show_an_escaped_excerpt_with_the_match_highlighted(client, library):
    build_handbook(
        title="Guide", summary="Résumé.",
        pdf_text="Le budget <script>alert(1)</script> communal de Nador.",
    )
    response = client.get("/fr/library/", {"q": "budget"})
    html = response.content.decode()
    assert "<mark>budget</mark>" in html.lower()
    assert "<script>alert(1)</script>" not in html


def test_search_is_limited_to_what_is_searched(library):
    build_handbook(title="Guide", pdf_text="Coopération avec le Sénégal.")
    assert search_handbooks(HandbookPage.objects.all(), "   ").count() == 0
    assert search_handbooks(HandbookPage.objects.all(), "Mali").count() == 0


def test_normalised_query_folds_arabic_variants():
    assert normalize_query("  الإدماج   والمساواة ") == "الادماج والمساواه"


def test_plain_excerpt_marks_every_occurrence_and_escapes():
    html = excerpt_html("a <b> migrant, Migrant", "migrant")
    assert html == "a &lt;b&gt; <mark>migrant</mark>, <mark>Migrant</mark>"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="plain matching is the SQLite engine")
def test_on_sqlite_search_is_plain_substring_matching(client, library):
    build_handbook(title="Guide", summary="Des migrants accueillis.", pdf_text="Texte.")
    assert _found(client, "fr", "migrant") == ["Guide"]
    assert _found(client, "fr", "accueil") == ["Guide"]


def test_stemming_in_french_finds_other_forms_of_a_word(postgres_only, library, client):
    build_handbook(title="Guide", summary="Résumé.", pdf_text="Accueillir des migrants dans la commune.")
    build_handbook(title="Autre", summary="Résumé.", pdf_text="Le budget de la région.")
    assert _found(client, "fr", "migrant") == ["Guide"]
    assert _found(client, "fr", "communes") == ["Guide"]
    html = client.get("/fr/library/", {"q": "migrant"}).content.decode()
    assert "<mark>migrants</mark>" in html


def test_stemming_in_arabic_finds_other_forms_of_a_word(postgres_only, library, client):
    build_handbook(
        title="دليل", summary="ملخص.", language="ar",
        pdf_text="يهدف هذا الدليل إلى إدماج المهاجرين في برنامج عمل الجماعة.",
    )
    build_handbook(title="آخر", summary="ملخص.", language="ar", pdf_text="الميزانية الجهوية.")
    assert _found(client, "ar", "مهاجر") == ["دليل"]
    assert _found(client, "ar", "الجماعات") == ["دليل"]
    assert _found(client, "ar", "الجماعه") == ["دليل"]
    assert _found(client, "ar", "اللاجئين") == []
    html = client.get("/ar/library/", {"q": "مهاجر"}).content.decode()
    assert "<mark>" in html


def test_search_text_is_extracted_once_per_file(library, monkeypatch):
    from content.library import services

    document = pdf_document("Le texte du guide.")
    calls = []
    real = services.extract_pdf_text
    monkeypatch.setattr(services, "extract_pdf_text", lambda f: calls.append(1) or real(f))
    build_handbook(editions=[{"number": 1, "published_on": "2024-01-01", "document": document}])
    services.extract_document_text(document_id=document.pk)
    assert len(calls) == 1
    assert "Le texte du guide." in document.extracted_text.text


def test_plain_excerpt_marks_arabic_words_typed_without_ta_marbuta():
    assert excerpt_html("في الجماعة", "الجماعه") == "في <mark>الجماعة</mark>"
