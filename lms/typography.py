"""French typography of rendered pages (no database).

French puts a narrow no-break space (U+202F) before ``: ; ! ?`` and inside « » guillemets, so
that the sign never starts a line. The catalogue's translations are written that way, and
templates that put such a sign next to a translated string or a title ("Results: <title>")
would still get it wrong, so pages apply `french_spacing` to their text once rendered
(`{% filter french_typography %}` in the base templates).

Only text between tags changes, never a tag, an attribute, a URL or a time: a sign counts when
it is followed by a space, the end of the text, a closing quote or bracket, or another sign
(``?!``), so ``10:30``, ``https://`` and ``?q=`` stay as they are. Text in elements of another
language (``lang="ar"``...), and in ``script``, ``style``, ``pre``, ``code``, ``kbd``, ``samp``
and ``textarea``, is left alone.
"""

from __future__ import annotations

import re

NARROW_NBSP = "\u202f"
_SPACES = "[ \u00a0\u2009\u202f]"
# A sign after a word (with or without a space before it), then a space, the end, a closing
# quote or bracket, or another sign.
_HIGH_SIGN = re.compile(rf"(?<=[^\s:;!?]){_SPACES}?([:;!?])(?=[\s:;!?»)\]”\"'’]|$)")
# A sign at the start of a text node, after an inline element: "</bdi>: ".
_LEADING_SIGN = re.compile(r"^([:;!?])(?=\s|$)")
_OPENING_GUILLEMET = re.compile(rf"«{_SPACES}*")
_CLOSING_GUILLEMET = re.compile(rf"{_SPACES}*»")
_REFERENCE = re.compile(r"(&#?\w+;)")
_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w-]*)([^>]*)>")
_LANG = re.compile(r"""\slang\s*=\s*["']?([a-zA-Z-]+)""")
_UNTOUCHED = {"script", "style", "pre", "code", "kbd", "samp", "textarea"}
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


def space_signs(text: str) -> str:
    """`text` (plain French text) with narrow no-break spaces before : ; ! ? and inside « »."""
    text = _HIGH_SIGN.sub(rf"{NARROW_NBSP}\1", text)
    text = _OPENING_GUILLEMET.sub("«" + NARROW_NBSP, text)
    return _CLOSING_GUILLEMET.sub(NARROW_NBSP + "»", text)


def french_spacing(html: str) -> str:
    """`html` with French spacing in its text nodes (see the module's docstring)."""
    parts: list[str] = []
    skipped_tag, depth = "", 0
    position = 0
    for markup in _MARKUP.finditer(html):
        text = html[position : markup.start()]
        if text:
            parts.append(text if skipped_tag else _space_node(text))
        tag = markup.group(0)
        parts.append(tag)
        position = markup.end()
        match = _TAG.match(tag)
        if match is None:
            continue
        closing, name = match.group(1) == "/", match.group(2).lower()
        if skipped_tag:
            if name == skipped_tag and not tag.endswith("/>"):
                depth += -1 if closing else 1
                if depth == 0:
                    skipped_tag = ""
            continue
        if closing or name in _VOID or tag.endswith("/>"):
            continue
        lang = _LANG.search(match.group(3))
        if name in _UNTOUCHED or (lang and not lang.group(1).lower().startswith("fr")):
            skipped_tag, depth = name, 1
    tail = html[position:]
    if tail:
        parts.append(tail if skipped_tag else _space_node(tail))
    return "".join(parts)


def _space_node(text: str) -> str:
    """One text node of HTML: its character references (``&amp;``, ``&#x27;``) stay whole."""
    if not any(sign in text for sign in ":;!?«»"):
        return text
    pieces = _REFERENCE.split(_LEADING_SIGN.sub(rf"{NARROW_NBSP}\1", text))
    return "".join(piece if i % 2 else space_signs(piece) for i, piece in enumerate(pieces))
