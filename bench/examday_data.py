"""The exam day's database side, run with `DJANGO_SETTINGS_MODULE=bench.examday_settings`:

    python -m bench.examday_data seed SIZES_JSON MANIFEST
    python -m bench.examday_data enqueue MANIFEST FIRST COUNT
    python -m bench.examday_data check MANIFEST STATE PHASE OUTPUT

`seed` migrates and fills the database: learners enrolled in a course whose final exam has
`questions` single-choice questions, a practice quiz with one attempt already started per
throughput client, learners who completed a certified course (P7's certificates), and a
signed-in session per learner. `enqueue` queues certificate issues for the task workers;
`check` compares what the load generator last sent with what the database holds.
"""

from __future__ import annotations

import json
import sys
from importlib import import_module
from pathlib import Path

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench.seed import QueryCounter, _learners  # noqa: E402
from courses.models import Enrolment, LessonCompletion  # noqa: E402
from courses.quizzes.models import Attempt, AttemptState  # noqa: E402
from courses.quizzes.services import start_attempt  # noqa: E402
from courses.setup import ensure_catalogue  # noqa: E402
from tests.factories import quizzes  # noqa: E402
from tests.factories.certificates import certification  # noqa: E402
from tests.factories.courses import build_course  # noqa: E402

RIGHT_CHOICE = quizzes.RIGHT_ANSWERS["single"]


def signed_in(users) -> list[str]:
    """A session key per user, as the login form would leave one.

    The sessions are made here, server-side, rather than by posting the login form once per
    learner: the exam day measures starting and answering a quiz, not signing in, and this is
    the fastest honest way to give a thousand clients a real session of the platform's own
    session engine (cached_db: stored in PostgreSQL and cached in Redis).
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    keys = []
    for user in users:
        store = store_class()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        keys.append(store.session_key)
    return keys


def _queries(client: Client, method: str, url: str, data: dict | None = None) -> tuple[int, int]:
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        response = getattr(client, method)(url, data or {})
    return counter.count, response.status_code


def count_queries(exam, user, questions) -> dict:
    """Statements run by starting the exam, its page and an autosave (a learner kept aside)."""
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    start, start_status = _queries(client, "post", reverse("quizzes:start", args=[exam.pk]))
    attempt = Attempt.objects.get(learner=user, quiz=exam)
    page_url = reverse("quizzes:attempt", args=[attempt.pk])
    client.get(page_url)
    page, page_status = _queries(client, "get", page_url)
    fields = {"version": 0, f"q-{questions[0].pk}": RIGHT_CHOICE}
    autosave, autosave_status = _queries(
        client, "post", reverse("quizzes:autosave", args=[attempt.pk]), fields
    )
    statuses = {start_status, page_status, autosave_status}
    if statuses != {200, 302}:
        raise SystemExit(f"counting queries: unexpected answers {statuses}")
    attempt.delete()
    return {"start": start, "attempt_page": page, "autosave": autosave}


def seed(sizes: dict) -> dict:
    call_command("migrate", verbosity=0, interactive=False)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_b2 (id serial PRIMARY KEY, note varchar(10))"
        )
    ensure_catalogue()
    tree = build_course(
        modules=1, lessons_per_module=5, arabic=True, title="Préparation au concours"
    )
    questions = [
        quizzes.question(course=tree.course, kind="single") for _ in range(sizes["questions"])
    ]
    exam = quizzes.quiz(
        module=tree.modules[0],
        questions=questions,
        title="Examen final",
        attempts_allowed=1,
        time_limit_minutes=120,
    )
    practice = quizzes.quiz(
        module=tree.modules[0], questions=questions, title="Entraînement", attempts_allowed=0
    )

    # The exam's learners, the throughput clients and one kept aside; the certificate holders
    # are the first of everyone made, as many as the task worker's measure needs.
    needed = sizes["learners"] + sizes["throughput_clients"] + 1
    people = _learners(max(needed, sizes["certificates"]))
    candidates = people[:needed]
    Enrolment.objects.bulk_create(
        [Enrolment(learner=user, course=tree.course) for user in candidates]
    )
    crowd, writers, aside = (
        candidates[: sizes["learners"]],
        candidates[sizes["learners"] : -1],
        candidates[-1],
    )
    practice_attempts = [start_attempt(learner=user, quiz=practice).pk for user in writers]
    autosave_paths = [reverse("quizzes:autosave", args=[pk]) for pk in practice_attempts]

    certified = build_course(modules=1, lessons_per_module=1, title="Cours certifié")
    certification(certified.course, auto_issue=True)
    holders = people[: sizes["certificates"]]
    enrolments = Enrolment.objects.bulk_create(
        [Enrolment(learner=user, course=certified.course) for user in holders]
    )
    LessonCompletion.objects.bulk_create(
        [LessonCompletion(learner=user, lesson=certified.lessons[0]) for user in holders],
        batch_size=2000,
    )
    queries = count_queries(exam, aside, questions)
    crowd_sessions, writer_sessions = signed_in(crowd), signed_in(writers)
    return {
        "exam": {"id": exam.pk, "url": exam.url, "start": reverse("quizzes:start", args=[exam.pk])},
        "questions": [str(question.pk) for question in questions],
        "choices": [choice["id"] for choice in quizzes.DATA["single"]["choices"]],
        "right_choice": RIGHT_CHOICE,
        "learners": [
            {"id": user.pk, "session": key} for user, key in zip(crowd, crowd_sessions, strict=True)
        ],
        "writers": [
            {"autosave": path, "session": key}
            for path, key in zip(autosave_paths, writer_sessions, strict=True)
        ],
        "certificate_enrolments": [enrolment.pk for enrolment in enrolments],
        "queries": queries,
    }


def enqueue(manifest: dict, first: int, count: int) -> None:
    from certificates.tasks import auto_issue_task

    for enrolment_id in manifest["certificate_enrolments"][first : first + count]:
        auto_issue_task.enqueue(enrolment_id=enrolment_id)


def check(manifest: dict, state: list[dict], phase: str) -> dict:
    """What the database holds against what the generator last sent, learner by learner.

    `state` holds, for each learner, the answers of their last save or submit that the platform
    acknowledged. Answers are one JSON object per attempt, keyed by question: an
    answer lost shows as a missing or older value, one stored twice as a second attempt.
    """
    learner_ids = [learner["id"] for learner in manifest["learners"]]
    sent_by_learner = {entry["id"]: entry["answers"] for entry in state}
    attempts = Attempt.objects.filter(quiz_id=manifest["exam"]["id"], learner_id__in=learner_ids)
    by_learner: dict[int, list[Attempt]] = {}
    for attempt in attempts:
        by_learner.setdefault(attempt.learner_id, []).append(attempt)
    missing_attempts = [pk for pk in learner_ids if pk not in by_learner]
    extra_attempts = sum(len(found) - 1 for found in by_learner.values() if len(found) > 1)
    lost = changed = unexpected = 0
    not_submitted = not_graded = wrong_points = 0
    for learner_id in learner_ids:
        found = by_learner.get(learner_id)
        if not found:
            continue
        attempt = found[0]
        sent = sent_by_learner.get(learner_id, {})
        stored = attempt.answers or {}
        for key, value in sent.items():
            if key not in stored:
                lost += 1
            elif stored[key] != value:
                changed += 1
        unexpected += sum(1 for key in stored if key not in sent)
        if phase == "submitted":
            if attempt.submitted_at is None or attempt.is_in_progress:
                not_submitted += 1
            if attempt.state != AttemptState.GRADED:
                not_graded += 1
            right = sum(1 for value in sent.values() if value == manifest["right_choice"])
            if attempt.points is None or abs(attempt.points - right) > 1e-9:
                wrong_points += 1
    return {
        "phase": phase,
        "learners": len(learner_ids),
        "attempts": attempts.count(),
        "learners_without_attempt": len(missing_attempts),
        "duplicate_attempts": extra_attempts,
        "answers_expected": sum(len(answers) for answers in sent_by_learner.values()),
        "answers_lost": lost,
        "answers_different": changed,
        "answers_not_sent": unexpected,
        "not_submitted": not_submitted,
        "not_graded": not_graded,
        "wrong_points": wrong_points,
    }


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "seed":
        Path(args[1]).write_text(json.dumps(seed(json.loads(args[0])), indent=1))
    elif command == "enqueue":
        enqueue(json.loads(Path(args[0]).read_text()), int(args[1]), int(args[2]))
    elif command == "check":
        manifest, state = (json.loads(Path(name).read_text()) for name in args[:2])
        Path(args[3]).write_text(json.dumps(check(manifest, state, args[2]), indent=1))
    else:
        raise SystemExit(f"unknown command {command}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
