"""The demo handbooks (demo/library.py: seed_demo_library)."""

import pytest

from content.library.models import ExtractedText, HandbookEdition, HandbookPage
from demo.library import seed_demo_library

pytestmark = pytest.mark.django_db


def test_demo_library_has_five_works_in_french_and_arabic_with_text_in_their_pdfs(client, library):
    seed_demo_library()
    french = HandbookPage.objects.filter(locale__language_code="fr")
    arabic = HandbookPage.objects.filter(locale__language_code="ar")
    assert french.count() >= 5
    assert set(arabic.values_list("translation_key", flat=True)) == set(
        french.values_list("translation_key", flat=True)
    )
    for edition in HandbookEdition.objects.select_related("document"):
        text = ExtractedText.objects.get(document=edition.document).text
        assert len(text) > 100, edition
    assert HandbookEdition.objects.filter(is_current=False).exists()
    assert "Oujda" in ExtractedText.objects.filter(text__contains="Oujda").first().text
    titles = [
        s.handbook.title
        for s in client.get("/ar/library/", {"q": "الشباك الوحيد"}).context["listing"].summaries
    ]
    assert titles == ["دليل ولوج المهاجرين إلى الخدمات الأساسية"]
    titles = [
        s.handbook.title
        for s in client.get("/fr/library/", {"q": "guichet unique"}).context["listing"].summaries
    ]
    assert "Guide d'accès des migrants aux services de base" in titles


def test_seeding_the_demo_library_twice_changes_nothing(library):
    seed_demo_library()
    counts = (HandbookPage.objects.count(), HandbookEdition.objects.count())
    seed_demo_library()
    assert (HandbookPage.objects.count(), HandbookEdition.objects.count()) == counts
