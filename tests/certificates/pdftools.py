"""Read PDFs back like a person or a scanner would (poppler-utils and zbar-tools)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

from tests.conftest import require_or_skip


def need(tool: str) -> None:
    require_or_skip(shutil.which(tool) is not None, f"needs {tool}")


def nfkc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdffonts(path: Path) -> list[dict]:
    need("pdffonts")
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
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
