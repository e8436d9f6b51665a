"""The reports page and its downloads in the admin (reports/views.py): tables and accessible
charts in both directions, a fixed number of queries, spreadsheet cells made safe."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from courses.models import Cohort
from tests.factories.courses import build_course
from tests.factories.users import administrator

pytestmark = pytest.mark.django_db


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


def test_the_page_runs_as_many_queries_for_200_learners_as_for_10(client, site, make_learners):
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


def test_the_arabic_page_names_courses_in_arabic_with_as_many_queries_for_more_courses(
    client, site, make_learners
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
