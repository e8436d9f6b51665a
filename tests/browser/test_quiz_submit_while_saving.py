"""A learner on a slow connection answers, then submits while the page's last autosave has
not come back: the graded attempt holds every answer, the ones the autosave carried and
the ones typed after it. Screenshots go to test-artifacts/."""

from __future__ import annotations

import contextlib

import pytest
from allauth.account.models import EmailAddress

from courses import services
from courses.quizzes.models import Attempt, AttemptState
from demo.quiz import seed_demo_quiz
from tests.factories.courses import build_course
from tests.factories.users import learner

from .test_quiz_journey import sign_in

pytestmark = pytest.mark.browser


def test_submit_while_an_autosave_is_pending_keeps_every_answer(make_tab, seeded):
    tree = build_course(arabic=True, modules=1, lessons_per_module=1)
    quiz = seed_demo_quiz(course=tree.course)
    person = learner()
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    services.enrol(learner=person, course=tree.course)

    tab = make_tab("quiz-submit-while-saving")
    page = tab.page
    sign_in(tab, "fr", person.email)
    tab.open(quiz.get_url())
    with page.expect_navigation():
        page.locator("#start-attempt").click()
    attempt = Attempt.objects.get(learner=person)
    numeric, matching = (
        next(q for q in attempt.snapshot if q["kind"] == k) for k in ("numeric", "matching")
    )
    short = next(q for q in attempt.snapshot if "Oujda" in q["data"].get("accepted", []))

    # The connection is slow: the autosave reaches the server, its reply comes back late.
    held = []

    def slow_reply(route):
        held.append((route, route.fetch()))

    autosave_url = page.locator("#attempt-form").get_attribute("data-autosave-url")
    page.route(f"**{autosave_url}", slow_reply)

    page.locator(f"#q-{numeric['key']}").fill("2014")
    page.locator(f"#q-{numeric['key']}").dispatch_event("change")
    page.wait_for_function(
        "() => document.getElementById('autosave-status').textContent.trim() !== ''"
    )
    while not held:
        page.wait_for_timeout(50)
    attempt.refresh_from_db()
    assert attempt.version == 1  # saved on the server; the page still holds version 0
    assert page.locator("input[name=version]").input_value() == "0"

    page.locator(f"#q-{short['key']}").fill("Oujda")
    for pair in matching["data"]["pairs"]:
        label = page.locator(f"#question-{matching['key']} label", has_text=pair["prompt"]).first
        select = page.locator(f"#{label.get_attribute('for')}")
        select.select_option(label=pair["match"])
    tab.shot("answered-while-saving")
    with page.expect_navigation() as navigation:
        page.locator("#submit-attempt").click()
    assert navigation.value.ok, navigation.value.status
    for route, response in held:
        with contextlib.suppress(Exception):  # the page that sent it may be gone
            route.fulfill(response=response)

    assert "/review/" in page.url
    tab.shot("review")
    attempt.refresh_from_db()
    assert attempt.state != AttemptState.IN_PROGRESS
    assert attempt.answers[numeric["key"]] == 2014.0
    assert attempt.answers[short["key"]] == "Oujda"
    assert attempt.answers[matching["key"]] == {p["id"]: p["id"] for p in matching["data"]["pairs"]}
    assert attempt.results[matching["key"]]["points"] == matching["points"]
    assert tab.foreign_requests == []
