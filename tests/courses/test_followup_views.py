"""The pages of the trainers' follow-up (courses/followup_views.py): the grid, stalled
learners, a message to a cohort, and the quiz pages of the follow-up (grading queue, results)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses.followup_services import ACTION_COHORT_MESSAGE
from courses.quizzes.models import Attempt
from tests.courses.helpers import age, message_url

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page's HTML with French spacing (narrow and no-break spaces) read as spaces."""
    return response.content.decode().replace("\u202f", " ").replace("\xa0", " ")


def test_the_grid_page_shows_states_in_words_and_isolates_names(scenario, client):
    client.force_login(scenario.course_trainer)
    response = client.get(reverse("follow_up:cohort_grid", args=[scenario.cohort.pk]))
    assert response.status_code == 200
    content = text(response)
    assert "<bdi>Amina</bdi>" in content
    assert "<bdi>Leçon 1.1</bdi>" in content
    assert "Fait · 100 %" in content
    assert "Commencé · 0 %" in content
    assert "Pas commencé" in content
    assert "Elias" not in content  # another cohort
    assert 'class="w-overflow-x-auto"' in content


def test_the_stalled_page_uses_the_days_chosen(scenario, client):
    age(scenario.badr, 20)
    age(scenario.amina, 10)
    client.force_login(scenario.cohort_trainer)
    url = reverse("follow_up:cohort_stalled", args=[scenario.cohort.pk])
    default = client.get(url).content.decode()
    assert "Badr" in default and "Amina" not in default and "Chama" in default
    assert 'value="14"' in default
    wider = client.get(url, {"days": "7"}).content.decode()
    assert "Badr" in wider and "Amina" in wider


@pytest.mark.parametrize("days", ["abc", "0", "-3", "1000", ""])
def test_the_stalled_page_refuses_a_bad_number_of_days_with_a_message(scenario, client, days):
    age(scenario.badr, 20)
    client.force_login(scenario.course_trainer)
    response = client.get(
        reverse("follow_up:cohort_stalled", args=[scenario.cohort.pk]), {"days": days}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "error-message" in content or "errorlist" in content
    assert "Badr" not in content


def test_the_grading_queue_lists_essays_waiting_with_a_link_to_grade_them(scenario, client):
    waiting = Attempt.objects.get(learner=scenario.amina, quiz=scenario.essay_quiz)
    client.force_login(scenario.course_trainer)
    for url in (
        reverse("quiz_follow_up:grading"),
        reverse("quiz_follow_up:course_grading", args=[scenario.tree.course.pk]),
        reverse("quiz_follow_up:cohort_grading", args=[scenario.cohort.pk]),
    ):
        content = client.get(url).content.decode()
        assert reverse("quizzes:grade_attempt", args=[waiting.pk]) in content, url
    other = client.get(reverse("quiz_follow_up:cohort_grading", args=[scenario.other_cohort.pk]))
    assert reverse("quizzes:grade_attempt", args=[waiting.pk]) not in other.content.decode()


def test_quiz_results_of_the_followed_courses_link_to_the_results_pages(scenario, client):
    client.force_login(scenario.course_trainer)
    content = client.get(reverse("quiz_follow_up:results")).content.decode()
    assert reverse("quizzes:results", args=[scenario.quiz.pk]) in content
    assert reverse("quizzes:results", args=[scenario.essay_quiz.pk]) in content


# --- Message to a cohort ------------------------------------------------------------------


def test_the_confirmation_page_says_how_many_will_receive_it_and_sends_nothing(scenario, client):
    client.force_login(scenario.cohort_trainer)
    response = client.post(
        message_url(scenario), {"subject": "Séance du lundi", "body": "<b>Venez</b> à 9 h."}
    )
    assert response.status_code == 200
    content = text(response)
    assert "3 apprenants de la promotion recevront ce message" in content
    assert "&lt;b&gt;Venez&lt;/b&gt;" in content and "<b>Venez</b>" not in content
    assert mail.outbox == []
    assert not ModelLogEntry.objects.filter(action=ACTION_COHORT_MESSAGE).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"subject": "", "body": "Texte.", "confirm": "1"},
        {"subject": "Rappel", "body": "   ", "confirm": "1"},
        {"subject": "Rappel\nBcc: x@example.com", "body": "Texte.", "confirm": "1"},
        {"subject": "R" * 151, "body": "Texte.", "confirm": "1"},
    ],
)
def test_bad_input_gives_a_message_and_sends_nothing(
    scenario, client, data, django_capture_on_commit_callbacks
):
    client.force_login(scenario.cohort_trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(message_url(scenario), data)
    assert response.status_code == 400
    assert "Le message n’a pas été envoyé" in text(response)
    assert mail.outbox == []
    assert not ModelLogEntry.objects.filter(action=ACTION_COHORT_MESSAGE).exists()
