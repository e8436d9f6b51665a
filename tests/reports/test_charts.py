"""The bar charts' geometry: bars start on the reading side and stay inside the picture."""

from reports.charts import WIDTH, bar_chart

ROWS = [("Commune d'Oujda", (4, 2)), ("Commune de Rabat", (1, 0))]
SERIES = ["Inscrits", "Actifs"]


def test_bars_grow_from_the_left_in_french_and_from_the_right_in_arabic():
    ltr = bar_chart(rows=ROWS, series=SERIES, rtl=False)
    rtl = bar_chart(rows=ROWS, series=SERIES, rtl=True)
    assert ltr.direction == "ltr" and rtl.direction == "rtl"
    for left, right in zip(ltr.bars, rtl.bars, strict=True):
        assert left.width == right.width
        assert right.x == WIDTH - left.x - left.width
    starts = {bar.x for bar in ltr.bars}
    assert len(starts) == 1  # every French bar starts at the same place on the left
    assert len({bar.x + bar.width for bar in rtl.bars}) == 1  # every Arabic one on the right


def test_the_largest_value_has_the_longest_bar_and_an_empty_value_none():
    chart = bar_chart(rows=ROWS, series=SERIES)
    widths = [bar.width for bar in chart.bars]
    assert max(widths) == chart.bars[0].width
    assert chart.bars[-1].width == 0
    assert [label.text for label in chart.labels] == ["Commune d'Oujda", "Commune de Rabat"]


def test_everything_stays_inside_the_picture_in_both_directions():
    long_names = [("Ministère délégué chargé des Marocains résidant à l'étranger", (9, 3, 2, 1))]
    series = ["Inscrits", "Actifs", "Ont terminé", "Certifiés"]
    for rtl in (False, True):
        chart = bar_chart(rows=long_names, series=series, rtl=rtl)
        for bar in chart.bars:
            assert 0 <= bar.x and bar.x + bar.width <= WIDTH
        for item in chart.legend:
            assert 0 <= item.x <= WIDTH - 12
        assert chart.labels[0].text.endswith("…")
