"""Download counters and the text of handbook files (content/library/services.py)."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from content.library import services
from content.library.models import AccessLevel, ExtractedText
from lms.accounts.models import Organisation
from tests.content.library.helpers import _counts
from tests.factories.library import build_handbook, pdf_document
from tests.factories.users import learner
from tests.races import errors_in, run_together


@pytest.mark.django_db
def test_downloads_are_counted_per_edition_and_organisation_of_the_downloader(client, library):
    handbook = build_handbook(access_level=AccessLevel.PUBLIC)
    edition = handbook.editions.get()
    url = f"/fr/library/download/{edition.pk}/"
    oujda = Organisation.objects.get(slug="oujda")
    other = Organisation.objects.exclude(pk=oujda.pk).first()
    client.get(url)
    for person in (learner(), learner(), learner(organisation=other)):
        client.force_login(person)
        client.get(url)
    assert _counts(edition) == {None: 1, "oujda": 2, other.slug: 1}


@pytest.mark.django_db
def test_a_person_counts_once_a_day_per_edition(client, library):
    handbook = build_handbook(access_level=AccessLevel.PUBLIC)
    edition = handbook.editions.get()
    person = learner()
    client.force_login(person)
    for url in (f"/fr/library/download/{edition.pk}/", f"/ar/library/download/{edition.pk}/"):
        assert client.get(url).status_code == 200
    assert client.get(edition.document.url, follow=True).status_code == 200
    assert _counts(edition) == {"oujda": 1}
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert services.record_download(edition=edition, user=person, day=tomorrow)
    assert not services.record_download(edition=edition, user=person, day=tomorrow)
    assert _counts(edition) == {"oujda": 2}


@pytest.mark.django_db
def test_anonymous_downloads_count_once_a_day_per_client_address(client, library):
    handbook = build_handbook(access_level=AccessLevel.PUBLIC)
    edition = handbook.editions.get()
    url = f"/fr/library/download/{edition.pk}/"
    for _ in range(5):
        assert client.get(url, REMOTE_ADDR="203.0.113.7").status_code == 200
    assert _counts(edition) == {None: 1}
    client.get(url, REMOTE_ADDR="198.51.100.23")
    assert _counts(edition) == {None: 2}
    remembered = " ".join(str(key) for key in cache._cache)  # LocMemCache in tests
    assert "library-download" in remembered
    assert "203.0.113.7" not in remembered and "198.51.100.23" not in remembered


@pytest.mark.django_db
def test_publishing_a_handbook_extracts_its_file_text_after_commit(
    library, django_capture_on_commit_callbacks
):
    document = pdf_document("Le guichet unique de Beni Mellal.")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        handbook = build_handbook(
            editions=[{"number": 1, "published_on": "2024-02-01", "document": document}],
            extract=False,
        )
    assert callbacks, "the extraction is enqueued after commit"
    assert "guichet unique" in ExtractedText.objects.get(document=document).text
    assert "guichet unique" in handbook.search_entry.text


def test_concurrent_downloads_are_all_counted(postgres_only, library):
    handbook = build_handbook(access_level=AccessLevel.PUBLIC)
    edition = handbook.editions.get()
    people = [[learner() for _ in range(5)] for _ in range(6)]

    def download(group):
        for person in group:
            services.record_download(edition=edition, user=person)
            services.record_download(edition=edition, user=person)  # same day: not again

    results = run_together([lambda group=group: download(group) for group in people])
    assert errors_in(results) == []
    assert _counts(edition) == {"oujda": 30}


def test_search_text_is_extracted_once_per_file(library, monkeypatch):
    from content.library import services

    document = pdf_document("Le texte du guide.")
    calls = []
    real = services.extract_pdf_text
    monkeypatch.setattr(services, "extract_pdf_text", lambda f: calls.append(1) or real(f))
    build_handbook(editions=[{"number": 1, "published_on": "2024-01-01", "document": document}])
    services.extract_document_text(document_id=document.pk)
    assert len(calls) == 1
    assert "Le texte du guide." in document.extracted_text.text


def test_the_search_entry_keeps_the_text_as_written(library):
    handbook = build_handbook(title="دليل", summary="العائدون", language="ar", pdf_text="نص.")
    assert "العائدون" in handbook.search_entry.text
