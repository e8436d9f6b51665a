"""A page body is rendered once per page, revision, language and handbook access levels, and
kept until the page tree next changes (`content.blocks.render_body`)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation
from wagtail.blocks import StreamValue

from content.blocks import BodyStreamBlock, HandbookBlock, LessonStreamBlock, render_body
from content.library.models import AccessLevel
from courses.services import enrol
from lms.pagecache import tree_version
from tests.factories.courses import build_course, lesson_body
from tests.factories.library import build_handbook, image, pdf_document
from tests.factories.users import learner, trainer

pytestmark = pytest.mark.django_db


def _lesson_and_readers(readers: int = 2):
    tree = build_course(modules=1, lessons_per_module=1)
    people = [learner() for _ in range(readers)]
    for person in people:
        enrol(learner=person, course=tree.course)
    return tree.lessons[0], people


def _html(client, page, person) -> str:
    client.logout()
    if person is not None:
        client.force_login(person)
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def renders(monkeypatch) -> list:
    """Each rendering of a StreamField value, as it happens."""
    done = []
    original = StreamValue.render_as_block

    def counted(value, context=None):
        done.append(value)
        return original(value, context=context)

    monkeypatch.setattr(StreamValue, "render_as_block", counted)
    return done


def test_a_second_reader_gets_the_body_rendered_for_the_first(client, renders):
    lesson, (first, second) = _lesson_and_readers()
    assert "Contenu de la leçon." in _html(client, lesson, first)
    assert "Contenu de la leçon." in _html(client, lesson, second)
    assert len(renders) == 1


def test_a_publish_shows_the_new_body_to_every_reader(client):
    lesson, (first, second) = _lesson_and_readers()
    assert "Contenu de la leçon." in _html(client, lesson, first)
    lesson.body = lesson_body("Deuxième version de la leçon.")
    lesson.save_revision().publish()
    for person in (first, second):
        html = _html(client, lesson, person)
        assert "Deuxième version de la leçon." in html
        assert "Contenu de la leçon." not in html


def test_readers_who_may_see_more_handbooks_get_their_own_rendering(client, library):
    handbook = build_handbook(title="Procédures internes", access_level=AccessLevel.STAFF)
    lesson, (reader,) = _lesson_and_readers(readers=1)
    lesson.body = [
        {"type": "paragraph", "value": "<p>Lisez le guide.</p>"},
        {"type": "handbook", "value": {"handbook": handbook.pk, "note": ""}},
    ]
    lesson.save_revision().publish()
    assert "Procédures internes" not in _html(client, lesson, reader)
    assert "Procédures internes" in _html(client, lesson, trainer())
    assert "Procédures internes" not in _html(client, lesson, reader)


def test_the_body_is_rendered_in_each_language_on_its_own(library):
    handbook = build_handbook(title="Guide des communes", access_level=AccessLevel.PUBLIC)
    lesson, (reader,) = _lesson_and_readers(readers=1)
    lesson.body = [{"type": "handbook", "value": {"handbook": handbook.pk, "note": ""}}]
    lesson.save_revision().publish()
    request = RequestFactory().get(lesson.url)
    request.user = reader
    with translation.override("fr"):
        french = render_body(lesson, "body", {"request": request})
    with translation.override("ar"):
        arabic = render_body(lesson, "body", {"request": request})
    assert "Télécharger l'édition en vigueur" in french
    assert "تحميل الطبعة الحالية" in arabic


def test_a_preview_renders_the_body_afresh():
    lesson, (reader,) = _lesson_and_readers(readers=1)
    request = RequestFactory().get(lesson.url)
    request.user = reader
    assert "Contenu de la leçon." in render_body(lesson, "body", {"request": request})
    lesson.body = lesson_body("Brouillon non enregistré.")
    request.is_preview = True
    assert "Brouillon non enregistré." in render_body(lesson, "body", {"request": request})
    request.is_preview = False
    assert "Contenu de la leçon." in render_body(lesson, "body", {"request": request})


def test_a_page_that_is_not_live_is_never_served_from_the_cache():
    lesson, (reader,) = _lesson_and_readers(readers=1)
    request = RequestFactory().get(lesson.url)
    request.user = AnonymousUser()
    assert "Contenu de la leçon." in render_body(lesson, "body", {"request": request})
    lesson.live = False
    lesson.body = lesson_body("Version hors ligne.")
    assert "Version hors ligne." in render_body(lesson, "body", {"request": request})


@pytest.mark.parametrize("make", [pdf_document, image], ids=["document", "image"])
def test_a_new_image_or_document_file_renews_rendered_bodies(make):
    item = make()
    before = tree_version()
    item.title = "Nouveau titre"
    item.save()
    assert tree_version() != before


def _nested_blocks(block):
    for child in getattr(block, "child_blocks", {}).values():
        yield child
        yield from _nested_blocks(child)
    if hasattr(block, "child_block"):  # a ListBlock
        yield block.child_block
        yield from _nested_blocks(block.child_block)


@pytest.mark.parametrize("stream", [LessonStreamBlock, BodyStreamBlock])
def test_handbooks_are_cited_at_the_top_of_a_body_only(stream):
    """render_body looks for handbook blocks at the top of a body (they depend on the reader);
    one nested in another block would be cached for every reader alike."""
    top = stream().child_blocks.values()
    nested = [block for parent in top for block in _nested_blocks(parent)]
    assert any(isinstance(block, HandbookBlock) for block in top) == (stream is LessonStreamBlock)
    assert not any(isinstance(block, HandbookBlock) for block in nested)
