"""The trainers' follow-up: the grid of learners, who has not started or stalled, the
grading queue, and a message to a cohort (courses/followup*.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from courses import services
from courses.followup import DONE, NOT_STARTED, STARTED, WAITING, learner_grid
from courses.followup_services import ACTION_COHORT_MESSAGE
from courses.models import LessonCompletion, LessonPage
from courses.quizzes.models import Attempt, QuizPage
from tests.factories.courses import build_course, lesson_body
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page's HTML with French spacing (narrow and no-break spaces) read as spaces."""
    return response.content.decode().replace("\u202f", " ").replace("\xa0", " ")


def states(grid):
    return {
        row.learner.full_name_latin: [(cell.state, cell.percent) for cell in row.cells]
        for row in grid.rows
    }


def test_the_grid_says_what_each_current_member_did_with_each_required_item(scenario):
    grid = learner_grid(course=scenario.tree.course, cohort=scenario.cohort)
    assert [item.title for item in grid.items] == ["Leçon 1.1", "Leçon 1.2", "Quiz final"]
    assert states(grid) == {
        "Amina": [(DONE, None), (NOT_STARTED, None), (DONE, 100.0)],
        "Badr": [(NOT_STARTED, None), (NOT_STARTED, None), (STARTED, 0.0)],
        "Chama": [(NOT_STARTED, None), (NOT_STARTED, None), (NOT_STARTED, None)],
    }


def test_the_course_grid_holds_every_cohort_but_not_the_withdrawn(scenario):
    grid = learner_grid(course=scenario.tree.course)
    assert set(states(grid)) == {"Amina", "Badr", "Chama", "Elias"}


def test_the_grid_runs_the_same_number_of_queries_for_more_learners(scenario):
    cache.clear()  # both counted with an empty page cache
    with CaptureQueriesContext(connection) as few:
        learner_grid(course=scenario.tree.course, cohort=scenario.cohort)
    for _ in range(5):
        person = learner()
        services.enrol(learner=person, course=scenario.tree.course, cohort=scenario.cohort)
        services.complete_lesson(learner=person, lesson=scenario.tree.lessons[1])
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        grid = learner_grid(course=scenario.tree.course, cohort=scenario.cohort)
    assert len(grid.rows) == 8
    assert len(many) == len(few)


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


def age(person, days: int) -> None:
    """Move everything `person` did `days` days back."""
    moment = timezone.now() - timedelta(days=days)
    LessonCompletion.objects.filter(learner=person).update(completed_at=moment)
    Attempt.objects.filter(learner=person).update(started_at=moment, submitted_at=moment)


def test_who_has_not_started_and_who_has_stalled(scenario):
    age(scenario.badr, 20)
    grid = learner_grid(course=scenario.tree.course, cohort=scenario.cohort)
    assert [row.learner for row in grid.not_started()] == [scenario.chama]
    assert [row.learner for row in grid.stalled(days=14)] == [scenario.badr]
    assert grid.stalled(days=30) == []


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


def test_the_follow_up_menu_holds_progress_results_and_grading(scenario, client):
    client.force_login(scenario.course_trainer)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    for name in (
        "follow_up:index",
        "course_progress:index",
        "quiz_follow_up:results",
        "quiz_follow_up:grading",
    ):
        assert reverse(name) in content, name


# --- Message to a cohort ------------------------------------------------------------------


def message_url(scenario):
    return reverse("follow_up:cohort_message", args=[scenario.cohort.pk])


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


def test_the_message_reaches_every_current_member_once(
    scenario, client, django_capture_on_commit_callbacks
):
    scenario.chama.preferred_language = "ar"
    scenario.chama.full_name_arabic = "شامة"
    scenario.chama.save()
    client.force_login(scenario.cohort_trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            message_url(scenario),
            {"subject": "Séance du lundi", "body": "<b>Venez</b> à 9 h.", "confirm": "1"},
        )
    assert response.status_code == 302
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(p.email for p in (scenario.amina, scenario.badr, scenario.chama))
    by_address = {message.to[0]: message for message in mail.outbox}
    for message in mail.outbox:
        assert message.subject == "Séance du lundi"
        assert "<b>Venez</b> à 9 h." in message.body  # plain text, as typed
        assert message.content_subtype == "plain"
    assert "شامة" in by_address[scenario.chama.email].body
    assert "Amina" in by_address[scenario.amina.email].body


def test_a_message_is_recorded_in_the_audit_log(
    scenario, client, django_capture_on_commit_callbacks
):
    client.force_login(scenario.cohort_trainer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(message_url(scenario), {"subject": "Rappel", "body": "Texte.", "confirm": "1"})
    entry = ModelLogEntry.objects.get(action=ACTION_COHORT_MESSAGE)
    assert entry.object_id == str(scenario.cohort.pk)
    assert entry.user == scenario.cohort_trainer
    assert entry.data == {"subject": "Rappel", "recipients": 3}
    with translation.override("en"):
        assert entry.message == "Message “Rappel” sent to 3 learners"
    with translation.override("ar"):
        entry = ModelLogEntry.objects.get(pk=entry.pk)  # the message is cached on the entry
        assert entry.message == "أُرسلت الرسالة «Rappel» إلى 3 متكوِّنين"


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


def test_a_quiz_whose_essay_waits_for_a_grade_says_so_in_the_grid(scenario):
    cells = QuizPage.follow_up_cells(
        learner_ids=[scenario.amina.pk, scenario.badr.pk], page_ids=[scenario.essay_quiz.pk]
    )
    assert cells[(scenario.amina.pk, scenario.essay_quiz.pk)].state == WAITING
    assert (scenario.badr.pk, scenario.essay_quiz.pk) not in cells


def test_the_grid_names_items_in_the_readers_language_and_marks_those_not_translated(site):
    tree = build_course(modules=1, lessons_per_module=2, arabic=True)
    untranslated = tree.modules[0].add_child(
        instance=LessonPage(title="Accueil des réfugiés", slug="accueil", body=lesson_body())
    )
    untranslated.save_revision().publish()
    services.enrol(learner=learner(), course=tree.course)
    grid = learner_grid(course=tree.course, language="ar")
    titles = [(str(column.title), column.title.language) for column in grid.columns]
    assert titles == [
        (tree.lessons_ar[0].title, "ar"),
        (tree.lessons_ar[1].title, "ar"),
        ("Accueil des réfugiés", "fr"),
    ]
