"""Handbooks for tests: documents with real PDF text, handbook pages with editions."""

from __future__ import annotations

import datetime
from itertools import count

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from content.library import services
from content.library.models import AccessLevel, HandbookEdition, HandbookPage
from content.library.pdfgen import HandbookText, render_handbook_pdf
from content.library.setup import ensure_library
from content.models import Theme

_numbers = count(1)


def pdf_bytes(text: str, *, language: str = "fr", title: str = "Guide") -> bytes:
    return render_handbook_pdf(
        HandbookText(title=title, language=language, chapters=(("1", text),))
    )


def root_collection() -> Collection:
    """Wagtail's root collection (a flush after a transactional test removes it)."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def pdf_document(text: str = "Texte du guide.", *, language: str = "fr", name: str = ""):
    n = next(_numbers)
    root_collection()
    document = get_document_model()(title=f"Document {n}")
    document.file.save(name or f"guide-{n}.pdf", ContentFile(pdf_bytes(text, language=language)), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def theme(slug: str, *, name: str = "", language: str = "fr") -> Theme:
    locale = Locale.objects.get(language_code=language)
    found, _created = Theme.objects.get_or_create(
        locale=locale, slug=slug, defaults={"name": name or slug}
    )
    return found


def build_handbook(
    *,
    title: str = "",
    summary: str = "Un guide pour les communes.",
    language: str = "fr",
    access_level: str = AccessLevel.PUBLIC,
    pdf_text: str = "Texte du guide.",
    themes=(),
    editions: list[dict] | None = None,
    translation_of: HandbookPage | None = None,
    extract: bool = True,
    **fields,
) -> HandbookPage:
    """Publish a handbook in the library of `language`, with one current PDF edition unless
    `editions` (dicts of HandbookEdition fields) is given; extract the PDF text at once."""
    n = next(_numbers)
    libraries = ensure_library()
    locale = Locale.objects.get(language_code=language)
    if editions is None:
        editions = [
            {
                "number": 1,
                "published_on": datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
                "document": pdf_document(pdf_text, language=language),
            }
        ]
    title = title or f"Guide {n}"
    if translation_of is not None:
        handbook = translation_of.copy_for_translation(locale)
        handbook.title, handbook.summary, handbook.access_level = title, summary, access_level
    else:
        handbook = HandbookPage(
            title=title,
            slug=f"guide-{n}",
            summary=summary,
            access_level=access_level,
            locale=locale,
            **fields,
        )
    handbook.editions = [
        HandbookEdition(language=edition.pop("language", language), is_current=edition.pop("is_current", i == 0), **edition)
        for i, edition in enumerate(editions)
    ]
    handbook.themes = list(themes)
    if translation_of is None:
        libraries[language].add_child(instance=handbook)
    else:
        handbook.save()
    handbook.save_revision().publish()
    handbook.refresh_from_db()
    if extract:
        for edition in handbook.editions.all():
            services.extract_document_text(document_id=edition.document_id)
    return handbook
