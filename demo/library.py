"""The demo handbooks, from `data/library.json`, in French with their Arabic translations,
each edition a PDF generated from its text. Idempotent."""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Locale

from content.api import (
    LIBRARY,
    HandbookEdition,
    HandbookPage,
    HandbookText,
    collection_for,
    ensure_library,
    ensure_themes,
    ensure_translation,
    extract_document_text,
    render_handbook_pdf,
)

from . import files


def _document(slug: str, language: str, number: int, text: HandbookText):
    Document = get_document_model()
    title = f"{text.title} ({number})"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, collection=collection_for(LIBRARY))
        document.file.save(
            f"{slug}-{language}-{number}.pdf", ContentFile(render_handbook_pdf(text)), save=False
        )
        document._set_document_file_metadata()
        document.save()
    return document


def _editions(spec: dict, language: str, publisher: str) -> list[HandbookEdition]:
    """The handbook's editions in `language`; an earlier edition lacks the last chapter."""
    content = spec[language]
    editions = []
    for edition in spec["editions"]:
        chapters = tuple(tuple(chapter) for chapter in content["chapters"])
        if not edition["current"]:
            chapters = chapters[:-1]
        text = HandbookText(
            title=content["title"], language=language, chapters=chapters, publisher=publisher
        )
        editions.append(
            HandbookEdition(
                number=edition["number"],
                published_on=datetime.date.fromisoformat(edition["published_on"]),
                language=language,
                page_count=1,
                document=_document(spec["slug"], language, edition["number"], text),
                is_current=edition["current"],
            )
        )
    return editions


@transaction.atomic
def seed_demo_library() -> list[HandbookPage]:
    """The demo handbooks in French with their Arabic translations, text extracted."""
    data = files.read("library")
    publisher = data["publisher"]
    libraries = ensure_library()
    themes = ensure_themes()
    ar = Locale.objects.get(language_code="ar")
    seeded = []
    for spec in data["handbooks"]:
        french = HandbookPage.objects.child_of(libraries["fr"]).filter(slug=spec["slug"]).first()
        if french is None:
            french = HandbookPage(
                slug=spec["slug"],
                title=spec["fr"]["title"],
                summary=spec["fr"]["summary"],
                audience=spec["audience"],
                access_level=spec["access_level"],
                publisher=publisher["fr"],
            )
            french.editions = _editions(spec, "fr", publisher["fr"])
            french.themes = [themes[slug]["fr"] for slug in spec["themes"]]
            libraries["fr"].add_child(instance=french)
            french.save_revision().publish()
        if french.get_translation_or_none(ar) is None:
            # Through wagtail-localize, so that "Sync translated pages" keeps it in step; its
            # editions (Arabic files) and themes are its own.
            arabic = ensure_translation(
                french,
                ar,
                title=spec["ar"]["title"],
                summary=spec["ar"]["summary"],
                publisher=publisher["ar"],
                editions=_editions(spec, "ar", publisher["ar"]),
                themes=[themes[slug]["ar"] for slug in spec["themes"]],
            )
        else:
            arabic = ensure_translation(french, ar)  # adopts a translation made before
        for handbook in (french, arabic):
            for edition in HandbookEdition.objects.filter(handbook=handbook):
                extract_document_text(document_id=edition.document_id)
            seeded.append(handbook)
    return seeded
