"""The handbook form of the admin (HandbookPageForm): one current edition, no file where
trainers may replace it."""

import pytest
from django.utils.html import escape
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from content.collections import collection_for
from content.library.models import HandbookPage
from content.permissions import COURSE_MEDIA, LIBRARY
from tests.factories.library import pdf_document
from tests.factories.users import UserFactory, trainer

pytestmark = pytest.mark.django_db


def _post(client, library, editions):
    data = nested_form_data(
        {
            "title": "Guide saisi dans l'administration",
            "slug": "guide-admin",
            "summary": "Résumé.",
            "audience": "executives",
            "access_level": "public",
            "licence": "cc-by-4.0",
            "publisher": "ENSA",
            "editions": inline_formset(editions),
            "action-publish": "publish",
        }
    )
    return client.post(f"/admin/pages/add/content/handbookpage/{library['fr'].pk}/", data)


@pytest.fixture
def editor(client, library, sign_in_to_admin):
    sign_in_to_admin(UserFactory(is_superuser=True, is_staff=True))
    return client


def _edition(number, current):
    return {
        "number": number,
        "published_on": f"202{number}-01-01",
        "language": "fr",
        "page_count": "",
        "document": pdf_document().pk,
        "is_current": "on" if current else "",
    }


def test_editors_add_a_handbook_with_its_editions_in_the_admin(editor, library):
    assert (
        editor.get(f"/admin/pages/add/content/handbookpage/{library['fr'].pk}/").status_code == 200
    )
    response = _post(editor, library, [_edition(1, False), _edition(2, True)])
    assert response.status_code == 302
    handbook = HandbookPage.objects.get(slug="guide-admin")
    assert handbook.live
    assert sorted(handbook.editions.values_list("number", "is_current")) == [(1, False), (2, True)]


@pytest.mark.parametrize("flags", [(False, False), (True, True)])
def test_a_handbook_needs_exactly_one_current_edition(editor, library, flags):
    response = _post(editor, library, [_edition(1, flags[0]), _edition(2, flags[1])])
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors().as_data()
    assert [error.code for error in errors] == ["one_current_edition"]
    assert escape(errors[0].messages[0]) in response.content.decode()
    assert not HandbookPage.objects.filter(slug="guide-admin").exists()


def test_a_handbook_file_may_not_be_in_the_trainers_collection(client, library, sign_in_to_admin):
    sign_in_to_admin(UserFactory(is_superuser=True, is_staff=True))
    uploaded_by_a_trainer = pdf_document(
        collection=collection_for(COURSE_MEDIA), uploaded_by=trainer()
    )
    edition = {
        "number": 1,
        "published_on": "2025-01-01",
        "language": "fr",
        "page_count": "",
        "document": uploaded_by_a_trainer.pk,
        "is_current": "on",
    }
    data = {
        "title": "Guide",
        "slug": "guide-media",
        "summary": "Résumé.",
        "audience": "executives",
        "access_level": "staff",
        "licence": "cc-by-4.0",
        "publisher": "ENSA",
        "action-publish": "publish",
    }
    url = f"/admin/pages/add/content/handbookpage/{library['fr'].pk}/"
    response = client.post(url, nested_form_data({**data, "editions": inline_formset([edition])}))
    assert response.status_code == 200
    assert not HandbookPage.objects.filter(slug="guide-media").exists()
    assert "handbook_file_in_trainers_collection" in {
        error.code
        for form in response.context["form"].formsets["editions"].forms
        for error in form.errors.as_data().get("document", [])
    }
    edition["document"] = pdf_document(collection=collection_for(LIBRARY)).pk
    response = client.post(url, nested_form_data({**data, "editions": inline_formset([edition])}))
    assert response.status_code == 302
    assert HandbookPage.objects.filter(slug="guide-media").exists()
