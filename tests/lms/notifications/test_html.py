from lms.notifications.html import text_to_html


def test_paragraphs_and_line_breaks_are_kept():
    assert (
        text_to_html("Bonjour,\n\nLigne 1\nLigne 2\n")
        == "<p>Bonjour,</p>\n<p>Ligne 1<br>\nLigne 2</p>"
    )


def test_an_address_on_its_own_line_is_a_link_written_left_to_right():
    html = text_to_html(
        "يمكنكم متابعة الدورة التكوينية على العنوان التالي:\nhttps://ensa.example.ma/ar/cours/?a=1&b=2"
    )
    assert '<a href="https://ensa.example.ma/ar/cours/?a=1&amp;b=2" dir="ltr">' in html


def test_text_is_escaped_and_a_script_address_is_not_a_link():
    html = text_to_html('<script>alert(1)</script>\njavascript:alert(1)\n"https://x" onclick=')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<a " not in html
