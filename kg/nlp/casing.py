"""``kg_casing``: an event or document word that a sentence capitalizes ("paid a Working
Visit to Ghana", "held Official Talks", "signed the Memorandum") has the common noun's
lemma, which the patterns and rules read; the parser calls such words proper nouns, whose
lemma keeps the capital. A title-case line (a headline) keeps its lemmas: there every word
is capitalized and the capital tells nothing.

>>> from kg.nlp import load_nlp
>>> doc = load_nlp()("President Ramaphosa paid a Working Visit to Ghana.")
>>> [t.lemma_ for t in doc if t.text in {"Working", "Visit"}]
['Working', 'visit']
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.gazetteer import heads

__all__ = ["casing"]


@cache
def _words() -> frozenset[str]:
    return frozenset(heads("event")) | frozenset(heads("agreement"))


@Language.component("kg_casing")
def casing(doc: Doc) -> Doc:
    """Give capitalized event and document words inside sentences their common lemma."""
    words = _words()
    for token in doc:
        lower = token.lower_
        word = lower if lower in words else lower[:-1] if lower[:-1] in words else None
        if word and token.pos_ == "PROPN" and token.is_title and not _title_case_line(token.sent):
            token.lemma_ = word
    return doc


def _title_case_line(sentence: Span) -> bool:
    """A line of three words or more, each capitalized but the small ones, with no full
    stop: a headline."""
    words = [t for t in sentence if t.is_alpha]
    if len(words) < 3 or not all(t.is_title or t.is_upper for t in words if not t.is_stop):
        return False
    return not sentence.text.rstrip().endswith((".", "!", "?"))
