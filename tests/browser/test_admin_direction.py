"""In the Wagtail admin, what Wagtail builds in the browser takes its direction too: the
rich-text editor and StreamField blocks of an Arabic page edit right to left, those of a French
page follow what is typed, and wagtail-localize's translation editor writes Arabic right to left.
"""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from wagtail.models import Locale
from wagtail_localize.models import Translation

from content.setup import ensure_translation
from tests.factories.courses import build_course
from tests.factories.users import PASSWORD, administrator

from .helpers import fill_labelled, submit

pytestmark = pytest.mark.browser

BODY = [
    {"type": "paragraph", "value": "<p>Texte de la leçon.</p>"},
    {"type": "callout", "value": {"kind": "tip", "title": "Conseil", "text": "<p>Un conseil.</p>"}},
]
BODY_AR = [
    {"type": "paragraph", "value": "<p>نص الدرس.</p>"},
    {"type": "callout", "value": {"kind": "tip", "title": "نصيحة", "text": "<p>نصيحة مفيدة.</p>"}},
]


def sign_in(tab, email: str) -> None:
    tab.open("/fr/accounts/login/")
    fill_labelled(tab.page, "login", email)
    fill_labelled(tab.page, "password", PASSWORD)
    submit(tab.page, "/accounts/login/")


def directions(page, selector: str) -> list[str | None]:
    page.wait_for_selector(selector, state="attached")
    page.wait_for_function(
        "selector => [...document.querySelectorAll(selector)].every(e => e.hasAttribute('dir'))",
        arg=selector,
    )
    return page.locator(selector).evaluate_all("found => found.map(e => e.getAttribute('dir'))")


def test_rich_text_and_blocks_follow_the_pages_language_in_the_admin(make_tab, seeded):
    arabic = Locale.objects.get(language_code="ar")
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    lesson = tree.lessons[0]
    lesson.body = BODY
    lesson.save_revision().publish()
    lesson_ar = ensure_translation(lesson, arabic, body=BODY_AR)
    admin = administrator()
    EmailAddress.objects.create(user=admin, email=admin.email, verified=True, primary=True)
    tab = make_tab("admin-direction")
    sign_in(tab, admin.email)

    tab.open(f"/admin/pages/{lesson.pk}/edit/")
    assert set(directions(tab.page, "[data-draftail-editor-wrapper]")) == {"auto"}
    assert directions(tab.page, 'input[name$="-value-title"]') == ["auto"]
    tab.shot("french-lesson")

    # The Arabic lesson opens in wagtail-localize's translation editor.
    tab.open(f"/admin/pages/{lesson_ar.pk}/edit/")
    tab.page.wait_for_selector(".js-translation-editor li", state="attached")
    tab.page.get_by_role("button", name="Modifier").or_(
        tab.page.get_by_role("button", name="Edit")
    ).first.click()
    assert set(directions(tab.page, ".js-translation-editor textarea")) == {"rtl"}
    tab.shot("translation-editor")

    # Out of the synchronisation, it opens in Wagtail's editor, right to left throughout.
    Translation.objects.filter(target_locale=arabic).update(enabled=False)
    tab.open(f"/admin/pages/{lesson_ar.pk}/edit/")
    assert set(directions(tab.page, "[data-draftail-editor-wrapper]")) == {"rtl"}
    assert directions(tab.page, 'input[name$="-value-title"]') == ["rtl"]
    assert tab.page.locator('input[name="title"]').get_attribute("dir") == "rtl"
    tab.shot("arabic-lesson")
