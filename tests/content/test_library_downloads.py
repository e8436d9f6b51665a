import threading

import pytest
from django.db import connection

from content.library import services
from content.library.models import AccessLevel, DownloadCount, ExtractedText
from lms.accounts.models import Organisation
from tests.factories.library import build_handbook, pdf_document
from tests.factories.users import administrator, learner, trainer


def _counts(edition) -> dict[str | None, int]:
    return {
        (row.organisation.slug if row.organisation else None): row.count
        for row in DownloadCount.objects.filter(edition=edition).select_related("organisation")
    }


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
    client.get(edition.document.url, follow=True)
    assert _counts(edition) == {None: 1, "oujda": 2, other.slug: 2}


@pytest.mark.django_db
def test_administrators_see_the_download_report_and_others_do_not(client, library):
    handbook = build_handbook(title="Guide des services", access_level=AccessLevel.PUBLIC)
    edition = handbook.editions.get()
    services.record_download(edition=edition, user=learner())
    client.force_login(administrator(is_staff=True))
    response = client.get("/admin/reports/handbook-downloads/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Guide des services" in html and "Oujda" in html
    csv = client.get("/admin/reports/handbook-downloads/?export=csv")
    assert b"Guide des services" in b"".join(csv.streaming_content)
    client.force_login(trainer(is_staff=True))
    assert client.get("/admin/reports/handbook-downloads/").status_code in {302, 403}


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
    person = learner()
    errors = []

    def download():
        try:
            for _ in range(5):
                services.record_download(edition=edition, user=person)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=download) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _counts(edition) == {"oujda": 30}
