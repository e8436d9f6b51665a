"""Content in the page's language, or marked as being in the other one (lms/bilingual.py);
the template tags that show it are tested in tests/lms/templatetags/test_lms_tags.py."""

import pytest

from lms.bilingual import choose, in_language, script_of


@pytest.mark.parametrize(
    ("language", "value_fr", "value_ar", "text", "shown_in"),
    [
        ("ar", "Migrants", "المهاجرون", "المهاجرون", "ar"),
        ("fr", "Migrants", "المهاجرون", "Migrants", "fr"),
        ("ar", "Migrants", "", "Migrants", "fr"),
        ("fr", "", "المهاجرون", "المهاجرون", "ar"),
    ],
)
def test_the_page_language_first_else_the_other_with_its_language(
    language, value_fr, value_ar, text, shown_in
):
    chosen = choose(value_fr, value_ar, language)

    assert (chosen, chosen.language) == (text, shown_in)


def test_texts_in_the_script_of_the_page_else_all_of_them():
    accepted = ["Programme d'action de la commune", "PAC", "برنامج عمل الجماعة", "2014"]

    assert in_language(accepted, "ar") == ["برنامج عمل الجماعة", "2014"]
    assert in_language(accepted, "fr") == ["Programme d'action de la commune", "PAC", "2014"]
    assert in_language(["Oujda"], "ar") == ["Oujda"]
    assert (script_of("وجدة"), script_of("Oujda"), script_of("Oujda وجدة")) == ("ar", "fr", None)
