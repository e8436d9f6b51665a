"""The preview panel of the question editor (views.question_preview, through
Question.serve_preview): the question as learners see it, in French and Arabic."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from courses.quizzes.models import Question
from tests.courses.quizzes.editors import TYPED, question_post

pytestmark = pytest.mark.django_db


def test_the_preview_shows_the_question_as_learners_see_it_in_french_and_arabic(client, author):
    posted = question_post(
        author["course"],
        "matching",
        TYPED["matching"],
        text="Associez chaque stratégie",
        text_ar="اربط كل استراتيجية",
    )
    preview = reverse("wagtailsnippets_quizzes_question:preview_on_add")
    saved = client.post(preview, posted)
    assert saved.json()["is_valid"]
    page = BeautifulSoup(client.get(preview, {"mode": "both"}).content, "html.parser")
    sections = {s["data-preview-language"]: s for s in page.select("[data-preview-language]")}
    assert set(sections) == {"fr", "ar"}
    assert sections["ar"]["dir"] == "rtl" and sections["fr"]["dir"] == "ltr"
    assert "اربط كل استراتيجية" in sections["ar"].get_text()
    assert "Associez chaque stratégie" in sections["fr"].get_text()
    assert {o.get_text() for o in sections["ar"].select("option[value!='']")} == {
        "المهاجرون",
        "المغاربة المقيمون بالخارج",
    }
    assert {label.get_text(strip=True) for label in sections["fr"].select(".rows label")} == {
        "SNIA",
        "SNMRE",
    }
    only_arabic = BeautifulSoup(client.get(preview, {"mode": "ar"}).content, "html.parser")
    assert [s["data-preview-language"] for s in only_arabic.select("[data-preview-language]")] == [
        "ar"
    ]
    assert not Question.objects.exists()
