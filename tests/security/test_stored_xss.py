"""Stored XSS: what one person types renders inert for everyone who sees it.

A corpus of payloads (a script tag, attribute break-outs with event handlers, SVG, an iframe
with srcdoc, template syntax, javascript: links where a link can be typed, and a bidi
override) is typed into every field that another person sees. Each payload carries a marker
naming its field (`__xss_<field>__`). Every page that shows the field is fetched as the person
who sees it and parsed; on each one:

- nothing a payload carries is markup that can run: no element a payload introduced
  (script, svg, iframe, img, ...), no event-handler attribute, no javascript: URL;
- what was typed is shown as text, as typed (and the marker proves the field is on the page);
- a bidi control typed in free text does not spill over the text that follows it;
- ordinary French and Arabic typed in the same fields comes through unchanged.

People's names refuse bidi controls (lms/text.py): the forms that take them are checked for
the refusal, and names saved before that rule are checked to render isolated.

Rich text is typed in Wagtail's editor (Draftail), which sends the text as "contentstate";
`typed_in_editor` stores what the editor's own conversion makes of it, as a page save does.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup, Comment
from bs4.element import Script, Stylesheet, TemplateString
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    Translation,
    TranslationSource,
)

from certificates import services as certificate_services
from certificates.models import CertificateTemplate, TemplateSignatory
from content.blocks import RICH_TEXT_FEATURES
from content.setup import ensure_translation
from courses import services as course_services
from courses.models import Cohort
from courses.quizzes import services as quiz_services
from lms.accounts.forms import ProfileForm, SignupForm
from lms.accounts.models import Organisation, OrganisationKind
from lms.accounts.services import sync_admin_language
from tests.factories import quizzes as quiz_factory
from tests.factories.courses import build_course
from tests.factories.library import build_handbook, image, pdf_document, theme
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db

# --- The corpus ---------------------------------------------------------------------------

VECTORS = (
    "<script>window.{m}=1</script>",
    '"><img src=x onerror=window.{m}=1>',
    "' autofocus onfocus=window.{m}=1 x='",
    "<svg onload=window.{m}=1>",
    "<svg><script>window.{m}=1</script></svg>",
    '<iframe srcdoc="<script>window.{m}=1</script>"></iframe>',
    "{{ 7*7 }} {% debug %} {m}",
)
# Right-to-left override: everything after it reads backwards until its paragraph ends.
BIDI_VECTOR = "\u202e{m} gpj.exe"
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
EMBEDDING_OPENERS = "\u202a\u202b\u202d\u202e"
ISOLATE_OPENERS = "\u2066\u2067\u2068"
OPENERS = EMBEDDING_OPENERS + ISOLATE_OPENERS
PDF, PDI = "\u202c", "\u2069"
# Where a person can type a link (the editor's link chooser): the scheme as typed, mixed case
# with spaces, and broken by a tab (browsers drop tabs in URLs).
JAVASCRIPT_URLS = (
    "javascript:window.{m}=1",
    " JaVaScRiPt:window.{m}=1",
    "java\tscript:window.{m}=1",
)
FRENCH = "Programme d'action de la commune — « intégration »"
ARABIC = "برنامج عمل الجماعة لإدماج المهاجرين"
# Every value typed in this module: text that follows a bidi control may be any of them.
TYPED: set[str] = {FRENCH, ARABIC}


def marker(name: str) -> str:
    return f"__xss_{name}__"


def typed(name: str, *, limit: int | None = None, bidi: bool = True) -> list[str]:
    """Every payload of the corpus for the field `name`, packed into as few values as fit
    in `limit` characters (one value when the field has no limit)."""
    vectors = [v.replace("{m}", marker(name)) for v in VECTORS]
    if bidi:
        vectors.append(BIDI_VECTOR.replace("{m}", marker(name)))
    values = [""]
    for vector in vectors:
        joined = f"{values[-1]} {vector}".strip()
        if limit is None or len(joined) <= limit:
            values[-1] = joined
        else:
            values.append(vector)
    TYPED.update(values)
    return values


def short(name: str) -> tuple[str, str]:
    """Two payloads for a field that holds a few dozen characters: an element, a bidi override."""
    values = (f"<svg onload=window.{marker(name)}=1>", BIDI_VECTOR.replace("{m}", marker(name)))
    TYPED.update(values)
    return values


def one(name: str, **kwargs) -> str:
    """The whole corpus for a field without a length limit."""
    (value,) = typed(name, **kwargs)
    return value


def typed_in_editor(text: str, *, links: tuple[str, ...] = (), features=RICH_TEXT_FEATURES) -> str:
    """What Wagtail's rich text editor stores when a person types `text` in a paragraph,
    then one paragraph per link in `links`, each typed in the link chooser."""
    blocks = [_block("p0", text)]
    entities = {}
    for number, url in enumerate(links):
        words = f"{text} (lien {number})"
        TYPED.add(words)
        blocks.append(_block(f"p{number + 1}", words, entity=str(number)))
        entities[str(number)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
    contentstate = json.dumps({"blocks": blocks, "entityMap": entities})
    return DraftailRichTextArea(features=features).value_from_datadict(
        {"text": contentstate}, {}, "text"
    )


def _block(key: str, text: str, entity: str | None = None) -> dict:
    ranges = [{"offset": 0, "length": len(text), "key": int(entity)}] if entity is not None else []
    return {
        "key": key,
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": ranges,
        "data": {},
    }


# --- What "inert" means, checked on the parsed page ----------------------------------------

MARKER = re.compile(r"__xss_([a-z0-9_]+?)__")
URL_ATTRIBUTES = set("href src action formaction xlink:href data poster background".split())
# Elements a payload must never introduce; their text and attributes may not carry a marker,
# except the attributes that only describe them.
ACTIVE_ELEMENTS = set(
    "script svg math iframe frame frameset img object embed style link meta base video audio "
    "source".split()
)
DESCRIPTIVE_ATTRIBUTES = {"alt", "title", "aria-label", "aria-description"}
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
# Where a bidi override ends: the end of its paragraph, or an isolating element.
BLOCKS = set(
    "address article aside blockquote body caption dd details div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header legend li main nav ol option p pre section "
    "summary table td th tr ul textarea select bdi".split()
)
ISOLATES = {"bdi", "select", "option", "textarea", "input"}


def _flat(value) -> str:
    return " ".join(value) if isinstance(value, list) else str(value or "")


def _fields(text: str) -> str:
    return ", ".join(sorted(set(MARKER.findall(text)))) or "?"


def active_content(soup: BeautifulSoup) -> list[str]:
    """Markup that a payload turned into something that runs."""
    found = []
    for element in soup.find_all(True):
        for name, raw in element.attrs.items():
            value, lower = _flat(raw), name.lower()
            if MARKER.search(name):
                found.append(
                    f"attribute named by a payload ({_fields(name)}): <{element.name} {name}>"
                )
            if lower.startswith("on") and MARKER.search(value):
                found.append(f"event handler <{element.name} {name}={value!r}> ({_fields(value)})")
            if lower in URL_ATTRIBUTES and re.sub(r"[\x00-\x20]+", "", value).lower().startswith(
                "javascript:"
            ):
                found.append(
                    f"javascript: URL <{element.name} {name}={value!r}> ({_fields(value)})"
                )
            if lower in {"srcdoc", "style"} and MARKER.search(value):
                found.append(f"<{element.name} {name}={value!r}> ({_fields(value)})")
        if element.name not in ACTIVE_ELEMENTS:
            continue
        if element.name == "script":
            contents = element.decode_contents()
            if not MARKER.search(contents):
                continue
            kind = _flat(element.get("type")).strip().lower()
            # A data block (JSON) may hold typed text, as long as it cannot end the element.
            if kind in SCRIPT_TYPES or re.search(r"<(/?script|svg|img|iframe|!--)", contents, re.I):
                found.append(
                    f"script carrying a payload ({_fields(contents)}): {str(element)[:160]!r}"
                )
            continue
        carried = [
            _flat(v) for k, v in element.attrs.items() if k.lower() not in DESCRIPTIVE_ATTRIBUTES
        ] + [element.get_text()]
        if any(MARKER.search(part) for part in carried):
            found.append(
                f"<{element.name}> introduced by a payload ({_fields(' '.join(carried))}): "
                f"{str(element)[:160]!r}"
            )
    return found


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def visible_text(soup: BeautifulSoup) -> str:
    """What a person reads on the page: its text, the values in its form fields and the
    alternative texts of its images (scripts, styles and templates excluded)."""
    parts = [soup.get_text("")]
    parts += [_flat(e.get("value")) for e in soup.find_all("input")]
    parts += [_flat(e.get("alt")) for e in soup.find_all("img")]
    return _squeeze(" ".join(parts))


def _isolating(element) -> bool:
    return element.name in ISOLATES or element.has_attr("dir")


def _reach(text: str) -> tuple[str, bool]:
    """The text governed by the direction control `text[0]`: up to the PDF or PDI that ends
    it, or the PDI that ends an isolate around it (True: ended), else to the end of `text`."""
    isolates = embeddings = 0
    for index, char in enumerate(text[1:], start=1):
        if char in ISOLATE_OPENERS:
            isolates += 1
        elif char == PDI:
            if isolates == 0:
                return text[1:index], True
            isolates -= 1
        elif isolates == 0 and text[0] in EMBEDDING_OPENERS:
            if char in EMBEDDING_OPENERS:
                embeddings += 1
            elif char == PDF:
                if embeddings == 0:
                    return text[1:index], True
                embeddings -= 1
    return text[1:], False


def spilling_bidi(soup: BeautifulSoup) -> list[str]:
    """Direction controls in the page's body that govern text nobody typed with them.

    A control (an embedding, an override or an isolate) governs the text after it up to the
    end of its paragraph or of the isolating element around it (<bdi>, an element with `dir`,
    a form field), unless a PDF or PDI ends it sooner: all that text must come from the same
    typed value (an isolate that is closed keeps its effect inside). Text in a nested
    isolating element keeps its own reading order and is left out; text in a <textarea> is
    where a person edits it.
    """
    found = []
    body = soup.body or soup
    for node in body.find_all(string=lambda s: any(c in s for c in OPENERS)):
        if isinstance(node, (Comment, Script, Stylesheet, TemplateString)) or node.find_parent(
            "textarea"
        ):
            continue
        scope = node.parent
        while scope is not None and scope.name not in BLOCKS and not _isolating(scope):
            scope = scope.parent
        if scope is None:
            continue
        following, seen = [], False
        for string in scope.find_all(string=True):
            if string is node:
                seen = True
                continue
            if not seen or isinstance(string, (Comment, Script, Stylesheet)):
                continue
            inner = string.parent
            while inner is not scope and not _isolating(inner):
                inner = inner.parent
            if inner is scope:
                following.append(str(string))
        after = "".join(following)
        for position, char in enumerate(node):
            if char not in OPENERS:
                continue
            governed, ended = _reach(node[position:] + after)
            governed = _squeeze(governed)
            if char in ISOLATE_OPENERS and ended:
                continue  # a closed isolate keeps its effect inside
            if governed and not any(governed in _squeeze(value) for value in TYPED):
                found.append(
                    f"direction control U+{ord(char):04X} in {_fields(str(node))} governs text "
                    f"after it in <{scope.name}>: {governed!r}"
                )
    return found


@dataclass
class Shown:
    """A field's value that a page shows; `whole`: shown in full (not shortened)."""

    name: str
    value: str
    whole: bool = True


@dataclass
class Audit:
    """Pages fetched in one test, with every problem found on any of them."""

    problems: list[str] = field(default_factory=list)
    pages: int = 0

    def visit(self, client, url: str, *, page: str, shows: list[Shown], data=None, status=200):
        response = client.get(url, data)
        self.pages += 1
        if response.status_code != status:
            self.problems.append(f"{page}: {url} answered {response.status_code}")
            return None
        html = response.content.decode()
        soup = BeautifulSoup(html, "html.parser")
        self.problems += [f"{page}: {problem}" for problem in active_content(soup)]
        text = visible_text(soup)
        for shown in shows:
            if MARKER.search(shown.value) and marker(shown.name) not in text:
                self.problems.append(f"{page}: {shown.name} is not shown (test out of date?)")
            elif shown.whole and _squeeze(shown.value) not in text:
                self.problems.append(f"{page}: {shown.name} is not shown as typed: {shown.value!r}")
        self.problems += [f"{page}: {problem}" for problem in spilling_bidi(soup)]
        return soup

    def check(self) -> None:
        assert self.pages, "no page was visited"
        assert not self.problems, "\n".join(self.problems)


def french(url_name: str, *args) -> str:
    with translation.override("fr"):
        return reverse(url_name, args=args)


def arabic(url_name: str, *args) -> str:
    with translation.override("ar"):
        return reverse(url_name, args=args)


def republish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_the_check_finds_every_payload_left_unescaped_and_none_escaped():
    """The checks above can fail: each payload, put in a page without escaping, is found."""

    def found(html: str) -> list[str]:
        soup = BeautifulSoup(f"<html><body>{html}</body></html>", "html.parser")
        return active_content(soup)

    for vector in VECTORS[:-1]:
        value = vector.replace("{m}", marker("self_test"))
        if "<" in vector:
            assert found(f"<p>{value}</p>"), value
        assert not found(f"<p>{escape(value)}</p>"), value
        assert not found(f'<input value="{escape(value)}">'), value
        assert not found(f"<input value='{escape(value)}'>"), value
    break_out = {'"': VECTORS[1], "'": VECTORS[2]}
    for quote, vector in break_out.items():
        value = vector.replace("{m}", marker("self_test"))
        assert found(f"<input value={quote}{value}{quote}>"), value
    unquoted = VECTORS[2].replace("{m}", marker("self_test")).strip("' ")
    assert found(f"<input value={unquoted}>")
    for url in JAVASCRIPT_URLS:
        assert found(f'<a href="{escape(url)}">lien</a>'), url
    assert not found('<a href="https://www.ensa.ma/">lien</a>')
    override = BIDI_VECTOR.replace("{m}", marker("self_test"))
    TYPED.add(override)
    spilled = BeautifulSoup(f"<body><p><a>{override}</a> › Module 1</p></body>", "html.parser")
    assert spilling_bidi(spilled)
    isolated = BeautifulSoup(
        f"<body><p><a><bdi>{override}</bdi></a> › Module 1</p></body>", "html.parser"
    )
    assert not spilling_bidi(isolated)


# --- Learners read what trainers write: courses and lessons ----------------------------------


def test_payloads_in_course_and_lesson_content_render_inert_for_learners(client, site):
    course_title = typed("course_title", limit=255)
    module_title = typed("module_title", limit=255)
    lesson_title = typed("lesson_title", limit=255)
    values = {
        "course_summary": one("course_summary"),
        "course_audience": one("course_audience"),
        "course_summary_ar": one("course_summary_ar"),
        "module_introduction": one("module_introduction"),
        "lesson_summary": one("lesson_summary"),
    }
    code = short("code")
    teacher = trainer()
    tree = build_course(
        modules=1,
        lessons_per_module=2,
        arabic=True,
        trainers=[teacher],
        title=course_title[0],
        summary=values["course_summary"],
        audience=values["course_audience"],
        curriculum_code=code[0],
        objectives=typed_in_editor(
            one("course_objectives"), features=["ul", "ol", "bold", "italic"]
        ),
    )
    ar = Locale.objects.get(language_code="ar")
    course_ar = ensure_translation(
        tree.course,
        ar,
        title=course_title[-1],
        summary=values["course_summary_ar"],
        curriculum_code=code[1],
    )
    module = republish(
        tree.modules[0], title=module_title[0], introduction=values["module_introduction"]
    )
    ensure_translation(module, ar, title=module_title[-1])
    cited = build_handbook(title=FRENCH)
    body = {
        "paragraph": one("paragraph"),
        "callout_title": one("callout_title"),
        "callout_text": one("callout_text"),
        "case_study_title": one("case_study_title"),
        "case_study_place": one("case_study_place"),
        "case_study_situation": one("case_study_situation"),
        "exercise_title": one("exercise_title"),
        "image_alt": one("image_alt", bidi=False),
        "image_caption": one("image_caption"),
        # Without a bidi override: see test_a_bidi_override_in_a_document_title_...
        "document_title": one("document_title", bidi=False),
        "handbook_note": one("handbook_note"),
    }
    links = tuple(url.replace("{m}", marker("paragraph_link")) for url in JAVASCRIPT_URLS)
    lesson = republish(
        tree.lessons[0],
        title=lesson_title[0],
        summary=values["lesson_summary"],
        body=[
            {"type": "paragraph", "value": typed_in_editor(body["paragraph"], links=links)},
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "title": body["callout_title"],
                    "text": typed_in_editor(body["callout_text"], links=links),
                },
            },
            {
                "type": "case_study",
                "value": {
                    "title": body["case_study_title"],
                    "place": body["case_study_place"],
                    "situation": typed_in_editor(body["case_study_situation"]),
                    "what_was_done": typed_in_editor(ARABIC),
                    "lessons": "",
                },
            },
            {
                "type": "exercise",
                "value": {
                    "title": body["exercise_title"],
                    "instructions": typed_in_editor(FRENCH),
                    "duration_minutes": 10,
                    "model_answer": "",
                },
            },
            {
                "type": "image",
                "value": {
                    "image": image().pk,
                    "alt_text": body["image_alt"],
                    "caption": body["image_caption"],
                },
            },
            {
                "type": "document",
                "value": {"document": pdf_document().pk, "title": body["document_title"]},
            },
            {"type": "handbook", "value": {"handbook": cited.pk, "note": body["handbook_note"]}},
        ],
    )
    lesson_ar = ensure_translation(lesson, ar, title=lesson_title[-1])
    neighbour = republish(tree.lessons[1], title=FRENCH)
    ensure_translation(neighbour, ar, title=ARABIC)

    person = learner()
    course_services.enrol(learner=person, course=tree.course)
    client.force_login(person)
    audit = Audit()
    audit.visit(
        client,
        tree.course.url,
        page="course page (fr)",
        shows=[
            Shown("course_title", course_title[0]),
            Shown("course_summary", values["course_summary"]),
            Shown("course_audience", values["course_audience"]),
            Shown("code", code[0]),
            Shown("course_objectives", one("course_objectives")),
            Shown("module_title", module_title[0]),
            Shown("module_introduction", values["module_introduction"]),
            Shown("lesson_title", lesson_title[0]),
            Shown("plain_lesson_title", FRENCH),
        ],
    )
    audit.visit(
        client,
        course_ar.url,
        page="course page (ar)",
        shows=[
            Shown("course_title", course_title[-1]),
            Shown("course_summary_ar", values["course_summary_ar"]),
            Shown("code", code[1]),
            Shown("module_title", module_title[-1]),
            Shown("lesson_title", lesson_title[-1]),
            Shown("plain_lesson_title", ARABIC),
        ],
    )
    audit.visit(
        client,
        lesson.url,
        page="lesson page (fr)",
        shows=[
            Shown("course_title", course_title[0]),
            Shown("module_title", module_title[0]),
            Shown("lesson_title", lesson_title[0]),
            Shown("lesson_summary", values["lesson_summary"]),
            Shown("plain_lesson_title", FRENCH),
            Shown("plain_text", ARABIC),
            Shown("paragraph", f"{body['paragraph']} (lien 0)"),
            *[Shown(name, value) for name, value in body.items()],
        ],
    )
    audit.visit(
        client,
        neighbour.url,
        page="next lesson page (fr)",
        shows=[Shown("lesson_title", lesson_title[0]), Shown("plain_lesson_title", FRENCH)],
    )
    audit.visit(
        client,
        lesson_ar.url,
        page="lesson page (ar)",
        shows=[
            Shown("course_title", course_title[-1]),
            Shown("module_title", module_title[-1]),
            Shown("lesson_title", lesson_title[-1]),
        ],
    )
    for language, title in (("fr", course_title[0]), ("ar", course_title[-1])):
        audit.visit(
            client,
            f"/{language}/dashboard/",
            page=f"dashboard ({language})",
            shows=[Shown("course_title", title)],
        )
    audit.visit(
        client,
        tree.course.get_parent().url,
        page="course catalogue (fr)",
        shows=[
            Shown("course_title", course_title[0]),
            Shown("course_summary", values["course_summary"], whole=False),
            Shown("code", code[0]),
        ],
    )
    audit.visit(
        client,
        course_ar.get_parent().url,
        page="course catalogue (ar)",
        shows=[Shown("course_title", course_title[-1]), Shown("code", code[1])],
    )
    client.force_login(teacher)
    audit.visit(
        client,
        reverse("wagtailadmin_explore", args=[module.pk]),
        page="page explorer (trainer)",
        shows=[Shown("lesson_title", lesson_title[0])],
    )
    audit.visit(
        client,
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
        page="lesson editor (trainer)",
        shows=[Shown("lesson_title", lesson_title[0])],
    )
    audit.check()


# --- Learners read the questions; trainers read them back ------------------------------------


def _always_reviewable(**fields) -> dict:
    """Quiz settings that show the score, the right answers and the feedback at once."""
    return {
        "attempts_allowed": 1,
        "review_score": "after_attempt",
        "review_answers": "after_attempt",
        "review_feedback": "after_attempt",
        **fields,
    }


def test_payloads_in_quiz_questions_render_inert_for_learners_and_trainers(client, site):
    teacher = trainer()
    tree = build_course(modules=1, lessons_per_module=1, arabic=True, trainers=[teacher])
    ar = Locale.objects.get(language_code="ar")
    v = {
        name: one(name)
        for name in (
            "question",
            "question_ar",
            "choice",
            "choice_ar",
            "feedback_right",
            "feedback_right_ar",
            "feedback_wrong",
            "feedback_wrong_ar",
            "general_feedback",
            "general_feedback_ar",
            "accepted_answer",
            "quiz_introduction",
        )
    }
    # Shown joined with others in the review: see test_a_bidi_override_in_a_matching_...
    v |= {
        name: one(name, bidi=False)
        for name in ("multiple_choice", "matching_prompt", "matching_match", "ordering_item")
    }
    quiz_title = typed("quiz_title", limit=255)
    category_name = typed("category", limit=200)
    category = quiz_factory.category(course=tree.course, name=category_name[0])
    category.name_ar = category_name[-1]
    category.save()
    feedback = {
        "feedback_right": v["feedback_right"],
        "feedback_right_ar": v["feedback_right_ar"],
        "feedback_wrong": v["feedback_wrong"],
        "feedback_wrong_ar": v["feedback_wrong_ar"],
        "general_feedback": v["general_feedback"],
        "general_feedback_ar": v["general_feedback_ar"],
    }
    choices = {
        "choices": [
            {"id": "a", "text": v["choice"], "text_ar": v["choice_ar"], "correct": True},
            {"id": "b", "text": FRENCH, "text_ar": ARABIC, "correct": False},
        ]
    }
    answered_right = quiz_factory.question(
        course=tree.course,
        kind="single",
        text=v["question"],
        text_ar=v["question_ar"],
        data=choices,
        category=category,
        **feedback,
    )
    answered_wrong = quiz_factory.question(
        course=tree.course, kind="single", text=FRENCH, text_ar=ARABIC, data=choices, **feedback
    )
    multiple = quiz_factory.question(
        course=tree.course,
        kind="multiple",
        data={
            "choices": [
                {"id": "a", "text": v["multiple_choice"], "correct": True},
                {"id": "b", "text": FRENCH, "correct": False},
            ]
        },
    )
    matching = quiz_factory.question(
        course=tree.course,
        kind="matching",
        data={
            "pairs": [
                {"id": "1", "prompt": v["matching_prompt"], "match": v["matching_match"]},
                {"id": "2", "prompt": FRENCH, "match": ARABIC},
            ]
        },
    )
    ordering = quiz_factory.question(
        course=tree.course,
        kind="ordering",
        data={"items": [{"id": "x", "text": v["ordering_item"]}, {"id": "y", "text": FRENCH}]},
    )
    short = quiz_factory.question(
        course=tree.course, kind="short", data={"accepted": [v["accepted_answer"]]}
    )
    essay = quiz_factory.question(course=tree.course, kind="essay")
    quiz = quiz_factory.quiz(
        module=tree.modules[0],
        questions=[answered_right, answered_wrong, multiple, matching, ordering, short, essay],
        title=quiz_title[0],
        introduction=v["quiz_introduction"],
        **_always_reviewable(),
    )
    quiz_ar = ensure_translation(quiz, ar, title=quiz_title[-1])

    person = learner()
    course_services.enrol(learner=person, course=tree.course)
    attempt = quiz_services.start_attempt(learner=person, quiz=quiz)
    client.force_login(person)
    audit = Audit()
    questions_fr = [
        Shown("question", v["question"]),
        Shown("choice", v["choice"]),
        Shown("multiple_choice", v["multiple_choice"]),
        Shown("matching_prompt", v["matching_prompt"]),
        Shown("matching_match", v["matching_match"]),
        Shown("ordering_item", v["ordering_item"]),
        Shown("plain_choice", FRENCH),
        Shown("plain_match", ARABIC),
    ]
    audit.visit(
        client,
        quiz.url,
        page="quiz page (fr)",
        shows=[
            Shown("quiz_title", quiz_title[0]),
            Shown("quiz_introduction", v["quiz_introduction"]),
        ],
    )
    audit.visit(
        client, quiz_ar.url, page="quiz page (ar)", shows=[Shown("quiz_title", quiz_title[-1])]
    )
    audit.visit(
        client,
        french("quizzes:attempt", attempt.pk),
        page="attempt (fr)",
        shows=[Shown("quiz_title", quiz_title[0]), *questions_fr],
    )
    audit.visit(
        client,
        arabic("quizzes:attempt", attempt.pk),
        page="attempt (ar)",
        shows=[
            Shown("quiz_title", quiz_title[-1]),
            Shown("question_ar", v["question_ar"]),
            Shown("choice_ar", v["choice_ar"]),
            Shown("plain_choice", ARABIC),
        ],
    )
    keys = {
        q.pk: str(q.pk)
        for q in (answered_right, answered_wrong, multiple, matching, ordering, short, essay)
    }
    quiz_services.submit_attempt(
        attempt=attempt,
        answers={
            keys[answered_right.pk]: "a",
            keys[answered_wrong.pk]: "b",
            keys[multiple.pk]: ["a"],
            keys[matching.pk]: {"1": "1", "2": "2"},
            keys[ordering.pk]: {"x": 1, "y": 2},
            keys[short.pk]: ARABIC,
            keys[essay.pk]: FRENCH,
        },
    )
    client.force_login(teacher)
    grading_comment = one("grading_comment")
    client.post(
        french("quizzes:grade_attempt", attempt.pk),
        {"question_key": keys[essay.pk], "points": "1", "comment": grading_comment},
    )
    client.force_login(person)
    audit.visit(
        client,
        french("quizzes:review", attempt.pk),
        page="review (fr)",
        shows=[
            *questions_fr,
            Shown("accepted_answer", v["accepted_answer"]),
            Shown("feedback_right", v["feedback_right"]),
            Shown("feedback_wrong", v["feedback_wrong"]),
            Shown("general_feedback", v["general_feedback"]),
            Shown("grading_comment", grading_comment),
            Shown("short_answer", ARABIC),
            Shown("essay_answer", FRENCH),
        ],
    )
    audit.visit(
        client,
        arabic("quizzes:review", attempt.pk),
        page="review (ar)",
        shows=[
            Shown("question_ar", v["question_ar"]),
            Shown("choice_ar", v["choice_ar"]),
            Shown("feedback_right_ar", v["feedback_right_ar"]),
            Shown("feedback_wrong_ar", v["feedback_wrong_ar"]),
            Shown("general_feedback_ar", v["general_feedback_ar"]),
        ],
    )
    client.force_login(teacher)
    audit.visit(
        client,
        french("quizzes:results", quiz.pk),
        page="quiz results (trainer)",
        shows=[Shown("quiz_title", quiz_title[0]), Shown("question", v["question"], whole=False)],
    )
    audit.visit(
        client,
        french("quizzes:regrade", quiz.pk, answered_right.pk),
        page="regrade (trainer)",
        shows=[Shown("quiz_title", quiz_title[0]), Shown("question", v["question"])],
    )
    audit.visit(
        client,
        french("quizzes:grade_attempt", attempt.pk),
        page="essay grading (trainer)",
        shows=[Shown("quiz_title", quiz_title[0]), Shown("grading_comment", grading_comment)],
    )
    audit.visit(
        client,
        french("quizzes:preview", quiz.pk),
        page="quiz preview (trainer)",
        shows=[Shown("quiz_title", quiz_title[0]), *questions_fr],
    )
    audit.visit(
        client,
        reverse("wagtailsnippets_quizzes_question:list"),
        page="question bank listing (trainer)",
        shows=[Shown("question", v["question"], whole=False), Shown("category", category_name[0])],
    )
    audit.visit(
        client,
        reverse("wagtailsnippets_quizzes_question:edit", args=[answered_right.pk]),
        page="question editor (trainer)",
        shows=[
            Shown("question", v["question"]),
            Shown("question_ar", v["question_ar"]),
            Shown("feedback_wrong", v["feedback_wrong"]),
            Shown("choice", v["choice"], whole=False),
        ],
    )
    audit.visit(
        client,
        reverse("wagtailsnippets_quizzes_questioncategory:list"),
        page="question categories (trainer)",
        shows=[Shown("category", category_name[0]), Shown("category", category_name[-1])],
    )
    audit.visit(
        client,
        reverse("wagtailadmin_pages:edit", args=[quiz.pk]),
        page="quiz editor (trainer)",
        shows=[
            Shown("quiz_title", quiz_title[0]),
            Shown("quiz_introduction", v["quiz_introduction"]),
        ],
    )
    audit.check()


# --- Trainers read what learners type: names, answers, organisations, cohorts ---------------


@dataclass
class People:
    """Learners whose names carry the corpus, in an organisation and cohorts that carry it."""

    names_latin: list[str]
    names_arabic: list[str]
    job_titles: list[str]
    organisation: list[str]
    cohorts: list[str]
    learners: list = field(default_factory=list)
    plain: object = None


def _people(course, *, by) -> People:
    people = People(
        names_latin=typed("name_latin", limit=120, bidi=False),
        names_arabic=typed("name_arabic", limit=120, bidi=False),
        job_titles=typed("job_title", limit=200),
        organisation=typed("organisation", limit=255),
        cohorts=typed("cohort", limit=200),
    )
    organisation = Organisation.objects.create(
        name_fr=people.organisation[0],
        name_ar=people.organisation[-1],
        kind=OrganisationKind.MUNICIPALITY,
        slug="commune-xss",
    )
    cohorts = [Cohort.objects.create(name=name, course=course) for name in people.cohorts]
    for number, (latin, arabic_name) in enumerate(
        zip(people.names_latin, people.names_arabic, strict=True)
    ):
        person = learner(
            full_name_latin=latin,
            full_name_arabic=arabic_name,
            job_title=people.job_titles[number % len(people.job_titles)],
            organisation=organisation,
        )
        course_services.enrol(
            learner=person, course=course, enrolled_by=by, cohort=cohorts[number % len(cohorts)]
        )
        people.learners.append(person)
    people.plain = learner(full_name_latin=FRENCH, full_name_arabic=ARABIC, job_title=FRENCH)
    course_services.enrol(learner=people.plain, course=course, enrolled_by=by, cohort=cohorts[0])
    return people


def test_payloads_typed_by_learners_render_inert_for_their_trainers(client, site):
    teacher = trainer()
    tree = build_course(modules=1, lessons_per_module=1, trainers=[teacher])
    people = _people(tree.course, by=administrator())
    single = quiz_factory.question(course=tree.course, kind="single")
    short = quiz_factory.question(course=tree.course, kind="short")
    essay = quiz_factory.question(course=tree.course, kind="essay", text=FRENCH)
    quiz = quiz_factory.quiz(
        module=tree.modules[0], questions=[single, short, essay], **_always_reviewable()
    )
    essay_answer, short_answer = one("essay_answer"), one("short_answer")
    audit = Audit()
    attempts = []
    for number, person in enumerate([*people.learners, people.plain]):
        plain = person is people.plain
        attempt = quiz_services.start_attempt(learner=person, quiz=quiz)
        answers = {
            str(single.pk): "a",
            str(short.pk): ARABIC if plain else short_answer,
            str(essay.pk): FRENCH if plain else essay_answer,
        }
        quiz_services.save_answers(attempt=attempt, answers=answers, explicit=True)
        client.force_login(person)
        audit.visit(
            client,
            french("quizzes:attempt", attempt.pk),
            page=f"own attempt of learner {number}, answers saved",
            shows=[Shown("plain_answer", ARABIC), Shown("plain_answer", FRENCH)]
            if plain
            else [Shown("essay_answer", essay_answer), Shown("short_answer", short_answer)],
        )
        attempts.append(quiz_services.submit_attempt(attempt=attempt))
    single.data = {
        "choices": [
            {"id": "a", "text": "2014", "correct": False},
            {"id": "b", "text": "2004", "correct": True},
        ]
    }
    single.save()

    client.force_login(people.learners[0])
    audit.visit(
        client,
        french("quizzes:review", attempts[0].pk),
        page="own review (learner)",
        shows=[Shown("essay_answer", essay_answer), Shown("short_answer", short_answer)],
    )
    names = [
        *[Shown("name_latin", name) for name in people.names_latin],
        Shown("plain_name", FRENCH),
    ]
    client.force_login(teacher)
    audit.visit(
        client, french("quizzes:results", quiz.pk), page="quiz results (trainer)", shows=names
    )
    audit.visit(
        client, french("quizzes:regrade", quiz.pk, single.pk), page="regrade (trainer)", shows=names
    )
    for number, attempt in enumerate(attempts[:-1]):
        audit.visit(
            client,
            french("quizzes:grade_attempt", attempt.pk),
            page=f"essay grading of learner {number} (trainer)",
            shows=[
                Shown("name_latin", people.names_latin[number]),
                Shown("essay_answer", essay_answer),
            ],
        )
    audit.visit(
        client,
        french("quizzes:grade_attempt", attempts[-1].pk),
        page="essay grading of plain learner (trainer)",
        shows=[Shown("plain_name", FRENCH), Shown("plain_essay", FRENCH)],
    )
    report = reverse("course_progress:report", args=[tree.course.pk])
    audit.visit(
        client,
        report,
        page="course progress report (trainer)",
        shows=[
            *names,
            *[Shown("name_arabic", name) for name in people.names_arabic],
            Shown("plain_name", ARABIC),
            Shown("organisation", people.organisation[0]),
            *[Shown("cohort", name) for name in people.cohorts],
        ],
    )
    cohort = Cohort.objects.get(name=people.cohorts[-1])
    audit.visit(
        client,
        report,
        data={"cohort": cohort.pk},
        page="course progress report of a cohort (trainer)",
        shows=[Shown("cohort", people.cohorts[-1])],
    )
    audit.visit(
        client,
        reverse("follow_up:course_grid", args=[tree.course.pk]),
        page="follow-up grid of the course (trainer)",
        shows=names,
    )
    audit.visit(
        client,
        reverse("follow_up:cohort_grid", args=[cohort.pk]),
        page="follow-up grid of a cohort (trainer)",
        shows=[Shown("cohort", people.cohorts[-1])],
    )
    audit.visit(
        client,
        reverse("quiz_follow_up:course_grading", args=[tree.course.pk]),
        page="grading queue of the course (trainer)",
        shows=names,
    )
    audit.visit(
        client,
        reverse("follow_up:index"),
        page="follow-up index (trainer)",
        shows=[Shown("cohort", name) for name in people.cohorts],
    )
    teacher.preferred_language = "ar"
    teacher.save()
    sync_admin_language(user=teacher)
    audit.visit(
        client,
        report,
        page="course progress report (trainer, admin in Arabic)",
        shows=[Shown("organisation", people.organisation[-1])],
    )
    audit.check()


# --- Administrators, certificates and the public verification page --------------------------

# The other lines of the wording are format strings ("{hours}", "{date}"): see the README of
# this test's report; the corpus goes into the lines printed as they are.
UNFORMATTED_WORDING = "institution heading attests followed place serial_label verify_label".split()


def _template_for(course) -> tuple[CertificateTemplate, list[Shown]]:
    """A certificate template for `course` whose name, wording and signatories carry the corpus."""
    fields, shown = {}, []
    for base in UNFORMATTED_WORDING:
        values = typed(f"wording_{base}", limit=300)
        fields[f"{base}_fr"], fields[f"{base}_ar"] = values[0], values[-1]
        shown += [Shown(f"wording_{base}", values[0]), Shown(f"wording_{base}", values[-1])]
    signatory = typed("signatory", limit=200)
    template = CertificateTemplate(name=typed("template_name", limit=200)[0], **fields)
    template.courses = [course]
    template.signatories = [
        TemplateSignatory(
            name_fr=signatory[0], name_ar=signatory[-1], title_fr=FRENCH, title_ar=ARABIC
        )
    ]
    template.save()
    return template, shown + [Shown("signatory", signatory[0]), Shown("signatory", signatory[-1])]


def test_payloads_in_names_and_titles_render_inert_for_administrators_and_on_certificates(
    client, site
):
    admin = administrator()
    course_title = typed("course_title", limit=255)
    tree = build_course(modules=1, lessons_per_module=1, arabic=True, title=course_title[0])
    ensure_translation(tree.course, Locale.objects.get(language_code="ar"), title=course_title[-1])
    people = _people(tree.course, by=admin)
    template, wording = _template_for(tree.course)
    cohort = Cohort.objects.get(name=people.cohorts[0])
    run = certificate_services.bulk_issue(issued_by=admin, cohort=cohort)
    run = certificate_services.run_bulk_issue(run=run)
    certificates = []
    for person in people.learners:
        for lesson in tree.lessons:
            course_services.complete_lesson(learner=person, lesson=lesson)
        enrolment = person.enrolments.get()
        certificates.append(
            certificate_services.issue_certificate(enrolment=enrolment, issued_by=admin)
        )
    reason = one("revocation_reason")
    certificate_services.revoke_certificate(
        certificate=certificates[-1], reason=reason, revoked_by=admin
    )

    # Certificates state the titles as printed: issuing removes bidi controls (README).
    printed_title = [certificate_services.printable(title) for title in course_title]
    audit = Audit()
    names = [
        *[Shown("name_latin", name) for name in people.names_latin],
        Shown("plain_name", FRENCH),
    ]
    every_name = [
        *names,
        *[Shown("name_arabic", name) for name in people.names_arabic],
        Shown("plain_name", ARABIC),
    ]
    for number, certificate in enumerate(certificates):
        audit.visit(
            client,
            french("certificates:verify", certificate.verification_code),
            page=f"public verification page of certificate {number}",
            shows=[
                Shown("name_latin", people.names_latin[number]),
                Shown("name_arabic", people.names_arabic[number]),
                Shown("course_title", printed_title[0]),
                Shown("course_title", printed_title[-1]),
            ],
        )
    client.force_login(people.learners[0])
    audit.visit(
        client,
        french("certificates:mine"),
        page="my certificates (fr)",
        shows=[Shown("course_title", printed_title[0])],
    )
    audit.visit(
        client,
        arabic("certificates:mine"),
        page="my certificates (ar)",
        shows=[Shown("course_title", printed_title[-1])],
    )

    client.force_login(admin)
    # Wagtail's listing names people by e-mail (get_full_name() is empty): no name to show.
    audit.visit(client, reverse("wagtailusers_users:index"), page="user listing", shows=[])
    for number, person in enumerate(people.learners):
        audit.visit(
            client,
            reverse("wagtailusers_users:edit", args=[person.pk]),
            page=f"user editor of learner {number}",
            shows=[
                Shown("name_latin", people.names_latin[number]),
                Shown("name_arabic", people.names_arabic[number]),
                Shown("job_title", person.job_title),
                Shown("organisation", people.organisation[0]),
            ],
        )
    audit.visit(
        client,
        reverse("wagtailusers_users:edit", args=[people.plain.pk]),
        page="user editor of a plain learner",
        shows=[
            Shown("plain_name", FRENCH),
            Shown("plain_name", ARABIC),
            Shown("plain_job_title", FRENCH),
        ],
    )
    enrolments = reverse("enrolments:index")
    audit.visit(
        client,
        enrolments,
        page="enrolment listing",
        shows=[
            *names,
            Shown("course_title", course_title[0]),
            *[Shown("cohort", n) for n in people.cohorts],
        ],
    )
    audit.visit(
        client,
        enrolments,
        data={"cohort": cohort.pk},
        page="enrolment listing filtered by cohort",
        shows=[Shown("cohort", people.cohorts[0])],
    )
    audit.visit(
        client,
        reverse("enrolments:inspect", args=[people.learners[0].enrolments.get().pk]),
        page="enrolment inspect",
        shows=[Shown("name_latin", people.names_latin[0]), Shown("cohort", people.cohorts[0])],
    )
    audit.visit(
        client,
        reverse("cohorts:index"),
        page="cohort listing",
        shows=[
            *[Shown("cohort", n) for n in people.cohorts],
            Shown("course_title", course_title[0]),
        ],
    )
    register = reverse("certificate_register:index")
    audit.visit(
        client,
        register,
        page="certificate register",
        shows=[
            *names[:-1],
            *[Shown("name_arabic", n) for n in people.names_arabic],
            Shown("course_title", course_title[0]),
        ],
    )
    audit.visit(
        client,
        register,
        data={"q": people.names_latin[0]},
        page="certificate register searched by name",
        shows=[Shown("name_latin", people.names_latin[0])],
    )
    for number, certificate in enumerate(certificates):
        audit.visit(
            client,
            reverse("certificate_register:inspect", args=[certificate.pk]),
            page=f"certificate inspect {number}",
            shows=[
                Shown("name_latin", people.names_latin[number]),
                Shown("name_arabic", people.names_arabic[number]),
                Shown("course_title", course_title[0]),
                Shown("template_name", template.name),
            ],
        )
    audit.visit(
        client,
        reverse("certificate_register:inspect", args=[certificates[-1].pk]),
        page="revoked certificate inspect",
        shows=[Shown("revocation_reason", reason)],
    )
    audit.visit(
        client,
        reverse("certificate_actions:revoke", args=[certificates[0].pk]),
        page="revoke form",
        shows=[Shown("name_latin", people.names_latin[0]), Shown("course_title", course_title[0])],
    )
    audit.visit(
        client,
        reverse("certificate_actions:issue"),
        data={"enrolment": people.plain.enrolments.get().pk},
        page="issue form",
        shows=[*names, Shown("course_title", course_title[0])],
    )
    audit.visit(
        client,
        reverse("certificate_actions:bulk"),
        page="bulk issue form",
        shows=[
            *[Shown("cohort", n) for n in people.cohorts],
            Shown("course_title", course_title[0]),
        ],
    )
    audit.visit(
        client,
        reverse("certificate_bulk_issues:inspect", args=[run.pk]),
        page="bulk issue inspect",
        shows=[
            *[Shown("name_latin", n) for n in people.names_latin[:: len(people.cohorts)]],
            Shown("cohort", people.cohorts[0]),
        ],
    )
    audit.visit(
        client,
        reverse("wagtailsnippets_certificates_certificatetemplate:list"),
        page="certificate templates",
        shows=[Shown("template_name", template.name)],
    )
    audit.visit(
        client,
        reverse("wagtailsnippets_certificates_certificatetemplate:edit", args=[template.pk]),
        page="certificate template editor",
        shows=[*wording, Shown("template_name", template.name)],
    )
    audit.visit(
        client,
        reverse("course_progress:report", args=[tree.course.pk]),
        page="course progress report (administrator)",
        shows=[*every_name, Shown("organisation", people.organisation[0])],
    )
    audit.check()


# --- The handbook library --------------------------------------------------------------------


def test_payloads_in_handbooks_render_inert_in_the_library_and_its_search(client, site):
    title = typed("handbook_title", limit=255)
    summary, summary_ar = one("handbook_summary"), one("handbook_summary_ar")
    publisher = typed("publisher", limit=255)[0]
    theme_names = typed("theme", limit=120)
    themes = [theme(f"theme-xss-{number}", name=name) for number, name in enumerate(theme_names)]
    handbook = build_handbook(title=title[0], summary=summary, themes=themes, publisher=publisher)
    handbook_ar = build_handbook(
        title=title[-1], summary=summary_ar, language="ar", translation_of=handbook
    )
    build_handbook(title=FRENCH, summary=FRENCH)
    build_handbook(title=ARABIC, summary=ARABIC, language="ar")
    lesson_title = typed("lesson_title", limit=255)[0]
    tree = build_course(modules=1, lessons_per_module=1)
    lesson = republish(
        tree.lessons[0],
        title=lesson_title,
        body=[{"type": "handbook", "value": {"handbook": handbook.pk, "note": FRENCH}}],
    )
    person = learner()
    course_services.enrol(learner=person, course=tree.course)

    audit = Audit()
    library = handbook.get_parent().url
    themes_shown = [Shown("theme", name) for name in theme_names]
    audit.visit(
        client,
        library,
        page="library listing (fr, visitor)",
        shows=[
            Shown("handbook_title", title[0]),
            Shown("handbook_summary", summary, whole=False),
            Shown("plain_title", FRENCH),
            *themes_shown,
        ],
    )
    audit.visit(
        client,
        handbook_ar.get_parent().url,
        page="library listing (ar, visitor)",
        shows=[
            Shown("handbook_title", title[-1]),
            Shown("handbook_summary_ar", summary_ar, whole=False),
            Shown("plain_title", ARABIC),
        ],
    )
    query = marker("handbook_summary")
    audit.visit(
        client,
        library,
        data={"q": query},
        page="library search (fr, visitor)",
        shows=[
            Shown("handbook_title", title[0]),
            Shown("handbook_summary", summary, whole=False),
            Shown("handbook_summary", query),
        ],
    )
    # A payload typed as the query comes back in the search box; whether it finds anything
    # depends on the search backend (PostgreSQL's full text drops the markup).
    query = VECTORS[0].replace("{m}", marker("handbook_summary"))
    audit.visit(
        client,
        library,
        data={"q": query},
        page="library search for a payload (fr, visitor)",
        shows=[Shown("handbook_summary", query)],
    )
    audit.visit(
        client,
        library,
        data={"q": FRENCH},
        page="library search of French text",
        shows=[Shown("plain_title", FRENCH), Shown("plain_query", FRENCH)],
    )
    audit.visit(
        client,
        handbook.url,
        page="handbook page (fr)",
        shows=[
            Shown("handbook_title", title[0]),
            Shown("handbook_summary", summary),
            Shown("publisher", publisher),
            Shown("handbook_title", title[-1]),
            Shown("lesson_title", lesson_title),
            *themes_shown,
        ],
    )
    audit.visit(
        client,
        handbook_ar.url,
        page="handbook page (ar)",
        shows=[
            Shown("handbook_title", title[-1]),
            Shown("handbook_summary_ar", summary_ar),
            Shown("handbook_title", title[0]),
        ],
    )
    client.force_login(person)
    audit.visit(
        client,
        lesson.url,
        page="lesson citing the handbook (learner)",
        shows=[Shown("handbook_title", title[0]), Shown("lesson_title", lesson_title)],
    )
    client.force_login(administrator())
    audit.visit(
        client,
        reverse("wagtailsnippets_content_theme:list"),
        page="theme listing",
        shows=themes_shown,
    )
    audit.check()


# --- Bidi controls: refused in names, isolated where older names show ------------------------


def test_names_refuse_bidi_controls_on_every_form_that_takes_them(client, site):
    spoofed_latin, spoofed_arabic = "Fatima-Zahra \u202eilaneB", "فاطمة \u2067الزهراء"
    organisation = Organisation.objects.get(slug="oujda")
    signup = SignupForm(
        data={
            "full_name_latin": spoofed_latin,
            "full_name_arabic": spoofed_arabic,
            "job_title": "Cadre",
            "organisation": organisation.pk,
            "preferred_language": "fr",
        }
    )
    assert not signup.is_valid()
    assert set(signup.errors) == {"full_name_latin", "full_name_arabic"}
    assert {
        e.code
        for field in ("full_name_latin", "full_name_arabic")
        for e in signup.errors.as_data()[field]
    } == {"bidi_controls"}

    person = learner(full_name_latin="Fatima-Zahra Benali", full_name_arabic="فاطمة الزهراء بنعلي")
    client.force_login(person)
    response = client.post(
        french("accounts:profile"),
        {
            "full_name_latin": spoofed_latin,
            "full_name_arabic": spoofed_arabic,
            "job_title": "Cadre",
            "organisation": organisation.pk,
            "preferred_language": "fr",
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"full_name_latin", "full_name_arabic"}
    person.refresh_from_db()
    assert (person.full_name_latin, person.full_name_arabic) == (
        "Fatima-Zahra Benali",
        "فاطمة الزهراء بنعلي",
    )
    profile = ProfileForm(
        instance=person,
        data={
            "full_name_latin": "Fatima-Zahra Benali",
            "full_name_arabic": "فاطمة الزهراء بنعلي",
            "job_title": BIDI_VECTOR.replace("{m}", marker("job_title")),
            "preferred_language": "fr",
        },
    )
    assert profile.is_valid(), "a job title is free text: it may hold direction marks"

    client.force_login(administrator())
    response = client.post(
        reverse("wagtailusers_users:edit", args=[person.pk]),
        {
            "email": person.email,
            "full_name_latin": spoofed_latin,
            "full_name_arabic": spoofed_arabic,
            "job_title": "Cadre",
            "organisation": organisation.pk,
            "preferred_language": "fr",
            "is_active": "on",
            "groups": [group.pk for group in person.groups.all()],
        },
    )
    assert response.status_code == 200
    assert {"full_name_latin", "full_name_arabic"} <= set(response.context["form"].errors)
    person.refresh_from_db()
    assert person.full_name_latin == "Fatima-Zahra Benali"


def test_names_saved_before_the_rule_render_isolated_and_are_printed_without_controls(client, site):
    """Names saved before names refused direction controls keep them until their owner edits
    them: trainers and administrators see them isolated, certificates print them without."""
    admin = administrator()
    older_latin = f"\u202e{marker('older_name')} ilaneB"
    older_arabic = f"\u2067{marker('older_name_ar')} الزهراء"
    TYPED.update({older_latin, older_arabic})
    teacher = trainer()
    tree = build_course(modules=1, lessons_per_module=1, trainers=[teacher])
    essay = quiz_factory.question(course=tree.course, kind="essay")
    single = quiz_factory.question(course=tree.course, kind="single")
    quiz = quiz_factory.quiz(module=tree.modules[0], questions=[single, essay])
    older = learner()
    type(older).objects.filter(pk=older.pk).update(
        full_name_latin=older_latin, full_name_arabic=older_arabic
    )
    older.refresh_from_db()
    enrolment = course_services.enrol(learner=older, course=tree.course)
    attempt = quiz_services.start_attempt(learner=older, quiz=quiz)
    quiz_services.submit_attempt(
        attempt=attempt, answers={str(single.pk): "a", str(essay.pk): FRENCH}
    )
    single.data = {
        "choices": [
            {"id": "a", "text": "2014", "correct": False},
            {"id": "b", "text": "2004", "correct": True},
        ]
    }
    single.save()
    audit = Audit()
    names = [Shown("older_name", older_latin), Shown("older_name_ar", older_arabic)]
    client.force_login(teacher)
    audit.visit(client, french("quizzes:results", quiz.pk), page="quiz results", shows=names[:1])
    audit.visit(
        client, french("quizzes:grade_attempt", attempt.pk), page="essay grading", shows=names[:1]
    )
    audit.visit(
        client, french("quizzes:regrade", quiz.pk, single.pk), page="regrade", shows=names[:1]
    )
    audit.visit(
        client,
        reverse("course_progress:report", args=[tree.course.pk]),
        page="progress report",
        shows=names,
    )
    client.force_login(admin)
    audit.visit(client, reverse("enrolments:index"), page="enrolment listing", shows=names[:1])
    audit.visit(
        client,
        reverse("certificate_actions:issue"),
        data={"enrolment": enrolment.pk},
        page="issue form",
        shows=names[:1],
    )
    single.data = quiz_factory.DATA["single"]
    single.save()
    quiz_services.grade_essay(attempt=attempt, question_key=str(essay.pk), points=1, by=teacher)
    for lesson in tree.lessons:
        course_services.complete_lesson(learner=older, lesson=lesson)
    certificate = certificate_services.issue_certificate(enrolment=enrolment, issued_by=admin)
    assert not any(
        c in certificate.learner_name_latin + certificate.learner_name_arabic for c in BIDI_CONTROLS
    )
    audit.visit(
        client,
        reverse("certificate_register:index"),
        page="certificate register",
        shows=[Shown("older_name", certificate.learner_name_latin)],
    )
    audit.visit(
        client,
        french("certificates:verify", certificate.verification_code),
        page="verification page",
        shows=[
            Shown("older_name", certificate.learner_name_latin),
            Shown("older_name_ar", certificate.learner_name_arabic),
        ],
    )
    audit.check()


# --- A bidi override stays inside the text it was typed in ----------------------------------


def test_a_bidi_override_in_a_document_title_stays_inside_its_link(client, site):
    value = BIDI_VECTOR.replace("{m}", marker("document_title"))
    TYPED.add(value)
    tree = build_course(modules=1, lessons_per_module=1)
    lesson = republish(
        tree.lessons[0],
        body=[{"type": "document", "value": {"document": pdf_document().pk, "title": value}}],
    )
    person = learner()
    course_services.enrol(learner=person, course=tree.course)
    client.force_login(person)
    audit = Audit()
    audit.visit(client, lesson.url, page="lesson page", shows=[Shown("document_title", value)])
    audit.check()


def test_a_bidi_override_in_a_quiz_prompt_or_item_stays_inside_it_in_the_review(client, site):
    values = {
        name: BIDI_VECTOR.replace("{m}", marker(name)) for name in ("prompt", "item", "choice")
    }
    TYPED.update(values.values())
    tree = build_course(modules=1, lessons_per_module=1)
    matching = quiz_factory.question(
        course=tree.course,
        kind="matching",
        data={
            "pairs": [
                {"id": "1", "prompt": values["prompt"], "match": "SNIA"},
                {"id": "2", "prompt": FRENCH, "match": ARABIC},
            ]
        },
    )
    ordering = quiz_factory.question(
        course=tree.course,
        kind="ordering",
        data={"items": [{"id": "x", "text": values["item"]}, {"id": "y", "text": FRENCH}]},
    )
    multiple = quiz_factory.question(
        course=tree.course,
        kind="multiple",
        data={
            "choices": [
                {"id": "a", "text": values["choice"], "correct": True},
                {"id": "b", "text": FRENCH, "correct": True},
            ]
        },
    )
    quiz = quiz_factory.quiz(
        module=tree.modules[0], questions=[matching, ordering, multiple], **_always_reviewable()
    )
    person = learner()
    course_services.enrol(learner=person, course=tree.course)
    attempt = quiz_services.start_attempt(learner=person, quiz=quiz)
    quiz_services.submit_attempt(
        attempt=attempt,
        answers={
            str(matching.pk): {"1": "1", "2": "2"},
            str(ordering.pk): {"x": 1, "y": 2},
            str(multiple.pk): ["a", "b"],
        },
    )
    client.force_login(person)
    audit = Audit()
    audit.visit(client, french("quizzes:review", attempt.pk), page="review", shows=[])
    audit.check()


# --- Links typed in a translation (wagtail-localize) -----------------------------------------


def test_a_link_address_typed_in_a_translation_cannot_be_a_javascript_url(client, site):
    """wagtail-localize lets a translator replace a link's address in rich text; Wagtail
    renders what is stored. The address goes through the check of Wagtail's own editor."""
    teacher = trainer()
    tree = build_course(modules=1, lessons_per_module=1, arabic=True, trainers=[teacher])
    text = one("translated_link")
    lesson = republish(
        tree.lessons[0],
        body=[
            {
                "type": "paragraph",
                "value": typed_in_editor(text, links=("https://www.ensa.ma/guide",)),
            }
        ],
    )
    source, _created = TranslationSource.update_or_create_from_instance(lesson)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code="ar")
    )
    (link,) = OverridableSegment.objects.filter(source=source)
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, link.pk])
    client.force_login(teacher)
    addresses = [u.replace("{m}", marker("link_override")) for u in JAVASCRIPT_URLS]
    addresses.append(f"data:text/html,<script>window.{marker('link_override')}=1</script>")
    for address in addresses:
        # As the translation editor sends it (FormData), and as a plain form.
        sent = client.put(
            url, encode_multipart(BOUNDARY, {"value": address}), content_type=MULTIPART_CONTENT
        )
        assert sent.status_code == 400, address
        sent = client.put(
            url, urlencode({"value": address}), content_type="application/x-www-form-urlencoded"
        )
        assert sent.status_code == 400, address
    assert not SegmentOverride.objects.exists()
    sent = client.put(
        url,
        encode_multipart(BOUNDARY, {"value": "https://www.ensa.ma/ar/guide"}),
        content_type=MULTIPART_CONTENT,
    )
    assert sent.status_code == 201
    translation.save_target(user=teacher, publish=True)

    person = learner()
    course_services.enrol(learner=person, course=tree.course)
    client.force_login(person)
    audit = Audit()
    soup = audit.visit(
        client,
        lesson.get_translation(translation.target_locale).url,
        page="translated lesson (ar)",
        shows=[Shown("translated_link", f"{text} (lien 0)")],
    )
    audit.check()
    assert [a["href"] for a in soup.select(".lesson-body a")] == ["https://www.ensa.ma/ar/guide"]
