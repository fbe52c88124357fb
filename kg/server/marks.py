"""An article's text as the article page shows it: paragraphs, the sentences that facts were
read from (each with an anchor the facts link to), and every entity mention marked with its
entity and type, as spaCy's displaCy marks entities.

>>> text = "Ann Alpha met Bo Beta.\\n\\nThey talked."
>>> [para] = paragraphs(text[:22], [Span(0, 9, "e1"), Span(14, 21, "e2")], ["Ann Alpha met Bo Beta."])
>>> [(run.sentence, [(p.text, p.entity) for p in run.pieces]) for run in para]
[(1, [('Ann Alpha', 'e1'), (' met ', None), ('Bo Beta', 'e2'), ('.', None)])]
>>> sentence_numbers(text, ["They talked.", "Not in the text."])
{'They talked.': 1}
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Piece", "Run", "Span", "paragraphs", "sentence_numbers", "spans"]

_SPAN = re.compile(r"^(\d+)-(\d+)$")
_PARAGRAPH = re.compile(r"\n+")


@dataclass(frozen=True)
class Span:
    """Characters ``start`` to ``end`` (excluded) of the text name ``entity``."""

    start: int
    end: int
    entity: str


@dataclass(frozen=True)
class Piece:
    """A run of text, and the entity it names (``None``: plain text)."""

    text: str
    entity: str | None = None


@dataclass(frozen=True)
class Run:
    """Pieces of one sentence (its number, ``None`` outside the sentences facts come from)."""

    sentence: int | None
    pieces: tuple[Piece, ...]


def spans(entity: str, offsets: str) -> list[Span]:
    """The spans of a ``kgo:mentionedAt`` value ("0-9 14-21"); malformed pairs are skipped.

    >>> spans("e1", "0-9 14-21 x 30-2")
    [Span(start=0, end=9, entity='e1'), Span(start=14, end=21, entity='e1')]
    """
    found = []
    for pair in offsets.split():
        match = _SPAN.match(pair)
        if match and int(match[1]) < int(match[2]):
            found.append(Span(int(match[1]), int(match[2]), entity))
    return found


def sentence_numbers(text: str, sentences: Iterable[str]) -> dict[str, int]:
    """Each sentence found in ``text``, numbered from 1 in text order."""
    found = {s: text.find(s) for s in dict.fromkeys(sentences) if s}
    ordered = sorted((at, s) for s, at in found.items() if at >= 0)
    return {s: n for n, (_, s) in enumerate(ordered, 1)}


def _flat(mentions: Iterable[Span], length: int) -> list[Span]:
    """Mentions without overlaps (the earlier, then the longer, wins), inside the text."""
    kept: list[Span] = []
    for span in sorted(mentions, key=lambda s: (s.start, -s.end)):
        if span.end <= length and (not kept or span.start >= kept[-1].end):
            kept.append(span)
    return kept


def paragraphs(text: str, mentions: Iterable[Span], sentences: Sequence[str]) -> list[list[Run]]:
    """The text as paragraphs of runs of pieces: ``sentences`` (numbered as by
    ``sentence_numbers``) become runs, ``mentions`` marked pieces."""
    numbers = sentence_numbers(text, sentences)
    owner: list[int | None] = [None] * len(text)  # the sentence number of each character
    for sentence, n in numbers.items():
        at = text.find(sentence)
        owner[at : at + len(sentence)] = [n] * len(sentence)
    entity_at: list[str | None] = [None] * len(text)
    for span in _flat(mentions, len(text)):
        entity_at[span.start : span.end] = [span.entity] * (span.end - span.start)
    out: list[list[Run]] = []
    start = 0
    for end in [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]:
        runs: list[Run] = []
        i = start
        while i < end:
            j = i
            while j < end and owner[j] == owner[i]:
                j += 1
            runs.append(Run(owner[i], tuple(_pieces(text, entity_at, i, j))))
            i = j
        if any(p.text.strip() for run in runs for p in run.pieces):
            out.append(runs)
        start = end
    return out


def _pieces(text: str, entity_at: list[str | None], start: int, end: int) -> Iterable[Piece]:
    i = start
    while i < end:
        j = i
        while j < end and entity_at[j] == entity_at[i]:
            j += 1
        yield Piece(text[i:j], entity_at[i])
        i = j
