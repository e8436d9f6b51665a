"""A timed attempt shows the time left: in words when the page is served (it works without
JavaScript), counted down live by a static script that reads the seconds left from the page
(no inline script), and said to screen readers politely at 10, 5 and 1 minute(s)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.timesince import timeuntil
from django.utils.translation import override

from courses.quizzes import services
from tests.factories import quizzes as quiz_factory


def attempt_page(client, tree, person, language="fr", **quiz_fields):
    question = quiz_factory.question(course=tree.course)
    quiz = quiz_factory.quiz(module=tree.modules[0], questions=[question], **quiz_fields)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    html = client.get(f"/{language}/attempts/{attempt.pk}/").content.decode()
    return attempt, html


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_timed_attempt_says_the_time_left_in_words_and_gives_the_script_its_seconds(
    client, tree, person, language
):
    attempt, html = attempt_page(client, tree, person, language, time_limit_minutes=45)

    box = html[html.index("data-countdown ") : html.index("</div>", html.index("data-countdown "))]
    seconds = int(box.split('data-seconds-left="')[1].split('"')[0])
    assert 44 * 60 <= seconds <= 45 * 60
    with override(language):
        in_words = timeuntil(attempt.deadline, timezone.now() + timedelta(seconds=1))
    assert in_words in box
    assert 'aria-live="polite"' in box and "data-at-60=" in box
    assert '<script src="/static/quizzes/countdown.js" defer></script>' in html


def test_an_attempt_without_a_time_limit_has_no_countdown(client, tree, person):
    _attempt, html = attempt_page(client, tree, person)

    assert "data-countdown" not in html
    assert "countdown.js" not in html
