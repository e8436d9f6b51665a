"""The HTML version of a plain-text e-mail (pure, no database): paragraphs and line breaks
kept, everything escaped, and a line that is an address made a link written left to right
(an address inside Arabic text must not be reordered)."""

from __future__ import annotations

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

_ADDRESS = re.compile(r"^https?://\S+$")


def _line(line: str) -> str:
    line = line.strip()
    if _ADDRESS.match(line):
        return format_html('<a href="{}" dir="ltr">{}</a>', line, line)
    return escape(line)


def text_to_html(text: str) -> SafeString:
    paragraphs = [block for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    return mark_safe(  # noqa: S308 - every piece is escaped above
        "\n".join(
            "<p>" + "<br>\n".join(_line(line) for line in block.splitlines()) + "</p>"
            for block in paragraphs
        )
    )
