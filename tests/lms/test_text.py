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


BIDI_CONTROLS = [
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u061c",
]


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


# --- answers: typography, accents, Arabic proclitics ------------------------------------------

from lms.text import answers_match, search_forms, search_query_terms, search_shadow_text  # noqa: E402


@pytest.mark.parametrize("apostrophe", ["\u2019", "\u2018", "\u02bc", "`", "\u00b4", "'"])
def test_every_form_of_apostrophe_is_the_same(apostrophe):
    assert answers_match(
        f"Programme d{apostrophe}action de la commune", "Programme d'action de la commune"
    )


def test_the_typographic_apostrophe_a_phone_inserts_matches_the_typed_one():
    assert answers_match("Programme d’action de la commune", "Programme d'action de la commune")


@pytest.mark.parametrize(
    "quoted", ["« PAC »", "«\u00a0PAC\u00a0»", "“PAC”", '"PAC"', "„PAC“", "‹PAC›"]
)
def test_quotation_marks_of_every_form_are_ignored(quoted):
    assert answers_match(quoted, "PAC")


@pytest.mark.parametrize(
    "dashed", ["Sud-Sud", "Sud‐Sud", "Sud‑Sud", "Sud–Sud", "Sud—Sud", "Sud − Sud", "sud - sud"]
)
def test_dashes_of_every_form_are_the_same_hyphen(dashed):
    assert answers_match(dashed, "Sud-Sud")


@pytest.mark.parametrize(
    "spaced",
    [
        "plan\u00a0communal",  # no-break space
        "plan\u202fcommunal",  # narrow no-break space
        "plan\u2009communal",  # thin space
        "  plan \t communal  ",
    ],
)
def test_every_kind_of_space_counts_as_one_space(spaced):
    assert answers_match(spaced, "plan communal")


def test_french_spaces_before_punctuation_and_final_punctuation_are_ignored():
    assert answers_match("Pourquoi\u202f?", "pourquoi?")
    assert answers_match("La commune.", "la commune")


def test_ligatures_are_spelt_out():
    assert answers_match("main-d’œuvre", "main-d'oeuvre")
    assert answers_match("ex æquo", "ex aequo")
    assert answers_match("ŒUVRE", "oeuvre")


def test_invisible_characters_are_ignored():
    assert answers_match("mi\u00adgrant", "migrant")  # soft hyphen
    assert answers_match("mig\u200brant", "migrant")  # zero-width space


def test_accents_are_ignored_unless_they_matter():
    assert answers_match("integration", "intégration")
    assert answers_match("INTEGRATION SOCIALE", "Intégration sociale")
    assert not answers_match("integration", "intégration", accents_matter=True)
    assert answers_match("Intégration", "intégration", accents_matter=True)


def test_accents_that_matter_are_compared_whichever_way_they_are_encoded():
    assert answers_match("inte\u0301gration", "intégration", accents_matter=True)


def test_arabic_is_still_folded_when_accents_matter():
    assert answers_match("برنامج عمل الجماعه", "برنامج عمل الجماعة", accents_matter=True)


@pytest.mark.parametrize(
    ("given", "accepted"),
    [
        ("والمهاجرين", "المهاجرين"),
        ("المهاجرين", "والمهاجرين"),
        ("مهاجرين", "المهاجرين"),
        ("بالجماعة", "الجماعة"),
        ("فالجماعة", "جماعة"),
        ("للمهاجرين", "المهاجرين"),
        ("للاجئين", "اللاجئين"),  # ل + اللاجئين is written with two lams
        ("وإدماج", "الإدماج"),
        ("كالمهاجر", "مهاجر"),
        ("وبالجماعة", "الجماعة"),
        ("و المهاجرين", "المهاجرين"),  # the conjunction typed apart
        ("إدماج والمهاجرين", "الإدماج المهاجرين"),
    ],
)
def test_arabic_proclitics_are_set_aside_when_allowed(given, accepted):
    assert answers_match(given, accepted)
    assert answers_match(given, accepted, allow_proclitics=True)


def test_arabic_proclitics_count_when_the_question_does_not_allow_them():
    assert not answers_match("والمهاجرين", "المهاجرين", allow_proclitics=False)
    assert answers_match("المهاجرين", "المهاجرين", allow_proclitics=False)


@pytest.mark.parametrize(
    ("given", "accepted"),
    [
        ("مهاجر", "مهارة"),  # migrant / skill
        ("مهارة", "مهاجر"),
        ("الجامعة", "الجماعة"),  # university / municipality
        ("مهاجر", "مهاجرين"),  # endings are not proclitics
        ("لاجئ", "لاجئة"),
        ("لاجئ", "مهاجر"),
        ("بلد", "لد"),  # a short word keeps its first letter
        ("وطن", "طن"),
        ("برنامج عمل", "برنامج عمل الجماعة"),
        ("SNIA", "SNMRE"),
        ("intégration", "integrite"),
    ],
)
def test_different_words_do_not_match(given, accepted):
    assert not answers_match(given, accepted)


def test_blank_answers_match_nothing():
    assert not answers_match("", "")
    assert not answers_match(" « » ", "PAC")
    assert not answers_match(None, "PAC")


def test_persian_letters_and_arabic_indic_digits_fold_to_moroccan_spelling():
    assert answers_match("٢٠١٤", "2014")
    assert answers_match("مستشفی", "مستشفى")
    assert answers_match("کتاب", "كتاب")


# --- search forms ------------------------------------------------------------------------------


def _share_a_form(a: str, b: str) -> bool:
    return bool(set(search_forms(a)) & set(search_forms(b)))


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("لاجئ", "واللاجئين"),
        ("لاجئ", "اللاجئون"),
        ("جماعة", "الجماعات"),
        ("الجماعه", "بالجماعة"),
        ("إدماج", "لإدماج"),
        ("مهاجر", "والمهاجرين"),
        ("مهاجرة", "المهاجرات"),
        ("عائد", "العائدين"),
        ("وزارة", "الوزارة"),
        ("الوزارة", "وزارة"),
        ("intégration", "INTEGRATION"),
        ("communes", "commune"),
        ("œuvre", "oeuvres"),
    ],
)
def test_search_forms_meet_across_spelling_prefixes_and_plurals(query, word):
    assert _share_a_form(query, word)


@pytest.mark.parametrize(
    ("query", "word"),
    [("مهاجر", "مهارة"), ("الجماعة", "الجامعة"), ("لاجئ", "المهاجرين"), ("اجيال", "لاجئ")],
)
def test_search_forms_keep_different_words_apart(query, word):
    assert not _share_a_form(query, word)


def test_the_shadow_text_holds_the_forms_of_every_word_in_order():
    assert search_shadow_text("Les communes, واللاجئين.") == "les commune اللاجي لاجي واللاجي"


def test_query_terms_drop_repeated_words_and_punctuation():
    assert search_query_terms("  Intégration, integration ! ") == [("integration",)]
    assert search_query_terms(" « » ") == []
