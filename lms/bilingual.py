"""Content in the page's language, or visibly in the other one (no database).

Bilingual records (questions, choices, organisations) hold a French and an Arabic text. A page
shows the text of its own language; where that one is missing it shows the other, marked as
such: `choose` returns the text with the language it is in, and the `language_marked`
template filter wraps a text of another language in ``lang``/``dir`` and adds a small
"(in French)" marker in the page's language.
"""

from __future__ import annotations

import re

from django.utils.translation import get_language

ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\u0750-\u077f]")
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


class Localized(str):
    """A text and the language it is written in ("fr" or "ar")."""

    language: str

    def __new__(cls, value: str, language: str):
        text = super().__new__(cls, value)
        text.language = language
        return text


def active_language() -> str:
    return (get_language() or "fr")[:2]


def choose(value_fr: str, value_ar: str, language: str | None = None) -> Localized:
    """The text of `language` (the active one by default) when there is one, else the other."""
    language = language or active_language()
    if language == "ar":
        return Localized(value_ar, "ar") if value_ar else Localized(value_fr or "", "fr")
    return Localized(value_fr, "fr") if value_fr else Localized(value_ar or "", "ar")


def script_of(text: str) -> str | None:
    """ "ar" for a text with Arabic letters only, "fr" for Latin letters only, else None."""
    arabic, latin = bool(ARABIC_LETTER.search(text)), bool(LATIN_LETTER.search(text))
    if arabic != latin:
        return "ar" if arabic else "fr"
    return None


def in_language(texts, language: str | None = None) -> list[Localized]:
    """Those of `texts` written in the script of `language` (the active one by default), or
    all of them when none is: the accepted answers of a short-answer question, for instance,
    mix both languages."""
    language = language or active_language()
    mine = [Localized(t, language) for t in texts if script_of(t) in (language, None)]
    return mine or [Localized(t, script_of(t) or language) for t in texts]
