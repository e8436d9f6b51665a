"""A visitor searches the handbook library in French and in Arabic, finds a handbook by words
that are inside its PDF, and downloads it. Screenshots go to test-artifacts/."""

from __future__ import annotations

import pytest

from demo.library import seed_demo_library

from .helpers import assert_language

pytestmark = pytest.mark.browser

SEARCHES = {
    "fr": ("guichet unique", "Guide d'accès des migrants aux services de base"),
    "ar": ("الشباك الوحيد", "دليل ولوج المهاجرين إلى الخدمات الأساسية"),
}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_visitor_searches_the_library_and_downloads_a_handbook(make_tab, seeded, language):
    seed_demo_library()
    words, title = SEARCHES[language]
    tab = make_tab(f"library-{language}")
    page = tab.page

    tab.open(f"/{language}/library/")
    assert_language(tab, language)
    tab.shot("library")
    page.locator("#library-q").fill(words)
    with page.expect_navigation():
        page.locator("form.library-search button[type=submit]").click()
    assert_language(tab, language)
    results = page.locator("ul.library-results li.library-result")
    titles = [text.strip() for text in results.locator("h2 a").all_inner_texts()]
    assert title in titles
    assert page.locator("p.library-excerpt mark").count() >= 1
    tab.shot("search-results")

    found = results.filter(has_text=title).first
    with page.expect_download() as download_info:
        found.locator("a.library-download").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert tab.foreign_requests == []
