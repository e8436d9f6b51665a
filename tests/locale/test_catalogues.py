"""The French and Arabic catalogues translate every string, and the compiled files match."""

import gettext
import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.LOCALE_PATHS[0])
LANGUAGES = ["fr", "ar"]
# One number per plural form, in the order of each catalogue's Plural-Forms.
PLURAL_SAMPLES = {"fr": [1, 2], "ar": [0, 1, 2, 3, 11, 100]}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}|%%|</?[a-z][^>]*>")
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file: context, msgid, plural, translations and flags (header excluded)."""
    entries, entry, key = [], None, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry and entry.get("msgid"):
                entries.append(entry)
            entry, key = None, None
            continue
        if entry is None:
            entry = {"msgctxt": None, "msgid": "", "plural": None, "msgstr": {}, "flags": ""}
        if line.startswith("#,"):
            entry["flags"] += line
        elif line.startswith("#"):
            continue
        elif match := re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?) "(.*)"$', line):
            name, index, text = match.groups()
            if name.startswith("msgstr"):
                key = ("msgstr", int(index or 0))
                entry["msgstr"][key[1]] = text
            else:
                key = {"msgid_plural": "plural"}.get(name, name)
                entry[key] = text
        elif line.startswith('"') and key is not None:
            text = line[1:-1]
            if isinstance(key, tuple):
                entry["msgstr"][key[1]] += text
            else:
                entry[key] += text
    return [{**e, **_unescaped(e)} for e in entries]


def _unescaped(entry: dict) -> dict:
    return {
        "msgctxt": unescape(entry["msgctxt"]) if entry["msgctxt"] is not None else None,
        "msgid": unescape(entry["msgid"]),
        "plural": unescape(entry["plural"]) if entry["plural"] is not None else None,
        "msgstr": {index: unescape(text) for index, text in entry["msgstr"].items()},
    }


def unescape(text: str) -> str:
    """The string a PO literal stands for (C escapes \\n, \\t, \\", \\\\)."""
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), text)


def catalogue_entries(language: str) -> list[dict]:
    return read_po(LOCALE / language / "LC_MESSAGES" / "django.po")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    entries = catalogue_entries(language)
    assert len(entries) > 100
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_messages_fill_every_plural_form_of_the_language(language):
    forms = len(PLURAL_SAMPLES[language])
    incomplete = [
        e["msgid"]
        for e in catalogue_entries(language)
        if e["plural"] is not None and sorted(e["msgstr"]) != list(range(forms))
    ]
    assert incomplete == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_and_markup_of_the_message(language):
    changed = []
    for e in catalogue_entries(language):
        source = PLACEHOLDER.findall(e["msgid"] + (e["plural"] or ""))
        for text in e["msgstr"].values():
            found = PLACEHOLDER.findall(text)
            if e["plural"] is None and sorted(found) != sorted(source):
                changed.append((e["msgid"], text))
            elif not set(found) <= set(source):
                changed.append((e["msgid"], text))
    assert changed == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    for entry in catalogue_entries(language):
        msgid, context = entry["msgid"], entry["msgctxt"]
        if not all(entry["msgstr"].values()):
            continue  # untranslated: reported by the test above
        if entry["plural"] is not None:
            for index, number in enumerate(PLURAL_SAMPLES[language]):
                found = catalogue.ngettext(msgid, entry["plural"], number)
                assert found == entry["msgstr"][index], (
                    f"{language}: {msgid!r} (n={number}) is stale in django.mo: run `make messages`"
                )
            continue
        if context is not None:
            found = catalogue.pgettext(context, msgid)
        else:
            found = catalogue.gettext(msgid)
        assert found == entry["msgstr"][0], (
            f"{language}: {msgid!r} is stale in django.mo: run `make messages`"
        )


def test_arabic_catalogue_uses_western_digits_and_moroccan_training_words():
    texts = [text for e in catalogue_entries("ar") for text in e["msgstr"].values()]
    assert [t for t in texts if re.search("[\u0660-\u0669\u06f0-\u06f9]", t)] == []
    assert [t for t in texts if re.search("تدريب|مدرّ?ب|متدرّ?ب", t)] == []


def test_arabic_months_are_the_moroccan_ones():
    from django.utils import translation
    from django.utils.dates import MONTHS, MONTHS_ALT, MONTHS_AP

    with translation.override("ar"):
        assert str(MONTHS[11]) == "نونبر"
        assert str(MONTHS_ALT[12]) == "دجنبر"
        assert str(MONTHS[8]) == "غشت"
        assert str(MONTHS_AP[9]) == "شتنبر"
        assert str(MONTHS_AP[7]) == "يوليوز"


def test_dates_are_written_with_moroccan_month_names_in_arabic_and_french_names_in_french():
    from django.utils import translation
    from django.utils.dateformat import format as format_date

    day = date(2026, 8, 27)
    with translation.override("ar"):
        assert format_date(day, "j F Y") == "27 غشت 2026"
        assert format_date(day, "j E Y") == "27 غشت 2026"
    with translation.override("fr"):
        assert format_date(day, "j F Y") == "27 août 2026"
        assert format_date(date(2026, 2, 3), "j N Y") == "3 févr. 2026"
