"""The demo data files: every text in French and Arabic, and a file that does not fit is
refused with where and why (no database needed)."""

import json
import re

import pytest

from courses.quizzes import question_types
from demo import files

ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")


def texts(value, where=""):
    """Every {"fr": ..., "ar": ...} text in `value`, with where it is."""
    if isinstance(value, dict):
        if set(value) == {"fr", "ar"} and all(isinstance(text, str) for text in value.values()):
            yield where, value
        for key, item in value.items():
            yield from texts(item, f"{where}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, f"{where}/{index}")


@pytest.mark.parametrize("name", files.FILES)
def test_every_demo_file_is_valid_and_each_text_has_its_french_and_arabic(name):
    data = files.read(name)
    found = list(texts(data))
    assert found
    for where, text in found:
        assert text["fr"].strip() and text["ar"].strip(), where
        assert ARABIC_LETTER.search(text["ar"]), where


def test_every_lesson_block_and_handbook_is_written_in_both_languages():
    for course in files.read("curriculum")["courses"]:
        for module in course["modules"]:
            for lesson in module["lessons"]:
                for block in lesson["body"]:
                    assert ARABIC_LETTER.search(json.dumps(block["ar"], ensure_ascii=False))
                    assert not ARABIC_LETTER.search(json.dumps(block["fr"], ensure_ascii=False))
    for handbook in files.read("library")["handbooks"]:
        assert ARABIC_LETTER.search(handbook["ar"]["title"])
        assert len(handbook["fr"]["chapters"]) == len(handbook["ar"]["chapters"])


def test_the_demo_quiz_has_every_question_type_and_each_question_can_be_graded():
    questions = files.read("quiz")["questions"]
    assert {q["kind"] for q in questions} == {t.kind for t in question_types.all_types()}
    for question in questions:
        assert question_types.get(question["kind"]).problems(question.get("data", {})) == []


def write(directory, name, data):
    (directory / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_text_without_its_arabic_is_refused_with_where_it_is(tmp_path):
    data = files.read("quiz")
    del data["questions"][2]["text"]["ar"]
    write(tmp_path, "quiz", data)
    message = r"quiz\.json, at questions/2/text: 'ar' is a required property"
    with pytest.raises(files.DemoDataError, match=message):
        files.read("quiz", directory=tmp_path)


def test_a_file_that_is_not_json_is_refused_with_the_line(tmp_path):
    broken = '{"accounts": [\n  {"key": "learner",}\n]}'
    (tmp_path / "people.json").write_text(broken, encoding="utf-8")
    with pytest.raises(files.DemoDataError, match=r"people\.json is not valid JSON \(line 2"):
        files.read("people", directory=tmp_path)


def test_a_missing_file_is_refused_by_name(tmp_path):
    with pytest.raises(files.DemoDataError, match=r"library\.json cannot be read"):
        files.read("library", directory=tmp_path)


def test_a_lesson_whose_arabic_block_lacks_a_field_is_refused():
    data = files.read("curriculum")
    body = data["courses"][0]["modules"][0]["lessons"][0]["body"]
    block = next(block for block in body if block["type"] == "callout")
    del block["ar"]["title"]
    message = "French and Arabic values do not have the same fields"
    with pytest.raises(files.DemoDataError, match=message):
        files.check("curriculum", data)
