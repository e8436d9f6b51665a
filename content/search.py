"""Full-text search of the handbook library; the database engine is chosen here only.

PostgreSQL: a stemmed search with the French configuration for French handbooks and the
Arabic one for Arabic handbooks, ranked, with a highlighted excerpt (ts_headline).
Other databases (SQLite in development): plain substring matching on the folded text, with an
excerpt cut around the first match.
Both sides of the match go through lms.text.normalize_arabic (hamza/alef, ta marbuta, diacritics).
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Case, F, FloatField, IntegerField, QuerySet, Value, When
from django.db.models.functions import Greatest, Lower, StrIndex, Substr
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from lms.text import normalize_arabic, strip_bidi_controls

TEXT = "search_entry__text"
STEMMING_TEXT = "search_entry__stemming_text"
_TA_MARBUTA = "\u0629"
_KEEP = "\ue000"
MARK_START = "\u2060[[["
MARK_STOP = "]]]\u2060"
EXCERPT_CHARS = 240
SEARCH_CONFIGS = {"fr": "french", "ar": "arabic"}


def normalize_query(query: str) -> str:
    return " ".join(normalize_arabic(query or "").split())[:200]


def fold_for_stemming(text: str) -> str:
    """normalize_arabic, keeping the ta marbuta: PostgreSQL's Arabic stemmer needs it to find
    the stem ("الجماعة" and "الجماعات" -> "جماع"; "الجماعه" stays "جماعه")."""
    return normalize_arabic((text or "").replace(_TA_MARBUTA, _KEEP)).replace(_KEEP, _TA_MARBUTA)


def _config():
    whens = [
        When(search_entry__language=code, then=Value(config))
        for code, config in SEARCH_CONFIGS.items()
    ]
    return Case(*whens, default=Value("simple"))


def _postgres(queryset: QuerySet, query: str, raw_query: str) -> QuerySet:
    from django.contrib.postgres.search import (
        SearchHeadline,
        SearchQuery,
        SearchRank,
        SearchVector,
    )

    config = _config()
    # Both the fully folded text and the one keeping ta marbuta are indexed and searched, so a
    # query typed either way meets its stem.
    vector = SearchVector(TEXT, config=config) + SearchVector(STEMMING_TEXT, config=config)
    search_query = SearchQuery(query, config=config, search_type="websearch") | SearchQuery(
        " ".join(fold_for_stemming(raw_query).split())[:200], config=config, search_type="websearch"
    )
    return (
        queryset.annotate(search_vector=vector)
        .filter(search_vector=search_query)
        .annotate(search_rank=SearchRank(F("search_vector"), search_query))
        .annotate(
            search_excerpt=SearchHeadline(
                STEMMING_TEXT,
                search_query,
                config=config,
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
    )


def _plain(queryset: QuerySet, query: str) -> QuerySet:
    position = StrIndex(Lower(TEXT), Value(query.lower()))
    start = Greatest(position - Value(EXCERPT_CHARS // 3), Value(1), output_field=IntegerField())
    return (
        queryset.filter(**{f"{TEXT}__icontains": query})
        .annotate(search_rank=Value(1.0, output_field=FloatField()))
        # Same positions as TEXT (only ta marbuta differs, one letter for one), nicer to read.
        .annotate(search_excerpt=Substr(F(STEMMING_TEXT), start, EXCERPT_CHARS))
    )


def search_handbooks(queryset: QuerySet, query: str) -> QuerySet:
    """`queryset` (handbook pages) narrowed to those matching `query`, annotated with
    `search_rank` (higher is better) and `search_excerpt` (pass to `excerpt_html`)."""
    folded = normalize_query(query)
    if not folded:
        return queryset.none()
    if connection.vendor == "postgresql":
        return _postgres(queryset, folded, query)
    return _plain(queryset, folded)


def excerpt_html(excerpt: str, query: str) -> SafeString:
    """The excerpt escaped for HTML, the matched words wrapped in <mark>. An excerpt joins
    pieces of several fields (title, summary, text): direction controls typed in one are
    dropped, or they would reorder the others."""
    excerpt = " ".join(strip_bidi_controls(excerpt or "").split())
    if MARK_START in excerpt:
        html = escape(excerpt).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
        return mark_safe(html)  # noqa: S308 - escaped above; only our own markers become tags
    query = normalize_query(query)
    if not query:
        return escape(excerpt)
    lowered = normalize_arabic(excerpt).lower()
    if len(lowered) != len(excerpt):
        lowered = excerpt.lower()
    parts, position = [], 0
    needle = query.lower()
    while (found := lowered.find(needle, position)) >= 0:
        parts.append(escape(excerpt[position:found]))
        parts.append(f"<mark>{escape(excerpt[found : found + len(needle)])}</mark>")
        position = found + len(needle)
    parts.append(escape(excerpt[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped
