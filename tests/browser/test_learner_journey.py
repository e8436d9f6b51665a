"""A new learner signs up, confirms the e-mail, enrols, completes a lesson and sees the
progress on the dashboard: in French (left to right) and Arabic (right to left), on a
desktop and a phone screen. Screenshots of every step go to test-artifacts/.

The interface strings are selected by stable attributes (form actions, field names);
every field is then reached through its label, which checks that it is labelled.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail

from lms.accounts.models import Organisation, User
from tests.factories.courses import build_course
from tests.factories.users import PASSWORD

from .helpers import assert_language, fill_labelled, submit

pytestmark = pytest.mark.browser

CONFIRMATION_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+?/(?=\s|$)", re.M)


def confirmation_link(address: str) -> str:
    for message in reversed(mail.outbox):
        if address in message.to:
            found = CONFIRMATION_LINK.search(message.body)
            assert found, f"no confirmation link in: {message.body}"
            return found.group(0)
    raise AssertionError(f"no e-mail sent to {address}; outbox: {[m.to for m in mail.outbox]}")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_new_learner_signs_up_enrols_and_sees_progress(seeded, make_tab, language, viewport):
    tree = build_course(arabic=True, modules=2, lessons_per_module=2)
    course = tree.course if language == "fr" else tree.course_ar
    organisation = Organisation.objects.get(slug="oujda")
    address = f"apprenant-{language}-{viewport}@example.ma"
    tab = make_tab(f"journey-{language}-{viewport}", viewport)
    page = tab.page

    tab.open(f"/{language}/accounts/signup/")
    assert_language(tab, language)
    fill_labelled(page, "email", address)
    fill_labelled(page, "password1", PASSWORD)
    fill_labelled(page, "password2", PASSWORD)
    fill_labelled(page, "full_name_latin", "Fatima-Zahra Benali")
    fill_labelled(page, "full_name_arabic", "فاطمة الزهراء بنعلي")
    fill_labelled(page, "job_title", "Cheffe de service")
    fill_labelled(page, "organisation", str(organisation.pk))
    fill_labelled(page, "preferred_language", language)
    tab.shot("signup-form")
    submit(page, "/accounts/signup/")
    assert_language(tab, language)
    tab.shot("verification-sent")

    learner = User.objects.get(email=address)
    assert learner.organisation == organisation
    assert learner.preferred_language == language
    assert learner.groups.filter(name="Learners").exists()

    tab.open(confirmation_link(address))
    assert_language(tab, language)
    tab.shot("confirm-email")
    submit(page, "/accounts/confirm-email/")
    assert learner.emailaddress_set.get(email=address).verified
    if page.locator('form[action*="/accounts/logout/"]').count() == 0:
        tab.open(f"/{language}/accounts/login/")
        fill_labelled(page, "login", address)
        fill_labelled(page, "password", PASSWORD)
        submit(page, "/accounts/login/")
    assert page.locator('form[action*="/accounts/logout/"]').count() == 1

    tab.open(course.get_url())
    assert_language(tab, language)
    tab.shot("course-page")
    submit(page, f"/courses/{course.pk}/enrol/")
    assert_language(tab, language)
    assert page.locator(f'form[action*="/courses/{course.pk}/unenrol/"]').count() == 1
    tab.shot("enrolled")

    with page.expect_navigation() as navigation:
        page.locator(".outline ol a").first.click()
    assert navigation.value.ok
    assert_language(tab, language)
    tab.shot("lesson")
    submit(page, "/complete/")
    assert_language(tab, language)
    tab.shot("lesson-completed")

    tab.open(f"/{language}/dashboard/")
    assert_language(tab, language)
    bar = page.get_by_role("progressbar").first
    assert float(bar.evaluate("el => el.value")) > 0
    tab.shot("dashboard")
    assert tab.foreign_requests == []


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_tab_from_the_top_reaches_the_visible_skip_link_first(seeded, make_tab, language):
    tab = make_tab(f"skip-link-{language}")
    page = tab.page
    tab.open(f"/{language}/")
    assert_language(tab, language)
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.get_attribute("href") == "#main"
    assert "skip-link" in (focused.get_attribute("class") or "")
    box = focused.bounding_box()
    viewport = page.viewport_size
    assert box is not None and box["width"] > 0 and box["height"] > 0
    assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"]
    assert 0 <= box["x"] and box["x"] + box["width"] <= viewport["width"]
    tab.shot("skip-link-focused")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
