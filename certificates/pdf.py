"""Render a certificate to PDF bytes: a pure function of a frozen `CertificateData`.

One A4 landscape page, French on the left and Arabic on the right, under the header of the
Kingdom and ENSA's seal. Arabic is shaped with arabic_reshaper and put in visual order with
python-bidi's `get_display` (which mirrors brackets and guillemets). Every glyph comes from
Amiri (OFL, covers Arabic and French accents), registered once per process and embedded as a
subset. The seal is drawn in vector by `seal_operators` (its lettering as glyph outlines, so
it is a picture, not text), the QR code by `_Page.qr` (statement.py says what it holds).
"""

from __future__ import annotations

import hashlib
import math
import zlib
from dataclasses import dataclass
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path

from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont as OutlineFont
from PIL import Image
from reportlab import rl_config
from reportlab.lib.colors import Color, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from lms.pdflayout import LTR_EMBED, POP, RTL_EMBED, has_arabic, text_width, visual, wrap

from .data import CertificateData, Signatory
from .dates import FRENCH_MONTHS, MOROCCAN_MONTHS, arabic_date, french_date  # noqa: F401 (kept here)
from .statement import qr_code, qr_content

FONT_DIR = Path(__file__).resolve().parent.parent / "lms" / "static" / "lms" / "fonts"
REGULAR = "Amiri"
BOLD = "Amiri-Bold"

# The header and the seal of every certificate: not wording a template changes, and not
# translated (the left column is always French, the right always Arabic, like the months).
KINGDOM_FR = "Royaume du Maroc"
KINGDOM_AR = "المملكة المغربية"
SEAL_FR = "ÉCOLE NATIONALE SUPÉRIEURE DE L’ADMINISTRATION"
SEAL_AR = "المدرسة الوطنية العليا للإدارة"

INK = Color(0.11, 0.16, 0.24)
ACCENT = Color(0.05, 0.37, 0.30)
GOLD = Color(0.72, 0.57, 0.24)
MUTED = Color(0.35, 0.38, 0.42)
SIGNATORY_WIDTH = 128.0
SIGNATORY_LINE = 66.0  # half the signature line
SIGNATORIES_FROM = 478.0  # the centre of the first signatory
# A long name keeps one line down to this share of its size, a long title down to this one;
# beyond, it wraps. The columns shrink together down to MIN_SCALE so that all of it fits.
NAME_SHRINK = 0.7
TITLE_SHRINK = 0.85
MIN_SCALE = 0.3
# The QR code: 114 pt (4.0 cm) wide, so that a version-10 code (57 modules) has 2 pt modules.
QR_SIZE = 114.0
QR_LEFT = 48.0
QR_TOP = 44.0 + QR_SIZE


@cache
def register_fonts() -> tuple[str, str]:
    """Register Amiri once per process; return the regular and bold font names."""
    # Streams are zlib-compressed; ASCII85 on top only costs time (pure Python here).
    rl_config.useA85 = 0
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "Amiri-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "Amiri-Bold.ttf")))
    return REGULAR, BOLD


def isolate_for_arabic(value: str) -> str:
    """Embed a value inside Arabic text so that Latin words keep their own order."""
    return value if has_arabic(value) else f"{LTR_EMBED}{value}{POP}"


def isolate_for_french(value: str) -> str:
    return f"{RTL_EMBED}{value}{POP}" if has_arabic(value) else value


def fit(
    text: str, *, font: str, size: float, width: float, rtl: bool, shrink: float = 1.0
) -> tuple[float, list[str]]:
    """The font size and lines that print all of `text` within `width`: one line at `size`
    when it fits, else one line at a smaller size down to `size * shrink`, else wrapped lines
    at that smallest size."""
    natural = text_width(text, font, size, rtl)
    if natural <= width:
        return size, [text]
    smallest = size * shrink
    if size * width / natural >= smallest:
        return size * width / natural, [text]
    return smallest, wrap(text, font=font, size=smallest, width=width, rtl=rtl)


class _Page:
    """Drawing helpers over a reportlab canvas."""

    def __init__(self, canvas: Canvas):
        self.c = canvas

    def text(
        self,
        text,
        x,
        y,
        *,
        font=REGULAR,
        size=12,
        rtl=False,
        align="center",
        color=INK,
        max_width=None,
    ):
        drawn = visual(text, rtl=rtl)
        if max_width:
            width = pdfmetrics.stringWidth(drawn, font, size)
            if width > max_width:
                size = max(size * max_width / width, size * 0.6)
        self.c.setFillColor(color)
        self.c.setFont(font, size)
        if align == "center":
            self.c.drawCentredString(x, y, drawn)
        elif align == "right":
            self.c.drawRightString(x, y, drawn)
        else:
            self.c.drawString(x, y, drawn)

    def block(
        self,
        text,
        x,
        y,
        *,
        width,
        font=REGULAR,
        size=12,
        rtl=False,
        color=INK,
        shrink=1.0,
        draw=True,
    ) -> float:
        """All of `text`, centred, from baseline `y` downwards (see `fit`); return the next free
        baseline."""
        size, lines = fit(text, font=font, size=size, width=width, rtl=rtl, shrink=shrink)
        leading = size * 1.35
        for line in lines:
            if draw:
                self.text(line, x, y, font=font, size=size, rtl=rtl, color=color)
            y -= leading
        return y

    def qr(self, content: str, x: float, top: float, size: float) -> float:
        """A vector QR code `size` wide whose top-left corner is at (`x`, `top`): one path of
        module rectangles, on white with its quiet zone (4 modules). Returns its bottom."""
        matrix = qr_code(content).matrix
        modules = len(matrix)
        unit = size / modules
        y = top - size
        self.c.setFillColor(white)
        self.c.rect(x - 4 * unit, y - 4 * unit, size + 8 * unit, size + 8 * unit, stroke=0, fill=1)
        rects = []
        for row_index, row in enumerate(matrix):
            row_top = modules - row_index - 1
            start = None
            for col, dark in enumerate((*row, 0)):
                if dark and start is None:
                    start = col
                elif not dark and start is not None:
                    rects.append(f"{start} {row_top} {col - start} 1 re")
                    start = None
        self.c.saveState()
        self.c.setFillColor(Color(0, 0, 0))
        self.c.transform(unit, 0, 0, unit, x, y)
        self.c.addLiteral("\n".join(rects) + "\nf")
        self.c.restoreState()
        return y

    def seal(self, x: float, y: float, logo_png: bytes | None = None) -> None:
        """ENSA's seal centred on (`x`, `y`); a template's logo, if any, in its centre."""
        self.place(_seal_xobject(with_motif=logo_png is None), (1, 0, 0, 1, x, y))
        if logo_png:
            side = SEAL_INNER * 1.35
            self.image(logo_png, x - side / 2, y - side / 2, side, side)

    def image(self, png: bytes, x: float, y: float, width: float, height: float) -> None:
        """`png` in the box, centred, keeping its proportions (on white: no transparency)."""
        xobject = _image_xobject(png)
        pixels_wide, pixels_high = xobject.size
        scale = min(width / pixels_wide, height / pixels_high)
        drawn_width, drawn_height = pixels_wide * scale, pixels_high * scale
        self.place(
            xobject,
            (
                drawn_width,
                0,
                0,
                drawn_height,
                x + (width - drawn_width) / 2,
                y + (height - drawn_height) / 2,
            ),
        )

    def place(self, xobject: _XObject, matrix: tuple[float, ...]) -> None:
        """Draw a prepared XObject: its stream was compressed once for every certificate."""
        document = self.c._doc  # reportlab has no public way to add a ready-made stream
        if not document.hasForm(xobject.name):
            entries = {
                key: PDFName(value) if isinstance(value, str) else value
                for key, value in xobject.entries
            }
            entries["Filter"] = PDFArray([PDFName("FlateDecode")])
            document.addForm(xobject.name, PDFStream(PDFDictionary(entries), xobject.content))
        self.c.saveState()
        self.c.transform(*matrix)
        self.c.doForm(xobject.name)
        self.c.restoreState()


@dataclass(frozen=True)
class _XObject:
    name: str
    entries: tuple[tuple[str, object], ...]  # the stream's dictionary (str values are names)
    content: bytes  # Flate-compressed
    size: tuple[int, int] = (1, 1)


@cache
def _seal_xobject(*, with_motif: bool) -> _XObject:
    red, green, blue = SEAL_INK.rgb()
    colour = f"{_n(red)} {_n(green)} {_n(blue)}"
    operators = f"{colour} rg {colour} RG\n{seal_operators(with_motif=with_motif)}"
    edge = SEAL_RADIUS + 2
    return _XObject(
        name=f"ensa-seal-{int(with_motif)}",
        entries=(
            ("Type", "XObject"),
            ("Subtype", "Form"),
            ("BBox", PDFArray([-edge, -edge, edge, edge])),
            ("Resources", PDFDictionary({})),
        ),
        content=zlib.compress(operators.encode("ascii")),
    )


@lru_cache(maxsize=32)
def _image_xobject(png: bytes) -> _XObject:
    with Image.open(BytesIO(png)) as opened:
        rgba = opened.convert("RGBA")
    flat = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
    width, height = flat.size
    return _XObject(
        name=f"image-{hashlib.sha256(png).hexdigest()[:16]}",
        entries=(
            ("Type", "XObject"),
            ("Subtype", "Image"),
            ("Width", width),
            ("Height", height),
            ("ColorSpace", "DeviceRGB"),
            ("BitsPerComponent", 8),
        ),
        content=zlib.compress(flat.convert("RGB").tobytes()),
        size=(width, height),
    )


def _frame(page: _Page, width: float, height: float) -> None:
    c = page.c
    c.setStrokeColor(ACCENT)
    c.setLineWidth(3)
    c.rect(18, 18, width - 36, height - 36, stroke=1, fill=0)
    c.setStrokeColor(GOLD)
    c.setLineWidth(0.8)
    c.rect(26, 26, width - 52, height - 52, stroke=1, fill=0)


# --- ENSA's seal -----------------------------------------------------------------------------
# An original design (not an emblem of the State): a double outer ring, ENSA's name in capitals
# along the top and in Arabic along the bottom, two eight-pointed stars between them, an inner
# double ring and, in the centre, an eight-pointed star (two squares) around "ENSA".

SEAL_INK = ACCENT
SEAL_RADIUS = 50.0
SEAL_INNER = 33.0
_KAPPA = 0.5523  # a quarter circle as one cubic Bézier curve


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _circle(radius: float) -> str:
    k = radius * _KAPPA
    r = radius
    return (
        f"{_n(r)} 0 m {_n(r)} {_n(k)} {_n(k)} {_n(r)} 0 {_n(r)} c "
        f"{_n(-k)} {_n(r)} {_n(-r)} {_n(k)} {_n(-r)} 0 c "
        f"{_n(-r)} {_n(-k)} {_n(-k)} {_n(-r)} 0 {_n(-r)} c "
        f"{_n(k)} {_n(-r)} {_n(r)} {_n(-k)} {_n(r)} 0 c h"
    )


def _star(
    radius: float,
    inner: float,
    *,
    points: int = 8,
    turn: float = 0.0,
    centre: tuple[float, float] = (0.0, 0.0),
) -> str:
    """A star polygon: `points` tips at `radius`, notches at `inner`."""
    corners = []
    for index in range(points * 2):
        angle = turn + math.pi / 2 + index * math.pi / points
        r = radius if index % 2 == 0 else inner
        corners.append(
            f"{_n(centre[0] + r * math.cos(angle))} {_n(centre[1] + r * math.sin(angle))}"
        )
    return f"{corners[0]} m " + " ".join(f"{c} l" for c in corners[1:]) + " h"


def _square(radius: float, turn: float) -> str:
    corners = [
        (
            radius * math.cos(turn + math.pi / 4 + i * math.pi / 2),
            radius * math.sin(turn + math.pi / 4 + i * math.pi / 2),
        )
        for i in range(4)
    ]
    return (
        f"{_n(corners[0][0])} {_n(corners[0][1])} m "
        + " ".join(f"{_n(x)} {_n(y)} l" for x, y in corners[1:])
        + " h"
    )


class _OutlinePen(BasePen):
    """Glyph outlines as PDF path operators, through an affine matrix (a, b, c, d, e, f)."""

    def __init__(self, glyph_set, matrix):
        super().__init__(glyph_set)
        self.matrix = matrix
        self.ops: list[str] = []

    def _point(self, point) -> str:
        a, b, c, d, e, f = self.matrix
        x, y = point
        return f"{_n(a * x + c * y + e)} {_n(b * x + d * y + f)}"

    def _moveTo(self, pt):
        self.ops.append(f"{self._point(pt)} m")

    def _lineTo(self, pt):
        self.ops.append(f"{self._point(pt)} l")

    def _curveToOne(self, pt1, pt2, pt3):
        self.ops.append(f"{self._point(pt1)} {self._point(pt2)} {self._point(pt3)} c")

    def _closePath(self):
        self.ops.append("h")


@cache
def _outline_font(name: str) -> OutlineFont:
    return OutlineFont(str(FONT_DIR / f"{name}.ttf"), lazy=True)


def _text_on_arc(
    text: str,
    *,
    radius: float,
    size: float,
    top: bool,
    spacing: float = 0.0,
    font: str = "Amiri-Bold",
) -> list[str]:
    """Path operators drawing `text` (visual order) centred on the top of a circle, read
    clockwise, or on its bottom, read counter-clockwise, upright; `radius` is the baseline's."""
    outline = _outline_font(font)
    glyphs = outline.getGlyphSet()
    cmap = outline.getBestCmap()
    metrics = outline["hmtx"]
    scale = size / outline["head"].unitsPerEm
    names = [cmap.get(ord(char), cmap[ord(" ")]) for char in text]
    advances = [metrics[name][0] * scale + spacing for name in names]
    span = (sum(advances) - spacing) / radius
    angle = math.pi / 2 + span / 2 if top else -math.pi / 2 - span / 2
    ops = []
    for name, advance in zip(names, advances, strict=True):
        width = advance - spacing
        middle = angle - width / 2 / radius if top else angle + width / 2 / radius
        turn = middle - math.pi / 2 if top else middle + math.pi / 2
        cos, sin = math.cos(turn), math.sin(turn)
        x, y = radius * math.cos(middle), radius * math.sin(middle)
        pen = _OutlinePen(
            glyphs,
            (
                scale * cos,
                scale * sin,
                -scale * sin,
                scale * cos,
                x - cos * width / 2,
                y - sin * width / 2,
            ),
        )
        glyphs[name].draw(pen)
        ops += pen.ops
        angle = angle - advance / radius if top else angle + advance / radius
    return ops


def _centred_text(text: str, *, size: float, y: float, font: str = "Amiri-Bold") -> list[str]:
    outline = _outline_font(font)
    glyphs, cmap, metrics = outline.getGlyphSet(), outline.getBestCmap(), outline["hmtx"]
    scale = size / outline["head"].unitsPerEm
    names = [cmap[ord(char)] for char in text]
    x = -sum(metrics[name][0] for name in names) * scale / 2
    ops = []
    for name in names:
        pen = _OutlinePen(glyphs, (scale, 0, 0, scale, x, y))
        glyphs[name].draw(pen)
        ops += pen.ops
        x += metrics[name][0] * scale
    return ops


def _arc_span(text: str, *, size: float, spacing: float, radius: float) -> float:
    outline = _outline_font("Amiri-Bold")
    cmap, metrics = outline.getBestCmap(), outline["hmtx"]
    scale = size / outline["head"].unitsPerEm
    width = sum(metrics[cmap.get(ord(c), cmap[ord(" ")])][0] * scale + spacing for c in text)
    return (width - spacing) / radius


@cache
def seal_operators(*, with_motif: bool = True) -> str:
    """The seal as PDF operators around (0, 0), in the current fill and stroke colours."""
    outer, inner = SEAL_RADIUS, SEAL_INNER
    rings = [
        f"1.3 w {_circle(outer)} S",
        f"0.45 w {_circle(outer - 2.6)} S",
        f"0.6 w {_circle(inner)} S",
        f"0.3 w {_circle(inner - 2)} S",
    ]
    band = (outer - 2.6 + inner) / 2
    french = {"text": SEAL_FR, "radius": band - 2.0, "size": 5.4, "spacing": 0.15}
    arabic = {"text": visual(SEAL_AR, rtl=True), "radius": band + 2.2, "size": 7.4, "spacing": 0.0}
    lettering = [*_text_on_arc(**french, top=True), *_text_on_arc(**arabic, top=False)]
    # A small star in the middle of each gap between the two names.
    gap = math.pi + (_arc_span(**french) - _arc_span(**arabic)) / 4
    separators = [
        _star(2.3, 0.95, turn=math.pi / 8, centre=(band * math.cos(a), band * math.sin(a)))
        for a in (gap, math.pi - gap)
    ]
    parts = [*rings, " ".join(lettering) + " f", " ".join(separators) + " f"]
    if with_motif:
        motif = inner - 6
        parts += [
            f"0.8 w {_square(motif, 0)} S",
            f"0.8 w {_square(motif, math.pi / 4)} S",
            f"0.4 w {_circle(motif * 0.62)} S",
            " ".join(_centred_text("ENSA", size=8.5, y=-2.8)) + " f",
        ]
    return "\n".join(parts)


def _signatory(page: _Page, person: Signatory, centre: float, y: float, room: float) -> None:
    """One signatory centred on `centre`, within `room` points of width."""
    line = min(SIGNATORY_LINE, room / 2 - 5)
    if person.signature_png:
        page.image(person.signature_png, centre - line + 4, y + 23, 2 * line - 8, 43)
    page.c.setStrokeColor(MUTED)
    page.c.setLineWidth(0.5)
    page.c.line(centre - line, y + 20, centre + line, y + 20)
    fit = min(SIGNATORY_WIDTH, room - 6)
    page.text(person.name_fr, centre, y + 7, font=BOLD, size=10, max_width=fit)
    page.text(person.title_fr, centre, y - 5, size=8.5, color=MUTED, max_width=fit)
    page.text(person.name_ar, centre, y - 19, font=BOLD, size=10, rtl=True, max_width=fit)
    page.text(person.title_ar, centre, y - 31, size=8.5, rtl=True, color=MUTED, max_width=fit)


def render_certificate(data: CertificateData) -> bytes:
    """The certificate as PDF bytes (deterministic for the same data)."""
    register_fonts()
    t = data.template
    width, height = landscape(A4)
    buffer = BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(width, height),
        invariant=1,
        pageCompression=1,
        initialFontName=REGULAR,
        initialFontSize=12,
        lang="fr",
    )
    canvas.setTitle(f"{t.heading_fr} – {data.serial}")
    canvas.setAuthor(t.institution_fr)
    canvas.setSubject(
        f"{data.course_title_fr} – {data.learner_name_latin or data.learner_name_arabic}"
    )
    canvas.setCreator(t.institution_fr)
    canvas.setKeywords(data.serial)
    page = _Page(canvas)
    _frame(page, width, height)

    left, right = width * 0.27, width * 0.73
    column_width = width * 0.40
    header_width = width / 2 - SEAL_RADIUS - 48 - 16
    page.text(
        KINGDOM_FR, 48, height - 58, font=BOLD, size=12.5, align="left", max_width=header_width
    )
    page.text(
        KINGDOM_AR,
        width - 48,
        height - 58,
        font=BOLD,
        size=14.5,
        rtl=True,
        align="right",
        max_width=header_width,
    )
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.8)
    canvas.line(48, height - 66, 48 + 46, height - 66)
    canvas.line(width - 48 - 46, height - 66, width - 48, height - 66)
    page.text(
        t.institution_fr,
        48,
        height - 82,
        font=BOLD,
        size=11,
        align="left",
        color=ACCENT,
        max_width=header_width,
    )
    page.text(
        t.institution_ar,
        width - 48,
        height - 84,
        font=BOLD,
        size=13,
        rtl=True,
        align="right",
        color=ACCENT,
        max_width=header_width,
    )
    page.seal(width / 2, height - 33 - SEAL_RADIUS, t.logo_png)

    page.text(t.heading_fr, width / 2, height - 164, font=BOLD, size=26, color=ACCENT)
    page.text(t.heading_ar, width / 2, height - 196, font=BOLD, size=26, rtl=True, color=ACCENT)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1)
    canvas.line(width / 2 - 120, height - 208, width / 2 + 120, height - 208)
    canvas.line(width / 2, height - 218, width / 2, 205)

    name_latin = data.learner_name_latin or data.learner_name_arabic
    name_arabic = data.learner_name_arabic or data.learner_name_latin
    hours = data.hours
    details_fr = [
        t.duration_fr.format(hours=hours),
        t.completed_fr.format(date=french_date(data.completion_date)),
    ]
    details_ar = [
        t.duration_ar.format(hours=isolate_for_arabic(hours)),
        t.completed_ar.format(date=arabic_date(data.completion_date)),
    ]
    if data.grade:
        details_fr.append(t.grade_fr.format(grade=data.grade))
        details_ar.append(t.grade_ar.format(grade=isolate_for_arabic(data.grade)))
    # (text, font, size, space before, colour, smallest size to keep it on one line) for each
    # column: names and titles are printed in full, on one line if they fit, else wrapped
    french = [
        (t.attests_fr, REGULAR, 12.5, 0, INK, 1.0),
        (isolate_for_french(name_latin), BOLD, 21, 6, ACCENT, NAME_SHRINK),
        (t.followed_fr, REGULAR, 12.5, 2, INK, 1.0),
        (f"« {isolate_for_french(data.course_title_fr)} »", BOLD, 15, 0, INK, TITLE_SHRINK),
        *((line, REGULAR, 12, 0, INK, 1.0) for line in details_fr),
    ]
    arabic = [
        (t.attests_ar, REGULAR, 13.5, 0, INK, 1.0),
        (isolate_for_arabic(name_arabic), BOLD, 22, 6, ACCENT, NAME_SHRINK),
        (t.followed_ar, REGULAR, 13.5, 2, INK, 1.0),
        (f"« {isolate_for_arabic(data.course_title_ar)} »", BOLD, 16, 0, INK, TITLE_SHRINK),
        *((line, REGULAR, 13, 0, INK, 1.0) for line in details_ar),
    ]
    top, floor = height - 234, 204.0

    def column(items, x, rtl, scale, draw):
        y = top
        for text, font, size, before, color, shrink in items:
            y = page.block(
                text,
                x,
                y - before * scale,
                width=column_width,
                font=font,
                size=size * scale,
                rtl=rtl,
                color=color,
                shrink=shrink,
                draw=draw,
            )
        return y

    # Everything shrinks together until both columns end above the "done at" line.
    scale = 1.0
    while (
        scale > MIN_SCALE
        and min(
            column(french, left, False, scale, False), column(arabic, right, True, scale, False)
        )
        < floor
    ):
        scale -= 0.04
    column(french, left, False, scale, True)
    column(arabic, right, True, scale, True)

    done_y = 186
    page.text(
        t.done_at_fr.format(place=t.place_fr, date=french_date(data.issue_date)),
        left,
        done_y,
        size=11.5,
        color=MUTED,
        max_width=column_width,
    )
    page.text(
        t.done_at_ar.format(place=t.place_ar, date=arabic_date(data.issue_date)),
        right,
        done_y,
        size=12.5,
        rtl=True,
        color=MUTED,
        max_width=column_width,
    )

    signatories = t.signatories[:3]
    if signatories:
        first, last = SIGNATORIES_FROM, width - 96.0
        step = (last - first) / max(len(signatories) - 1, 1)
        for index, person in enumerate(signatories):
            centre = (first + last) / 2 if len(signatories) == 1 else first + index * step
            _signatory(page, person, centre, 100, room=step if len(signatories) > 1 else width)

    # Its top on a whole point from the page's top, so that at 72 dpi every module of a
    # version-10 code covers exactly 2 x 2 pixels.
    qr_top = height - round(height - QR_TOP)
    qr_bottom = page.qr(qr_content(data), QR_LEFT, qr_top, QR_SIZE)
    info_x = QR_LEFT + QR_SIZE + 14
    info_width = SIGNATORIES_FROM - SIGNATORY_LINE - 10 - info_x
    page.text(
        f"{t.serial_label_fr} : {data.serial}",
        info_x,
        qr_top - 14,
        font=BOLD,
        size=10,
        align="left",
        max_width=info_width,
    )
    page.text(
        f"{t.serial_label_ar}: {isolate_for_arabic(data.serial)}",
        info_x,
        qr_top - 30,
        font=BOLD,
        size=10.5,
        rtl=True,
        align="left",
        max_width=info_width,
    )
    page.text(
        t.verify_label_fr,
        info_x,
        qr_top - 52,
        size=8.5,
        align="left",
        color=MUTED,
        max_width=info_width,
    )
    page.text(
        t.verify_label_ar,
        info_x,
        qr_top - 67,
        size=9,
        rtl=True,
        align="left",
        color=MUTED,
        max_width=info_width,
    )
    page.text(
        data.verify_url,
        info_x,
        qr_bottom + 4,
        size=7.5,
        align="left",
        color=MUTED,
        max_width=info_width,
    )

    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
