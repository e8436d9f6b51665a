"""Handbooks for tests: documents with real PDF text, images, handbook pages with editions."""

from __future__ import annotations

import datetime
import io
from itertools import count

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from content.collections import collection_for
from content.library import services
from content.library.models import AccessLevel, HandbookEdition, HandbookPage
from content.library.pdfgen import HandbookText, render_handbook_pdf
from content.library.setup import ensure_library
from content.models import Theme
from content.permissions import LIBRARY

_numbers = count(1)


def pdf_bytes(text: str, *, language: str = "fr", title: str = "Guide") -> bytes:
    return render_handbook_pdf(
        HandbookText(title=title, language=language, chapters=(("1", text),))
    )


def root_collection() -> Collection:
    """Wagtail's root collection (a flush after a transactional test removes it)."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def pdf_document(
    text: str = "Texte du guide.",
    *,
    language: str = "fr",
    name: str = "",
    title: str = "",
    collection: Collection | None = None,
    uploaded_by=None,
):
    """A PDF document, in the root collection unless `collection` is given."""
    n = next(_numbers)
    document = get_document_model()(
        title=title or f"Document {n}",
        collection=collection or root_collection(),
        uploaded_by_user=uploaded_by,
    )
    document.file.save(
        name or f"guide-{n}.pdf", ContentFile(pdf_bytes(text, language=language)), save=False
    )
    document._set_document_file_metadata()
    document.save()
    return document


def png_bytes(colour: str = "red", size: tuple[int, int] = (8, 8)) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def image(*, title: str = "", collection: Collection | None = None, uploaded_by=None):
    """A Wagtail image (a real PNG), in the root collection unless `collection` is given."""
    n = next(_numbers)
    return get_image_model().objects.create(
        title=title or f"Image {n}",
        file=ImageFile(io.BytesIO(png_bytes()), name=f"image-{n}.png"),
        collection=collection or root_collection(),
        uploaded_by_user=uploaded_by,
    )


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
                "document": pdf_document(
                    pdf_text, language=language, collection=collection_for(LIBRARY)
                ),
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
        HandbookEdition(
            language=edition.pop("language", language),
            is_current=edition.pop("is_current", i == 0),
            **edition,
        )
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
