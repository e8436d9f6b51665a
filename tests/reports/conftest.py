"""The reports' fixtures: a small world whose figures are counted by hand, and learners in
bulk for the query budgets."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from certificates.models import Certificate
from certificates.services import issue_certificate
from courses import services
from courses.models import Cohort, Enrolment, LessonCompletion
from lms.accounts.models import Organisation, OrganisationKind
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner

ZONE = timezone.get_default_timezone()


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 10, 0, tzinfo=ZONE)


@pytest.fixture
def fixture(site):
    """Two courses, two cohorts, a ministry with two directorates, a municipality.

    p1 (directorate 1, confirmed)     course A, cohort A1: completed, certified, active
    p2 (directorate 1, self-declared) course A, cohort A1: one lesson done, active
    p3 (directorate 2, confirmed)     course A, cohort A2: nothing done
    p4 (the ministry, confirmed)      course B: completed 40 days ago, not active
    p5 (Oujda, self-declared)         course A, cohort A2: withdrawn (not counted)
    p6 (no organisation)              course B: nothing done
    """
    admin = administrator()
    ministry = Organisation.objects.get(slug="mdcmre")
    d1 = Organisation.objects.create(
        name_fr="Direction des affaires de la migration",
        name_ar="مديرية شؤون الهجرة",
        kind=OrganisationKind.DIRECTORATE,
        parent=ministry,
        slug="dam-test",
    )
    d2 = Organisation.objects.create(
        name_fr="Direction de la coopération",
        name_ar="مديرية التعاون",
        kind=OrganisationKind.DIRECTORATE,
        parent=ministry,
        slug="dc-test",
    )
    a = build_course(modules=1, lessons_per_module=2, title="Cours A")
    b = build_course(modules=1, lessons_per_module=1, title="Cours B")
    a1 = Cohort.objects.create(course=a.course, name="Oujda, printemps 2027")
    a2 = Cohort.objects.create(course=a.course, name="Rabat, automne 2026")
    oujda = Organisation.objects.get(slug="oujda")

    def person(organisation, confirmed):
        return learner(organisation=organisation, organisation_confirmed=confirmed)

    p1, p2, p3 = person(d1, True), person(d1, False), person(d2, True)
    p4, p5, p6 = person(ministry, True), person(oujda, False), person(None, False)
    e1 = services.enrol(learner=p1, course=a.course, enrolled_by=admin, cohort=a1)
    for lesson in a.lessons:
        services.complete_lesson(learner=p1, lesson=lesson)
    services.enrol(learner=p2, course=a.course, enrolled_by=admin, cohort=a1)
    services.complete_lesson(learner=p2, lesson=a.lessons[0])
    services.enrol(learner=p3, course=a.course, enrolled_by=admin, cohort=a2)
    services.enrol(learner=p4, course=b.course, enrolled_by=admin)
    services.complete_lesson(learner=p4, lesson=b.lessons[0])
    LessonCompletion.objects.filter(learner=p4).update(
        completed_at=timezone.now() - timedelta(days=40)
    )
    services.enrol(learner=p5, course=a.course, enrolled_by=admin, cohort=a2)
    services.complete_lesson(learner=p5, lesson=a.lessons[0])
    services.unenrol(learner=p5, course=a.course)
    services.enrol(learner=p6, course=b.course, enrolled_by=admin)
    for who, when in (
        (p1, at(2026, 10, 5)),
        (p2, at(2026, 10, 5)),
        (p3, at(2026, 9, 15)),
        (p4, at(2026, 10, 20)),
        (p6, at(2026, 11, 2)),
    ):
        Enrolment.objects.filter(learner=who).update(enrolled_at=when)
    e1.refresh_from_db()
    certificate = issue_certificate(enrolment=e1, issued_by=admin)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=at(2026, 10, 28))
    return {
        "admin": admin,
        "ministry": ministry,
        "d1": d1,
        "d2": d2,
        "a": a,
        "b": b,
        "a1": a1,
        "a2": a2,
    }


@pytest.fixture
def formula_organisation(site):
    organisation = Organisation.objects.create(
        name_fr='=HYPERLINK("http://evil.example","x")', kind=OrganisationKind.OTHER, slug="formula"
    )
    tree = build_course(modules=1, lessons_per_module=1)
    cohort = Cohort.objects.create(course=tree.course, name="=1+1")
    services.enrol(
        learner=learner(organisation=organisation),
        course=tree.course,
        cohort=cohort,
        enrolled_by=administrator(),
    )
    return organisation


def _make_learners(count: int, *, course, lessons, cohort) -> None:
    User = get_user_model()
    stamp = f"{count}-{timezone.now().timestamp()}"
    people = User.objects.bulk_create(
        [
            User(
                email=f"bulk{stamp}-{n}@example.ma",
                full_name_latin=f"Apprenant {n}",
                organisation=Organisation.objects.get(slug="rabat"),
            )
            for n in range(count)
        ]
    )
    Enrolment.objects.bulk_create(
        [Enrolment(learner=p, course=course, cohort=cohort) for p in people]
    )
    LessonCompletion.objects.bulk_create(
        [LessonCompletion(learner=p, lesson=lessons[0]) for p in people[::2]]
    )


@pytest.fixture
def make_learners(db):
    """make_learners(count, course=..., lessons=..., cohort=...): `count` learners of Rabat
    enrolled in the cohort, every second one with the first lesson done (bulk-created)."""
    return _make_learners
