import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.library.models import AccessLevel, Audience, HandbookEdition
from tests.factories.courses import build_course
from tests.factories.library import build_handbook, theme
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


def _titles(client, url: str, **params) -> list[str]:
    response = client.get(url, params)
    assert response.status_code == 200
    return [summary.handbook.title for summary in response.context["listing"].summaries]


def _edition(year: int) -> list[dict]:
    from tests.factories.library import pdf_document

    return [{"number": 1, "published_on": datetime.date(year, 1, 1), "document": pdf_document()}]


def test_library_filters_by_theme_language_and_audience(client, library):
    returnees = theme("marocains-de-retour", name="Marocains de retour")
    build_handbook(title="Retour", themes=[returnees], audience=Audience.ELECTED)
    build_handbook(title="Services", audience=Audience.EXECUTIVES)
    build_handbook(title="عودة", language="ar", audience=Audience.ELECTED)
    assert _titles(client, "/fr/library/", theme="marocains-de-retour") == ["Retour"]
    assert _titles(client, "/fr/library/", language="ar") == ["عودة"]
    assert sorted(_titles(client, "/fr/library/", audience="elected")) == ["Retour", "عودة"]
    assert "Marocains de retour" in client.get("/fr/library/").content.decode()


def test_library_sorts_by_date_or_title(client, library):
    build_handbook(title="B 2019", editions=_edition(2019))
    build_handbook(title="A 2024", editions=_edition(2024))
    build_handbook(title="C 2021", editions=_edition(2021))
    assert _titles(client, "/fr/library/") == ["A 2024", "C 2021", "B 2019"]
    assert _titles(client, "/fr/library/", sort="date") == ["A 2024", "C 2021", "B 2019"]
    assert _titles(client, "/fr/library/", sort="title") == ["A 2024", "B 2019", "C 2021"]


def test_library_paginates_and_keeps_the_filters_in_page_links(client, library):
    for n in range(14):
        build_handbook(title=f"Guide {n:02d}", audience=Audience.TRAINERS)
    response = client.get("/fr/library/", {"audience": "trainers", "sort": "title"})
    listing = response.context["listing"]
    assert len(listing.summaries) == 12 and listing.results.paginator.count == 14
    assert "audience=trainers&amp;sort=title&amp;page=2" in response.content.decode()
    assert _titles(client, "/fr/library/", audience="trainers", sort="title", page=2) == [
        "Guide 12",
        "Guide 13",
    ]


def test_a_translated_work_is_listed_once_in_the_readers_language(client, library):
    french = build_handbook(title="Accès aux services")
    build_handbook(title="الولوج إلى الخدمات", language="ar", translation_of=french)
    build_handbook(title="دليل بالعربية فقط", language="ar")
    assert sorted(_titles(client, "/fr/library/")) == ["Accès aux services", "دليل بالعربية فقط"]
    assert sorted(_titles(client, "/ar/library/")) == ["الولوج إلى الخدمات", "دليل بالعربية فقط"]


def _queries(client, url: str) -> int:
    client.get(url)  # warm caches (site root paths, locales) as a returning visitor has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/fr/library/", "/fr/library/?q=migrants", "/ar/library/?sort=title"]
)
def test_library_page_runs_the_same_number_of_queries_for_3_or_15_handbooks(client, library, url):
    client.force_login(learner())
    topic = theme("acces-aux-services", name="Accès aux services")
    for n in range(3):
        build_handbook(
            title=f"Guide {n}",
            themes=[topic],
            pdf_text="Accueil des migrants.",
            access_level=AccessLevel.LEARNERS,
        )
    few = _queries(client, url)
    for n in range(12):
        build_handbook(title=f"Guide {n + 3}", themes=[topic], pdf_text="Accueil des migrants.")
    assert _queries(client, url) == few
    assert few <= 25


def test_handbook_page_lists_the_lessons_that_cite_it(client, library):
    handbook = build_handbook(title="Guide de l'accueil")
    tree = build_course(modules=1, lessons_per_module=2)
    lesson = tree.lessons[0]
    lesson.body = [
        {"type": "paragraph", "value": "<p>Lire le guide.</p>"},
        {"type": "handbook", "value": {"handbook": handbook.pk, "note": "Chapitre 2"}},
    ]
    lesson.save_revision().publish()
    detail = client.get(handbook.url).context["detail"]
    assert [page.pk for page in detail.citing_pages] == [lesson.pk]


def test_handbook_block_offers_the_current_edition_in_the_readers_language(library):
    from django.utils import translation

    from content.blocks import HandbookBlock

    french = build_handbook(title="Guide de l'accueil", editions=_edition(2019))
    arabic = build_handbook(
        title="دليل الاستقبال", language="ar", translation_of=french, editions=_edition(2020)
    )
    block = HandbookBlock()
    value = block.to_python({"handbook": french.pk, "note": ""})
    with translation.override("fr"):
        html = block.render(value)
    assert "Guide de l&#x27;accueil" in html
    assert f"/fr/library/download/{HandbookEdition.objects.get(handbook=french).pk}/" in html
    with translation.override("ar"):
        html = block.render(value)
    assert "دليل الاستقبال" in html
    assert f"/ar/library/download/{HandbookEdition.objects.get(handbook=arabic).pk}/" in html
    HandbookEdition.objects.filter(handbook=french).update(is_current=False)
    new = HandbookEdition.objects.create(
        handbook=french,
        is_current=True,
        language="fr",
        number=2,
        **{k: v for k, v in _edition(2025)[0].items() if k != "number"},
    )
    with translation.override("fr"):
        html = block.render(value)
    assert f"/fr/library/download/{new.pk}/" in html
