"""Read PDFs back like a person or a scanner would (poppler-utils and zbar-tools)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from html import unescape
from pathlib import Path

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
