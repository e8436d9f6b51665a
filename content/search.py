"""Full-text search of the handbook library; the database engine is chosen here only.

Each handbook's search entry keeps its text as written (`text`: title, summary, themes and the
current file's text) and a shadow of it (`stemming_text`, `lms.text.search_shadow_text`): every
word folded (case, accents, hamza/alef forms, ta marbuta, alef maqsura, diacritics, tatweel)
and lightly stemmed (Arabic proclitics and common endings; a French plural's s), once per
reading of its proclitics. A query goes through the same functions (`search_query_terms`).

PostgreSQL: the shadow and the query's forms then go through the French configuration for French
handbooks and the Arabic one for Arabic handbooks (stemmed, ranked).
Other databases (SQLite in development): each query word must be one of the shadow's forms
(Arabic) or begin one of them (Latin).
Excerpts are cut from the text as written on both, the words that match marked
(`excerpt_html`).
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from lms.text import (
    is_prefix_form,
    search_matcher,
    search_query_terms,
    search_shadow_text,
    search_words,
    strip_bidi_controls,
)

TEXT = "search_entry__text"
SHADOW_TEXT = "search_entry__stemming_text"
EXCERPT_CHARS = 240
EXCERPT_SCAN_CHARS = 200_000  # how far into a long file text a match is looked for
SEARCH_CONFIGS = {"fr": "french", "ar": "arabic"}


def search_entry_texts(text: str) -> dict[str, str]:
    """The fields of a search entry for `text`: as written (without direction controls, which
    would reorder an excerpt's other pieces) and its shadow."""
    text = strip_bidi_controls(text or "")
    return {"text": text, "stemming_text": search_shadow_text(text)}


def _config():
    whens = [
        When(search_entry__language=code, then=Value(config))
        for code, config in SEARCH_CONFIGS.items()
    ]
    return Case(*whens, default=Value("simple"))


def _tsquery(terms: list[tuple[str, ...]]) -> str:
    """Every word, by any of its forms: (a | b) & (c). Forms hold letters and digits only."""
    return " & ".join("(" + " | ".join(f"'{form}'" for form in forms) + ")" for forms in terms)


def _postgres(queryset: QuerySet, terms: list[tuple[str, ...]]) -> QuerySet:
    # at call time: only the PostgreSQL branch needs django.contrib.postgres (psycopg)
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    config = _config()
    search_query = SearchQuery(_tsquery(terms), config=config, search_type="raw")
    return (
        queryset.alias(search_vector=SearchVector(SHADOW_TEXT, config=config))
        .filter(search_vector=search_query)
        .annotate(
            search_rank=SearchRank(F("search_vector"), search_query),
            search_excerpt=F(TEXT),
        )
    )


def _plain(queryset: QuerySet, terms: list[tuple[str, ...]]) -> QuerySet:
    condition = Q()
    for forms in terms:
        any_form = Q()
        for form in forms:
            needle = f" {form}" if is_prefix_form(form) else f" {form} "
            any_form |= Q(search_shadow__contains=needle)
        condition &= any_form
    return (
        queryset.alias(
            search_shadow=Concat(Value(" "), F(SHADOW_TEXT), Value(" "), output_field=TextField())
        )
        .filter(condition)
        .annotate(search_rank=Value(1.0, output_field=FloatField()), search_excerpt=F(TEXT))
    )


def search_handbooks(queryset: QuerySet, query: str) -> QuerySet:
    """`queryset` (handbook pages) narrowed to those matching `query`, annotated with
    `search_rank` (higher is better) and `search_excerpt` (the text as written: pass it to
    `excerpt_html`)."""
    terms = search_query_terms(query)
    if not terms:  # punctuation only: nothing, annotated all the same
        return queryset.none().annotate(
            search_rank=Value(0.0, output_field=FloatField()), search_excerpt=Value("")
        )
    if connection.vendor == "postgresql":
        return _postgres(queryset, terms)
    return _plain(queryset, terms)


def _window(text: str, first_match) -> tuple[int, int]:
    """About EXCERPT_CHARS characters of `text` around the first match, cut between words."""
    start = 0
    if first_match is not None and first_match.start() > EXCERPT_CHARS // 3:
        start = first_match.start() - EXCERPT_CHARS // 3
        space = text.find(" ", start, first_match.start())
        start = space + 1 if space >= 0 else first_match.start()
    end = min(len(text), start + EXCERPT_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        minimum = first_match.end() if first_match is not None else start + 1
        end = space if space >= minimum else max(end, minimum)
    return start, end


def excerpt_html(text: str, query: str) -> SafeString:
    """A piece of `text` (as written) around the first word the query looks for (its beginning
    when none is found early enough), escaped for HTML, each matching word wrapped in <mark>.
    Direction controls are dropped: an excerpt joins pieces of several fields (title, summary,
    text), and one typed in one would reorder the others."""
    text = " ".join(strip_bidi_controls(text or "").split())
    terms = search_query_terms(query)
    wanted = search_matcher(terms)
    scanned = search_words(text[:EXCERPT_SCAN_CHARS])
    matches = (word for word in scanned if terms and wanted(word.group()))
    start, end = _window(text, next(matches, None))
    parts, position = [], start
    for word in search_words(text[start:end]):
        if terms and wanted(word.group()):
            parts.append(escape(text[position : start + word.start()]))
            parts.append(f"<mark>{escape(word.group())}</mark>")
            position = start + word.end()
    parts.append(escape(text[position:end]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped
