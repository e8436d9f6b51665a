"""Horizontal bar charts drawn as inline SVG: the geometry only, no ORM and no HTML.

Bars start on the side where the reading starts (the left in French, the right in Arabic)
and grow toward the end; labels sit on the start side. The SVG's `direction` follows the
language, so a label's `text-anchor="end"` is its far edge from the bars in both directions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 200
VALUE_ROOM = 48
BAR_HEIGHT = 12
BAR_GAP = 2
ROW_GAP = 14
TOP = 8
LABEL_CHARACTERS = 30
LEGEND_STEP = 160
SERIES_COLOURS = ("#1d5fa8", "#8a5a00", "#2e7d32", "#7b3fa0", "#9e3a3a")


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    value: int
    value_x: float
    value_y: float


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class LegendItem:
    x: float
    y: float
    text_x: float
    colour: str
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    direction: str
    bars: list[Bar]
    labels: list[Label]
    legend: list[LegendItem]


def shorten(text: str, limit: int = LABEL_CHARACTERS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart(
    *, rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[str], rtl: bool = False
) -> Chart:
    """One group of bars per row (one bar per series), scaled to the largest value."""
    bar_area = WIDTH - LABEL_WIDTH - VALUE_ROOM
    largest = max((value for _label, values in rows for value in values), default=0) or 1

    def along(offset: float, length: float = 0) -> float:
        """The x of a segment that starts `offset` from the start side and is `length` long."""
        return WIDTH - offset - length if rtl else offset

    bars: list[Bar] = []
    labels: list[Label] = []
    legend: list[LegendItem] = []
    y = TOP
    for index, name in enumerate(series):
        legend.append(
            LegendItem(
                x=along(LEGEND_STEP * index, BAR_HEIGHT),
                y=y,
                text_x=along(LEGEND_STEP * index + BAR_HEIGHT + 4),
                colour=SERIES_COLOURS[index % len(SERIES_COLOURS)],
                text=shorten(name, 22),
            )
        )
    y += BAR_HEIGHT + ROW_GAP
    group = len(series) * (BAR_HEIGHT + BAR_GAP)
    for label, values in rows:
        labels.append(Label(x=along(LABEL_WIDTH - 8), y=y + group / 2 + 4, text=shorten(label)))
        for index, value in enumerate(values):
            length = bar_area * value / largest
            bar_y = y + index * (BAR_HEIGHT + BAR_GAP)
            bars.append(
                Bar(
                    x=along(LABEL_WIDTH, length),
                    y=bar_y,
                    width=length,
                    height=BAR_HEIGHT,
                    colour=SERIES_COLOURS[index % len(SERIES_COLOURS)],
                    value=value,
                    value_x=along(LABEL_WIDTH + length + 4),
                    value_y=bar_y + BAR_HEIGHT - 2,
                )
            )
        y += group + ROW_GAP
    return Chart(
        width=WIDTH,
        height=int(y),
        direction="rtl" if rtl else "ltr",
        bars=bars,
        labels=labels,
        legend=legend,
    )
