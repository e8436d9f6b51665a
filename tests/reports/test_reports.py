"""ENSA's reports: figures counted by hand on a small fixture, a fixed number of queries,
safe downloads, administrators only."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from certificates.models import Certificate
from certificates.services import issue_certificate
from courses import services
from courses.models import Cohort, Enrolment, LessonCompletion
from lms.accounts.models import Organisation, OrganisationKind
from reports.queries import Filters, all_reports, by_cohort, by_course, by_organisation
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db

ZONE = timezone.get_default_timezone()


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 10, 0, tzinfo=ZONE)


def table(report) -> dict[str, tuple[int, ...]]:
    return {row.label: row.values for row in report.rows}


def refused(response) -> bool:
    """Wagtail answers a forbidden admin view with a 403, or a redirect (to the dashboard,
    or to the login page for someone who may not use the admin at all)."""
    return response.status_code in (302, 403)


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


def test_organisation_rows_count_their_whole_branch_and_self_declared_members(fixture):
    report = by_organisation(Filters())
    rows = {row.label: row for row in report.rows}
    ministry, d1, d2 = (str(fixture[key]) for key in ("ministry", "d1", "d2"))
    # enrolled, active, completed, certified, self-declared
    assert rows[ministry].values == (4, 2, 2, 1, 1)
    assert rows[d1].values == (2, 2, 1, 1, 1)
    assert rows[d2].values == (1, 0, 0, 0, 0)
    assert rows[gettext("No organisation")].values == (1, 0, 0, 0, 0)
    assert (rows[ministry].depth, rows[d1].depth, rows[d2].depth) == (0, 1, 1)
    labels = [row.label for row in report.rows]
    assert labels.index(ministry) < labels.index(d1)
    assert "Commune d'Oujda" not in labels  # its only learner withdrew
    assert report.total == (5, 2, 2, 1, 1)


def test_course_and_cohort_rows_equal_the_hand_count(fixture):
    assert table(by_course(Filters())) == {"Cours A": (3, 2, 1, 1), "Cours B": (2, 0, 1, 0)}
    assert table(by_cohort(Filters())) == {
        "Oujda, printemps 2027": (2, 2, 1, 1),
        "Rabat, automne 2026": (1, 0, 0, 0),
        gettext("No cohort"): (2, 0, 1, 0),
    }


def test_months_of_enrolment_and_certificates_per_month(fixture):
    reports = {report.key: report for report in all_reports(Filters())}
    assert table(reports["months"]) == {
        "2026-09": (1, 0, 0, 0),
        "2026-10": (3, 2, 2, 1),
        "2026-11": (1, 0, 0, 0),
    }
    assert table(reports["certificates"]) == {"2026-10": (1,)}


def test_filters_by_course_cohort_and_period(fixture):
    october = Filters(
        course=fixture["a"].course, date_from=date(2026, 10, 1), date_to=date(2026, 10, 31)
    )
    assert table(by_course(october)) == {"Cours A": (2, 2, 1, 1)}
    rabat = table(by_organisation(Filters(cohort=fixture["a2"])))
    assert rabat == {str(fixture["ministry"]): (1, 0, 0, 0, 0), str(fixture["d2"]): (1, 0, 0, 0, 0)}
    november = {r.key: r for r in all_reports(Filters(date_from=date(2026, 11, 1)))}
    assert table(november["courses"]) == {"Cours B": (1, 0, 0, 0)}
    assert november["certificates"].rows == []


def test_the_reports_page_shows_tables_and_accessible_charts(client, fixture):
    client.force_login(fixture["admin"])
    response = client.get(reverse("reports:index"))
    assert response.status_code == 200
    html = response.text
    assert html.count('role="img"') == 5
    assert '<title id="chart-organisations-title">' in html
    assert '<desc id="chart-organisations-desc">' in html
    assert 'class="reports-depth-1"' in html
    assert "Oujda, printemps 2027" in html


def test_the_arabic_page_draws_bars_from_the_right(client, fixture):
    client.force_login(fixture["admin"])
    profile = UserProfile.get_for_user(fixture["admin"])
    profile.preferred_language = "ar"
    profile.save()
    html = client.get(reverse("reports:index")).text
    assert 'direction="rtl"' in html


def test_a_period_that_ends_before_it_starts_is_refused_with_a_message(client, fixture):
    client.force_login(fixture["admin"])
    url = reverse("reports:index")
    response = client.get(url, {"date_from": "2026-11-01", "date_to": "2026-10-01"})
    assert gettext("The end of the period must not be before its start.") in response.text
    assert 'role="img"' not in response.text
    response = client.get(url, {"date_from": "1er novembre"})
    assert gettext("Enter the start date as a date, e.g. 2026-09-01.") in response.text
    export = client.get(reverse("reports:export", args=["courses", "csv"]), {"date_to": "demain"})
    assert export.status_code == 400


def test_a_cohort_of_another_course_is_refused(client, fixture):
    client.force_login(fixture["admin"])
    response = client.get(
        reverse("reports:index"), {"course": fixture["b"].course.pk, "cohort": fixture["a1"].pk}
    )
    assert gettext("This cohort belongs to another course.") in response.text


def make_learners(count: int, *, course, lessons, cohort) -> None:
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


def queries_for_reports() -> int:
    with CaptureQueriesContext(connection) as captured:
        all_reports(Filters())
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_number_of_learners(site):
    tree = build_course(modules=1, lessons_per_module=2)
    cohort = Cohort.objects.create(course=tree.course, name="Rabat, automne 2026")
    make_learners(10, course=tree.course, lessons=tree.lessons, cohort=cohort)
    with_ten = queries_for_reports()
    make_learners(190, course=tree.course, lessons=tree.lessons, cohort=cohort)
    assert Enrolment.objects.count() == 200
    assert queries_for_reports() == with_ten


def test_the_page_runs_as_many_queries_for_200_learners_as_for_10(client, site):
    tree = build_course(modules=1, lessons_per_module=2)
    cohort = Cohort.objects.create(course=tree.course, name="Rabat, automne 2026")
    client.force_login(administrator())
    url = reverse("reports:index")
    make_learners(10, course=tree.course, lessons=tree.lessons, cohort=cohort)
    client.get(url)  # warms the caches (site, locales) that a first request fills
    with CaptureQueriesContext(connection) as ten:
        assert client.get(url).status_code == 200
    make_learners(190, course=tree.course, lessons=tree.lessons, cohort=cohort)
    with CaptureQueriesContext(connection) as two_hundred:
        assert client.get(url).status_code == 200
    assert len(two_hundred) == len(ten)


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


def test_csv_exports_neutralise_a_name_starting_with_equals(client, formula_organisation):
    client.force_login(administrator())
    body = client.get(reverse("reports:export", args=["organisations", "csv"])).content.decode(
        "utf-8-sig"
    )
    assert "'=HYPERLINK" in body
    assert '\n"=HYPERLINK' not in body and "\n=HYPERLINK" not in body
    cohorts = client.get(reverse("reports:export", args=["cohorts", "csv"])).content.decode(
        "utf-8-sig"
    )
    assert "'=1+1" in cohorts


def test_xlsx_exports_neutralise_a_name_starting_with_equals(client, formula_organisation):
    from openpyxl import load_workbook

    client.force_login(administrator())
    response = client.get(reverse("reports:export", args=["organisations", "xlsx"]))
    sheet = load_workbook(BytesIO(response.content)).active
    names = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert '\'=HYPERLINK("http://evil.example","x")' in names
    assert not any(isinstance(name, str) and name.startswith("=") for name in names)


def report_urls() -> list[str]:
    urls = [reverse("reports:index")]
    for key in ("organisations", "courses", "cohorts", "months", "certificates"):
        for fmt in ("csv", "xlsx"):
            urls.append(reverse("reports:export", args=[key, fmt]))
    return urls


@pytest.mark.parametrize("role", [learner, trainer])
def test_trainers_and_learners_get_no_report_nor_download(client, fixture, role):
    person = role()
    fixture["a"].course.trainers.add(person)  # even a trainer of a reported course
    client.force_login(person)
    for url in report_urls():
        response = client.get(url)
        assert refused(response), url
        assert b"Cours A" not in response.content


def test_anonymous_visitors_are_sent_to_the_login_page(client, fixture):
    for url in report_urls():
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_the_reports_menu_item_is_for_administrators_only(client, fixture):
    client.force_login(fixture["admin"])
    assert reverse("reports:index") in client.get(reverse("wagtailadmin_home")).text
    teacher = trainer()
    client.force_login(teacher)
    assert reverse("reports:index") not in client.get(reverse("wagtailadmin_home")).text


def test_the_arabic_page_names_courses_in_arabic_with_as_many_queries_for_more_courses(
    client, site
):
    admin = administrator()
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(admin)
    url = reverse("reports:index")

    def add_course(n: int):
        tree = build_course(modules=1, lessons_per_module=1, arabic=True)
        cohort = Cohort.objects.create(course=tree.course, name=f"Promotion {n}")
        make_learners(2, course=tree.course, lessons=tree.lessons, cohort=cohort)
        return tree

    first = add_course(1)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        html = client.get(url).text
    for n in (2, 3, 4):
        add_course(n)
    with CaptureQueriesContext(connection) as four:
        assert client.get(url).status_code == 200
    assert len(four) == len(one)
    assert first.course_ar.title in html
    assert first.course.title not in html
