"""Reads that feed the library pages, each with a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, ReferenceIndex

from content.models import Theme
from content.search import excerpt_html, search_handbooks
from lms.locales import active_locale

from .models import Audience, EditionLanguage, HandbookEdition, HandbookPage, LibraryIndexPage

PER_PAGE = 12
SORTS = {
    "date": _("Newest first"),
    "title": _("Title"),
}
RELEVANCE = "relevance"
LANGUAGES = [
    (EditionLanguage.FRENCH.value, _("French")),
    (EditionLanguage.ARABIC.value, _("Arabic")),
]


@dataclass(frozen=True)
class HandbookSummary:
    handbook: HandbookPage
    current_edition: HandbookEdition | None
    themes: list[Theme]
    excerpt: SafeString | str = ""


@dataclass(frozen=True)
class LibraryListing:
    results: PaginatorPage
    query: str
    theme_slug: str
    language: str
    audience: str
    sort: str
    themes: list[Theme]
    languages: list[tuple[str, str]] = field(default_factory=list)
    audiences: list[tuple[str, str]] = field(default_factory=list)
    sorts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def theme_choices(self) -> list[tuple[str, str]]:
        return [(theme.slug, theme.name) for theme in self.themes]

    @property
    def summaries(self) -> list[HandbookSummary]:
        return list(self.results.object_list)

    @property
    def filter_query(self) -> str:
        """The current filters as a query string, for pagination links."""
        pairs = {
            "q": self.query,
            "theme": self.theme_slug,
            "language": self.language,
            "audience": self.audience,
            "sort": self.sort,
        }
        return urlencode({key: value for key, value in pairs.items() if value})


@dataclass(frozen=True)
class HandbookDetail:
    handbook: HandbookPage
    editions: list[HandbookEdition]
    current_edition: HandbookEdition | None
    themes: list[Theme]
    translations: list[HandbookPage]
    citing_pages: list[Page]


def _current_edition_prefetch() -> Prefetch:
    return Prefetch(
        "editions",
        queryset=HandbookEdition.objects.filter(is_current=True).select_related("document"),
        to_attr="current_editions",
    )


def library_listing(
    *,
    library: LibraryIndexPage,
    user,
    query: str = "",
    theme_slug: str = "",
    language: str = "",
    audience: str = "",
    sort: str = "",
    page_number: str | int = 1,
    per_page: int = PER_PAGE,
) -> LibraryListing:
    """The handbooks `user` may see, filtered, sorted or searched, one page of them.

    Without a search or a language filter, a work translated into the current language is
    listed once, in that language; works not translated are listed in their own language."""
    locale = active_locale()
    query = query.strip()
    handbooks = HandbookPage.objects.live().public().visible_to(user)
    if theme_slug:
        handbooks = handbooks.filter(
            Exists(Theme.objects.filter(handbooks=OuterRef("pk"), slug=theme_slug))
        )
    if language in dict(LANGUAGES):
        handbooks = handbooks.filter(locale__language_code=language)
    else:
        language = ""
    if audience in Audience.values:
        handbooks = handbooks.filter(audience=audience)
    else:
        audience = ""
    if not query and not language:
        translated_here = HandbookPage.objects.live().filter(
            translation_key=OuterRef("translation_key"), locale=locale
        )
        handbooks = handbooks.filter(Q(locale=locale) | ~Exists(translated_here))
    current_date = Subquery(
        HandbookEdition.objects.filter(handbook=OuterRef("pk"), is_current=True).values(
            "published_on"
        )[:1]
    )
    handbooks = handbooks.annotate(current_published_on=current_date)
    if query:
        handbooks = search_handbooks(handbooks, query)
    if sort not in SORTS:
        sort = RELEVANCE if query else "date"
    ordering = {
        RELEVANCE: ["-search_rank", "title"],
        "date": ["-current_published_on", "title"],
        "title": ["title"],
    }[sort]
    handbooks = (
        handbooks.order_by(*ordering, "pk")
        .select_related("locale")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("name")),
            _current_edition_prefetch(),
        )
    )
    paginator = Paginator(handbooks, per_page)
    results = paginator.get_page(page_number)
    results.object_list = [
        HandbookSummary(
            handbook=handbook,
            current_edition=handbook.current_editions[0] if handbook.current_editions else None,
            themes=list(handbook.themes.all()),
            excerpt=excerpt_html(getattr(handbook, "search_excerpt", ""), query) if query else "",
        )
        for handbook in results.object_list
    ]
    themes = list(
        Theme.objects.filter(locale=locale)
        .annotate(n=Count("handbooks"))
        .filter(n__gt=0)
        .order_by("name")
    )
    sorts = list(SORTS.items())
    if query:
        sorts.insert(0, (RELEVANCE, _("Relevance")))
    return LibraryListing(
        results=results,
        query=query,
        theme_slug=theme_slug,
        language=language,
        audience=audience,
        sort=sort,
        themes=themes,
        languages=LANGUAGES,
        audiences=list(Audience.choices),
        sorts=sorts,
    )


def _citing_pages(handbook: HandbookPage, translation_ids: list[int]) -> list[Page]:
    """Live, public pages (lessons) that link any translation of the work, in the handbook's
    language where they are translated."""
    page_type = ReferenceIndex._get_base_content_type(handbook)
    source_ids = {
        int(object_id)
        for object_id in ReferenceIndex.objects.filter(
            to_content_type=page_type,
            to_object_id__in=[str(pk) for pk in translation_ids],
            base_content_type=page_type,
        ).values_list("object_id", flat=True)
    }
    if not source_ids:
        return []
    citing = list(Page.objects.live().public().filter(pk__in=source_ids).order_by("title"))
    localized = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(translation_key__in=[p.translation_key for p in citing], locale=handbook.locale_id)
    }
    pages: dict = {}
    for page in citing:
        pages.setdefault(page.translation_key, localized.get(page.translation_key, page))
    return list(pages.values())


def handbook_detail(*, handbook: HandbookPage) -> HandbookDetail:
    editions = list(
        HandbookEdition.objects.filter(handbook=handbook)
        .select_related("document")
        .order_by("-is_current", "-published_on", "-number")
    )
    translations = list(
        HandbookPage.objects.live()
        .public()
        .filter(translation_key=handbook.translation_key)
        .exclude(pk=handbook.pk)
        .select_related("locale")
    )
    return HandbookDetail(
        handbook=handbook,
        editions=editions,
        current_edition=next((e for e in editions if e.is_current), None),
        themes=list(handbook.themes.order_by("name")),
        translations=translations,
        citing_pages=_citing_pages(handbook, [handbook.pk] + [t.pk for t in translations]),
    )
