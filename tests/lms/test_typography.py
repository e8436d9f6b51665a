"""French typography of rendered pages: a narrow no-break space before : ; ! ? and inside « »,
and nothing else changes (tags, attributes, URLs, times, Arabic, code)."""

import pytest

from lms.typography import french_spacing

N = "\u202f"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("Résultats: <bdi>Quiz</bdi>", f"Résultats{N}: <bdi>Quiz</bdi>"),
        ("<a>Reprendre</a>: <bdi>Leçon</bdi>", f"<a>Reprendre</a>{N}: <bdi>Leçon</bdi>"),
        ("Bienvenue dans ce cours !", f"Bienvenue dans ce cours{N}!"),
        ("Mot de passe oublié\u00a0?", f"Mot de passe oublié{N}?"),
        ("Délivrée le : 12 ; achevée", f"Délivrée le{N}: 12{N}; achevée"),
        ("Vraiment ?!", f"Vraiment{N}?!"),
        ("« Programme d&#x27;action »", f"«{N}Programme d&#x27;action{N}»"),
        ("«PAC»", f"«{N}PAC{N}»"),
        (f"Déjà{N}: fait", f"Déjà{N}: fait"),
    ],
)
def test_french_text_gets_a_narrow_no_break_space_before_high_signs_and_inside_guillemets(
    html, expected
):
    assert french_spacing(html) == expected


@pytest.mark.parametrize(
    "html",
    [
        "Il est 10:30.",
        "Voir https://formation.ensa.ma/fr/verify/?code=abc&amp;x=1 pour vérifier",
        "Tom &amp; Jerry",
        '<a href="/fr/?q=a" title="Titre : sous-titre" data-x="a;b">lien</a>',
        '<span lang="ar">السؤال: ما هو؟</span>',
        "<code>a: b</code><pre>x ; y</pre><textarea>Réponse : oui</textarea>",
        "<script>var a = {b: 1};</script><style>a:hover{color:red}</style>",
        '<p lang="ar">نص <span>عربي: نعم</span> آخر</p>',
    ],
)
def test_tags_attributes_urls_times_code_and_arabic_are_left_alone(html):
    assert french_spacing(html) == html


def test_text_after_an_element_of_another_language_is_spaced_again():
    html = '<span lang="ar">نعم</span> Résultat: <em>oui</em>'

    assert french_spacing(html) == f'<span lang="ar">نعم</span> Résultat{N}: <em>oui</em>'


def test_spacing_twice_changes_nothing_more():
    once = french_spacing("Question 1 : « Oui » ! Et alors?")

    assert french_spacing(once) == once
