"""Views of the project (lms/views.py): Wagtail's pages through `serve_page` (a missing page
in its URL's language; the user bar for staff only), and the development media route (DEBUG
only), which serves public media and never the private folders, however the path is written."""

from __future__ import annotations

from importlib import reload

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import clear_url_caches

import lms.urls
from courses import services
from tests.factories.courses import build_course
from tests.factories.users import learner, trainer

pytestmark = pytest.mark.django_db  # a 404 page goes through Wagtail's redirects


# --- The development media route ---------------------------------------------------------


@pytest.fixture
def debug_media(settings, tmp_path):
    """lms.urls as DEBUG builds it, with a few files in MEDIA_ROOT and one beside it."""
    settings.DEBUG = True
    reload(lms.urls)
    clear_url_caches()
    root = django_settings.MEDIA_ROOT
    for name in ("images/logo.png", "documents/guide.pdf", "certificates/ENSA-2026-000001.pdf"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"content of " + name.encode())
    (tmp_path / "secret.txt").write_bytes(b"outside")
    yield
    settings.DEBUG = False
    reload(lms.urls)
    clear_url_caches()


def test_public_media_is_served_in_debug(client, debug_media):
    response = client.get("/media/images/logo.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"content of images/logo.png"


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/guide.pdf",
        "/media//documents/guide.pdf",
        "/media/./documents/guide.pdf",
        "/media/images/../documents/guide.pdf",
        "/media/%2e/documents/guide.pdf",
        "/media/documents//guide.pdf",
        "/media/Documents/guide.pdf",
        "/media/documents/",
        "/media/certificates/ENSA-2026-000001.pdf",
        "/media//certificates/ENSA-2026-000001.pdf",
        "/media/./certificates/ENSA-2026-000001.pdf",
        "/media/../secret.txt",
        "/media/images/../../secret.txt",
    ],
)
def test_private_folders_and_paths_outside_media_root_are_not_found(client, debug_media, path):
    response = client.get(path, follow=True)  # a folder may be tried under /fr/ first
    assert response.status_code == 404
    assert b"content of" not in response.content and b"outside" not in response.content


def test_the_private_prefixes_are_a_setting(client, debug_media, settings):
    settings.PRIVATE_MEDIA_PREFIXES = [*settings.PRIVATE_MEDIA_PREFIXES, "images/"]
    assert client.get("/media/images/logo.png").status_code == 404


def test_no_media_route_without_debug(client, settings):
    assert not settings.DEBUG
    assert client.get("/media/images/logo.png").status_code == 404


# --- Pages ------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "direction"), [("fr", "ltr"), ("ar", "rtl")])
def test_missing_page_answers_404_in_the_language_of_its_url(client, site, language, direction):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'lang="{language}" dir="{direction}"' in html
    assert "Page not found" not in html


# Wagtail's user bar (edit this page) is drawn for staff; a learner's page asks no permission.

USERBAR = "wagtail-userbar"


def test_a_trainer_of_the_course_gets_the_user_bar_on_its_lesson(client, site):
    person = trainer()
    tree = build_course(trainers=[person])
    client.force_login(person)

    assert USERBAR in client.get(tree.course.url).text


def test_a_learner_gets_no_user_bar_and_no_permission_query(client, site):
    tree = build_course()
    person = learner()
    services.enrol(learner=person, course=tree.course)
    client.force_login(person)

    with CaptureQueriesContext(connection) as queries:
        html = client.get(tree.lessons[0].url).text

    assert USERBAR not in html
    assert not [query for query in queries.captured_queries if "auth_permission" in query["sql"]]
