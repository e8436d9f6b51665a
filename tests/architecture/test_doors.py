"""What passes through the doors (tests/architecture/test_boundaries.py): plain data where
that is sensible, models only where another app needs the record itself.

- Every Django model a door exports is in the door's `MODELS`, a tuple whose comments say why
  the door still hands it out (a foreign key, a page type, the reports' aggregation, a form's
  choices, the demo seed); `MODELS` names nothing the door does not export.
- Every function a door exports has a return annotation.
- No exported function returns a model, a queryset or a manager, alone or inside a list, a
  dict, a tuple or an optional (its annotation, resolved with `typing.get_type_hints`), except
  the few of RETURNS_RECORDS, each with its reason.
"""

from __future__ import annotations

import importlib
import inspect
import types
import typing

import pytest
from django.db.models import Manager, Model, QuerySet

from tests.architecture.test_boundaries import DOORS

RECORDS = (Model, QuerySet, Manager)

# `<app>.<function>`: the exported functions that may return records, grouped by why.
RETURNS_RECORDS = frozenset(
    {
        # the default-locale page, which every record points at (foreign keys)
        "courses.canonical_page",
        # services that record something return the record they made (the demo seed chains
        # them; the notifications' callers count what was sent)
        "courses.complete_lesson",
        "courses.enrol",
        "certificates.current_template_version",
        "certificates.issue_certificate",
        "lms.notifications.notify",
        # querysets that other apps narrow: a form's choices, the follow-up's quizzes
        "courses.default_locale_courses",
        "courses.followed_courses",
        # setting up the page tree, the themes and the media (courses' setup, the demo seed)
        "courses.ensure_catalogue",
        "content.collection_for",
        "content.ensure_library",
        "content.ensure_section",
        "content.ensure_themes",
        "content.ensure_translation",
        "content.extract_document_text",
    }
)


def _app(door: types.ModuleType) -> str:
    return door.__name__.removesuffix(".api")


def _exported(door: types.ModuleType) -> dict[str, object]:
    return {name: getattr(door, name) for name in door.__all__}


def _is_model(value: object) -> bool:
    return inspect.isclass(value) and issubclass(value, Model)


def _functions(door: types.ModuleType) -> dict[str, typing.Callable]:
    """The exported functions, unwrapped from their decorators (`functools.cache`)."""
    return {
        name: inspect.unwrap(value)
        for name, value in _exported(door).items()
        if not inspect.isclass(value) and inspect.isfunction(inspect.unwrap(value))
    }


def models_not_listed(door: types.ModuleType) -> list[str]:
    """`app.Name` of each model the door exports that its MODELS does not list, and of each
    entry of MODELS that is not an exported model."""
    exported = _exported(door)
    listed = getattr(door, "MODELS", None)
    if listed is None:
        return [f"{_app(door)}.MODELS"]
    missing = [
        f"{_app(door)}.{name}"
        for name, value in exported.items()
        if _is_model(value) and value not in listed
    ]
    stray = [
        f"{_app(door)}.MODELS: {getattr(value, '__name__', value)!r}"
        for value in listed
        if not _is_model(value) or value not in exported.values()
    ]
    return missing + stray


def functions_without_a_return_annotation(door: types.ModuleType) -> list[str]:
    return [
        f"{_app(door)}.{name}"
        for name, function in _functions(door).items()
        if "return" not in function.__annotations__
    ]


def holds_records(hint: object) -> bool:
    """Whether a resolved annotation is, or contains, a model, a queryset or a manager."""
    if inspect.isclass(hint) and issubclass(hint, RECORDS):
        return True
    return any(holds_records(argument) for argument in typing.get_args(hint))


def functions_returning_records(
    door: types.ModuleType, allowed: frozenset[str] = RETURNS_RECORDS
) -> list[str]:
    """`app.function` of each exported function, not in `allowed`, whose return annotation
    holds records; a return annotation that does not resolve is reported too."""
    found = []
    for name, function in _functions(door).items():
        key = f"{_app(door)}.{name}"
        if key in allowed:
            continue
        try:
            hint = typing.get_type_hints(function).get("return")
        except NameError as error:
            found.append(f"{key} (its annotations do not resolve: {error})")
            continue
        if holds_records(hint):
            found.append(key)
    return found


@pytest.fixture(scope="module")
def doors() -> list[types.ModuleType]:
    return [importlib.import_module(f"{app}.api") for app in DOORS]


def test_every_model_a_door_exports_is_in_its_models_with_a_reason(doors):
    found = [problem for door in doors for problem in models_not_listed(door)]
    assert not found, (
        "models exported but not in the door's MODELS (add them, with why), or MODELS entries "
        "the door does not export:\n" + "\n".join(found)
    )


def test_every_function_a_door_exports_says_what_it_returns(doors):
    found = [name for door in doors for name in functions_without_a_return_annotation(door)]
    assert not found, "exported functions without a return annotation:\n" + "\n".join(found)


def test_door_functions_return_plain_data_unless_allowed(doors):
    found = [name for door in doors for name in functions_returning_records(door)]
    assert not found, (
        "exported functions that return models or querysets (return plain data: a frozen "
        "dataclass, a tuple, ids; or add them to RETURNS_RECORDS with why):\n" + "\n".join(found)
    )


def test_the_allow_list_names_only_exported_functions(doors):
    exported = {f"{_app(door)}.{name}" for door in doors for name in _functions(door)}
    assert RETURNS_RECORDS <= exported, sorted(RETURNS_RECORDS - exported)


# The checks themselves, on a made-up door.

MADE_UP_DOOR = """
from functools import cache

from django.db.models import QuerySet

from courses.models import Cohort, CoursePage, Enrolment, EnrolmentStatus

MODELS = (Cohort, CoursePage)


def enrol(*, learner) -> Enrolment: ...
def cohorts() -> QuerySet: ...
def maybe(*, pk: int) -> Cohort | None: ...
def pages() -> dict[str, list[CoursePage]]: ...
def title(*, pk: int) -> str: ...
def ids() -> tuple[int, ...]: ...
@cache
def silent(pk): ...
def unknown() -> Missing: ...


__all__ = [
    "Cohort", "CoursePage", "Enrolment", "EnrolmentStatus",
    "enrol", "cohorts", "maybe", "pages", "title", "ids", "silent", "unknown",
]
"""


def made_up_door(source: str = MADE_UP_DOOR, name: str = "made_up.api") -> types.ModuleType:
    door = types.ModuleType(name)
    exec(compile(source, f"{name}.py", "exec"), door.__dict__)  # noqa: S102 (a test's own source)
    return door


def test_the_check_finds_a_model_exported_but_not_in_models():
    assert models_not_listed(made_up_door()) == ["made_up.Enrolment"]


def test_the_check_finds_models_entries_the_door_does_not_export_and_a_missing_models():
    source = MADE_UP_DOOR.replace("MODELS = (Cohort, CoursePage)", "MODELS = (Cohort, str)")
    assert models_not_listed(made_up_door(source)) == [
        "made_up.CoursePage",
        "made_up.Enrolment",
        "made_up.MODELS: 'str'",
    ]
    source = MADE_UP_DOOR.replace("MODELS = (Cohort, CoursePage)", "")
    assert models_not_listed(made_up_door(source)) == ["made_up.MODELS"]


def test_the_check_finds_a_function_without_a_return_annotation_even_when_decorated():
    assert functions_without_a_return_annotation(made_up_door()) == ["made_up.silent"]


def test_the_check_finds_functions_returning_records_alone_or_inside_other_types():
    found = functions_returning_records(made_up_door(), allowed=frozenset())
    assert found[:4] == ["made_up.enrol", "made_up.cohorts", "made_up.maybe", "made_up.pages"]
    assert found[4].startswith("made_up.unknown (its annotations do not resolve")
    assert len(found) == 5


def test_the_allow_list_lets_a_function_return_records():
    found = functions_returning_records(
        made_up_door(), allowed=frozenset({"made_up.enrol", "made_up.unknown"})
    )
    assert found == ["made_up.cohorts", "made_up.maybe", "made_up.pages"]
