"""Read and check the demo data files (no database here).

Each file in `data/` is checked against its part of `data/schema.json`: a text a person
reads is an object with its French and Arabic, and a lesson's French and Arabic bodies have
the same blocks. A file that does not fit is refused with the place and the reason.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

DATA_DIR = Path(__file__).resolve().parent / "data"
FILES = ("curriculum", "people", "quiz", "library", "certificates")


class DemoDataError(ValueError):
    """A demo data file cannot be read or does not have the expected shape."""


@cache
def _schema() -> dict:
    return json.loads((DATA_DIR / "schema.json").read_text(encoding="utf-8"))


def check(name: str, data: Any) -> None:
    """Raise DemoDataError, saying where and why, when `data` is not a valid `name` file."""
    schema = {"$defs": _schema()["$defs"], "$ref": f"#/$defs/{name}"}
    error = best_match(Draft202012Validator(schema).iter_errors(data))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        raise DemoDataError(f"{name}.json, at {where}: {error.message}")
    if name == "curriculum":
        for course in data["courses"]:
            for module in course["modules"]:
                for lesson in module["lessons"]:
                    for index, block in enumerate(lesson["body"]):
                        if _shape(block["fr"]) != _shape(block["ar"]):
                            raise DemoDataError(
                                f"{name}.json, lesson {lesson['slug']}, block {index}: "
                                "the French and Arabic values do not have the same fields"
                            )


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    return type(value).__name__


def read(name: str, *, directory: Path = DATA_DIR) -> Any:
    """The checked content of the demo data file `name` (e.g. "curriculum")."""
    path = directory / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise DemoDataError(f"{name}.json cannot be read: {error.strerror}") from error
    except json.JSONDecodeError as error:
        raise DemoDataError(
            f"{name}.json is not valid JSON "
            f"(line {error.lineno}, column {error.colno}): {error.msg}"
        ) from error
    check(name, data)
    return data


def in_language(item: dict, language: str) -> dict:
    """`item` with each of its texts ({"fr": ..., "ar": ...}) in `language`, one level deep."""
    return {key: value[language] if _is_text(value) else value for key, value in item.items()}


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"fr", "ar"}
