"""A cohort from import to report, in French and in Arabic: an administrator pastes a CSV of
people with French and Arabic names, previews it and applies it; a trainer of the cohort opens
its grid; the administrator opens the report per organisation and downloads it as XLSX."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from courses.models import Cohort, Enrolment, Invitation
from tests.factories.courses import build_course
from tests.factories.users import PASSWORD, administrator, learner, trainer, with_verified_email

from .helpers import assert_language, fill_labelled, submit

pytestmark = pytest.mark.browser

CSV = (
    "courriel;nom_latin;nom_arabe;organisme;fonction\n"
    "amina.idrissi@example.ma;Amina Idrissi;أمينة الإدريسي;oujda;Cheffe de service\n"
    "youssef.benali@example.ma;Youssef Benali;يوسف بنعلي;Commune d'Oujda;\n"
)


def sign_in(tab, email: str) -> None:
    tab.open("/fr/accounts/login/")
    fill_labelled(tab.page, "login", email)
    fill_labelled(tab.page, "password", PASSWORD)
    submit(tab.page, "/accounts/login/")


def speaking(user, language: str):
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def press(page, form_selector: str) -> None:
    with page.expect_navigation() as navigation:
        page.locator(f"{form_selector} button[type='submit']").first.click()
    assert navigation.value is not None and navigation.value.ok


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_cohort_is_imported_followed_and_reported_on(make_tab, seeded, language):
    teacher = speaking(with_verified_email(trainer()), language)
    tree = build_course(trainers=[teacher], arabic=True)
    cohort = Cohort.objects.create(course=tree.course, name="Oujda, printemps 2027", capacity=30)
    cohort.trainers.add(teacher)
    amina = with_verified_email(
        learner(
            email="amina.idrissi@example.ma",
            full_name_latin="Amina Idrissi",
            full_name_arabic="أمينة الإدريسي",
        )
    )
    admin = speaking(with_verified_email(administrator()), language)

    tab = make_tab(f"cohort-{language}")
    sign_in(tab, admin.email)
    tab.open(reverse("enrolments:import", args=[cohort.pk]))
    assert_language(tab, language)
    fill_labelled(tab.page, "text", CSV)
    press(tab.page, "form:has(textarea[name='text'])")
    preview = tab.page.locator("table.listing").first.inner_text()
    assert "يوسف بنعلي" in preview and "Youssef Benali" in preview and "أمينة الإدريسي" in preview
    assert not Enrolment.objects.filter(cohort=cohort).exists()  # the preview writes nothing
    tab.shot("preview")

    press(tab.page, "form:has(input[name='payload'])")
    assert Enrolment.objects.filter(cohort=cohort, learner=amina).exists()
    assert Invitation.objects.filter(cohort=cohort, email="youssef.benali@example.ma").exists()
    tab.shot("applied")

    follow = make_tab(f"cohort-grid-{language}")
    sign_in(follow, teacher.email)
    follow.open(reverse("follow_up:cohort_grid", args=[cohort.pk]))
    assert_language(follow, language)
    grid = follow.page.locator("main").inner_text()
    assert ("أمينة الإدريسي" if language == "ar" else "Amina Idrissi") in grid
    follow.shot("grid")

    tab.open(reverse("reports:index"))
    assert_language(tab, language)
    tab.shot("reports")
    export = reverse("reports:export", args=["organisations", "xlsx"])
    with tab.page.expect_download() as download:
        tab.page.locator(f'a[href^="{export}"]').first.click()
    workbook = openpyxl.load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    cells = [
        str(cell)
        for row in workbook.active.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]
    assert ("جماعة وجدة" if language == "ar" else "Commune d'Oujda") in cells
