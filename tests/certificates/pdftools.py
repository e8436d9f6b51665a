"""Read PDFs back like a person or a scanner would (poppler-utils and zbar-tools)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image

from certificates.statement import MAX_QR_VERSION, qr_code
from lms.text import strip_bidi_controls
from tests.conftest import require_or_skip


def need(tool: str) -> None:
    require_or_skip(shutil.which(tool) is not None, f"needs {tool}")


def nfkc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdffonts(path: Path) -> list[dict]:
    need("pdffonts")
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    fonts = []
    for line in lines:
        parts = line.split()
        # name type [subtype] encoding emb sub uni id gen: emb/sub/uni are the 4th, 5th, 6th from the end
        fonts.append({"name": parts[0], "embedded": parts[-5] == "yes"})
    return fonts


def qr_codes(path: Path, tmp_path: Path) -> list[str]:
    need("pdftoppm")
    need("zbarimg")
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(path), str(prefix)], check=True)
    image = sorted(tmp_path.glob("page*.png"))[0]
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True
    )
    return [line for line in result.stdout.splitlines() if line]


def pdftotext(path: Path) -> str:
    """The page's text as poppler reads it, NFKC-normalised (Arabic presentation forms folded)."""
    need("pdftotext")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", text)


def squashed(text: str) -> str:
    """`text` without whitespace nor the direction marks poppler puts around right-to-left
    lines: wrapped lines read as one."""
    return "".join(strip_bidi_controls(unicodedata.normalize("NFKC", text)).split())


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    y_min: float  # from the top of the page, in points
    x_max: float
    y_max: float


def words(path: Path) -> list[Word]:
    """Every word drawn on the first page with its box (pdftotext -bbox)."""
    need("pdftotext")
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', html
    )
    return [
        Word(unicodedata.normalize("NFKC", unescape(text)), float(a), float(b), float(c), float(d))
        for a, b, c, d, text in found
    ]


CM = 72 / 2.54  # points in a centimetre


def render_72_dpi(pdf: bytes, folder: Path) -> Path:
    need("pdftoppm")
    source = folder / "certificate.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "72", "-singlefile", str(source), str(folder / "page72")],
        check=True,
    )
    return folder / "page72.png"


def page_image(pdf: bytes, tmp_path, dpi: int):
    """The first page as a scanner at `dpi` would give it (a PNG)."""
    need("pdftoppm")
    tmp_path = tmp_path / f"{dpi}dpi"
    tmp_path.mkdir(exist_ok=True)
    source = tmp_path / "paper.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            "1",
            "-l",
            "1",
            str(source),
            str(tmp_path / "scan"),
        ],
        check=True,
    )
    return next(tmp_path.glob("scan*.png"))


def scan(image: Path) -> list[str]:
    need("zbarimg")
    found = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True
    )
    return [line for line in found.stdout.splitlines() if line]


def qr_width_cm(image: Path) -> float:
    """The printed width of the QR code: its modules are the only pure black on the page."""
    with Image.open(image) as page:
        dark = page.convert("L").point(lambda value: 255 if value < 8 else 0)
        left, _top, right, _bottom = dark.getbbox()
    return (right - left) / CM  # at 72 dpi a pixel is a point


def check_paper_code(pdf: bytes, tmp_path: Path, data_url: str):
    """The one QR code a scanner reads on a 72 dpi render of `pdf`: it opens `data_url`, is
    at most version MAX_QR_VERSION and at least 3.5 cm wide."""
    image = render_72_dpi(pdf, tmp_path)
    codes = scan(image)
    assert len(codes) == 1, "zbarimg cannot read the QR code at 72 dpi"
    found, expected = urlsplit(codes[0]), urlsplit(data_url)
    assert (found.scheme, found.netloc.lower(), found.path) == (
        expected.scheme,
        expected.netloc,
        expected.path,
    )
    assert qr_code(codes[0]).version <= MAX_QR_VERSION
    assert qr_width_cm(image) >= 3.5
    return codes[0]
