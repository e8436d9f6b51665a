"""The demo curriculum (demo/curriculum.py: build_demo): courses in both languages, accounts
with their roles, learners at every stage, organisations and cohorts."""

import re

import pytest
from allauth.account.models import EmailAddress
from wagtail.models import Locale

from courses.models import Cohort, Enrolment, LessonCompletion, LessonPage, ModulePage
from courses.services import unenrol
from demo import files
from demo.curriculum import build_demo
from lms.accounts.models import Organisation
from lms.accounts.roles import is_administrator, is_trainer

pytestmark = pytest.mark.django_db

ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")


def test_main_course_has_modules_and_lessons_translated_into_arabic(site):
    result = build_demo()
    ar = Locale.objects.get(language_code="ar")
    modules = ModulePage.objects.child_of(result.course).live()
    lessons = list(LessonPage.objects.descendant_of(result.course).live())
    assert modules.count() >= 3
    assert len(lessons) >= 8
    assert result.course.curriculum_code
    assert result.course.duration_hours > 0
    assert result.trainer in result.course.trainers.all()
    assert ARABIC_LETTER.search(result.course_ar.title)
    assert ARABIC_LETTER.search(result.course_ar.summary)
    for lesson in lessons:
        translation = lesson.get_translation(ar)
        assert translation.live
        assert ARABIC_LETTER.search(translation.title), lesson.title
        assert [b.block_type for b in translation.body] == [b.block_type for b in lesson.body]
        assert ARABIC_LETTER.search(str(translation.body[0].value))
        assert not ARABIC_LETTER.search(str(lesson.body[0].value))
    block_types = {block.block_type for lesson in lessons for block in lesson.body}
    assert {"paragraph", "callout", "case_study", "exercise"} <= block_types


def test_second_course_is_shorter_and_translated(site):
    result = build_demo()
    second = result.courses[1]
    assert ModulePage.objects.child_of(second).count() >= 1
    assert LessonPage.objects.descendant_of(second).count() >= 2
    assert second.get_translation_or_none(Locale.objects.get(language_code="ar")) is not None


def test_courses_carry_translated_themes_in_each_language(site):
    result = build_demo()
    fr_themes = set(result.course.themes.values_list("translation_key", flat=True))
    ar_themes = result.course_ar.themes.all()
    assert fr_themes
    assert {theme.translation_key for theme in ar_themes} == fr_themes
    assert all(theme.locale.language_code == "ar" for theme in ar_themes)


def test_demo_accounts_hold_their_roles_and_verified_addresses(site):
    result = build_demo()
    assert is_trainer(result.trainer) and not is_administrator(result.trainer)
    assert is_administrator(result.administrator)
    assert not result.administrator.is_superuser
    assert not result.learner.is_staff
    for account in result.accounts.values():
        assert EmailAddress.objects.filter(
            user=account.user, email=account.user.email, verified=True, primary=True
        ).exists()
        assert account.user.check_password(account.password)


def test_demo_learner_signs_in_without_being_asked_to_verify_the_address(site, client):
    result = build_demo()
    response = client.post(
        "/fr/accounts/login/",
        {"login": result.learner.email, "password": result.accounts["learner"].password},
    )
    assert response.status_code == 302
    assert "confirm-email" not in response.url
    assert client.session.get("_auth_user_id") == str(result.learner.pk)


def test_demo_learner_is_enrolled_in_a_cohort_with_some_progress(site):
    result = build_demo()
    enrolment = Enrolment.objects.get(learner=result.learner, course=result.course)
    assert enrolment.cohort == result.cohort
    assert LessonCompletion.objects.filter(learner=result.learner).count() == 2


def test_a_changed_demo_password_is_restored_so_the_printed_one_works(site):
    result = build_demo()
    result.trainer.set_password("something-else-2026")
    result.trainer.save()
    result = build_demo()
    result.trainer.refresh_from_db()
    assert result.trainer.check_password(result.accounts["trainer"].password)


def test_seed_demo_keeps_a_withdrawal_of_the_demo_learner(site):
    result = build_demo()
    unenrol(learner=result.learner, course=result.course)
    build_demo()
    assert not Enrolment.objects.get(learner=result.learner, course=result.course).is_current


def test_the_demo_ministry_has_two_directorates_and_the_cohorts_a_trainer(demo):
    ministry = Organisation.objects.get(slug="mdcmre")
    people = files.read("people")
    directorates = {child["slug"] for child in people["directorates"]["children"]}
    assert set(ministry.children.values_list("slug", flat=True)) >= directorates
    for spec in people["cohorts"]:
        cohort = Cohort.objects.get(name=spec["name"])
        assert cohort.trainers.exists()
        assert cohort.enrolments.count() >= 3
