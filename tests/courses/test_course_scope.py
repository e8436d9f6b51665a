"""A trainer works in the courses that list them, and nowhere else: moves, copies,
translations, search, the page chooser and the reports keep them there."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from courses.models import CoursePage, LessonPage
from tests.factories.courses import build_course
from tests.factories.users import administrator, trainer

pytestmark = pytest.mark.django_db


def refused(response) -> bool:
    """Wagtail answers a forbidden admin view with a 403, or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.fixture
def two_trainers(site):
    own, other = trainer(), trainer()
    mine = build_course(trainers=[own], title="Accueil des migrants à Oujda")
    theirs = build_course(trainers=[other], title="Cours confidentiel du collègue")
    return own, mine, other, theirs


def test_a_trainer_cannot_move_their_lesson_into_another_trainers_course(client, two_trainers):
    own, mine, _other, theirs = two_trainers
    lesson, destination = mine.lessons[0], theirs.modules[0]
    lesson.owner = own  # they wrote it: Wagtail lets owners move their pages
    lesson.slug = "lecon-du-formateur"  # no clash with the destination's lessons
    lesson.save(update_fields=["owner", "slug"])
    client.force_login(own)
    url = reverse("wagtailadmin_pages:move_confirm", args=[lesson.pk, destination.pk])
    for response in (client.get(url), client.post(url)):
        # Wagtail sends the person back to the destination chooser, or refuses outright.
        assert response.status_code in (302, 403) and not response.get("Location", "").endswith(
            reverse("wagtailadmin_explore", args=[destination.pk])
        )
    lesson.refresh_from_db()
    assert lesson.get_parent().pk == mine.modules[0].pk
    assert not destination.get_children().filter(pk=lesson.pk).exists()


def test_a_trainer_moves_a_lesson_between_modules_of_their_own_course(client, two_trainers):
    own, mine, _other, _theirs = two_trainers
    lesson, destination = mine.lessons[0], mine.modules[1]
    client.force_login(own)
    url = reverse("wagtailadmin_pages:move_confirm", args=[lesson.pk, destination.pk])
    assert client.post(url).status_code == 302
    assert Page.objects.get(pk=lesson.pk).get_parent().pk == destination.pk


def test_a_trainer_cannot_copy_another_trainers_course_or_copy_into_it(client, two_trainers):
    own, mine, _other, theirs = two_trainers
    client.force_login(own)
    assert refused(client.get(reverse("wagtailadmin_pages:copy", args=[theirs.course.pk])))
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[mine.lessons[0].pk]),
        {"new_title": "Copie", "new_slug": "copie", "new_parent_page": theirs.modules[0].pk},
    )
    assert response.status_code in (200, 302, 403)
    assert not LessonPage.objects.child_of(theirs.modules[0]).filter(slug="copie").exists()


def test_a_trainer_cannot_edit_publish_or_unpublish_the_catalogue(client, site):
    client.force_login(trainer())
    catalogue = site["fr"]
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[catalogue.pk])))
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[catalogue.pk])))
    catalogue.refresh_from_db()
    assert catalogue.live


def test_admin_search_and_page_chooser_hide_another_trainers_drafts(client, site):
    own, other = trainer(), trainer()
    build_course(trainers=[own], title="Brouillon du formateur", live=False)
    build_course(trainers=[other], title="Brouillon secret du collègue", live=False)
    build_course(trainers=[other], title="Cours publié du collègue")
    client.force_login(own)
    pages = [
        client.get(reverse("wagtailadmin_pages:search"), {"q": "Brouillon"}),
        client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Brouillon"}),
        client.get(reverse("wagtailadmin_choose_page_child", args=[site["fr"].pk])),
    ]
    contents = []
    for response in pages:
        assert response.status_code == 200
        is_json = response["Content-Type"].startswith("application/json")
        contents.append(response.json()["html"] if is_json else response.content.decode())
    assert all("Brouillon secret du collègue" not in content for content in contents)
    assert "Brouillon du formateur" in contents[0]
    # Published pages stay choosable, to link to them.
    assert "Cours publié du collègue" in contents[2]


def test_the_aging_pages_report_lists_only_the_trainers_own_courses(client, two_trainers):
    own, mine, _other, theirs = two_trainers
    client.force_login(own)
    response = client.get(reverse("wagtailadmin_reports:aging_pages"))
    assert response.status_code == 200
    content = response.content.decode()
    assert mine.course.title in content
    assert theirs.course.title not in content


@pytest.mark.parametrize(
    "report",
    [
        "wagtailadmin_reports:site_history",
        "wagtailadmin_reports:site_history_results",
        "wagtailadmin_reports:page_types_usage",
        "wagtail_localize:translations_report",
    ],
)
def test_site_wide_reports_are_for_administrators(client, two_trainers, report):
    own, *_ = two_trainers
    client.force_login(own)
    assert refused(client.get(reverse(report)))
    client.force_login(administrator())
    assert client.get(reverse(report)).status_code == 200


def test_the_reports_menu_of_a_trainer_lists_no_site_wide_report(client, two_trainers):
    own, *_ = two_trainers
    client.force_login(own)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_reports:site_history") not in content
    assert reverse("wagtailadmin_reports:aging_pages") in content


# --- Translations --------------------------------------------------------------------------


def _submit_translation(client, page):
    arabic = Locale.objects.get(language_code="ar")
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [arabic.pk], "include_subtree": "on"},
    )


def test_a_trainer_cannot_translate_another_trainers_course(client, two_trainers):
    own, _mine, _other, theirs = two_trainers
    client.force_login(own)
    url = reverse("wagtail_localize:submit_page_translation", args=[theirs.course.pk])
    assert client.get(url).status_code == 403
    assert _submit_translation(client, theirs.course).status_code == 403
    arabic = Locale.objects.get(language_code="ar")
    assert theirs.course.get_translation_or_none(arabic) is None


def test_a_trainer_translates_their_own_course(client, two_trainers):
    own, mine, *_ = two_trainers
    client.force_login(own)
    assert _submit_translation(client, mine.course).status_code == 302
    arabic = Locale.objects.get(language_code="ar")
    assert mine.course.get_translation_or_none(arabic) is not None


def test_synchronising_with_publish_never_replaces_an_unpublished_translation_draft(
    client, two_trainers
):
    own, mine, *_ = two_trainers
    client.force_login(own)
    assert _submit_translation(client, mine.course).status_code == 302
    arabic = Locale.objects.get(language_code="ar")
    translation = CoursePage.objects.get(pk=mine.course.get_translation(arabic).pk)
    translation.summary = "مسودة المترجم لم تنشر بعد"
    draft = translation.save_revision(user=own)
    source = TranslationSource.objects.get_for_instance(mine.course)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.latest_revision_id == draft.pk
    assert translation.has_unpublished_changes

    # Without publishing, the synchronisation goes ahead and keeps the draft unpublished.
    assert client.post(url, {}).status_code == 302


def test_another_trainer_cannot_synchronise_a_courses_translations(client, two_trainers):
    own, mine, other, _theirs = two_trainers
    client.force_login(own)
    _submit_translation(client, mine.course)
    source = TranslationSource.objects.get_for_instance(mine.course)
    client.force_login(other)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"publish_translations": "on"}).status_code == 403


def test_a_trainer_removed_from_the_french_course_loses_its_arabic_pages_too(client, site):
    """A translation's list of trainers is only as fresh as its last synchronisation."""
    former = trainer()
    tree = build_course(trainers=[former], arabic=True)
    arabic = CoursePage.objects.get(pk=tree.course_ar.pk)
    arabic.trainers.add(former)  # a stale Arabic copy
    arabic.trainers.commit()
    tree.course.trainers.clear()
    tree.course.trainers.commit()
    client.force_login(former)
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[tree.course_ar.pk])))
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[tree.lessons_ar[0].pk])))
