"""Headless Chromium from the operating system, driven by Playwright's sync API.

Playwright never downloads a browser here: it starts the `chromium` found on PATH
(Debian's package). Without it, or without Playwright, the browser tests are skipped
with a reason (and fail under CI=true, see `require_or_skip`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import require_or_skip, restore_seed

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

CHROMIUM_FLAGS = [
    "--no-sandbox",  # Chromium refuses to start as root with its sandbox on
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


@pytest.fixture(scope="module", autouse=True)
def _restore_seed_after_the_last_flush(django_db_setup, django_db_blocker) -> Iterator[None]:
    """Every live-server test ends with a flush, seeded rows included. Module-scoped, so its
    teardown runs after the last flush and the tests that follow find organisations, roles
    and the site tree again."""
    yield
    with django_db_blocker.unblock():
        restore_seed()


@pytest.fixture
def seeded(live_server) -> None:
    """What migrations and the session set-up provide, rebuilt after the previous flush."""
    restore_seed()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    require_or_skip(sync_playwright is not None, "Playwright for Python is not installed")
    executable = chromium_path()
    require_or_skip(
        executable is not None, "Chromium is not installed (Debian: apt-get install chromium)"
    )
    # Playwright's sync API keeps an event loop in this thread; the ORM calls the tests
    # make between two browser actions are still synchronous.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        try:
            yield chromium
        finally:
            chromium.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@dataclass
class Tab:
    """A browser page plus what the test needs around it: base URL, screenshots, requests."""

    page: object
    base_url: str
    shots: Path
    prefix: str
    foreign_requests: list[str]
    step: int = 0

    def open(self, path: str) -> None:
        response = self.page.goto(self.url(path))
        assert response is not None and response.ok, f"GET {path}: {response and response.status}"

    def url(self, path: str) -> str:
        return path if path.startswith("http") else f"{self.base_url}{path}"

    def shot(self, name: str) -> Path:
        self.step += 1
        target = self.shots / f"{self.prefix}-{self.step:02d}-{name}.png"
        self.page.screenshot(path=str(target), full_page=True)
        return target


@pytest.fixture
def make_tab(browser, live_server, artifacts_dir) -> Iterator:
    """`make_tab(prefix, viewport)`: a fresh browser context (no cookies) on the live server."""
    contexts = []
    server = urlsplit(live_server.url)

    def make(prefix: str, viewport: str = "desktop") -> Tab:
        context = browser.new_context(viewport=VIEWPORTS[viewport], locale="fr-MA")
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        foreign: list[str] = []
        page.on(
            "request",
            lambda request: (
                foreign.append(request.url)
                if urlsplit(request.url).scheme in {"http", "https", "ws", "wss"}
                and urlsplit(request.url).netloc != server.netloc
                else None
            ),
        )
        return Tab(
            page=page,
            base_url=live_server.url,
            shots=artifacts_dir,
            prefix=prefix,
            foreign_requests=foreign,
        )

    yield make
    for context in contexts:
        context.close()
