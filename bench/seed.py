"""Seed the benchmark's data set and describe it: `python -m bench.seed SIZES_JSON MANIFEST`.

Runs with `DJANGO_SETTINGS_MODULE=bench.settings` against the benchmark database (migrated
here). Writes MANIFEST (JSON): the signed-in learner's session cookie, the URL of each
measured page and, for each, the number of SQL statements it runs (P2).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from courses.models import Enrolment, LessonCompletion  # noqa: E402
from courses.setup import ensure_catalogue  # noqa: E402
from lms.accounts.roles import LEARNERS  # noqa: E402
from tests.factories import quizzes  # noqa: E402
from tests.factories.certificates import complete_course  # noqa: E402
from tests.factories.courses import build_course  # noqa: E402
from tests.factories.users import learner, with_verified_email  # noqa: E402

LEARNER_EMAIL = "bench-learner@example.ma"


class QueryCounter:
    """Counts every statement sent to the database."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _learners(count: int) -> list:
    from django.contrib.auth.models import Group

    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(
                email=f"learner-{n}@example.ma",
                full_name_latin=f"Apprenant {n}",
                full_name_arabic=f"متكون {n}",
                password="!",  # noqa: S106 - an unusable password
            )
            for n in range(count)
        ]
    )
    Group.objects.get(name=LEARNERS).user_set.add(*users)
    return users


def _at_various_stages(course_tree, users, rng: random.Random) -> None:
    """Enrol `users`: a quarter not started, most part-way, a tenth finished."""
    now = timezone.now()
    Enrolment.objects.bulk_create(
        [Enrolment(learner=user, course=course_tree.course) for user in users]
    )
    lessons = course_tree.lessons
    completions = []
    for user in users:
        done = rng.choice(
            [0, 0, len(lessons) // 4, len(lessons) // 2, len(lessons) - 1, len(lessons)]
        )
        completions += [
            LessonCompletion(learner=user, lesson=lesson, completed_at=now)
            for lesson in lessons[:done]
        ]
    LessonCompletion.objects.bulk_create(completions, batch_size=5000)


def seed(sizes: dict) -> dict:
    call_command("migrate", verbosity=0, interactive=False)
    with connection.cursor() as cursor:
        key = "serial PRIMARY KEY" if connection.vendor == "postgresql" else "integer PRIMARY KEY"
        cursor.execute(f"CREATE TABLE IF NOT EXISTS bench_b2 (id {key}, note varchar(10))")
    ensure_catalogue()
    rng = random.Random(2026)  # noqa: S311 - a reproducible data set, not a secret
    trees = {
        lessons: build_course(
            modules=max(1, lessons // 5),
            lessons_per_module=min(5, lessons),
            arabic=True,
            title=f"Cours de {lessons} leçons",
        )
        for lessons in sizes["lessons"]
    }
    largest = trees[max(trees)]
    questions = [
        quizzes.question(course=largest.course, kind="single") for _ in range(sizes["questions"])
    ]
    quiz = quizzes.quiz(module=largest.modules[0], questions=questions, title="Évaluation")
    for tree in trees.values():  # every course ends with a quiz, so their pages differ only in size
        if tree is not largest:
            quizzes.quiz(
                module=tree.modules[-1],
                questions=[quizzes.question(course=tree.course)],
                title="Bilan",
            )

    crowd = _learners(sizes["learners"])
    for tree in trees.values():
        _at_various_stages(tree, crowd, rng)

    person = with_verified_email(learner(email=LEARNER_EMAIL))
    for tree in trees.values():
        Enrolment.objects.create(learner=person, course=tree.course)
        LessonCompletion.objects.bulk_create(
            [
                LessonCompletion(learner=person, lesson=lesson)
                for lesson in tree.lessons[: len(tree.lessons) // 2]
            ]
        )
    certified = build_course(modules=1, lessons_per_module=1, title="Cours certifié")
    certificate = _certificate(complete_course(certified))
    return {"trees": trees, "quiz": quiz, "person": person, "certificate": certificate}


def _certificate(enrolment):
    from certificates.services import issue_certificate
    from tests.factories.users import administrator

    return issue_certificate(enrolment=enrolment, issued_by=administrator())


def pages(data: dict) -> dict[str, dict]:
    """Each measured page: its URL, language, and whether the learner is signed in."""
    result = {}
    for language in ("fr", "ar"):
        with translation.override(language):
            result[f"dashboard-{language}"] = {
                "url": reverse("courses:dashboard"),
                "signed_in": True,
            }
            result[f"verify-{language}"] = {
                "url": reverse("certificates:verify", args=[data["certificate"].verification_code]),
                "signed_in": False,
            }
        for lessons, tree in data["trees"].items():
            course = tree.course if language == "fr" else tree.course_ar
            lesson_list = tree.lessons if language == "fr" else tree.lessons_ar
            result[f"course{lessons}-{language}"] = {"url": course.url, "signed_in": True}
            result[f"lesson{lessons}-{language}"] = {
                "url": lesson_list[len(lesson_list) // 2].url,
                "signed_in": True,
            }
            result[f"anonymous-course{lessons}-{language}"] = {
                "url": course.url,
                "signed_in": False,
            }
        catalogue = ensure_catalogue()[language]
        result[f"catalogue-{language}"] = {"url": catalogue.url, "signed_in": True}
        result[f"anonymous-catalogue-{language}"] = {"url": catalogue.url, "signed_in": False}
    quiz = data["quiz"]
    result["quiz-fr"] = {"url": quiz.url, "signed_in": True}
    return result


def count_queries(measured: dict[str, dict], person) -> None:
    """P2: statements per page, the second time it is served (after per-process warm-up)."""
    signed_in, anonymous = Client(SERVER_NAME="127.0.0.1"), Client(SERVER_NAME="127.0.0.1")
    signed_in.force_login(person)
    for name, page in measured.items():
        client = signed_in if page["signed_in"] else anonymous
        client.get(page["url"])
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = client.get(page["url"])
        if response.status_code != 200:
            raise SystemExit(f"{name}: {page['url']} answered {response.status_code}")
        page["queries"] = counter.count


def session_cookie(person) -> str:
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(person)
    return client.cookies["sessionid"].value


def main(argv: list[str]) -> int:
    sizes, manifest = json.loads(argv[0]), Path(argv[1])
    data = seed(sizes)
    measured = pages(data)
    count_queries(measured, data["person"])
    manifest.write_text(
        json.dumps(
            {"cookie": session_cookie(data["person"]), "pages": measured, "sizes": sizes}, indent=2
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
