"""The handbook block (HandbookBlock): a lesson that cites a handbook shows it only to people
who may download it, and always offers its current edition in the reader's language."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from content.library.models import AccessLevel, HandbookEdition
from courses.services import enrol
from tests.content.helpers import _edition
from tests.factories.courses import build_course
from tests.factories.library import build_handbook
from tests.factories.users import learner, trainer

pytestmark = pytest.mark.django_db


def _lesson_citing(handbook):
    lesson = build_course(modules=1, lessons_per_module=1).lessons[0]
    lesson.body = [
        {"type": "paragraph", "value": "<p>Lisez le guide.</p>"},
        {"type": "handbook", "value": {"handbook": handbook.pk, "note": "Le chapitre 2."}},
    ]
    lesson.save_revision().publish()
    return lesson


def _enrolled_learner(lesson):
    person = learner()
    enrol(learner=person, course=lesson.get_parent().get_parent().specific)
    return person


def _lesson_html(client, lesson, person) -> str:
    client.logout()
    if person is not None:
        client.force_login(person)
    response = client.get(lesson.url)
    assert response.status_code == 200
    return response.content.decode()


def _block_html(lesson, person) -> str:
    """The lesson's body on its own, as the page would render it for `person`."""
    lesson = type(lesson).objects.get(pk=lesson.pk)
    request = RequestFactory().get(lesson.url)
    request.user = person or AnonymousUser()
    return lesson.body.render_as_block(context={"request": request, "page": lesson})


def test_a_staff_only_handbook_cited_in_a_lesson_is_hidden_from_its_learners(client, library):
    handbook = build_handbook(title="Procédures internes", access_level=AccessLevel.STAFF)
    edition = handbook.editions.get()
    lesson = _lesson_citing(handbook)
    html = _lesson_html(client, lesson, _enrolled_learner(lesson))
    assert "Lisez le guide." in html
    assert "Procédures internes" not in html
    assert "block-handbook__" not in html
    assert f"/library/download/{edition.pk}/" not in html


def test_a_staff_only_handbook_cited_in_a_lesson_is_hidden_from_visitors(client, library):
    handbook = build_handbook(title="Procédures internes", access_level=AccessLevel.STAFF)
    lesson = _lesson_citing(handbook)
    assert "Procédures internes" not in _lesson_html(client, lesson, None)
    # The lesson page shows its body to enrolled learners and staff only; the block itself
    # must hide the handbook too, whoever the page shows it to.
    html = _block_html(lesson, None)
    assert "Lisez le guide." in html and "Procédures internes" not in html


def test_a_staff_only_handbook_cited_in_a_lesson_is_shown_to_trainers(client, library):
    handbook = build_handbook(title="Procédures internes", access_level=AccessLevel.STAFF)
    edition = handbook.editions.get()
    html = _lesson_html(client, _lesson_citing(handbook), trainer())
    assert "Procédures internes" in html
    assert f"/library/download/{edition.pk}/" in html


def test_a_learners_handbook_is_shown_to_signed_in_readers_only(client, library):
    handbook = build_handbook(title="Guide des communes", access_level=AccessLevel.LEARNERS)
    lesson = _lesson_citing(handbook)
    assert "Guide des communes" in _lesson_html(client, lesson, _enrolled_learner(lesson))
    assert "Guide des communes" not in _block_html(lesson, None)


def test_an_unpublished_handbook_cited_in_a_lesson_is_shown_to_nobody(client, library):
    handbook = build_handbook(title="Guide retiré", access_level=AccessLevel.PUBLIC)
    lesson = _lesson_citing(handbook)
    reader = _enrolled_learner(lesson)
    assert "Guide retiré" in _lesson_html(client, lesson, reader)
    assert "Guide retiré" in _block_html(lesson, None)
    handbook.unpublish()
    for person in (reader, trainer()):
        assert "Guide retiré" not in _lesson_html(client, lesson, person)
    assert "Guide retiré" not in _block_html(lesson, None)


def test_handbook_block_offers_the_current_edition_in_the_readers_language(library):
    from django.utils import translation

    from content.blocks import HandbookBlock

    french = build_handbook(title="Guide de l'accueil", editions=_edition(2019))
    arabic = build_handbook(
        title="دليل الاستقبال", language="ar", translation_of=french, editions=_edition(2020)
    )
    block = HandbookBlock()
    value = block.to_python({"handbook": french.pk, "note": ""})
    with translation.override("fr"):
        html = block.render(value)
    assert "Guide de l&#x27;accueil" in html
    assert f"/fr/library/download/{HandbookEdition.objects.get(handbook=french).pk}/" in html
    with translation.override("ar"):
        html = block.render(value)
    assert "دليل الاستقبال" in html
    assert f"/ar/library/download/{HandbookEdition.objects.get(handbook=arabic).pk}/" in html
    HandbookEdition.objects.filter(handbook=french).update(is_current=False)
    new = HandbookEdition.objects.create(
        handbook=french,
        is_current=True,
        language="fr",
        number=2,
        **{k: v for k, v in _edition(2025)[0].items() if k != "number"},
    )
    with translation.override("fr"):
        html = block.render(value)
    assert f"/fr/library/download/{new.pk}/" in html
