"""The registry of personal data (Morocco's law 09-08): each app says what it holds about a
person and how to anonymise it, so that `lms` can export or erase everything without
importing the apps.

An app registers its section from its `AppConfig.ready`::

    personal_data.register("courses", export=export_learner, anonymise=anonymise_learner)

`export(user) -> dict` returns JSON-ready data (dates may be datetimes); `anonymise(user)`
removes what must not outlive an erasure and keeps what the law or the reports need.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Exporter = Callable[[object], dict]
Anonymiser = Callable[[object], None]


@dataclass(frozen=True)
class Section:
    name: str
    export: Exporter
    anonymise: Anonymiser


_sections: dict[str, Section] = {}


def register(name: str, *, export: Exporter, anonymise: Anonymiser) -> None:
    """Register (or replace, when an app is reloaded) the section `name`."""
    _sections[name] = Section(name=name, export=export, anonymise=anonymise)


def sections() -> list[Section]:
    return list(_sections.values())


def export(user) -> dict:
    """Everything the registered apps hold about `user`, one key per section."""
    return {section.name: section.export(user) for section in _sections.values()}


def anonymise(user) -> None:
    """Run every app's anonymiser, the account's last (the others may still read it)."""
    for section in reversed(list(_sections.values())):
        section.anonymise(user)
