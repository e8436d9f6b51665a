"""The answers panel of the question editor (panels.py): every type's editor is on the page,
only the chosen type's shows."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.courses.quizzes.editors import ADD, KINDS

pytestmark = pytest.mark.django_db


def test_each_type_editor_shows_only_for_its_type(client, author):
    page = BeautifulSoup(client.get(reverse(ADD)).content, "html.parser")
    sections = page.select("section.question-editor")
    assert [s["data-question-kind"] for s in sections] == KINDS
    assert [s.has_attr("hidden") for s in sections] == [kind != "single" for kind in KINDS]
    assert {json.dumps(json.loads(s["data-w-rules"])) for s in sections} == {
        json.dumps({"kind": [kind]}) for kind in KINDS
    }
    # Rows are added from a template and removed with Wagtail's formset controller.
    rows_box = page.select_one("#answers-single-rows")
    assert rows_box["data-controller"] == "w-formset"
    assert rows_box.select_one("template").find(
        attrs={"name": "answers-single-rows-__prefix__-text"}
    )
