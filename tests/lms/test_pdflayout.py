"""Text laid out on a PDF page (lms/pdflayout.py): Arabic shaped and in visual order, lines
wrapped to a width. Pure: no database."""

import pytest

from lms.pdflayout import (
    LTR_EMBED,
    POP,
    has_arabic,
    text_width,
    visual,
    wrap,
)

FONT, SIZE = "Helvetica", 12


def test_arabic_is_recognised_in_any_text():
    assert has_arabic("Commune de Fès – جماعة فاس")
    assert not has_arabic("Commune de Fès")


def test_latin_text_is_drawn_as_written_without_its_embedding_marks():
    assert visual(f"{LTR_EMBED}ENSA-2026-000001{POP} Oujda", rtl=False) == "ENSA-2026-000001 Oujda"


def test_arabic_is_shaped_and_put_in_drawing_order():
    word = "مرحبا"

    drawn = visual(word, rtl=True)

    # Joined shapes (presentation forms), drawn from the left: the final alef first, the
    # initial meem last.
    assert len(drawn) == len(word)
    assert all("\ufe70" <= char <= "\ufeff" for char in drawn)
    assert (drawn[0], drawn[-1]) == ("\ufe8e", "\ufee3")


def test_the_width_is_that_of_the_drawn_text():
    assert text_width("Oujda", FONT, SIZE, False) < text_width("Oujda Oujda", FONT, SIZE, False)


@pytest.mark.parametrize("rtl", [False, True])
def test_lines_fit_the_width_and_keep_every_word(rtl):
    text = (
        "برنامج عمل الجماعة للتكوين في مجال الهجرة"
        if rtl
        else "Planifier l'intégration des migrants au niveau communal"
    )
    width = text_width(text, FONT, SIZE, rtl) / 3

    lines = wrap(text, font=FONT, size=SIZE, width=width, rtl=rtl)

    assert len(lines) >= 3
    assert all(text_width(line, FONT, SIZE, rtl) <= width for line in lines)
    assert " ".join(lines).split() == text.split()


def test_a_word_wider_than_the_line_is_cut_and_nothing_is_lost():
    word = "Fatima-Zahra-Benali-El-Idrissi"
    width = text_width("Fatima", FONT, SIZE, False)

    lines = wrap(word, font=FONT, size=SIZE, width=width, rtl=False)

    assert len(lines) > 1
    assert "".join(lines) == word
    assert all(text_width(line, FONT, SIZE, False) <= width for line in lines)


def test_empty_text_is_one_empty_line():
    assert wrap("   ", font=FONT, size=SIZE, width=100, rtl=False) == [""]
