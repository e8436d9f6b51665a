"""The attempt page tells nothing of the right answers: matching and ordering lines are named
with per-attempt tokens, read back to ids on the server."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from courses.quizzes import services
from courses.quizzes.models import Attempt, AttemptState
from tests.factories import quizzes as quiz_factory

pytestmark = pytest.mark.django_db

# Ids that follow the help text's example: "1", "2", … in the right order.
MATCHING = {
    "pairs": [{"id": str(n), "prompt": f"Sigle {n}", "match": f"Sens {n}"} for n in range(1, 5)]
}
ORDERING = {"items": [{"id": str(n), "text": f"Étape {n}"} for n in range(1, 5)]}


@pytest.fixture
def quiz(tree):
    questions = [
        quiz_factory.question(course=tree.course, kind="matching", data=MATCHING, points=4),
        quiz_factory.question(course=tree.course, kind="ordering", data=ORDERING, points=4),
    ]
    return quiz_factory.quiz(module=tree.modules[0], questions=questions, attempts_allowed=0)


def french(name: str, *args) -> str:
    """The French page's address, whatever language an earlier test left active."""
    with translation.override("fr"):
        return reverse(name, args=args)


def attempt_url(attempt):
    return french("quizzes:attempt", attempt.pk)


def rows(html: str) -> list[dict]:
    """Every select of the page: its name, the label shown and its options (value, text)."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for select in soup.select("#attempt-form select"):
        label = soup.find("label", attrs={"for": select["id"]})
        found.append(
            {
                "name": select["name"],
                "label": label.get_text(strip=True),
                "options": [
                    (o["value"], o.get_text(strip=True))
                    for o in select.find_all("option")
                    if o["value"]
                ],
            }
        )
    return found


def submit(client, attempt, fields: dict) -> Attempt:
    response = client.post(attempt_url(attempt), {"version": "0", "submit": "1", **fields})
    assert response.status_code == 302, response.content.decode()[:500]
    attempt.refresh_from_db()
    return attempt


def test_options_named_like_their_row_score_nothing_over_many_attempts(client, person, quiz):
    """A learner who picks 'the option whose value is the row's name' (or, for ordering, the
    position written in the row's name) learns nothing from the page."""
    for _ in range(12):
        attempt = services.start_attempt(learner=person, quiz=quiz)
        page = rows(client.get(attempt_url(attempt)).content.decode())
        assert len(page) == 8
        guessed = {}
        for row in page:
            suffix = row["name"].split("-", 2)[-1]  # q-<question>-<token>
            values = {value for value, _label in row["options"]}
            for candidate in (suffix, row["name"]):
                if candidate in values:
                    guessed[row["name"]] = candidate
        attempt = submit(client, attempt, guessed)
        assert attempt.state == AttemptState.GRADED
        assert attempt.points == 0, (guessed, attempt.answers)


def test_no_row_name_or_option_value_repeats_a_pair_or_item_id(client, person, quiz):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    page = rows(client.get(attempt_url(attempt)).content.decode())
    ids = {str(n) for n in range(1, 5)}
    names = {row["name"].split("-", 2)[-1] for row in page}  # q-<question>-<token>
    matching = [row for row in page if row["options"][0][1].startswith("Sens")]
    values = {value for row in matching for value, _label in row["options"]}
    assert not names & ids and not values & ids and not names & values
    tokens = next(q for q in attempt.snapshot if q["kind"] == "matching")["tokens"]
    assert set(tokens["rows"]) == set(tokens["options"]) == ids


def test_a_learner_who_reads_the_questions_scores_full_marks_through_the_form(client, person, quiz):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    fields = {}
    for row in rows(client.get(attempt_url(attempt)).content.decode()):
        number = row["label"].rsplit(" ", 1)[-1]
        if row["label"].startswith("Sigle"):
            fields[row["name"]] = next(v for v, text in row["options"] if text == f"Sens {number}")
        else:
            fields[row["name"]] = number
    attempt = submit(client, attempt, fields)
    assert attempt.percent == 100.0
    assert attempt.answers == {
        q["key"]: (
            {n: n for n in "1234"} if q["kind"] == "matching" else {n: int(n) for n in "1234"}
        )
        for q in attempt.snapshot
    }


def test_a_match_the_page_did_not_offer_is_refused_and_nothing_is_saved(client, person, quiz):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    row = next(
        r
        for r in rows(client.get(attempt_url(attempt)).content.decode())
        if r["label"] == "Sigle 1"
    )
    response = client.post(attempt_url(attempt), {"version": "0", "save": "1", row["name"]: "1"})
    assert response.status_code == 400
    autosave = client.post(
        french("quizzes:autosave", attempt.pk), {"version": "0", row["name"]: "1"}
    )
    assert autosave.status_code == 400 and not autosave.json()["saved"]
    attempt.refresh_from_db()
    assert attempt.answers == {} and attempt.version == 0


def test_an_attempt_started_before_tokens_is_still_answered_by_ids(client, person, quiz):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    snapshot = [{k: v for k, v in q.items() if k != "tokens"} for q in attempt.snapshot]
    Attempt.objects.filter(pk=attempt.pk).update(snapshot=snapshot)
    attempt.refresh_from_db()
    fields = {}
    for question in attempt.snapshot:
        right = (
            {n: n for n in "1234"}
            if question["kind"] == "matching"
            else {n: int(n) for n in "1234"}
        )
        fields.update(quiz_factory.form_fields(question, right))
    page = {row["name"] for row in rows(client.get(attempt_url(attempt)).content.decode())}
    assert page == set(fields)
    assert submit(client, attempt, fields).percent == 100.0
