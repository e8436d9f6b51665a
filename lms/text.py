"""Text normalisation shared by search and answer comparison, and the checks on people's
names (no database).

Two uses, one set of rules (the README's "How a quiz is graded" and "The handbook library"
say them in plain words):
- comparison (`normalize_for_comparison`, `answers_match`): a short answer against the accepted
  ones: typography, case, spaces, Latin accents (unless they matter) and Arabic spelling
  variants are folded; Arabic proclitics may be set aside;
- search (`search_shadow_text`, `search_query_terms`, `search_term_matches`): each word becomes
  the folded, lightly stemmed forms it may stand for, on both databases alike.
"""

import re
import unicodedata
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLDS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",  # Persian ya, typed by some keyboards
        "ک": "ك",  # Persian kaf
        "ئ": "ي",
        "ؤ": "و",
        "ء": "",
        **{chr(0x0660 + n): str(n) for n in range(10)},  # Arabic-Indic digits: Morocco writes 0-9
        **{chr(0x06F0 + n): str(n) for n in range(10)},
    }
)
_SPACES = re.compile(r"\s+")

# Typography that phones, word processors and French rules add, folded to what a keyboard types.
_APOSTROPHES = "\u2019\u2018\u201b\u02bc\u02b9\u0060\u00b4\u2032\uff07"  # ’ ‘ ‛ ʼ ʹ ` ´ ′ ＇
# " « » “ ” „ ‟ ″ ‹ › 〝 〞 ＂
_QUOTES = '"\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033\u2039\u203a\u301d\u301e\uff02'
# ‐ ‑ ‒ – — ― ⁃ − ﹘ ﹣ －
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d"
_TYPOGRAPHY = str.maketrans(
    {
        **{c: "'" for c in _APOSTROPHES},
        **{c: "" for c in _QUOTES},
        **{c: "-" for c in _DASHES},
        "œ": "oe",
        "Œ": "OE",
        "æ": "ae",
        "Æ": "AE",
        "،": ",",  # Arabic comma, semicolon and question mark
        "؛": ";",
        "؟": "?",
    }
)
_AROUND_DASH = re.compile(r" ?- ?")
_BEFORE_PUNCTUATION = re.compile(r" ([,.;:!?…])")
_EDGE_PUNCTUATION = " .,;:!?…"


def normalize_arabic(text: str) -> str:
    """Fold hamza/alef forms, ta marbuta, alef maqsura (and Persian ya and kaf) and Arabic-Indic
    digits; remove diacritics and tatweel."""
    return _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_FOLDS)


def _without_format_characters(text: str) -> str:
    """`text` without invisible characters (soft hyphen, zero-width spaces and joiners,
    direction marks: Unicode category Cf)."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def strip_accents(text: str) -> str:
    """`text` without combining marks: "intégration" -> "integration"."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


def normalize_for_comparison(text: str | None, *, accents_matter: bool = False) -> str:
    """The form of `text` two answers are compared in: apostrophes of every form as ', quotation
    marks dropped, dashes as -, every space (non-breaking, narrow) as one space, no space around
    a dash or before punctuation, none at either end nor punctuation there, ligatures (œ, æ)
    spelt out, case folded, Latin accents dropped unless `accents_matter`, Arabic folded
    (`normalize_arabic`)."""
    text = unicodedata.normalize("NFKC", (text or "").translate(_TYPOGRAPHY))
    text = _without_format_characters(text).translate(_TYPOGRAPHY)
    text = normalize_arabic(text).casefold()
    text = unicodedata.normalize("NFC", text) if accents_matter else strip_accents(text)
    text = _SPACES.sub(" ", text)
    text = _AROUND_DASH.sub("-", text)
    text = _BEFORE_PUNCTUATION.sub(r"\1", text)
    return text.strip(_EDGE_PUNCTUATION)


# --- Arabic proclitics and light stemming -----------------------------------------------------
# A conjunction (و ف), then a preposition (ب ك ل), then the article (ال) may be written joined to
# a word; ل followed by the article is written لل. They are set aside only when enough of the
# word remains: two letters after a prefix ending with the article, three otherwise, so that
# short words (بلد، فرد، وطن) keep their first letter.
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")


def _proclitic_prefixes() -> tuple[tuple[str, int], ...]:
    prefixes = set()
    for conjunction in _CONJUNCTIONS:
        for preposition in _PREPOSITIONS:
            prefixes.add((conjunction + preposition, 3))
            article = "لل" if preposition == "ل" else preposition + "ال"
            prefixes.add((conjunction + article, 2))
    prefixes.discard(("", 3))
    return tuple(sorted(prefixes, key=lambda p: (-len(p[0]), p[0])))


ARABIC_PROCLITIC_PREFIXES = _proclitic_prefixes()
# Light stemming (after Larkey's light10, made more cautious): one possessive pronoun, then one
# plural or feminine ending, each only when three letters remain. Folded text: ة is written ه.
_ARABIC_PRONOUN_SUFFIXES = ("ها", "هم", "هن")
_ARABIC_ENDINGS = ("ات", "ون", "ين", "ه")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_MIN_STEM = 3


def is_arabic(word: str) -> bool:
    return bool(_ARABIC_LETTER.search(word))


@lru_cache(maxsize=65536)
def arabic_proclitic_variants(word: str) -> frozenset[str]:
    """`word` (folded) and what remains of it after each proclitic prefix it may begin with:
    "والمهاجرين" -> {"والمهاجرين", "المهاجرين", "مهاجرين"}."""
    variants = {word}
    for prefix, minimum in ARABIC_PROCLITIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= minimum:
            variants.add(word[len(prefix) :])
    return frozenset(variants)


def _strip_one_suffix(word: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def light_stem_arabic(word: str) -> str:
    """`word` (folded, without proclitics) without one pronoun suffix and one plural or feminine
    ending: "لاجيين" -> "لاجي", "جماعات" and "جماعه" -> "جماع"."""
    return _strip_one_suffix(_strip_one_suffix(word, _ARABIC_PRONOUN_SUFFIXES), _ARABIC_ENDINGS)


def _light_stem_latin(word: str) -> str:
    """A French plural's final s or x dropped ("communes" -> "commune"); PostgreSQL's French
    configuration stems further."""
    if len(word) >= 4 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


# --- answers ----------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    """The words of a normalised answer, a conjunction typed apart (و اللاجئين) joined again."""
    words: list[str] = []
    for word in text.split(" "):
        if words and words[-1] in _CONJUNCTIONS[1:]:
            words[-1] += word
        else:
            words.append(word)
    return words


def _same_word_but_proclitics(a: str, b: str) -> bool:
    if not (is_arabic(a) and is_arabic(b)):
        return False
    return not arabic_proclitic_variants(a).isdisjoint(arabic_proclitic_variants(b))


def answers_match(
    given: str | None,
    accepted: str | None,
    *,
    accents_matter: bool = False,
    allow_proclitics: bool = True,
) -> bool:
    """Whether `given` says `accepted`: equal once normalised (`normalize_for_comparison`) or,
    with `allow_proclitics`, word by word once Arabic proclitics (و ف ب ك ل ال and their
    combinations) are set aside ("والمهاجرين" = "المهاجرين"); endings stay: "مهاجر" is not
    "مهاجرين"."""
    given = normalize_for_comparison(given, accents_matter=accents_matter)
    accepted = normalize_for_comparison(accepted, accents_matter=accents_matter)
    if not given or not accepted:
        return False
    if given == accepted:
        return True
    if not allow_proclitics:
        return False
    given_words, accepted_words = _words(given), _words(accepted)
    return len(given_words) == len(accepted_words) and all(
        a == b or _same_word_but_proclitics(a, b)
        for a, b in zip(given_words, accepted_words, strict=True)
    )


# --- search -----------------------------------------------------------------------------------
# A word, with the combining marks (accents, Arabic diacritics) and joiners written inside it.
_WORD = re.compile(
    r"[^\W_](?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d])*"
)
_NOT_WORD = re.compile(r"[\W_]+")
MAX_QUERY_WORDS = 10


def search_words(text: str):
    """The words of `text` as regular-expression matches (their positions in `text`)."""
    return _WORD.finditer(text or "")


@lru_cache(maxsize=65536)
def search_forms(word: str) -> tuple[str, ...]:
    """The folded, stemmed forms a word of a text or a query stands for: Latin folded (case,
    accents, ligatures) without a plural s; Arabic folded (`normalize_arabic`), then each
    proclitic reading (`arabic_proclitic_variants`) lightly stemmed (`light_stem_arabic`)."""
    folded = unicodedata.normalize("NFKC", word.translate(_TYPOGRAPHY)).translate(_TYPOGRAPHY)
    folded = _NOT_WORD.sub("", strip_accents(normalize_arabic(folded).casefold()))
    if not folded:
        return ()
    if is_arabic(folded):
        return tuple(sorted({light_stem_arabic(v) for v in arabic_proclitic_variants(folded)}))
    return (_light_stem_latin(folded),)


def search_shadow_text(text: str) -> str:
    """What search matches a text against: the forms of each of its words (`search_forms`), in
    order, separated by spaces."""
    return " ".join(form for match in search_words(text) for form in search_forms(match.group()))


def search_query_terms(query: str) -> list[tuple[str, ...]]:
    """The words of a query (at most MAX_QUERY_WORDS, repeats dropped), each as its forms: a
    handbook matches when, for every word, one of its forms is a form of one of its words."""
    terms: list[tuple[str, ...]] = []
    for match in search_words((query or "")[:200]):
        forms = search_forms(match.group())
        if forms and forms not in terms:
            terms.append(forms)
    return terms[:MAX_QUERY_WORDS]


def is_prefix_form(form: str) -> bool:
    """Latin forms match the words they begin (no French stemmer in Python: "accueil" finds
    "accueillir"); Arabic forms, already stemmed, match whole forms only."""
    return not is_arabic(form)


def search_matcher(terms: list[tuple[str, ...]]):
    """A function telling whether a word of a text is one that the query `terms` look for
    (fast on long texts: each distinct word is judged once)."""
    whole = {form for forms in terms for form in forms if not is_prefix_form(form)}
    beginnings = tuple(form for forms in terms for form in forms if is_prefix_form(form))
    judged: dict[str, bool] = {}

    def matches(word: str) -> bool:
        found = judged.get(word)
        if found is None:
            found = judged[word] = any(
                form in whole or (beginnings and form.startswith(beginnings))
                for form in search_forms(word)
            )
        return found

    return matches


def search_term_matches(word: str, terms: list[tuple[str, ...]]) -> bool:
    """Whether `word` of a text is one that the query `terms` look for."""
    return search_matcher(terms)(word)


# Characters that change the direction of the text around them without being seen:
# the embeddings and overrides (U+202A-202E), the isolates (U+2066-2069), the marks
# (U+200E-200F) and the Arabic letter mark (U+061C). In a name they can print it reversed.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_CONTROLS = re.compile(f"[{BIDI_CONTROLS}]")
PERSON_NAME_MAX_LENGTH = 120


def strip_bidi_controls(text: str) -> str:
    """`text` without the invisible direction controls listed in BIDI_CONTROLS."""
    return _BIDI_CONTROLS.sub("", text or "")


def validate_no_bidi_controls(value: str) -> None:
    """Refuse text holding invisible direction controls (they can reverse a printed name)."""
    if _BIDI_CONTROLS.search(value or ""):
        raise ValidationError(
            _(
                "Remove the invisible direction characters from this name: they can make it "
                "print backwards on a certificate."
            ),
            code="bidi_controls",
        )


@deconstructible
class PersonNameLengthValidator(MaxLengthValidator):
    message = _("A name may have at most %(limit_value)d characters (this one has %(show_value)d).")

    def __init__(self, limit_value: int = PERSON_NAME_MAX_LENGTH):
        super().__init__(limit_value)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def validate_no_formula_start(value: str) -> None:
    """A name never begins like a spreadsheet formula (=, +, -, @): such a "name" is an attempt
    to run something in the spreadsheet an administrator downloads (exports neutralise it too)."""
    if value.lstrip(" ").startswith(FORMULA_STARTS):
        raise ValidationError(
            _("A name cannot begin with =, +, - or @ (a spreadsheet would read it as a formula)."),
            code="formula",
        )


PERSON_NAME_VALIDATORS = (
    validate_no_bidi_controls,
    validate_no_formula_start,
    PersonNameLengthValidator(),
)


def isolate(value) -> str:
    """`value` between First Strong Isolate and Pop Directional Isolate: in plain text, what
    <bdi> does in HTML (a name or title in the other direction cannot reorder its neighbours)."""
    return f"\u2068{value}\u2069"
