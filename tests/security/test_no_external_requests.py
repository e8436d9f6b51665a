"""No page makes the browser contact another host: no CDN, no web fonts, no Gravatar."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from courses import services
from tests.factories.courses import build_course
from tests.factories.users import PASSWORD, administrator, learner

pytestmark = pytest.mark.django_db

URL_ATTRIBUTE = re.compile(
    r"""\b(?:src|href|srcset|action|poster|data)\s*=\s*["']([^"']+)["']""", re.I
)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)""", re.I)
# Loaded by the browser as it renders the page (unlike a plain <a href>, which waits for a click).
LOADED_RESOURCE = re.compile(
    r"""<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*\bsrc\s*=\s*["']([^"']+)["']"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']([^"']+)["']""",
    re.I,
)


def foreign(url: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        return True
    match = re.match(r"https?://([^/:]+)", url, re.I)
    return bool(match) and match.group(1).lower() not in {"testserver", "localhost", "127.0.0.1"}


def foreign_urls(html: str) -> list[str]:
    found = [u for u in URL_ATTRIBUTE.findall(html) if foreign(u)]
    found += [u for u in CSS_URL.findall(html) if foreign(u)]
    return found


def loaded_foreign_resources(html: str) -> list[str]:
    urls = [a or b for a, b in LOADED_RESOURCE.findall(html)]
    return [u for u in urls + CSS_URL.findall(html) if foreign(u)]


@pytest.fixture
def enrolled_pages(site, client):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    person = learner()
    services.enrol(learner=person, course=tree.course)
    return tree, person


def public_urls(site, tree) -> list[str]:
    return [
        "/fr/",
        "/ar/",
        site["fr"].url,
        site["ar"].url,
        tree.course.url,
        tree.course_ar.url,
        tree.lessons[0].url,
        tree.lessons_ar[0].url,
        "/fr/accounts/login/",
        "/ar/accounts/login/",
        "/fr/accounts/signup/",
    ]


def test_public_pages_reference_no_other_host_for_a_visitor(client, site, enrolled_pages):
    tree, _ = enrolled_pages
    for url in public_urls(site, tree):
        response = client.get(url)
        assert response.status_code == 200, url
        assert foreign_urls(response.text) == [], url


def test_pages_of_a_signed_in_learner_reference_no_other_host(client, site, enrolled_pages):
    tree, person = enrolled_pages
    client.login(email=person.email, password=PASSWORD)
    for url in [
        *public_urls(site, tree)[:8],
        "/fr/dashboard/",
        "/ar/dashboard/",
        "/fr/accounts/profile/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert foreign_urls(response.text) == [], url


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_admin_dashboard_loads_nothing_from_another_host_and_no_gravatar(client, site, language):
    admin = administrator(preferred_language=language)
    client.login(email=admin.email, password=PASSWORD)
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.text
    assert "gravatar" not in html.lower()
    assert loaded_foreign_resources(html) == []


def test_admin_page_editor_loads_nothing_from_another_host(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    admin = administrator()
    client.login(email=admin.email, password=PASSWORD)
    response = client.get(f"/admin/pages/{tree.lessons[0].pk}/edit/")
    assert response.status_code == 200
    assert "gravatar" not in response.text.lower()
    assert loaded_foreign_resources(response.text) == []


def test_our_stylesheets_and_scripts_fetch_nothing_from_another_host():
    static = Path(settings.BASE_DIR) / "lms" / "static"
    offenders = []
    for path in [*static.rglob("*.css"), *static.rglob("*.js")]:
        text = path.read_text(encoding="utf-8", errors="ignore")
        offenders += [f"{path.name}: {u}" for u in CSS_URL.findall(text) if foreign(u)]
        offenders += [
            f"{path.name}: @import" for _ in re.findall(r"@import\s+[\"']?(?:https?:)?//", text)
        ]
    assert offenders == []
