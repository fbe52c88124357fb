"""``kg_paragraphs``: a spaCy component that tells the parser where sentences may start.

A sentence starts after every line break (headlines, datelines and paragraphs often end
without a full stop), may start after closing punctuation and a space, and starts nowhere
else: the parser would otherwise run a headline into the first sentence, or cut a sentence
in two before a name ("Batbold.Ts"). Line breaks inside a sentence were joined when the article was read
(``kg.articles.unwrap``).
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = ["QUOTES", "in_headline", "paragraph_ends", "paragraphs", "quotations", "text_of"]

QUOTES = {"“": "”", '"': '"', "«": "»"}  # quotation marks, opening -> closing
_CLOSERS = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")", "»")


@Language.component("kg_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Mark sentence starts after line breaks and forbid them where no sentence can end."""
    text = doc.text
    starts = [*doc.to_array(IDX).tolist(), len(text)]
    marks = doc.to_array([SENT_START]).astype("int64")  # 1 starts one, -1 cannot, 0 may
    for i in range(1, len(doc)):
        before = text[starts[i - 1] : starts[i]]  # the token before, with its whitespace
        if "\n" in before:
            marks[i] = 1
        elif not before.rstrip(" ").endswith(_CLOSERS) or not before[-1:].isspace():
            marks[i] = -1  # no closer, or none followed by a space ("Batbold.Ts", "U.S.A")
    # spaCy types the array as thinc's Ints2d; it takes a numpy column as well.
    doc.from_array([SENT_START], marks.astype("uint64"))  # type: ignore[arg-type]
    return doc


def text_of(doc: Doc) -> str:
    """The text of ``doc``, read once: spaCy joins its tokens again at each ``Doc.text``."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def paragraph_ends(doc: Doc) -> list[int]:
    """Token index after each paragraph (a line break, always inside a whitespace token,
    ends one)."""
    starts = doc.to_array(IDX).tolist()
    ends = {bisect_right(starts, m.start()) for m in re.finditer("\n", text_of(doc))}
    return [*sorted(ends), len(doc)]


def quotations(doc: Doc, ends: list[int] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each quotation; one left open runs to the end of its paragraph (of
    those ending at ``ends``, by default where each line ends: found once for each doc)."""
    if ends is None:
        found = doc.user_data.get("kg_quotations")
        if found is None:
            found = doc.user_data["kg_quotations"] = _quotations(doc, paragraph_ends(doc))
        return found
    return _quotations(doc, ends)


def _quotations(doc: Doc, ends: list[int]) -> list[tuple[int, int]]:
    strings = doc.vocab.strings
    closing = {strings.add(a): strings.add(b) for a, b in QUOTES.items()}
    array = doc.to_array(ORTH)
    orths = array.tolist()
    found: list[tuple[int, int]] = []
    after = 0  # the first word not inside a quotation already found
    openers = numpy.array(list(closing), dtype=array.dtype)
    for i in numpy.flatnonzero(numpy.isin(array, openers)).tolist():
        if i < after:
            continue
        closer = closing[orths[i]]
        stop = next(e for e in ends if e > i)
        j = next((k for k in range(i + 1, stop) if orths[k] == closer), None)
        found.append((i + 1, j if j is not None else stop))
        after = (j if j is not None else stop) + 1
    return found


def in_headline(sentence: Span) -> bool:
    """A title-case line of three words or more, each capitalized but the small ones, with
    no full stop: a headline, not a sentence."""
    words = [t for t in sentence if t.is_alpha]
    if len(words) < 3 or not all(t.is_title or t.is_upper for t in words if not t.is_stop):
        return False
    return not sentence.text.rstrip().endswith((".", "!", "?"))
