"""The question editor: each type's answers are written with fields and rows, never JSON,
checked with messages in the trainer's language, stored in the shape attempts already use,
and previewed as learners see them in French and Arabic."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from courses import grading
from courses.quizzes import question_types, services
from courses.quizzes.forms import CHECK_ANSWERS
from courses.quizzes.models import Question
from courses.quizzes.question_types import (
    _choices,
    base,
    matching,
    multiple,
    numeric,
    ordering,
    short,
    true_false,
)
from demo.quiz import questions
from tests.factories import quizzes as quiz_factory
from tests.factories.courses import build_course
from tests.factories.users import trainer

KINDS = [t.kind for t in question_types.all_types()]


def rows(kind: str, entries: list[dict], *, initial: int = 0) -> dict:
    """What the browser posts for the rows of `kind`'s editor (a ticked box posts "on")."""
    prefix = f"answers-{kind}-rows"
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(entries)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, entry in enumerate(entries):
        for name, value in entry.items():
            if value is True:
                value = "on"
            if value is not False:
                data[f"{prefix}-{index}-{name}"] = value
    return data


def options(kind: str, **values) -> dict:
    return {
        f"answers-{kind}-{name}": ("on" if v is True else v)
        for name, v in values.items()
        if v is not False
    }


def editor(kind: str, data: dict | None, stored: dict | None = None):
    return question_types.get(kind).editor(data=data, prefix=f"answers-{kind}", stored=stored or {})


def valid_data(kind: str, data: dict) -> dict:
    found = editor(kind, data)
    assert found.is_valid(), (
        found.options and found.options.errors,
        found.rows and found.rows.errors,
        found.rows and found.rows.non_form_errors(),
    )
    return found.to_data()


def without_ids(data: dict) -> dict:
    """`data` with the ids of its choices, pairs or items left out (new rows get random ones),
    after checking that those ids are there and differ."""
    stripped = dict(data)
    for key in ("choices", "pairs", "items"):
        if key in data:
            ids = [entry["id"] for entry in data[key]]
            assert all(ids) and len(set(ids)) == len(ids), ids
            stripped[key] = [{k: v for k, v in entry.items() if k != "id"} for entry in data[key]]
    return stripped


def row_errors(found) -> list[str]:
    return [str(e) for e in found.rows.non_form_errors()]


# What a trainer types for each type, and the data it stores (the shape of grading.py).
TYPED = {
    "single": rows(
        "single",
        [
            {
                "text": "2014",
                "text_ar": "2014",
                "correct": True,
                "feedback": "Exact.",
                "feedback_ar": "صحيح.",
            },
            {"text": "2004", "text_ar": "2004"},
        ],
    ),
    "multiple": rows(
        "multiple",
        [
            {"text": "Migrants", "text_ar": "المهاجرون", "correct": True},
            {"text": "Réfugiés", "text_ar": "اللاجئون", "correct": True},
            {"text": "Touristes", "text_ar": "السياح"},
        ],
    ),
    "true_false": options("true_false", answer="false"),
    "short": {
        **rows(
            "short", [{"text": "Programme d'action de la commune"}, {"text": "برنامج عمل الجماعة"}]
        ),
        **options("short", accents_matter=True, allow_proclitics=True),
    },
    "numeric": options("numeric", value="12,5", tolerance="0.5"),
    "matching": rows(
        "matching",
        [
            {
                "prompt": "SNIA",
                "prompt_ar": "الاستراتيجية الوطنية للهجرة واللجوء",
                "match": "Migrants",
                "match_ar": "المهاجرون",
            },
            {
                "prompt": "SNMRE",
                "prompt_ar": "الاستراتيجية الوطنية لفائدة المغاربة المقيمين بالخارج",
                "match": "MRE",
                "match_ar": "المغاربة المقيمون بالخارج",
            },
        ],
    ),
    "ordering": rows(
        "ordering",
        [
            {"text": "Suivi", "text_ar": "التتبع", "ORDER": "3"},
            {"text": "Diagnostic", "text_ar": "التشخيص", "ORDER": "1"},
            {"text": "Programmation", "text_ar": "البرمجة", "ORDER": "2"},
        ],
    ),
    "essay": {},
}

STORED = {
    "single": {
        "choices": [
            {
                "id": "a",
                "text": "2014",
                "text_ar": "2014",
                "correct": True,
                "feedback": "Exact.",
                "feedback_ar": "صحيح.",
            },
            {
                "id": "b",
                "text": "2004",
                "text_ar": "2004",
                "correct": False,
                "feedback": "",
                "feedback_ar": "",
            },
        ]
    },
    "multiple": {
        "choices": [
            {
                "id": "a",
                "text": "Migrants",
                "text_ar": "المهاجرون",
                "correct": True,
                "feedback": "",
                "feedback_ar": "",
            },
            {
                "id": "b",
                "text": "Réfugiés",
                "text_ar": "اللاجئون",
                "correct": True,
                "feedback": "",
                "feedback_ar": "",
            },
            {
                "id": "c",
                "text": "Touristes",
                "text_ar": "السياح",
                "correct": False,
                "feedback": "",
                "feedback_ar": "",
            },
        ]
    },
    "true_false": {"answer": False},
    "short": {
        "accepted": ["Programme d'action de la commune", "برنامج عمل الجماعة"],
        "accents_matter": True,
        "allow_proclitics": True,
    },
    "numeric": {"value": 12.5, "tolerance": 0.5},
    "matching": {
        "pairs": [
            {
                "id": "1",
                "prompt": "SNIA",
                "prompt_ar": "الاستراتيجية الوطنية للهجرة واللجوء",
                "match": "Migrants",
                "match_ar": "المهاجرون",
            },
            {
                "id": "2",
                "prompt": "SNMRE",
                "prompt_ar": "الاستراتيجية الوطنية لفائدة المغاربة المقيمين بالخارج",
                "match": "MRE",
                "match_ar": "المغاربة المقيمون بالخارج",
            },
        ]
    },
    "ordering": {
        "items": [
            {"id": "1", "text": "Diagnostic", "text_ar": "التشخيص"},
            {"id": "2", "text": "Programmation", "text_ar": "البرمجة"},
            {"id": "3", "text": "Suivi", "text_ar": "التتبع"},
        ]
    },
    "essay": {},
}


# --- each type's editor, without the database ------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_what_a_trainer_types_is_stored_in_the_shape_attempts_are_graded_with(kind):
    data = valid_data(kind, TYPED[kind])
    assert without_ids(data) == without_ids(STORED[kind])
    assert question_types.get(kind).problems(data) == []


@pytest.mark.parametrize("kind", KINDS)
def test_the_editor_shows_what_is_stored_and_saving_it_unchanged_changes_nothing(kind):
    """Questions written as JSON before the editor existed (the demo's) open in it and come
    back identical, ids included, so attempts and their copies keep their meaning."""
    for spec in [q for q in questions() if q["kind"] == kind] or [{"data": STORED[kind]}]:
        stored = spec.get("data", {})
        shown = editor(kind, None, stored)
        posted = {}
        if shown.options is not None:
            for name in shown.options.fields:
                value = shown.options[name].value()
                if value not in (None, False):
                    posted[shown.options.add_prefix(name)] = "on" if value is True else str(value)
        if shown.rows is not None:
            posted.update(
                rows(
                    kind,
                    [
                        {
                            name: form[name].value()
                            for name in form.fields
                            if form[name].value() not in (None, "")
                        }
                        for form in shown.rows.forms
                    ],
                    initial=shown.rows.initial_form_count(),
                )
            )
        again = valid_data(kind, posted)
        expected = dict(stored)
        if kind == "short":
            expected.update(grading.short_answer_options(stored))
        if kind in ("single", "multiple"):
            expected = {
                "choices": [{"feedback": "", "feedback_ar": "", **c} for c in stored["choices"]]
            }
        assert again == expected


def test_a_single_choice_question_needs_exactly_one_right_choice_said_in_the_trainers_language():
    with translation.override("ar"):
        for ticks in ((False, False), (True, True)):
            found = editor(
                "single",
                rows(
                    "single",
                    [
                        {"text": "2014", "correct": ticks[0]},
                        {"text": "2004", "correct": ticks[1]},
                    ],
                ),
            )
            assert not found.is_valid()
            assert row_errors(found) == [
                gettext("A single-choice question needs exactly one right choice.")
            ]


def test_a_multiple_choice_question_needs_a_right_choice():
    found = editor("multiple", rows("multiple", [{"text": "Migrants"}, {"text": "Touristes"}]))
    assert not found.is_valid()
    assert row_errors(found) == [str(multiple.SOME_RIGHT)]


def test_a_choice_question_needs_two_choices_with_different_texts():
    one = editor("single", rows("single", [{"text": "2014", "correct": True}]))
    assert not one.is_valid() and row_errors(one) == [str(_choices.TOO_FEW_CHOICES)]
    twice = editor(
        "single",
        rows(
            "single",
            [
                {"text": "SNIA", "correct": True},
                {"text": " snia ", "text_ar": "x"},
            ],
        ),
    )
    assert not twice.is_valid() and row_errors(twice) == [str(base.SAME_TEXT)]


def test_a_choice_without_its_french_text_is_refused_on_its_own_row():
    found = editor(
        "single",
        rows(
            "single",
            [
                {"text": "", "text_ar": "2014", "correct": True},
                {"text": "2004"},
            ],
        ),
    )
    assert not found.is_valid()
    assert found.rows.forms[0].errors["text"]
    assert not found.rows.forms[1].errors


def test_removed_and_untouched_empty_rows_are_left_out():
    found = editor(
        "multiple",
        {
            **rows(
                "multiple",
                [
                    {"id": "a", "text": "Migrants", "correct": True},
                    {"id": "b", "text": "", "DELETE": "1"},
                    {"id": "c", "text": "Réfugiés"},
                    {},
                ],
                initial=3,
            ),
        },
    )
    assert found.is_valid(), found.rows.errors
    assert [c["id"] for c in found.to_data()["choices"]] == ["a", "c"]


def test_rows_keep_their_ids_and_a_new_row_never_takes_a_removed_rows_id():
    stored = {
        "choices": [
            {"id": "a", "text": "A", "correct": True},
            {"id": "b", "text": "B"},
            {"id": "c", "text": "C"},
        ]
    }
    found = editor(
        "single",
        rows(
            "single",
            [
                {"id": "c", "text": "C"},
                {"text": "New"},
                {"id": "a", "text": "A", "correct": True},
                {"text": "Newer"},
            ],
            initial=2,
        ),
        stored,
    )
    assert found.is_valid(), found.rows.errors
    data = found.to_data()
    assert [c["text"] for c in data["choices"]] == ["C", "New", "A", "Newer"]
    ids = [c["id"] for c in data["choices"]]
    assert ids[0] == "c" and ids[2] == "a"
    assert len(set(ids)) == 4 and not {ids[1], ids[3]} & {"a", "b", "c"}


def test_a_row_id_that_is_not_one_is_refused():
    found = editor(
        "single",
        rows(
            "single",
            [
                {"id": "a", "text": "A", "correct": True},
                {"id": "a", "text": "B"},
            ],
            initial=2,
        ),
    )
    assert not found.is_valid() and row_errors(found) == [str(base.BAD_IDS)]
    found = editor(
        "single", rows("single", [{"id": "<b>", "text": "A", "correct": True}, {"text": "B"}])
    )
    assert not found.is_valid() and found.rows.forms[0].errors["id"]


def test_true_or_false_must_be_said():
    found = editor("true_false", {})
    assert not found.is_valid()
    assert found.options.errors["answer"] == [str(true_false.SAY_WHICH)]
    assert valid_data("true_false", options("true_false", answer="true")) == {"answer": True}


def test_a_short_answer_needs_an_accepted_answer_and_keeps_the_matching_options():
    found = editor("short", {**rows("short", [{}]), **options("short", allow_proclitics=True)})
    assert not found.is_valid() and row_errors(found) == [str(short.GIVE_ONE)]
    data = valid_data("short", rows("short", [{"text": "intégration"}]))
    assert data == {"accepted": ["intégration"], "accents_matter": False, "allow_proclitics": False}


def test_short_answer_options_decide_how_answers_are_compared():
    strict = valid_data(
        "short",
        {**rows("short", [{"text": "intégration"}]), **options("short", accents_matter=True)},
    )
    lenient = valid_data(
        "short",
        {
            **rows("short", [{"text": "intégration"}, {"text": "المهاجرين"}]),
            **options("short", allow_proclitics=True),
        },
    )
    short_type = question_types.get("short")
    assert not short_type.grade(strict, "integration", 1).correct
    assert short_type.grade(lenient, "integration", 1).correct
    assert short_type.grade(lenient, "والمهاجرين", 1).correct


@pytest.mark.parametrize(
    ("value", "tolerance", "field", "message"),
    [
        ("douze", "", "value", numeric.NOT_A_NUMBER),
        ("", "", "value", numeric.GIVE_VALUE),
        ("12", "-1", "tolerance", numeric.NEGATIVE),
        ("12", "un peu", "tolerance", numeric.NOT_A_NUMBER),
    ],
)
def test_a_numeric_question_needs_a_number_and_a_tolerance_of_zero_or_more(
    value, tolerance, field, message
):
    found = editor("numeric", options("numeric", value=value, tolerance=tolerance))
    assert not found.is_valid()
    assert found.options.errors[field] == [str(message)]


def test_numbers_are_read_with_a_comma_or_a_point_and_an_empty_tolerance_is_zero():
    assert valid_data("numeric", options("numeric", value="2014", tolerance="")) == {
        "value": 2014,
        "tolerance": 0,
    }
    assert valid_data("numeric", options("numeric", value=" 1 200,75 ")) == {
        "value": 1200.75,
        "tolerance": 0,
    }


def test_matching_needs_two_pairs_each_with_its_match():
    one = editor("matching", rows("matching", [{"prompt": "SNIA", "match": "Migrants"}]))
    assert not one.is_valid() and row_errors(one) == [str(matching.TOO_FEW_PAIRS)]
    missing = editor(
        "matching",
        rows(
            "matching",
            [
                {"prompt": "SNIA", "match": "Migrants"},
                {"prompt": "SNMRE"},
            ],
        ),
    )
    assert not missing.is_valid() and missing.rows.forms[1].errors["match"]
    same = editor(
        "matching",
        rows(
            "matching",
            [
                {"prompt": "SNIA", "match": "Migrants"},
                {"prompt": "SNMRE", "match": "migrants"},
            ],
        ),
    )
    assert not same.is_valid() and row_errors(same) == [str(base.SAME_TEXT)]


def test_ordering_items_are_stored_in_the_order_of_their_positions():
    found = editor(
        "ordering",
        rows(
            "ordering",
            [
                {"text": "B", "ORDER": "2"},
                {"text": "A", "ORDER": "2"},
            ],
        ),
    )
    assert not found.is_valid() and row_errors(found) == [str(ordering.SAME_POSITION)]
    data = valid_data(
        "ordering",
        rows(
            "ordering",
            [
                {"text": "Sans position"},
                {"text": "Deuxième", "ORDER": "2"},
                {"text": "Premier", "ORDER": "1"},
            ],
        ),
    )
    assert [i["text"] for i in data["items"]] == ["Premier", "Deuxième", "Sans position"]
    few = editor("ordering", rows("ordering", [{"text": "Seul"}]))
    assert not few.is_valid() and row_errors(few) == [str(ordering.TOO_FEW_ITEMS)]


def test_an_essay_has_nothing_to_set():
    assert valid_data("essay", {}) == {}


# --- the question editor in the admin ----------------------------------------------------------


pytest_db = pytest.mark.django_db


@pytest.fixture
def author(site, client):
    person = trainer()
    tree = build_course(modules=1, lessons_per_module=1, trainers=[person])
    client.force_login(person)
    return {"person": person, "tree": tree, "course": tree.course}


def question_post(course, kind: str, answers: dict, **fields) -> dict:
    return {
        "course": str(course.pk),
        "category": "",
        "kind": kind,
        "points": fields.get("points", "2"),
        "text": fields.get("text", f"Question {kind} en français"),
        "text_ar": fields.get("text_ar", f"سؤال {kind} بالعربية"),
        "feedback_right": "",
        "feedback_right_ar": "",
        "feedback_wrong": "",
        "feedback_wrong_ar": "",
        "general_feedback": "",
        "general_feedback_ar": "",
        **answers,
    }


ADD = "wagtailsnippets_quizzes_question:add"


@pytest_db
@pytest.mark.parametrize("kind", KINDS)
def test_a_trainer_creates_a_question_of_each_type_without_json(client, author, kind):
    page = BeautifulSoup(client.get(reverse(ADD)).content, "html.parser")
    assert not page.select('[name="data"]'), "the stored JSON must not be a field"
    assert page.select_one(f"#answers-{kind}")
    response = client.post(reverse(ADD), question_post(author["course"], kind, TYPED[kind]))
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").select(
        ".error-message"
    )
    question = Question.objects.get(course=author["course"], kind=kind)
    assert without_ids(question.data) == without_ids(STORED[kind])


@pytest_db
def test_a_wrong_answer_list_is_refused_with_its_message_in_the_admin_language(client, author):
    profile = UserProfile.get_for_user(author["person"])
    profile.preferred_language = "ar"
    profile.save()
    posted = question_post(
        author["course"], "single", rows("single", [{"text": "A"}, {"text": "B"}])
    )
    response = client.post(reverse(ADD), posted)
    assert response.status_code == 200
    assert not Question.objects.filter(course=author["course"]).exists()
    page = BeautifulSoup(response.content, "html.parser")
    errors = page.select_one("#answers-single .answer-rows__errors").get_text(" ", strip=True)
    with translation.override("ar"):
        assert errors == gettext("A single-choice question needs exactly one right choice.")
        assert gettext(str(CHECK_ANSWERS)) in page.get_text(" ", strip=True)
    assert not page.select_one("#answers-single").has_attr("hidden")
    assert page.select_one("#answers-multiple").has_attr("hidden")


@pytest_db
def test_editing_a_question_keeps_its_ids_so_attempts_are_regraded_right(client, author, person_on):
    course = author["course"]
    question = quiz_factory.question(
        course=course,
        kind="single",
        data={
            "choices": [
                {"id": "a", "text": "2004"},
                {"id": "b", "text": "2014", "correct": True},
            ]
        },
    )
    quiz = quiz_factory.quiz(module=author["tree"].modules[0], questions=[question])
    learner = person_on(author["tree"])
    attempt = services.submit_attempt(
        attempt=services.start_attempt(learner=learner, quiz=quiz), answers={str(question.pk): "b"}
    )
    assert attempt.percent == 100.0
    url = reverse("wagtailsnippets_quizzes_question:edit", args=[question.pk])
    page = BeautifulSoup(client.get(url).content, "html.parser")
    ids = [
        i["value"]
        for i in page.select('#answers-single input[name$="-id"]')
        if "__prefix__" not in i["name"]
    ]
    assert ids == ["a", "b"]
    # The trainer adds a third choice and corrects a typo; the right answer stays "2014".
    posted = question_post(
        course,
        "single",
        rows(
            "single",
            [
                {"id": "a", "text": "2004"},
                {"id": "b", "text": "En 2014", "correct": True},
                {"text": "2024"},
            ],
            initial=2,
        ),
        text=question.text,
        text_ar=question.text_ar,
        points="1",
    )
    assert client.post(url, posted).status_code == 302
    question.refresh_from_db()
    ids = [c["id"] for c in question.data["choices"]]
    assert ids[:2] == ["a", "b"] and ids[2] not in ("a", "b")
    assert services.regrade(question=question) == []


@pytest.fixture
def person_on():
    from courses import services as course_services
    from tests.factories.users import learner

    def make(tree):
        person = learner()
        course_services.enrol(learner=person, course=tree.course)
        return person

    return make


@pytest_db
def test_arabic_fields_are_written_right_to_left_and_free_text_in_its_own_direction(client, author):
    page = BeautifulSoup(client.get(reverse(ADD)).content, "html.parser")
    for name in ("text_ar", "feedback_right_ar", "general_feedback_ar"):
        assert page.select_one(f'[name="{name}"]')["dir"] == "rtl"
    assert page.select_one('[name="text"]')["dir"] == "auto"
    row = page.select_one("#answers-single .answer-row")
    assert row.select_one('[name$="-text_ar"]')["dir"] == "rtl"
    assert row.select_one('[name$="-text"]')["dir"] == "auto"
    assert page.select_one('#answers-short [name$="-text"]')["dir"] == "auto"
    assert page.select_one('#answers-numeric [name$="-value"]')["dir"] == "ltr"


@pytest_db
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


@pytest_db
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


@pytest_db
def test_an_invalid_preview_saves_nothing_and_says_so(client, author):
    preview = reverse("wagtailsnippets_quizzes_question:preview_on_add")
    posted = question_post(author["course"], "numeric", options("numeric", value="douze"))
    assert client.post(preview, posted).json()["is_valid"] is False
    assert not Question.objects.exists()
