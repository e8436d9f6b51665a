"""Content-Security-Policy (lms/csp.py): strict on every page of the site, with the narrow
exceptions the Wagtail admin needs (README, "Security: HTTP"), checked over HTTP;
tests/security/test_csp_browser.py checks the same pages in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories.courses import build_course
from tests.factories.users import administrator, learner

ADMIN = "/admin/"


def policy(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_strict(directives: dict[str, list[str]]) -> None:
    assert directives["script-src"] == ["'self'"]
    assert "script-src-elem" not in directives and "script-src-attr" not in directives
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_learner_page_carries_a_strict_policy(client, site, language):
    client.force_login(learner())
    response = client.get(f"/{language}/dashboard/")
    assert response.status_code == 200
    assert_strict(policy(response))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/fr/", "/ar/", "/fr/verify/", "/fr/accounts/login/", "/fr/nowhere/"]
)
def test_anonymous_pages_carry_a_strict_policy(client, site, path):
    assert_strict(policy(client.get(path)))


@pytest.mark.django_db
def test_a_lesson_page_carries_a_strict_policy(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    assert_strict(policy(client.get(tree.lessons[0].url)))


@pytest.mark.django_db
def test_the_admin_allows_inline_script_and_style_elements_only(client, site):
    client.force_login(administrator())
    response = client.get(ADMIN)
    assert response.status_code == 200
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]  # no inline event handler, no eval
    assert directives["style-src"] == ["'self'"]  # no style attribute
    assert directives["script-src-elem"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src-elem"] == ["'self'", "'unsafe-inline'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


@pytest.mark.django_db
def test_a_page_preview_may_be_framed_by_the_admin_only(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    client.force_login(administrator())
    response = client.get(f"{ADMIN}pages/{tree.lessons[0].pk}/edit/preview/?in_preview_panel=true")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    directives = policy(response)
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert "script-src-elem" not in directives  # the page as the site serves it


@pytest.mark.django_db
def test_our_pages_have_one_policy_header_only(client, site):
    response = client.get("/fr/")
    assert len(response.headers["Content-Security-Policy"].split("frame-ancestors")) == 2


INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")", re.I
)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)


def project_templates() -> list[Path]:
    root = Path(settings.BASE_DIR)
    found = []
    for app in ("lms", "content", "courses", "certificates"):
        found += [p for p in (root / app).rglob("templates/**/*.html") if "/email/" not in str(p)]
    return found


def test_no_template_of_ours_has_inline_script_handler_or_style_attribute():
    templates = project_templates()
    assert len(templates) > 20
    offenders = [
        str(path)
        for path in templates
        for pattern in (INLINE_SCRIPT, EVENT_HANDLER, STYLE_ATTRIBUTE)
        if pattern.search(path.read_text())
    ]
    assert offenders == []
