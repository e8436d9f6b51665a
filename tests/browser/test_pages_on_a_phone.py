"""The main learner and trainer pages fit a phone (390 px) in French and Arabic: the page never
scrolls sideways; a wide table scrolls inside its own box or stacks. A timed attempt counts
down live, and says the time left in words without JavaScript. Screenshots of every page in
both languages are kept in test-artifacts/."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from lms.accounts.services import sync_admin_language
from tests.locale.test_one_language_per_page import build_platform, url_in

from .helpers import assert_language

pytestmark = pytest.mark.browser

# What sticks out of the screen: the page itself, or an element wider than the screen that is
# not inside a box that scrolls (a .table-wrap, Wagtail's w-overflow-x-auto...).
OVERFLOW = """() => {
  const width = window.innerWidth;
  const scrolls = (el) => {
    for (let box = el.parentElement; box; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && box.clientWidth <= width) return true;
    }
    return false;
  };
  const out = [...document.body.querySelectorAll('*')].filter((el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!box.width || style.position === 'fixed' || style.visibility === 'hidden') return false;
    return (box.right > width + 1 || box.left < -1) && !scrolls(el);
  }).map((el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''));
  return {scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 8)};
}"""

LEARNER_PAGES = [
    "home",
    "catalogue",
    "course",
    "lesson",
    "quiz",
    "review",
    "my learning",
    "my certificates",
    "library",
    "handbook",
    "verification page",
]
TRAINER_PAGES = ["quiz results", "grade an attempt", "regrade", "progress report"]


def signed_in(tab, user, language: str) -> None:
    """The person's session in the browser (and the admin in their language)."""
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    sync_admin_language(user=user)
    client = Client()
    client.force_login(user)
    tab.page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": tab.base_url}]
    )


def assert_fits(tab, label: str) -> None:
    found = tab.page.evaluate(OVERFLOW)
    assert found["scrollWidth"] <= found["width"] and not found["out"], f"{label}: {found}"


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_learner_and_trainer_pages_fit_a_phone(make_tab, seeded, language):
    platform = build_platform()
    pages = {who: dict(listed) for who, listed in platform.pages.items()}

    learner_tab = make_tab(f"phone-learner-{language}", viewport="phone")
    signed_in(learner_tab, platform.users["learner"], language)
    for label in LEARNER_PAGES:
        learner_tab.open(url_in(pages["learner"][label], language))
        assert_language(learner_tab, language)
        learner_tab.shot(re.sub(r"\W+", "-", label))
        assert_fits(learner_tab, label)

    attempt_tab = make_tab(f"phone-attempt-{language}", viewport="phone")
    signed_in(attempt_tab, platform.users["learner_in_progress"], language)
    attempt_tab.open(url_in(pages["learner_in_progress"]["attempt"], language))
    attempt_tab.shot("attempt")
    assert_fits(attempt_tab, "attempt")

    trainer_tab = make_tab(f"phone-trainer-{language}", viewport="phone")
    signed_in(trainer_tab, platform.users["trainer"], language)
    for label in TRAINER_PAGES:
        trainer_tab.open(url_in(pages["trainer"][label], language))
        trainer_tab.shot(re.sub(r"\W+", "-", label))
        assert_fits(trainer_tab, label)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_timed_attempt_counts_down_and_tells_screen_readers_politely(make_tab, seeded, language):
    platform = build_platform()
    tab = make_tab(f"countdown-{language}", viewport="phone")
    signed_in(tab, platform.users["learner_in_progress"], language)

    tab.open(url_in(dict(platform.pages["learner_in_progress"])["attempt"], language))

    countdown = tab.page.locator("[data-countdown]")
    clock = countdown.locator("[data-countdown-left]")
    assert re.fullmatch(r"4[45]:\d\d", clock.inner_text().strip())
    first = clock.inner_text().strip()
    tab.page.wait_for_timeout(1500)
    assert clock.inner_text().strip() != first  # it runs
    assert clock.get_attribute("role") == "timer"
    announce = countdown.locator("[data-countdown-announce]")
    assert announce.get_attribute("aria-live") == "polite"
    assert announce.inner_text().strip() == ""  # nothing said every second
    tab.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert countdown.bounding_box()["y"] >= 0  # it stays in view while scrolling
    tab.shot("scrolled")
    assert_fits(tab, "attempt")
