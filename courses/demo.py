"""Build the demo curriculum, accounts and cohort. Idempotent: a second run creates nothing.

Pages are found by slug under their parent; existing pages (and their Arabic
translations) are left as editors changed them. Demo accounts get their printed
password back and a verified primary e-mail address, so they can always sign in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from content.models import Theme
from content.setup import ensure_translation
from content.themes import ensure_themes
from lms.accounts.models import Organisation
from lms.accounts.roles import ADMINISTRATORS, LEARNERS, TRAINERS
from lms.accounts.services import assign_role

from . import demo_curriculum as data
from .models import Cohort, CoursePage, Enrolment, LessonCompletion, LessonPage, ModulePage
from .services import complete_lesson, enrol
from .setup import ensure_catalogue

LANGUAGES = ("fr", "ar")
# The demo learner has already completed this many lessons of the main course.
LESSONS_DONE_BY_DEMO_LEARNER = 2
DEMO_COHORT_NAME = "Oujda 2026"


@dataclass(frozen=True)
class DemoAccountSpec:
    key: str
    email: str
    password: str
    role: str
    full_name_latin: str
    full_name_arabic: str
    job_title: str
    organisation_slug: str
    label: str


ACCOUNTS = [
    DemoAccountSpec(
        key="learner",
        email="learner@ensa.example",
        password="demo-Apprenant-2026",  # noqa: S106 - printed demo password
        role=LEARNERS,
        full_name_latin="Salma El Idrissi",
        full_name_arabic="سلمى الإدريسي",
        job_title="Cadre, division de l'action sociale",
        organisation_slug="oujda",
        label=_("Learner"),
    ),
    DemoAccountSpec(
        key="trainer",
        email="trainer@ensa.example",
        password="demo-Formateur-2026",  # noqa: S106 - printed demo password
        role=TRAINERS,
        full_name_latin="Youssef Benjelloun",
        full_name_arabic="يوسف بنجلون",
        job_title="Formateur",
        organisation_slug="ensa",
        label=_("Trainer"),
    ),
    DemoAccountSpec(
        key="administrator",
        email="admin@ensa.example",
        password="demo-Admin-2026",  # noqa: S106 - printed demo password
        role=ADMINISTRATORS,
        full_name_latin="Nadia Alaoui",
        full_name_arabic="نادية العلوي",
        job_title="Responsable de la formation continue",
        organisation_slug="ensa",
        label=_("ENSA administrator"),
    ),
]


# A ministry's directorates: the organisations of the demo on two levels.
DEMO_DIRECTORATES = [
    ("mdcmre-dam", "Direction des affaires de la migration", "مديرية شؤون الهجرة"),
    ("mdcmre-dcp", "Direction de la coopération et du partenariat", "مديرية التعاون والشراكة"),
]
PARENT_MINISTRY = "mdcmre"


@dataclass(frozen=True)
class DemoCohortSpec:
    name: str
    starts_on: date
    ends_on: date
    capacity: int


RABAT = DemoCohortSpec("Rabat, automne 2026", date(2026, 10, 5), date(2026, 12, 18), 30)
OUJDA = DemoCohortSpec("Oujda, printemps 2027", date(2027, 3, 1), date(2027, 5, 28), 25)

# Stages of the cohorts' learners: what the reports count.
NOT_STARTED, IN_PROGRESS, COMPLETED, CERTIFIED = "not started", "in progress", "completed", "certified"


@dataclass(frozen=True)
class DemoLearnerSpec:
    email: str
    full_name_latin: str
    full_name_arabic: str
    organisation_slug: str
    confirmed: bool
    cohort: DemoCohortSpec
    stage: str
    enrolled_days_ago: int
    active: bool  # their last lesson was done in the last 30 days


# Accounts without a password (they cannot sign in): they fill the reports.
COHORT_LEARNERS = [
    DemoLearnerSpec("karim.ouazzani@ensa.example", "Karim Ouazzani", "كريم الوزاني", "mdcmre-dam",
                    True, RABAT, CERTIFIED, 70, False),
    DemoLearnerSpec("hanane.tazi@ensa.example", "Hanane Tazi", "حنان التازي", "mdcmre-dam",
                    False, RABAT, IN_PROGRESS, 65, True),
    DemoLearnerSpec("omar.berrada@ensa.example", "Omar Berrada", "عمر برادة", "mdcmre-dcp",
                    True, RABAT, COMPLETED, 60, True),
    DemoLearnerSpec("imane.chraibi@ensa.example", "Imane Chraibi", "إيمان الشرايبي", "rabat",
                    True, RABAT, NOT_STARTED, 58, False),
    DemoLearnerSpec("samira.fassi@ensa.example", "Samira Fassi", "سميرة الفاسي", "mdcmre",
                    True, RABAT, IN_PROGRESS, 40, False),
    DemoLearnerSpec("mehdi.lahlou@ensa.example", "Mehdi Lahlou", "المهدي لحلو", "oujda",
                    False, OUJDA, IN_PROGRESS, 20, True),
    DemoLearnerSpec("zineb.amrani@ensa.example", "Zineb Amrani", "زينب العمراني", "oujda",
                    True, OUJDA, CERTIFIED, 18, True),
    DemoLearnerSpec("rachid.bennani@ensa.example", "Rachid Bennani", "رشيد بناني", "nador",
                    False, OUJDA, NOT_STARTED, 5, False),
]


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
        self.catalogues = ensure_catalogue()
        self.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        self.created = 0

    # Themes ---------------------------------------------------------------------------
    def themes(self) -> dict[str, dict[str, Theme]]:
        return ensure_themes()

    # Pages ----------------------------------------------------------------------------
    def page(self, parent: Page, model, slug: str, fr_fields: dict, ar_fields: dict):
        """The French child of `parent` with `slug` (created and published if missing) and its
        Arabic translation, made through wagtail-localize from `ar_fields` if missing, so that
        *Sync translated pages* keeps it up to date; one made before is adopted as it is."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            m2m = {name: fr_fields.pop(name) for name in ("trainers", "themes") if name in fr_fields}
            page = parent.add_child(instance=model(slug=slug, locale=parent.locale, **fr_fields))
            for name, values in m2m.items():
                getattr(page, name).set(values)
            page.save_revision().publish()
            self.created += 1
        if page.get_translation_or_none(self.locales["ar"]) is None:
            translation = ensure_translation(page, self.locales["ar"], **ar_fields)
            self.created += 1
        else:
            translation = ensure_translation(page, self.locales["ar"])
        return page, translation

    def course(self, spec: data.Course, *, themes, trainer) -> tuple[CoursePage, CoursePage]:
        catalog = self.catalogues["fr"]
        common = {
            "duration_hours": spec.duration_hours,
            "curriculum_code": spec.curriculum_code,
            "enrolment_policy": spec.enrolment_policy,
            "enrolment_key": spec.enrolment_key,
        }
        fr_fields = {
            "title": spec.title[0],
            "summary": spec.summary[0],
            "objectives": spec.objectives[0],
            "audience": spec.audience[0],
            "trainers": [trainer],
            "themes": [themes[slug]["fr"] for slug in spec.theme_slugs],
            **common,
        }
        ar_fields = {
            "title": spec.title[1],
            "summary": spec.summary[1],
            "objectives": spec.objectives[1],
            "audience": spec.audience[1],
            "themes": [themes[slug]["ar"] for slug in spec.theme_slugs],
        }  # settings and trainers are synchronised from the French page
        course, course_ar = self.page(catalog, CoursePage, spec.slug, fr_fields, ar_fields)
        for module_spec in spec.modules:
            module, _module_ar = self.page(
                course,
                ModulePage,
                module_spec.slug,
                {"title": module_spec.title[0], "introduction": module_spec.introduction[0]},
                {"title": module_spec.title[1], "introduction": module_spec.introduction[1]},
            )
            for lesson in module_spec.lessons:
                self.page(
                    module,
                    LessonPage,
                    lesson.slug,
                    {
                        "title": lesson.title[0],
                        "summary": lesson.summary[0],
                        "body": lesson.body_in("fr"),
                        "estimated_minutes": lesson.minutes,
                    },
                    {
                        "title": lesson.title[1],
                        "summary": lesson.summary[1],
                        "body": lesson.body_in("ar"),
                    },
                )
        return course, course_ar

    # Accounts -------------------------------------------------------------------------
    def account(self, spec: DemoAccountSpec) -> DemoAccount:
        User = get_user_model()
        user = User.objects.filter(email=spec.email).first()
        if user is None:
            user = User(
                email=spec.email,
                full_name_latin=spec.full_name_latin,
                full_name_arabic=spec.full_name_arabic,
                job_title=spec.job_title,
                organisation=Organisation.objects.filter(slug=spec.organisation_slug).first(),
            )
            user.set_password(spec.password)
            user.save()
        elif not user.check_password(spec.password):
            user.set_password(spec.password)
            user.save(update_fields=["password"])
        assign_role(user=user, role=spec.role)
        EmailAddress.objects.update_or_create(
            user=user, email=spec.email, defaults={"verified": True, "primary": True}
        )
        return DemoAccount(user=user, password=spec.password, label=str(spec.label))

    def learner_progress(self, *, course: CoursePage, learner, administrator) -> Cohort:
        """Enrol the demo learner in a cohort with some progress, once: a later withdrawal
        or progress made through the site is kept."""
        cohort, _created = Cohort.objects.get_or_create(course=course, name=DEMO_COHORT_NAME)
        if Enrolment.objects.filter(learner=learner, course=course).exists():
            return cohort
        enrol(learner=learner, course=course, enrolled_by=administrator, cohort=cohort)
        lessons = LessonPage.objects.descendant_of(course).live().order_by("path")
        for lesson in lessons[:LESSONS_DONE_BY_DEMO_LEARNER]:
            complete_lesson(learner=learner, lesson=lesson)
        return cohort

    # Organisations and cohorts -----------------------------------------------------------
    def directorates(self) -> None:
        """The ministry's directorates, made once (an administrator may rename them)."""
        ministry = Organisation.objects.filter(slug=PARENT_MINISTRY).first()
        if ministry is None:
            return
        for slug, name_fr, name_ar in DEMO_DIRECTORATES:
            Organisation.objects.get_or_create(
                slug=slug,
                defaults={"name_fr": name_fr, "name_ar": name_ar, "kind": "directorate", "parent": ministry},
            )

    def cohort(self, spec: DemoCohortSpec, *, course: CoursePage, trainer) -> Cohort:
        cohort, created = Cohort.objects.get_or_create(
            course=course,
            name=spec.name,
            defaults={"starts_on": spec.starts_on, "ends_on": spec.ends_on, "capacity": spec.capacity},
        )
        if created:
            cohort.trainers.add(trainer)
        return cohort

    def cohort_learners(self, *, course: CoursePage, administrator, trainer):
        """Two cohorts with their trainer and learners at every stage, made once each: a
        learner's enrolment, progress and dates are left as they are on later runs."""
        self.directorates()
        cohorts = {spec: self.cohort(spec, course=course, trainer=trainer) for spec in (RABAT, OUJDA)}
        lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))
        User = get_user_model()
        stages: dict[str, list] = {}
        now = timezone.now()
        for spec in COHORT_LEARNERS:
            user = User.objects.filter(email=spec.email).first()
            if user is None:
                user = User(
                    email=spec.email,
                    full_name_latin=spec.full_name_latin,
                    full_name_arabic=spec.full_name_arabic,
                    organisation=Organisation.objects.filter(slug=spec.organisation_slug).first(),
                    organisation_confirmed=spec.confirmed,
                )
                user.set_unusable_password()
                user.save()
                assign_role(user=user, role=LEARNERS)
            stages.setdefault(spec.stage, []).append(user)
            if Enrolment.objects.filter(learner=user, course=course).exists():
                continue
            enrolment = enrol(
                learner=user, course=course, enrolled_by=administrator, cohort=cohorts[spec.cohort]
            )
            done = {NOT_STARTED: 0, IN_PROGRESS: len(lessons) // 2}.get(spec.stage, len(lessons))
            for lesson in lessons[:done]:
                complete_lesson(learner=user, lesson=lesson)
            enrolled_at = now - timedelta(days=spec.enrolled_days_ago)
            Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=enrolled_at)
            if not spec.active:
                LessonCompletion.objects.filter(learner=user, lesson__in=lessons).update(
                    completed_at=enrolled_at + timedelta(days=7)
                )
                Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=False).update(
                    completed_at=enrolled_at + timedelta(days=7)
                )
        return list(cohorts.values()), stages

    def build(self) -> DemoResult:
        themes = self.themes()
        accounts = {spec.key: self.account(spec) for spec in ACCOUNTS}
        trainer = accounts["trainer"].user
        built = [self.course(spec, themes=themes, trainer=trainer) for spec in data.COURSES]
        main, main_ar = built[0]
        cohort = self.learner_progress(
            course=main, learner=accounts["learner"].user, administrator=accounts["administrator"].user
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
            pages_created=self.created,
            enrolment_keys={
                course.title: spec.enrolment_key
                for (course, _ar), spec in zip(built, data.COURSES, strict=True)
                if spec.enrolment_key
            },
        )


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
