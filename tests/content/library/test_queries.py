"""What the library and handbook pages read (content/library/queries.py): filters, sorting,
pages, translations, who sees what, citing lessons, a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from content.library.models import AccessLevel, Audience
from content.library.queries import handbook_detail
from tests.content.helpers import _edition
from tests.content.library.helpers import ROLES
from tests.factories.courses import build_course
from tests.factories.library import build_handbook, theme
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


def _titles(client, url: str, **params) -> list[str]:
    response = client.get(url, params)
    assert response.status_code == 200
    return [summary.handbook.title for summary in response.context["listing"].summaries]


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


@pytest.mark.parametrize(
    "role,visible",
    [
        ("anonymous", {AccessLevel.PUBLIC}),
        ("learner", {AccessLevel.PUBLIC, AccessLevel.LEARNERS}),
        ("trainer", {AccessLevel.PUBLIC, AccessLevel.LEARNERS, AccessLevel.STAFF}),
    ],
)
def test_listing_and_search_show_only_handbooks_the_person_may_download(
    client, library, role, visible
):
    handbooks = {
        level: build_handbook(access_level=level, pdf_text="Budget communal de l'intégration.")
        for level in AccessLevel.values
    }
    if ROLES[role] is not None:
        client.force_login(ROLES[role]())
    for url in ("/fr/library/", "/fr/library/?q=budget"):
        listing = client.get(url).context["listing"]
        shown = {summary.handbook.pk for summary in listing.summaries}
        assert shown == {handbooks[level].pk for level in visible}, url


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
