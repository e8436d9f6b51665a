"""Text typed in the admin runs in its own direction, whatever the admin's language: fields
meant for Arabic and every field of an Arabic page edit right to left, other free text follows
what is typed (dir="auto")."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale

from lms.accounts.services import sync_admin_language
from tests.factories.courses import build_course
from tests.factories.users import administrator

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["fr", "ar"])
def admin_client(request, client, site):
    """An administrator signed in to the admin in French or in Arabic."""
    person = administrator(preferred_language=request.param)
    sync_admin_language(user=person)
    client.force_login(person)
    return client


def form_fields(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {field["name"]: field for field in soup.select("form [name]")}


def test_the_question_editor_edits_arabic_right_to_left_and_french_as_typed(admin_client):
    fields = form_fields(admin_client, reverse("wagtailsnippets_quizzes_question:add"))
    for name in ("text_ar", "feedback_right_ar", "general_feedback_ar"):
        assert (fields[name].get("dir"), fields[name].get("lang")) == ("rtl", "ar"), name
    for name in ("text", "feedback_right", "general_feedback"):
        assert fields[name].get("dir") == "auto", name


def test_every_text_field_of_an_arabic_lesson_edits_right_to_left(admin_client):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    module_ar = tree.modules[0].get_translation(Locale.objects.get(language_code="ar"))
    url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module_ar.pk])
    fields = form_fields(admin_client, url)
    for name in ("title", "summary", "seo_title", "search_description"):
        assert (fields[name].get("dir"), fields[name].get("lang")) == ("rtl", "ar"), name
    # Numbers and flags carry no direction.
    assert "dir" not in fields["estimated_minutes"].attrs


def test_the_rich_text_of_an_arabic_course_edits_right_to_left(admin_client):
    tree = build_course(modules=0, arabic=True)
    tree.course_ar.objectives = "<p>أهداف الدورة</p>"
    tree.course_ar.save_revision().publish()
    # Out of wagtail-localize's synchronisation, the Arabic page opens in Wagtail's editor.
    from wagtail_localize.models import Translation

    Translation.objects.filter(target_locale=tree.course_ar.locale).update(enabled=False)
    fields = form_fields(admin_client, reverse("wagtailadmin_pages:edit", args=[tree.course_ar.pk]))
    assert fields["objectives"].has_attr("data-draftail-input")
    assert fields["objectives"].get("dir") == "rtl"
    assert fields["summary"].get("dir") == "rtl"


def test_free_text_of_a_french_course_follows_what_is_typed(admin_client):
    tree = build_course(modules=0)
    fields = form_fields(admin_client, reverse("wagtailadmin_pages:edit", args=[tree.course.pk]))
    for name in ("title", "summary", "audience", "objectives"):
        assert fields[name].get("dir") == "auto", name
        assert "lang" not in fields[name].attrs, name


def test_every_admin_page_loads_the_direction_script_from_a_static_file(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    soup = BeautifulSoup(response.content, "html.parser")
    scripts = [tag.get("src", "") for tag in soup.find_all("script")]
    assert any(src.endswith("lms/js/admin-direction.js") for src in scripts)
    styles = [tag.get("href", "") for tag in soup.find_all("link", rel="stylesheet")]
    assert any(href.endswith("lms/css/admin-direction.css") for href in styles)
