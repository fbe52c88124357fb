"""Names that cannot lie about their text: right-to-left overrides and invisible characters
in a name from an article would reverse or hide text around it, and inside it.

``isolate`` wraps text in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE (U+2068, U+2069),
for where ``<bdi>`` cannot reach (a canvas label, a tooltip); ``controls`` names the
direction and invisible controls a text holds, and ``reveal`` shows them as visible marks
(isolation keeps them from spilling out, not from acting inside the name).

>>> controls("Ivan\\u202eveolive")
['U+202E RIGHT-TO-LEFT OVERRIDE']
>>> str(reveal("a\\u200bb<"))
'a<span class="control" title="U+200B ZERO WIDTH SPACE">[U+200B]</span>b&lt;'
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup, escape

__all__ = ["CONTROLS", "controls", "isolate", "reveal"]

# Bidirectional embeddings, overrides, isolates and marks; zero-width and invisible
# characters (spaces, joiners, word joiner, invisible operators, the BOM); Arabic letter mark.
CONTROLS = re.compile(
    "[\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\u206a-\u206f\u3164\ufeff\uffa0]"
)


def isolate(text: object) -> str:
    """``text`` isolated from the text around it, as ``<bdi>`` does in HTML."""
    return f"\u2068{text}\u2069"


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'CONTROL')}"


def controls(text: object) -> list[str]:
    """The direction and invisible controls ``text`` holds, each named once, in order."""
    return list(dict.fromkeys(_name(c) for c in CONTROLS.findall(str(text))))


def reveal(text: object) -> Markup:
    """``text`` as escaped HTML, each control shown as a visible mark naming it."""
    parts = CONTROLS.split(str(text))
    found = CONTROLS.findall(str(text))
    shown = [escape(parts[0])]
    for char, part in zip(found, parts[1:], strict=True):
        name = _name(char)
        shown.append(
            Markup('<span class="control" title="{}">[{}]</span>').format(name, name.split()[0])
        )
        shown.append(escape(part))
    return Markup("").join(shown)
