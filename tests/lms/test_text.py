import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from lms.text import (
    PERSON_NAME_MAX_LENGTH,
    PERSON_NAME_VALIDATORS,
    normalize_arabic,
    normalize_for_comparison,
    strip_bidi_controls,
    validate_no_bidi_controls,
)


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("أحمد", "احمد"),
        ("إدماج", "ادماج"),
        ("آمال", "امال"),
        ("الهجرة", "الهجره"),
        ("مستشفى", "مستشفي"),
        ("مُهَاجِرٌ", "مهاجر"),
        ("مهـــاجر", "مهاجر"),
        ("مسؤول", "مسوول"),
    ],
)
def test_arabic_variants_fold_to_the_same_form(variant, plain):
    assert normalize_for_comparison(variant) == normalize_for_comparison(plain)


def test_hamza_alef_ta_marbuta_and_diacritics_are_folded_together():
    assert normalize_for_comparison("  الإستراتيجيّة   الوطنيّة ") == normalize_for_comparison(
        "الاستراتيجية الوطنية"
    )


def test_latin_text_is_case_and_space_insensitive():
    assert normalize_for_comparison("  Plan  d'Action\tCommunal ") == "plan d'action communal"


def test_different_words_stay_different():
    assert normalize_for_comparison("لاجئ") != normalize_for_comparison("مهاجر")


def test_presentation_forms_are_normalised():
    assert normalize_for_comparison("\ufefb") == normalize_for_comparison("لا")


def test_normalize_arabic_leaves_latin_alone():
    assert normalize_arabic("Fès") == "Fès"


def test_empty_and_none():
    assert normalize_for_comparison("") == ""
    assert normalize_for_comparison(None) == ""


BIDI_CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
                 "\u2069", "\u200e", "\u200f", "\u061c"]


@pytest.mark.parametrize("control", BIDI_CONTROLS)
def test_a_name_holding_an_invisible_direction_control_is_refused(control):
    with pytest.raises(ValidationError) as refusal:
        validate_no_bidi_controls(f"Fatima{control}-Zahra Benali")
    assert refusal.value.code == "bidi_controls"
    assert strip_bidi_controls(f"{control}فاطمة{control} الزهراء") == "فاطمة الزهراء"


def test_names_in_both_scripts_with_hyphens_and_apostrophes_are_accepted():
    for name in ("Fatima-Zahra Benali", "Aït Ben Haddou O'Neill", "فاطمة الزهراء بنعلي", "x" * 120):
        for validator in PERSON_NAME_VALIDATORS:
            validator(name)


def test_a_name_longer_than_the_limit_is_refused_with_its_length():
    with translation.override("en"), pytest.raises(ValidationError) as refusal:
        for validator in PERSON_NAME_VALIDATORS:
            validator("x" * (PERSON_NAME_MAX_LENGTH + 1))
    assert "120" in refusal.value.messages[0] and "121" in refusal.value.messages[0]
