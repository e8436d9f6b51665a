"""The site and the Wagtail admin in Chromium under the Content-Security-Policy: no
violation on the admin dashboard, page editors with their preview panel, snippet editors,
and learner pages (README, "Security: HTTP")."""

from __future__ import annotations

import json

import pytest
from allauth.account.models import EmailAddress

from certificates.models import CertificateTemplate
from demo.certificates import seed_demo_certificate_template
from tests.browser.conftest import (  # noqa: F401 - the browser journeys' fixtures
    _restore_seed_after_the_last_flush,
    browser,
    make_tab,
    seeded,
)
from tests.browser.helpers import fill_labelled, submit
from tests.factories.courses import build_course
from tests.factories.users import PASSWORD, administrator

pytestmark = pytest.mark.browser

ADMIN = "/admin/"

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({
    directive: event.effectiveDirective, blocked: event.blockedURI,
    source: event.sourceFile, line: event.lineNumber,
  });
});
"""


def violations(tab) -> list[dict]:
    found = []
    for frame in tab.page.frames:
        try:
            found += frame.evaluate("window.__cspViolations || []")
        except Exception:  # noqa: S112 - a frame that went away has nothing to say
            continue
    return found


def test_site_and_wagtail_admin_run_under_the_policy_without_violations(make_tab, seeded):  # noqa: F811
    seed_demo_certificate_template()
    tree = build_course(modules=1, lessons_per_module=1)
    admin = administrator()
    EmailAddress.objects.create(user=admin, email=admin.email, verified=True, primary=True)
    template = CertificateTemplate.objects.first()

    tab = make_tab("csp-admin")
    console: list[str] = []
    tab.page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    tab.page.add_init_script(COLLECT_VIOLATIONS)
    tab.open("/fr/accounts/login/")
    fill_labelled(tab.page, "login", admin.email)
    fill_labelled(tab.page, "password", PASSWORD)
    submit(tab.page, "/accounts/login/")

    seen = {}
    for name, path in [
        ("dashboard", ADMIN),
        ("course-editor", f"{ADMIN}pages/{tree.course.pk}/edit/"),
        ("lesson-editor", f"{ADMIN}pages/{tree.lessons[0].pk}/edit/"),
        ("snippet-editor", f"{ADMIN}snippets/certificates/certificatetemplate/edit/{template.pk}/"),
        ("snippet-new", f"{ADMIN}snippets/content/theme/add/"),
        ("learner-dashboard", "/fr/dashboard/"),
        ("lesson", tree.lessons[0].url),
    ]:
        tab.open(path)
        toggle = tab.page.locator('[data-side-panel-toggle="preview"]')
        if toggle.count():  # the preview panel (Wagtail remembers whether it was open)
            tab.page.wait_for_load_state("networkidle")
            frame = tab.page.locator("iframe[src*='/preview/']")
            if not (frame.count() and frame.first.is_visible()):
                toggle.first.click()
            frame.first.wait_for(state="visible")
            tab.page.wait_for_load_state("networkidle")
            assert frame.first.is_visible(), f"no preview panel on {path}"
        tab.shot(name)
        rich_text = tab.page.locator(".DraftEditor-root")
        if rich_text.count():
            rich_text.first.click()
            tab.page.keyboard.type("Oujda")
        tab.page.wait_for_timeout(500)
        seen[name] = violations(tab)
    assert all(found == [] for found in seen.values()), json.dumps(seen, indent=1)
    assert console == []
