"""Handbook search in French and Arabic, and excerpts of what was found (content/search.py)."""

import pytest
from django.db import connection

from content.library.models import HandbookPage
from content.search import excerpt_html, search_handbooks
from tests.factories.library import build_handbook

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
        title="دليل الإدماج",
        summary="دليل للجماعات.",
        language="ar",
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
        title="Guide",
        summary="Résumé.",
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


def test_plain_excerpt_marks_every_occurrence_and_escapes():
    html = excerpt_html("a <b> migrant, Migrant", "migrant")
    assert html == "a &lt;b&gt; <mark>migrant</mark>, <mark>Migrant</mark>"


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="word-start matching is the SQLite engine"
)
def test_on_sqlite_a_latin_word_finds_the_words_it_begins(client, library):
    build_handbook(title="Guide", summary="Des migrants accueillis.", pdf_text="Texte.")
    assert _found(client, "fr", "migrant") == ["Guide"]
    assert _found(client, "fr", "accueil") == ["Guide"]
    assert _found(client, "fr", "grant") == []


def test_stemming_in_french_finds_other_forms_of_a_word(postgres_only, library, client):
    build_handbook(
        title="Guide", summary="Résumé.", pdf_text="Accueillir des migrants dans la commune."
    )
    build_handbook(title="Autre", summary="Résumé.", pdf_text="Le budget de la région.")
    assert _found(client, "fr", "migrant") == ["Guide"]
    assert _found(client, "fr", "communes") == ["Guide"]
    html = client.get("/fr/library/", {"q": "migrant"}).content.decode()
    assert "<mark>migrants</mark>" in html


def test_stemming_in_arabic_finds_other_forms_of_a_word(postgres_only, library, client):
    build_handbook(
        title="دليل",
        summary="ملخص.",
        language="ar",
        pdf_text="يهدف هذا الدليل إلى إدماج المهاجرين في برنامج عمل الجماعة.",
    )
    build_handbook(title="آخر", summary="ملخص.", language="ar", pdf_text="الميزانية الجهوية.")
    assert _found(client, "ar", "مهاجر") == ["دليل"]
    assert _found(client, "ar", "الجماعات") == ["دليل"]
    assert _found(client, "ar", "الجماعه") == ["دليل"]
    assert _found(client, "ar", "اللاجئين") == []
    html = client.get("/ar/library/", {"q": "مهاجر"}).content.decode()
    assert "<mark>" in html


def test_plain_excerpt_marks_arabic_words_typed_without_ta_marbuta():
    assert excerpt_html("في الجماعة", "الجماعه") == "في <mark>الجماعة</mark>"


# --- both languages on both databases ---------------------------------------------------------


def _search(query: str) -> list[str]:
    return list(search_handbooks(HandbookPage.objects.all(), query).values_list("title", flat=True))


@pytest.mark.parametrize(
    ("language", "text", "query"),
    [
        # variant spellings: hamza and alef forms, ta marbuta, alef maqsura, diacritics, tatweel
        ("ar", "إدماج المهاجرين في الجماعة", "ادماج"),
        ("ar", "إدماج المهاجرين في الجماعة", "الجماعه"),
        ("ar", "إدماج المهاجرين في الجماعة", "إِدْمَاج"),
        ("ar", "خدمات المستشفى العمومي", "مستشفي"),
        ("ar", "مقاربة قائمة على حقوق الإنسان", "حقـــوق"),
        ("ar", "الاستراتيجية الوطنية للهجرة واللجوء", "الإستراتيجيّة"),
        # words joined to their proclitics (و ف ب ك ل ال)
        ("ar", "دعم الأسر واللاجئين في المدن", "لاجئ"),
        ("ar", "يهدف الدليل إلى إدماج والمهاجرين", "مهاجرين"),
        ("ar", "تعتمد مقاربة لإدماج المهاجرين", "إدماج"),
        ("ar", "التنسيق بالجماعة الترابية", "جماعة"),
        ("ar", "خدمات موجهة للاجئين", "اللاجئين"),
        ("ar", "تعمل الوزارة على التنسيق", "وزارة"),
        # plurals and feminine endings
        ("ar", "التعاون بين الجماعات الترابية", "جماعة"),
        ("ar", "حماية اللاجئون وطالبو اللجوء", "لاجئ"),
        ("ar", "استقبال المهاجرات", "مهاجرة"),
        ("ar", "دعم المغاربة العائدين", "العائد"),
        # French: accents, case, ligatures, plurals
        ("fr", "L'intégration sociale des migrants", "integration"),
        ("fr", "L'integration sociale des migrants", "Intégration"),
        ("fr", "La main-d’œuvre étrangère", "oeuvre"),
        ("fr", "Le programme d'action des communes", "commune"),
        ("fr", "Le programme d'action de la commune", "communes"),
        ("fr", "Accueil des réfugiés", "REFUGIES"),
    ],
)
def test_a_word_finds_the_handbook_whatever_its_spelling_prefix_or_plural(
    library, language, text, query
):
    build_handbook(title="Trouvé", summary="-", language=language, pdf_text=text)
    build_handbook(title="Autre", summary="-", language=language, pdf_text="الميزانية. Le budget.")
    assert _search(query) == ["Trouvé"]


@pytest.mark.parametrize(
    ("language", "text", "query"),
    [
        ("ar", "تنمية مهارة التواصل", "مهاجر"),  # skill / migrant
        ("ar", "إدماج المهاجرين", "مهارة"),
        ("ar", "الجامعة والبحث العلمي", "الجماعة"),  # university / municipality
        ("ar", "إدماج المهاجرين في الجماعة", "اللاجئين"),
        ("ar", "تعاقب الأجيال", "لاجئ"),
        ("fr", "L'intégration sociale", "intégrité"),
        ("fr", "Les migrants", "grant"),
    ],
)
def test_a_different_word_does_not_find_the_handbook(library, language, text, query):
    build_handbook(title="Guide", summary="-", language=language, pdf_text=text)
    assert _search(query) == []


def test_every_word_of_the_query_must_be_found(library):
    build_handbook(title="Guide", summary="-", language="ar", pdf_text="حقوق الإنسان")
    assert _search("حقوق الإنسان") == ["Guide"]
    assert _search("حقوق المهاجرين") == []


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("عائد", "العائدين"),
        ("لاجئ", "واللاجئين"),
        ("الجماعه", "الجماعات"),
        ("intégration", "Intégration"),
    ],
)
def test_excerpts_show_the_text_as_written_with_the_match_marked(client, library, query, marked):
    build_handbook(
        title="دليل",
        summary="-",
        language="ar",
        pdf_text="دعم المغاربة العائدين واللاجئين في الجماعات. Intégration.",
    )
    html = client.get("/ar/library/", {"q": query}).content.decode()
    assert f"<mark>{marked}</mark>" in html
    assert "العايدين" not in html
    assert "اللاجيين" not in html


def test_an_excerpt_is_cut_around_the_first_match_between_words():
    text = "début " + "mot " * 200 + "Les réfugiés arrivent. " + "fin " * 200
    html = excerpt_html(text, "refugie")
    assert "<mark>réfugiés</mark>" in html
    assert not html.startswith("début")
    assert len(html) < 400
    assert html.split()[0] == "mot" and html.split()[-1] in ("fin", "mot")


def test_an_excerpt_without_a_match_is_the_beginning_of_the_text():
    assert excerpt_html("Le guide <b>complet</b> des communes.", "budget") == (
        "Le guide &lt;b&gt;complet&lt;/b&gt; des communes."
    )


def test_excerpts_mark_a_word_whatever_its_marks_and_prefixes():
    assert excerpt_html("إِدْمَاجُ المهاجرين", "ادماج") == "<mark>إِدْمَاجُ</mark> المهاجرين"
    assert excerpt_html("دعم واللاجئين", "لاجئ") == "دعم <mark>واللاجئين</mark>"


def test_the_migration_rebuilds_entries_saved_in_the_old_folded_form(library):
    import importlib

    from django.apps import apps

    from content.library.models import HandbookSearchEntry

    handbook = build_handbook(
        title="دليل", summary="العائدون واللاجئون", language="ar", pdf_text="نص."
    )
    HandbookSearchEntry.objects.filter(handbook=handbook).update(
        text="دليل\nالعايدون واللاجيون", stemming_text="دليل\nالعايدون واللاجيون"
    )
    migration = importlib.import_module("content.migrations.0004_rebuild_search_entries")
    migration.rebuild(apps, None)
    assert _search("لاجئ") == ["دليل"]
    assert "العائدون" in HandbookSearchEntry.objects.get(handbook=handbook).text


def test_french_stemming_finds_forms_python_does_not_fold(postgres_only, library):
    build_handbook(title="Guide", summary="-", pdf_text="L'accueil des migrants.")
    assert _search("accueillir") == ["Guide"]


def test_arabic_configuration_runs_after_light_stemming(postgres_only, library):
    build_handbook(title="دليل", summary="-", language="ar", pdf_text="حماية اللاجئين واللاجئات")
    build_handbook(title="آخر", summary="-", language="ar", pdf_text="تنمية مهارة التواصل")
    assert _search("واللاجئ") == ["دليل"]
    assert _search("مهاجر") == []


def test_postgresql_ranks_the_handbook_that_says_it_most_first(postgres_only, library):
    build_handbook(title="Une fois", summary="-", pdf_text="La commune. Le budget. La région.")
    build_handbook(title="Souvent", summary="-", pdf_text="La commune, les communes, la commune.")
    ranked = search_handbooks(HandbookPage.objects.all(), "commune").order_by("-search_rank")
    assert [h.title for h in ranked] == ["Souvent", "Une fois"]


@pytest.mark.parametrize("query", ["'", "!(", "a & b | c", "<-> :*", "«»", "l'intégration:*"])
def test_queries_holding_search_operators_are_read_as_words(client, library, query):
    build_handbook(title="Guide", summary="-", pdf_text="L'intégration sociale.")
    response = client.get("/fr/library/", {"q": query})
    assert response.status_code == 200
    expected = ["Guide"] if "intégration" in query else []
    assert [s.handbook.title for s in response.context["listing"].summaries] == expected
