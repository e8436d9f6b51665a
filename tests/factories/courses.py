"""Course trees for tests: a course with modules and lessons, in French and optionally Arabic."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count

from wagtail.models import Locale

from content.setup import ensure_translation
from courses.models import CoursePage, EnrolmentPolicy, LessonPage, ModulePage
from courses.setup import ensure_catalogue

_numbers = count(1)


@dataclass
class CourseTree:
    course: CoursePage
    modules: list[ModulePage] = field(default_factory=list)
    lessons: list[LessonPage] = field(default_factory=list)
    course_ar: CoursePage | None = None
    lessons_ar: list[LessonPage] = field(default_factory=list)


def lesson_body(text: str = "Contenu de la leçon.") -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def build_course(
    *,
    modules: int = 2,
    lessons_per_module: int = 2,
    arabic: bool = False,
    live: bool = True,
    trainers=(),
    optional_lessons: int = 0,
    **course_fields,
) -> CourseTree:
    """Publish a course under the French catalogue (and its Arabic translation if asked)."""
    n = next(_numbers)
    catalog = ensure_catalogue()["fr"]
    course_fields.setdefault("summary", "Planifier l'intégration des migrants au niveau communal.")
    course_fields.setdefault("enrolment_policy", EnrolmentPolicy.OPEN)
    course = catalog.add_child(
        instance=CoursePage(
            title=course_fields.pop("title", f"Cours {n}"),
            slug=f"cours-{n}",
            duration_hours=course_fields.pop("duration_hours", 12),
            **course_fields,
        )
    )
    if trainers:
        course.trainers.set(trainers)
        course.trainers.commit()  # a draft course lists its trainers too
    revision = course.save_revision()
    if live:
        revision.publish()
    else:
        course.live = False
        course.save(update_fields=["live"])
    tree = CourseTree(course=course)
    remaining_optional = optional_lessons
    for m in range(modules):
        module = course.add_child(
            instance=ModulePage(title=f"Module {m + 1}", slug=f"module-{m + 1}")
        )
        module.save_revision().publish()
        tree.modules.append(module)
        for lesson_number in range(lessons_per_module):
            required = True
            if remaining_optional:
                required = False
                remaining_optional -= 1
            lesson = module.add_child(
                instance=LessonPage(
                    title=f"Leçon {m + 1}.{lesson_number + 1}",
                    slug=f"lecon-{m + 1}-{lesson_number + 1}",
                    body=lesson_body(),
                    required=required,
                )
            )
            lesson.save_revision().publish()
            tree.lessons.append(lesson)
    if arabic:
        ar = Locale.objects.get(language_code="ar")
        tree.course_ar = ensure_translation(course, ar, title=f"دورة {n}")
        for module in tree.modules:
            ensure_translation(module, ar, title=f"وحدة {module.title[-1]}")
        for lesson in tree.lessons:
            tree.lessons_ar.append(ensure_translation(lesson, ar, title=f"درس {lesson.title[-3:]}"))
    return tree
