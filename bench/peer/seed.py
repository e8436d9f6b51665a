"""Seed the peer project like ours and describe it: `python -m peer.seed SIZES_JSON MANIFEST`
(run from bench/ with the peer's own interpreter and DJANGO_SETTINGS_MODULE=peer.settings).

Courses of the same sizes, the same lesson text, a learner enrolled in both with half the
lessons done, the same crowd of other learners; the manifest holds the learner's session
cookie, each page's URL and its number of SQL statements."""

import json
import sys
from pathlib import Path

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Site  # noqa: E402
from wagtail_lms.models import CourseEnrollment, CoursePage, H5PLessonCompletion, H5PLessonPage  # noqa: E402


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def course(root, lessons: int):
    page = root.add_child(
        instance=CoursePage(title=f"Cours de {lessons} leçons", slug=f"cours-{lessons}")
    )
    page.save_revision().publish()
    children = []
    for number in range(lessons):
        lesson = page.add_child(
            instance=H5PLessonPage(
                title=f"Leçon {number + 1}",
                slug=f"lecon-{number + 1}",
                body=[{"type": "paragraph", "value": "<p>Contenu de la leçon.</p>"}],
            )
        )
        lesson.save_revision().publish()
        children.append(lesson)
    return page, children


def main(argv):
    sizes, manifest = json.loads(argv[0]), Path(argv[1])
    call_command("migrate", verbosity=0, interactive=False)
    root = Site.objects.get(is_default_site=True).root_page
    User = get_user_model()
    crowd = User.objects.bulk_create(
        [User(username=f"learner-{n}", password="!") for n in range(sizes["learners"])]  # noqa: S106
    )
    person = User.objects.create_user("bench-learner", password=None)
    pages = {}
    for lessons in sizes["lessons"]:
        page, children = course(root, lessons)
        CourseEnrollment.objects.bulk_create(
            [CourseEnrollment(user=user, course=page) for user in crowd]
        )
        CourseEnrollment.objects.create(user=person, course=page)
        H5PLessonCompletion.objects.bulk_create(
            [H5PLessonCompletion(user=person, lesson=lesson) for lesson in children[: lessons // 2]]
        )
        pages[f"peer-course{lessons}"] = {"url": page.url, "signed_in": True}
        pages[f"peer-lesson{lessons}"] = {
            "url": children[len(children) // 2].url,
            "signed_in": True,
        }
    client = Client()
    client.force_login(person)
    for name, page in pages.items():
        client.get(page["url"])
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = client.get(page["url"])
        if response.status_code != 200:
            raise SystemExit(f"{name}: {page['url']} answered {response.status_code}")
        page["queries"] = counter.count
    manifest.write_text(
        json.dumps({"cookie": client.cookies["sessionid"].value, "pages": pages}, indent=2)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
