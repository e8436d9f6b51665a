"""A learner takes the demo quiz in French and in Arabic: answers, reloads the page in the
middle of the attempt and finds the answers saved in the background, submits and sees the
review. Screenshots of every step go to test-artifacts/."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from wagtail.models import Locale

from courses import services
from demo.quiz import seed_demo_quiz
from tests.factories.courses import build_course
from tests.factories.users import PASSWORD, learner

from .helpers import assert_language, fill_labelled, submit

pytestmark = pytest.mark.browser

SHORT_ANSWER = {"fr": "Oujda", "ar": "وجدة"}


def sign_in(tab, language: str, email: str) -> None:
    tab.open(f"/{language}/accounts/login/")
    fill_labelled(tab.page, "login", email)
    fill_labelled(tab.page, "password", PASSWORD)
    submit(tab.page, "/accounts/login/")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_learner_takes_the_demo_quiz_and_keeps_answers_across_a_reload(make_tab, seeded, language):
    tree = build_course(arabic=True, modules=1, lessons_per_module=1)
    quiz = seed_demo_quiz(course=tree.course)
    if language == "ar":
        quiz = quiz.get_translation(Locale.objects.get(language_code="ar"))
    person = learner()
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    services.enrol(learner=person, course=tree.course)

    tab = make_tab(f"quiz-{language}")
    page = tab.page
    sign_in(tab, language, person.email)
    tab.open(quiz.get_url())
    assert_language(tab, language)
    tab.shot("quiz-page")
    with page.expect_navigation():
        page.locator("#start-attempt").click()
    assert "/attempts/" in page.url
    assert_language(tab, language)

    form = page.locator("#attempt-form")
    autosave_url = form.get_attribute("data-autosave-url")
    numeric = page.locator("fieldset.question--numeric input").first
    short = page.locator("fieldset.question--short input").first
    choice = page.locator("fieldset.question--single input[type=radio]").first
    with page.expect_response(
        lambda response: response.url.endswith(autosave_url) and response.request.method == "POST"
    ) as saved:
        numeric.fill("2014")
        short.fill(SHORT_ANSWER[language])
        choice.check()
    assert saved.value.ok
    page.wait_for_function(
        "() => { const s = document.getElementById('autosave-status');"
        " return s.textContent.trim() && !s.classList.contains('autosave-status--error')"
        " && s.textContent.trim() !== document.getElementById('attempt-form').dataset.saving; }"
    )
    tab.shot("answers-saved")

    page.reload()
    assert_language(tab, language)
    assert page.locator("fieldset.question--numeric input").first.input_value() == "2014"
    assert (
        page.locator("fieldset.question--short input").first.input_value() == SHORT_ANSWER[language]
    )
    assert page.locator("fieldset.question--single input[type=radio]").first.is_checked()
    tab.shot("after-reload")

    with page.expect_navigation() as navigation:
        page.locator("#submit-attempt").click()
    assert navigation.value.ok
    assert "/review/" in page.url
    assert_language(tab, language)
    assert page.locator("[data-testid=attempt-state]").is_visible()
    tab.shot("review")
    assert tab.foreign_requests == []
