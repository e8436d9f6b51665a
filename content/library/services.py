"""Operations on the library: text extraction, search entries, downloads."""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac
from wagtail.documents import get_document_model

from content.search import search_entry_texts

from .models import DownloadCount, ExtractedText, HandbookEdition, HandbookPage, HandbookSearchEntry
from .pdftext import extract_pdf_text


def _join(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


@transaction.atomic
def refresh_search_entry(*, handbook: HandbookPage) -> HandbookSearchEntry:
    """Rebuild what search reads for `handbook` from its title, summary, themes and the text of
    its current edition's file (as far as it has been extracted). Idempotent."""
    current = (
        HandbookEdition.objects.filter(handbook=handbook, is_current=True)
        .select_related("document__extracted_text")
        .first()
    )
    file_text = ""
    if current is not None:
        extracted = getattr(current.document, "extracted_text", None)
        file_text = extracted.text if extracted is not None else ""
    themes = " ".join(theme.name for theme in handbook.themes.all())
    text = _join(handbook.title, handbook.summary, themes, file_text)
    entry, _created = HandbookSearchEntry.objects.update_or_create(
        handbook=handbook,
        defaults={"language": handbook.locale.language_code, **search_entry_texts(text)},
    )
    return entry


def _needs_extraction(document) -> bool:
    extracted = ExtractedText.objects.filter(document=document).first()
    return extracted is None or extracted.file_hash != document.get_file_hash()


@transaction.atomic
def extract_document_text(*, document_id: int) -> ExtractedText | None:
    """Extract the text of a document's file once per file content, then refresh the search
    entries of the handbooks whose current edition uses it. Idempotent."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return None
    file_hash = document.get_file_hash()
    extracted = ExtractedText.objects.filter(document=document).first()
    if extracted is None or extracted.file_hash != file_hash:
        text = ""
        if document.file_extension.lower() == "pdf":
            with document.open_file() as file:
                text = extract_pdf_text(file)
        extracted, _created = ExtractedText.objects.update_or_create(
            document=document, defaults={"file_hash": file_hash, "text": text}
        )
    for handbook in HandbookPage.objects.filter(
        editions__document=document, editions__is_current=True
    ).distinct():
        refresh_search_entry(handbook=handbook)
    return extracted


def index_handbook(*, handbook: HandbookPage) -> None:
    """Refresh the handbook's search entry now and extract, after commit and in the background,
    the text of the files not extracted yet."""
    # at call time: tasks load on first enqueue (declaring a task sets up the backend)
    from content.tasks import extract_document_text as extract_task

    refresh_search_entry(handbook=handbook)
    for edition in HandbookEdition.objects.filter(handbook=handbook).select_related("document"):
        if _needs_extraction(edition.document):
            document_id = edition.document_id
            transaction.on_commit(lambda document_id=document_id: extract_task.enqueue(document_id))


def _seconds_left(day: datetime.date) -> int:
    """Seconds from now to the end of `day` in the local time zone (at least one minute)."""
    midnight = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
    end = timezone.make_aware(midnight)
    return max(60, int((end - timezone.now()).total_seconds()))


def _first_today(*, edition: HandbookEdition, user, client: str, day: datetime.date) -> bool:
    """True the first time this person (the user, or else the client address) asks for this
    edition on `day`. The cache key is a keyed hash: it holds no address and no user id."""
    who = f"user:{user.pk}" if user.is_authenticated else f"client:{client}"
    digest = salted_hmac(
        "content.library.download", f"{edition.pk}|{day.isoformat()}|{who}", algorithm="sha256"
    ).hexdigest()
    return cache.add(f"library-download:{digest}", True, timeout=_seconds_left(day))


def record_download(
    *, edition: HandbookEdition, user, client: str = "", day: datetime.date | None = None
) -> bool:
    """Add one to the download counter of `edition` for the downloader's organisation, at most
    once per person and edition a day (`day`, by default today in Morocco time): per user
    when signed in, per `client` address otherwise. Returns whether it counted.

    Keeps no trace of who downloaded; safe against concurrent downloads."""
    day = day or timezone.localdate()
    if not _first_today(edition=edition, user=user, client=client, day=day):
        return False
    organisation_id = getattr(user, "organisation_id", None) if user.is_authenticated else None
    counters = DownloadCount.objects.filter(edition=edition, organisation_id=organisation_id)
    with transaction.atomic():
        if counters.update(count=F("count") + 1):
            return True
        try:
            with transaction.atomic():
                DownloadCount.objects.create(
                    edition=edition, organisation_id=organisation_id, count=1
                )
        except IntegrityError:
            counters.update(count=F("count") + 1)
    return True


def fold_download_counts(*, source, target) -> int:
    """Before `source` is merged into `target`: each edition counted for both keeps one row,
    the target's, with the two counts added. Returns the number of rows folded."""
    folded = 0
    for row in DownloadCount.objects.filter(organisation=source).select_for_update():
        if DownloadCount.objects.filter(edition_id=row.edition_id, organisation=target).update(
            count=F("count") + row.count
        ):
            row.delete()
            folded += 1
    return folded
