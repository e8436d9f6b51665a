"""Who gets the file of a handbook edition, by the library's URL or Wagtail's /documents/ URL
(content/library/views.py: download, serve_edition, serve_document)."""

import pytest

from content.library.models import AccessLevel, DownloadCount
from tests.content.library.helpers import ROLES, _counts
from tests.factories.library import build_handbook
from tests.factories.users import learner, trainer

pytestmark = pytest.mark.django_db


# What each role gets for a file of each access level: 200 served, 302 sent to sign in, 403.
EXPECTED = {
    ("anonymous", AccessLevel.PUBLIC): 200,
    ("anonymous", AccessLevel.LEARNERS): 302,
    ("anonymous", AccessLevel.STAFF): 302,
    ("learner", AccessLevel.PUBLIC): 200,
    ("learner", AccessLevel.LEARNERS): 200,
    ("learner", AccessLevel.STAFF): 403,
    ("trainer", AccessLevel.PUBLIC): 200,
    ("trainer", AccessLevel.LEARNERS): 200,
    ("trainer", AccessLevel.STAFF): 200,
    ("administrator", AccessLevel.PUBLIC): 200,
    ("administrator", AccessLevel.LEARNERS): 200,
    ("administrator", AccessLevel.STAFF): 200,
}


def _urls(edition) -> dict[str, str]:
    return {
        "library download": f"/fr/library/download/{edition.pk}/",
        "Arabic library download": f"/ar/library/download/{edition.pk}/",
        "Wagtail document URL": edition.document.url,
    }


@pytest.mark.parametrize("role,level", list(EXPECTED))
def test_each_role_reaches_a_file_only_when_its_access_level_allows(client, library, role, level):
    handbook = build_handbook(access_level=level, pdf_text="Contenu réservé.")
    edition = handbook.editions.get()
    if ROLES[role] is not None:
        client.force_login(ROLES[role]())
    for way, url in _urls(edition).items():
        response = client.get(url)
        if way == "Wagtail document URL" and EXPECTED[(role, level)] == 200:
            assert response.status_code == 302
            assert response["Location"] == f"/fr/library/download/{edition.pk}/"
            response = client.get(response["Location"])
        assert response.status_code == EXPECTED[(role, level)], way
        if response.status_code == 200:
            assert response["Content-Disposition"].startswith("attachment"), way
            assert b"".join(response.streaming_content).startswith(b"%PDF-"), way
        elif response.status_code == 302:
            assert "/accounts/login/" in response["Location"], way


def test_refused_downloads_are_not_counted(client, library):
    handbook = build_handbook(access_level=AccessLevel.STAFF)
    edition = handbook.editions.get()
    client.force_login(learner())
    for url in _urls(edition).values():
        client.get(url)
    assert not DownloadCount.objects.filter(edition=edition).exists()


def test_file_of_an_unpublished_handbook_is_served_to_nobody_but_staff(client, library):
    handbook = build_handbook(access_level=AccessLevel.PUBLIC)
    edition = handbook.editions.get()
    handbook.unpublish()
    assert client.get(f"/fr/library/download/{edition.pk}/").status_code == 404
    assert client.get(edition.document.url).status_code == 404
    client.force_login(learner())
    assert client.get(edition.document.url).status_code == 404
    client.force_login(trainer())
    assert client.get(edition.document.url, follow=True).status_code == 200


def test_a_document_shared_by_two_handbooks_follows_the_strictest(client, library):
    staff_only = build_handbook(access_level=AccessLevel.STAFF)
    document = staff_only.editions.get().document
    build_handbook(
        access_level=AccessLevel.PUBLIC,
        editions=[{"number": 1, "published_on": "2024-01-01", "document": document}],
    )
    assert client.get(document.url).status_code == 302


def test_wagtail_collection_privacy_applies_to_library_files_too(client, library):
    from wagtail.models import Collection, CollectionViewRestriction

    handbook = build_handbook(access_level=AccessLevel.PUBLIC)
    edition = handbook.editions.get()
    private = Collection.get_first_root_node().add_child(name="Interne")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    edition.document.collection = private
    edition.document.save()
    response = client.get(f"/fr/library/download/{edition.pk}/")
    assert response.status_code == 302 and response["Location"] == edition.document.url
    response = client.get(edition.document.url)
    assert response.status_code == 200 and "password" in response.content.decode().lower()
    assert not response.has_header("Content-Disposition")
    assert not DownloadCount.objects.filter(edition=edition).exists()


@pytest.mark.django_db
def test_anonymous_clients_are_told_apart_behind_the_trusted_proxy(client, library, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    handbook = build_handbook(access_level=AccessLevel.PUBLIC)
    edition = handbook.editions.get()
    url = f"/fr/library/download/{edition.pk}/"
    for address in ("203.0.113.7", "198.51.100.23", "203.0.113.7"):
        client.get(url, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=address)
    assert _counts(edition) == {None: 2}


@pytest.mark.django_db
def test_head_requests_and_refusals_are_not_counted(client, library):
    public = build_handbook(access_level=AccessLevel.PUBLIC).editions.get()
    response = client.head(f"/fr/library/download/{public.pk}/")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    redirect = client.head(public.document.url)  # Wagtail's URL sends to the library's
    assert client.head(redirect["Location"]).status_code == 200
    staff_only = build_handbook(access_level=AccessLevel.STAFF).editions.get()
    client.get(f"/fr/library/download/{staff_only.pk}/")
    client.force_login(learner())
    client.get(f"/fr/library/download/{staff_only.pk}/")
    client.get(staff_only.document.url)
    assert not DownloadCount.objects.exists()
