"""Content in the page's language, or marked as being in the other one."""

import pytest
from django.template import Context, Template
from django.utils import translation

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


def render(template: str, **context) -> str:
    return Template("{% load lms_tags %}" + template).render(Context(context))


def test_a_text_of_the_other_language_is_marked_and_its_note_is_in_the_page_language():
    with translation.override("ar"):
        html = render(
            "{% bilingual fr ar as text %}{{ text|language_marked:'lines' }}",
            fr="Première ligne\n<b>deuxième</b>",
            ar="",
        )
        note = translation.gettext("in French")

    assert html.startswith(
        '<span lang="fr" dir="ltr">Première ligne<br>&lt;b&gt;deuxième&lt;/b&gt;</span>'
    )
    assert html.endswith(f'<small class="other-language">({note})</small>')


def test_a_text_in_the_page_language_is_shown_as_it_is():
    with translation.override("ar"):
        html = render("{% bilingual fr ar as text %}{{ text|language_marked }}", fr="Oui", ar="نعم")

    assert html == "نعم"
