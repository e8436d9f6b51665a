"""Every course, module, lesson, quiz and handbook, the demo's included, is translated through
wagtail-localize: "Sync translated pages" brings a French change to the Arabic page, settings
that are the same in both languages are synchronised fields (declared on the page models,
courses/models.py for courses), and the Arabic page shows them."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail import blocks
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from content.models import AccessLevel, HandbookPage
from content.setup import ensure_translation
from courses.models import CoursePage, LessonPage, ModulePage
from courses.quizzes.models import QuizPage
from demo import files
from demo.curriculum import body_in, build_demo
from demo.library import seed_demo_library
from demo.quiz import seed_demo_quiz
from tests.factories.courses import build_course
from tests.factories.users import administrator, trainer

pytestmark = pytest.mark.django_db

ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture
def arabic(site) -> Locale:
    return Locale.objects.get(language_code="ar")


def untranslated_strings(page: Page, locale: Locale) -> list[str]:
    """The strings of `page` that its translation in `locale` shows in French."""
    source = TranslationSource.objects.get_for_instance(page.specific)
    return [
        segment.string.data
        for segment in StringSegment.objects.filter(source=source).select_related("string")
        if not StringTranslation.objects.filter(
            translation_of=segment.string,
            context=segment.context,
            locale=locale,
            has_error=False,
        ).exists()
    ]


def body_texts(page) -> list[list[str]]:
    """The text of each block of a page's body, without markup."""
    return [block.block.get_searchable_content(block.value) for block in page.body]


def block_form_data(prefix: str, block, value) -> dict[str, str]:
    """A StreamField value as the page editor posts it, keeping each block's id."""
    if isinstance(block, blocks.StreamBlock):
        children = list(value)
        data = {f"{prefix}-count": str(len(children))}
        for index, child in enumerate(children):
            item = f"{prefix}-{index}"
            data |= {
                f"{item}-type": child.block_type,
                f"{item}-id": child.id or "",
                f"{item}-deleted": "",
                f"{item}-order": str(index),
            }
            data |= block_form_data(f"{item}-value", child.block, child.value)
        return data
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child_block in block.child_blocks.items():
            data |= block_form_data(f"{prefix}-{name}", child_block, value[name])
        return data
    state = block.get_form_state(value)
    if isinstance(state, list):
        state = state[0] if state else ""
    return {prefix: "" if state is None else str(state)}


def edit_in_admin(client, page: Page, changes: dict[str, str], *, body=None):
    """Edit a page in the admin's page editor, as a person would, and publish it."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    if body is not None:
        data.update(block_form_data("body", type(page).body.field.stream_block, body))
    for name, value in changes.items():
        data[name] = value
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["form"].errors


def sync_with_publish(client, page: Page, django_capture_on_commit_callbacks):
    """Press "Sync translated pages", tick "Publish immediately" and confirm."""
    source = TranslationSource.objects.get_for_instance(page.specific)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302


# --- The demo ------------------------------------------------------------------------------


def test_every_demo_page_is_a_synced_translation_with_all_its_arabic_text(arabic):
    call_command("seed_demo", stdout=StringIO())
    french = Page.objects.filter(locale__language_code="fr").type(
        CoursePage, ModulePage, LessonPage, QuizPage, HandbookPage
    )
    assert french.count() > 20
    for page in french.specific():
        translation_record = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=arabic
        )
        assert translation_record.enabled, page
        assert page.get_translation(arabic).live, page
        assert untranslated_strings(page, arabic) == [], page


def test_a_second_seed_adopts_nothing_twice_and_keeps_the_translations(arabic):
    call_command("seed_demo", stdout=StringIO())
    counts = (Translation.objects.count(), StringTranslation.objects.count())
    assert min(counts) > 0
    call_command("seed_demo", stdout=StringIO())
    assert (Translation.objects.count(), StringTranslation.objects.count()) == counts


def test_the_demo_course_offers_sync_translated_pages_in_the_admin(client, arabic):
    result = build_demo()
    source = TranslationSource.objects.get_for_instance(result.course)
    client.force_login(result.trainer)
    content = client.get(reverse("wagtailadmin_pages:edit", args=[result.course.pk])).text
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in content


def test_a_french_edit_of_a_demo_lesson_reaches_the_arabic_page_after_sync_with_publish(
    client, arabic, django_capture_on_commit_callbacks
):
    result = build_demo()
    lesson = LessonPage.objects.descendant_of(result.course).order_by("path").first()
    lesson_ar = lesson.get_translation(arabic).specific
    arabic_title, arabic_body = lesson_ar.title, body_texts(lesson_ar)
    body = lesson.body
    added = "<p>Nouveau paragraphe ajouté par le formateur.</p>"
    body.append(("paragraph", RichText(added)))
    client.force_login(result.trainer)

    edit_in_admin(client, lesson, {"estimated_minutes": "55"}, body=body)
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.estimated_minutes == 55
    assert len(lesson.body) == len(arabic_body) + 1
    # Publishing the French page alone leaves the Arabic page as it was...
    assert LessonPage.objects.get(pk=lesson_ar.pk).estimated_minutes != 55

    sync_with_publish(client, lesson, django_capture_on_commit_callbacks)

    lesson_ar = LessonPage.objects.get(pk=lesson_ar.pk)
    assert lesson_ar.live and not lesson_ar.has_unpublished_changes
    assert lesson_ar.estimated_minutes == 55
    assert [b.block_type for b in lesson_ar.body] == [b.block_type for b in lesson.body]
    # ...and the sync keeps the Arabic text of what did not change in French.
    assert lesson_ar.title == arabic_title
    assert body_texts(lesson_ar)[:-1] == arabic_body
    # The Arabic page shows the new paragraph (in French until it is translated) and time.
    client.force_login(result.learner)  # enrolled in the demo course
    content = client.get(lesson_ar.url).text
    assert "Nouveau paragraphe ajouté par le formateur." in content
    with translation.override("ar"):
        minutes = translation.ngettext("About %(minutes)s minute", "About %(minutes)s minutes", 55)
    assert minutes % {"minutes": 55} in content


def test_enrolment_settings_edited_in_french_show_on_the_arabic_course_page_after_sync(
    client, arabic, django_capture_on_commit_callbacks
):
    result = build_demo()
    course, course_ar = result.course, result.course_ar
    closes = timezone.localtime(timezone.now() + datetime.timedelta(days=20)).replace(
        second=0, microsecond=0
    )
    client.force_login(result.trainer)
    edit_in_admin(
        client,
        course,
        {"capacity": "35", "enrolment_closes_at": closes.strftime("%Y-%m-%d %H:%M")},
    )
    sync_with_publish(client, course, django_capture_on_commit_callbacks)

    course_ar = CoursePage.objects.get(pk=course_ar.pk)
    assert (course_ar.capacity, course_ar.enrolment_closes_at) == (35, closes)
    assert ARABIC_LETTER.search(course_ar.summary)  # the text stays translated
    client.logout()
    content = client.get(course_ar.url).text
    with translation.override("ar"):
        shown = formats.date_format(closes, "DATETIME_FORMAT")
    assert shown in content
    assert '<dd class="capacity">35</dd>' in content


def test_settings_are_synchronised_and_never_typed_by_a_translator(arabic):
    result = build_demo()
    source = TranslationSource.objects.get_for_instance(result.course)
    settings = [
        "duration_hours",
        "curriculum_code",
        "enrolment_key",
        "enrolment_policy",
        "capacity",
        "enrolment_opens_at",
        "enrolment_closes_at",
    ]
    assert not StringSegment.objects.filter(source=source, context__path__in=settings).exists()
    assert not OverridableSegment.objects.filter(source=source, context__path__in=settings).exists()


# --- Quizzes and handbooks ----------------------------------------------------------------


def test_quiz_settings_reach_the_arabic_quiz_after_sync(
    client, arabic, django_capture_on_commit_callbacks
):
    quiz = seed_demo_quiz(course=build_demo().course)
    quiz_ar = quiz.get_translation(arabic).specific
    quiz.time_limit_minutes, quiz.pass_mark = 45, 70
    quiz.save_revision().publish()
    client.force_login(administrator())

    sync_with_publish(client, quiz, django_capture_on_commit_callbacks)

    quiz_ar = QuizPage.objects.get(pk=quiz_ar.pk)
    assert (quiz_ar.time_limit_minutes, quiz_ar.pass_mark) == (45, 70)
    assert quiz_ar.title == "التقييم النهائي"
    assert [q.question_id for q in quiz_ar.fixed_questions.all()] == [
        q.question_id for q in quiz.fixed_questions.all()
    ]


def test_a_handbooks_access_level_syncs_and_its_arabic_editions_stay_its_own(
    client, arabic, django_capture_on_commit_callbacks
):
    handbook = seed_demo_library()[0]
    handbook_ar = handbook.get_translation(arabic).specific
    arabic_files = sorted(handbook_ar.editions.values_list("document_id", "language"))
    assert {language for _document, language in arabic_files} == {"ar"}
    handbook.access_level = AccessLevel.STAFF
    handbook.save_revision().publish()
    client.force_login(administrator())

    sync_with_publish(client, handbook, django_capture_on_commit_callbacks)

    handbook_ar = HandbookPage.objects.get(pk=handbook_ar.pk)
    assert handbook_ar.access_level == AccessLevel.STAFF
    assert sorted(handbook_ar.editions.values_list("document_id", "language")) == arabic_files
    assert ARABIC_LETTER.search(handbook_ar.summary)


# --- Translations made before wagtail-localize kept them ----------------------------------


def test_a_translation_made_by_copy_is_adopted_and_syncs_without_losing_its_arabic(
    client, arabic, django_capture_on_commit_callbacks
):
    tree = build_course(modules=1, lessons_per_module=1)
    course = tree.course
    # As the demo made them before: a copy whose fields were then typed in Arabic.
    course_ar = course.copy_for_translation(arabic)
    course_ar.title, course_ar.summary = "دورة قديمة", "ملخص الدورة القديمة."
    course_ar.save_revision().publish()
    assert not Translation.objects.filter(source__object_id=course.translation_key).exists()

    ensure_translation(course, arabic)

    assert untranslated_strings(course, arabic) == []
    course.capacity = 12
    course.save_revision().publish()
    client.force_login(administrator())
    sync_with_publish(client, course, django_capture_on_commit_callbacks)
    course_ar = CoursePage.objects.get(pk=course_ar.pk)
    assert (course_ar.title, course_ar.summary, course_ar.capacity) == (
        "دورة قديمة",
        "ملخص الدورة القديمة.",
        12,
    )


def test_seeding_a_database_seeded_before_adopts_the_demos_arabic_pages(arabic):
    """Before, the demo copied its pages and typed the Arabic fields: the Arabic bodies had
    blocks of their own. Seeding again makes them synced translations with all their text."""
    result = build_demo()
    for spec in files.read("curriculum")["courses"]:
        for module in spec["modules"]:
            for lesson_spec in module["lessons"]:
                lesson = LessonPage.objects.get(
                    locale__language_code="fr", slug=lesson_spec["slug"]
                )
                lesson_ar = lesson.get_translation(arabic).specific
                lesson_ar.body = body_in(lesson_spec, "ar")  # new block ids
                lesson_ar.save_revision().publish()
    TranslationSource.objects.all().delete()
    assert not Translation.objects.exists()

    build_demo()

    for page in Page.objects.descendant_of(result.catalogues["fr"]).type(
        CoursePage, ModulePage, LessonPage
    ):
        assert Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=arabic, enabled=True
        ).exists(), page
        assert untranslated_strings(page, arabic) == [], page


def test_the_trainers_of_a_course_translated_in_the_admin_follow_the_french_course(
    client, arabic, django_capture_on_commit_callbacks
):
    first, second = trainer(), trainer()
    tree = build_course(modules=1, lessons_per_module=1, trainers=[first])
    client.force_login(administrator())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[tree.course.pk]),
            {"locales": [arabic.pk], "include_subtree": "on"},
        )
    assert response.status_code == 302
    tree.course.trainers.set([second])
    tree.course.save_revision().publish()

    sync_with_publish(client, tree.course, django_capture_on_commit_callbacks)

    course_ar = CoursePage.objects.get(pk=tree.course.get_translation(arabic).pk)
    assert list(course_ar.trainers.all()) == [second]
