"""The registry of question types: one module of this package per type.

A module declares its type by subclassing `base.QuestionType` and registering an
instance with `register`; every module of the package (except `base` and names starting
with "_") is loaded the first time the registry is asked, after the models are ready.
Adding a type is adding a module (and its learner template and tests): the question
editor, the attempt page, grading, review and the list of types offered to trainers all
ask the registry.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import QuestionType

_TYPES: dict[str, QuestionType] = {}
_loaded = False


class UnknownQuestionType(KeyError):
    """A kind no module declares (data written by a type since removed)."""


def register(question_type: QuestionType) -> QuestionType:
    if question_type.kind in _TYPES and type(_TYPES[question_type.kind]) is not type(question_type):
        raise ValueError(f"two question types named {question_type.kind!r}")
    _TYPES[question_type.kind] = question_type
    return question_type


def _load() -> None:
    global _loaded
    if _loaded:
        return
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base" and not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")
    _loaded = True


def all_types() -> list[QuestionType]:
    """Every type, in the order trainers see them."""
    _load()
    return sorted(_TYPES.values(), key=lambda t: (t.order, t.kind))


def get(kind: str) -> QuestionType:
    """The type of `kind`; raises UnknownQuestionType."""
    _load()
    try:
        return _TYPES[kind]
    except KeyError:
        raise UnknownQuestionType(kind) from None


def choices() -> list[tuple[str, object]]:
    """(kind, label) of every type: the choices of Question.kind (a callable, so that a new
    type needs no migration)."""
    return [(t.kind, t.label) for t in all_types()]
