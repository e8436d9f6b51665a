"""Text normalisation shared by search and answer comparison (no database)."""

import re
import unicodedata

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
