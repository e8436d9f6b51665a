import pytest

from lms.text import normalize_arabic, normalize_for_comparison


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
