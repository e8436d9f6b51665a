"""The guards of wagtail-localize's views (courses/admin_views.py): a trainer translates and
synchronises their own courses only, and a synchronisation never publishes over a draft."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from courses.models import CoursePage

pytestmark = pytest.mark.django_db


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
