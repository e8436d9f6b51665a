"""The demo curriculum, accounts, organisations and cohorts, from `data/curriculum.json` and
`data/people.json`. Idempotent: a second run creates nothing.

Pages are found by slug under their parent; existing pages (and their Arabic translations)
are left as editors changed them. Demo accounts get their printed password back and a
verified primary e-mail address, so they can always sign in. A cohort learner's enrolment,
progress and dates are made once and left as they are on later runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext
from wagtail.models import Page

from content.api import ensure_themes
from courses.api import (
    Cohort,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    complete_lesson,
    enrol,
    ensure_catalogue,
)
from lms.accounts.api import LEARNERS, Organisation, assign_role

from . import files
from .pages import PageMaker

# Stages of the cohorts' learners: what the reports count.
NOT_STARTED, IN_PROGRESS = "not_started", "in_progress"
COMPLETED, CERTIFIED = "completed", "certified"


@dataclass(frozen=True)
class DemoAccount:
    user: object
    password: str
    label: str


@dataclass
class DemoResult:
    """What the demo consists of; `course` is the main demo course (French page)."""

    course: CoursePage
    course_ar: CoursePage
    courses: list[CoursePage]
    cohort: Cohort
    accounts: dict[str, DemoAccount]
    catalogues: dict[str, Page]
    pages_created: int = 0
    enrolment_keys: dict[str, str] = field(default_factory=dict)
    cohorts: list[Cohort] = field(default_factory=list)
    # The cohorts' learners by stage (COMPLETED, CERTIFIED...), for the quiz and certificates.
    stages: dict[str, list] = field(default_factory=dict)

    @property
    def learner(self):
        return self.accounts["learner"].user

    @property
    def trainer(self):
        return self.accounts["trainer"].user

    @property
    def administrator(self):
        return self.accounts["administrator"].user


class _Builder:
    def __init__(self):
        self.curriculum = files.read("curriculum")
        self.people = files.read("people")
        self.catalogues = ensure_catalogue()
        self.pages = PageMaker()

    # Pages ----------------------------------------------------------------------------
    def course(self, spec: dict, *, themes, trainer) -> tuple[CoursePage, CoursePage]:
        texts = {name: spec[name] for name in ("title", "summary", "objectives", "audience")}
        fr_fields = {
            **files.in_language(texts, "fr"),
            "duration_hours": spec["duration_hours"],
            "curriculum_code": spec["curriculum_code"],
            "enrolment_policy": spec.get("enrolment_policy", "open"),
            "enrolment_key": spec.get("enrolment_key", ""),
            "trainers": [trainer],
            "themes": [themes[slug]["fr"] for slug in spec["themes"]],
        }
        ar_fields = {
            **files.in_language(texts, "ar"),
            "themes": [themes[slug]["ar"] for slug in spec["themes"]],
        }  # settings and trainers are synchronised from the French page
        course, course_ar = self.pages.page(
            self.catalogues["fr"], CoursePage, spec["slug"], fr_fields, ar_fields
        )
        for module_spec in spec["modules"]:
            texts = {name: module_spec[name] for name in ("title", "introduction")}
            module, _module_ar = self.pages.page(
                course,
                ModulePage,
                module_spec["slug"],
                files.in_language(texts, "fr"),
                files.in_language(texts, "ar"),
            )
            for lesson in module_spec["lessons"]:
                texts = {name: lesson[name] for name in ("title", "summary")}
                self.pages.page(
                    module,
                    LessonPage,
                    lesson["slug"],
                    {
                        **files.in_language(texts, "fr"),
                        "body": body_in(lesson, "fr"),
                        "estimated_minutes": lesson["minutes"],
                    },
                    {**files.in_language(texts, "ar"), "body": body_in(lesson, "ar")},
                )
        return course, course_ar

    # Accounts -------------------------------------------------------------------------
    def account(self, spec: dict) -> DemoAccount:
        User = get_user_model()
        user = User.objects.filter(email=spec["email"]).first()
        if user is None:
            user = User(
                email=spec["email"],
                full_name_latin=spec["full_name"]["fr"],
                full_name_arabic=spec["full_name"]["ar"],
                job_title=spec["job_title"],
                organisation=Organisation.objects.filter(slug=spec["organisation"]).first(),
            )
            user.set_password(spec["password"])
            user.save()
        elif not user.check_password(spec["password"]):
            user.set_password(spec["password"])
            user.save(update_fields=["password"])
        assign_role(user=user, role=spec["role"])
        EmailAddress.objects.update_or_create(
            user=user, email=spec["email"], defaults={"verified": True, "primary": True}
        )
        language = "ar" if (get_language() or "").startswith("ar") else "fr"
        return DemoAccount(user=user, password=spec["password"], label=spec["label"][language])

    def learner_progress(self, *, course: CoursePage, learner, administrator) -> Cohort:
        """Enrol the demo learner in a cohort with some progress, once: a later withdrawal
        or progress made through the site is kept."""
        spec = self.people["demo_learner"]
        cohort, _created = Cohort.objects.get_or_create(course=course, name=spec["cohort"])
        if Enrolment.objects.filter(learner=learner, course=course).exists():
            return cohort
        enrol(learner=learner, course=course, enrolled_by=administrator, cohort=cohort)
        lessons = LessonPage.objects.descendant_of(course).live().order_by("path")
        for lesson in lessons[: spec["lessons_done"]]:
            complete_lesson(learner=learner, lesson=lesson)
        return cohort

    # Organisations and cohorts -----------------------------------------------------------
    def directorates(self) -> None:
        """The ministry's directorates, made once (an administrator may rename them)."""
        spec = self.people["directorates"]
        ministry = Organisation.objects.filter(slug=spec["parent"]).first()
        if ministry is None:
            return
        for child in spec["children"]:
            Organisation.objects.get_or_create(
                slug=child["slug"],
                defaults={
                    "name_fr": child["name"]["fr"],
                    "name_ar": child["name"]["ar"],
                    "kind": "directorate",
                    "parent": ministry,
                },
            )

    def cohort(self, spec: dict, *, course: CoursePage, trainer) -> Cohort:
        cohort, created = Cohort.objects.get_or_create(
            course=course,
            name=spec["name"],
            defaults={
                "starts_on": date.fromisoformat(spec["starts_on"]),
                "ends_on": date.fromisoformat(spec["ends_on"]),
                "capacity": spec["capacity"],
            },
        )
        if created:
            cohort.trainers.add(trainer)
        return cohort

    def cohort_learners(self, *, course: CoursePage, administrator, trainer):
        """The cohorts with their trainer and learners at every stage. Accounts without a
        password (they cannot sign in): they fill the reports."""
        self.directorates()
        cohorts = {
            spec["key"]: self.cohort(spec, course=course, trainer=trainer)
            for spec in self.people["cohorts"]
        }
        lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))
        User = get_user_model()
        stages: dict[str, list] = {}
        now = timezone.now()
        for spec in self.people["learners"]:
            user = User.objects.filter(email=spec["email"]).first()
            if user is None:
                user = User(
                    email=spec["email"],
                    full_name_latin=spec["full_name"]["fr"],
                    full_name_arabic=spec["full_name"]["ar"],
                    organisation=Organisation.objects.filter(slug=spec["organisation"]).first(),
                    organisation_confirmed=spec["confirmed"],
                )
                user.set_unusable_password()
                user.save()
                assign_role(user=user, role=LEARNERS)
            stages.setdefault(spec["stage"], []).append(user)
            if Enrolment.objects.filter(learner=user, course=course).exists():
                continue
            enrolment = enrol(
                learner=user,
                course=course,
                enrolled_by=administrator,
                cohort=cohorts[spec["cohort"]],
            )
            done = {NOT_STARTED: 0, IN_PROGRESS: len(lessons) // 2}.get(spec["stage"], len(lessons))
            for lesson in lessons[:done]:
                complete_lesson(learner=user, lesson=lesson)
            enrolled_at = now - timedelta(days=spec["enrolled_days_ago"])
            Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=enrolled_at)
            if not spec["active"]:  # their last lesson was done more than 30 days ago
                LessonCompletion.objects.filter(learner=user, lesson__in=lessons).update(
                    completed_at=enrolled_at + timedelta(days=7)
                )
                Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=False).update(
                    completed_at=enrolled_at + timedelta(days=7)
                )
        return list(cohorts.values()), stages

    def build(self) -> DemoResult:
        themes = ensure_themes()
        accounts = {spec["key"]: self.account(spec) for spec in self.people["accounts"]}
        trainer = accounts["trainer"].user
        specs = self.curriculum["courses"]
        built = [self.course(spec, themes=themes, trainer=trainer) for spec in specs]
        main, main_ar = built[0]
        cohort = self.learner_progress(
            course=main,
            learner=accounts["learner"].user,
            administrator=accounts["administrator"].user,
        )
        cohorts, stages = self.cohort_learners(
            course=main,
            administrator=accounts["administrator"].user,
            trainer=trainer,
        )
        return DemoResult(
            cohorts=cohorts,
            stages=stages,
            course=main,
            course_ar=main_ar,
            courses=[course for course, _ar in built],
            cohort=cohort,
            accounts=accounts,
            catalogues=self.catalogues,
            pages_created=self.pages.created,
            enrolment_keys={
                course.title: spec["enrolment_key"]
                for (course, _ar), spec in zip(built, specs, strict=True)
                if spec.get("enrolment_key")
            },
        )


def body_in(lesson: dict, language: str) -> list[dict]:
    """The StreamField value of a lesson's body in `language`."""
    return [{"type": block["type"], "value": block[language]} for block in lesson["body"]]


def build_demo(stdout=None) -> DemoResult:
    """Create whatever part of the demo is missing, in one transaction. Safe to repeat."""
    with transaction.atomic():
        result = _Builder().build()
    if stdout is not None:
        stdout.write(
            gettext("Demo curriculum: %(courses)d courses, %(created)d pages created.")
            % {"courses": len(result.courses), "created": result.pages_created}
        )
    return result
