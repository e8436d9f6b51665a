"""Demo handbooks in French and Arabic with PDFs generated here. Idempotent."""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Locale

from content.collections import collection_for
from content.permissions import LIBRARY
from content.setup import ensure_translation
from content.themes import ensure_themes

from . import services
from .demo_texts import HANDBOOKS, PUBLISHER
from .models import HandbookEdition, HandbookPage
from .pdfgen import HandbookText, render_handbook_pdf
from .setup import ensure_library


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


def _editions(spec: dict, language: str) -> list[HandbookEdition]:
    content = spec[language]
    editions = []
    for number, published_on, is_current in spec["editions"]:
        chapters = tuple(content["chapters"])
        if not is_current:
            chapters = chapters[:-1]
        text = HandbookText(
            title=content["title"],
            language=language,
            chapters=chapters,
            publisher=PUBLISHER[language],
        )
        editions.append(
            HandbookEdition(
                number=number,
                published_on=datetime.date.fromisoformat(published_on),
                language=language,
                page_count=1,
                document=_document(spec["slug"], language, number, text),
                is_current=is_current,
            )
        )
    return editions


@transaction.atomic
def seed_demo_library() -> list[HandbookPage]:
    """At least five handbooks in French with their Arabic translations, text extracted."""
    libraries = ensure_library()
    themes = ensure_themes()
    ar = Locale.objects.get(language_code="ar")
    seeded = []
    for spec in HANDBOOKS:
        french = HandbookPage.objects.child_of(libraries["fr"]).filter(slug=spec["slug"]).first()
        if french is None:
            french = HandbookPage(
                slug=spec["slug"],
                title=spec["fr"]["title"],
                summary=spec["fr"]["summary"],
                audience=spec["audience"],
                access_level=spec["access_level"],
                publisher=PUBLISHER["fr"],
            )
            french.editions = _editions(spec, "fr")
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
                publisher=PUBLISHER["ar"],
                editions=_editions(spec, "ar"),
                themes=[themes[slug]["ar"] for slug in spec["themes"]],
            )
        else:
            arabic = ensure_translation(french, ar)  # adopts a translation made before
        for handbook in (french, arabic):
            for edition in HandbookEdition.objects.filter(handbook=handbook):
                services.extract_document_text(document_id=edition.document_id)
            seeded.append(handbook)
    return seeded
