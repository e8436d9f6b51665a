"""Text normalisation shared by search and answer comparison, and the checks on people's
names (no database)."""

import re
import unicodedata

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
        "ئ": "ي",
        "ؤ": "و",
        "ء": "",
    }
)
_SPACES = re.compile(r"\s+")


def normalize_arabic(text: str) -> str:
    """Fold hamza/alef forms, ta marbuta, alef maqsura and remove diacritics and tatweel."""
    return _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_FOLDS)


def normalize_for_comparison(text: str) -> str:
    """Case-, space-, and Arabic-variant-insensitive form of `text`."""
    text = unicodedata.normalize("NFKC", text or "")
    text = normalize_arabic(text)
    return _SPACES.sub(" ", text).strip().casefold()


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


PERSON_NAME_VALIDATORS = (validate_no_bidi_controls, PersonNameLengthValidator())


def isolate(value) -> str:
    """`value` between First Strong Isolate and Pop Directional Isolate: in plain text, what
    <bdi> does in HTML (a name or title in the other direction cannot reorder its neighbours)."""
    return f"\u2068{value}\u2069"
