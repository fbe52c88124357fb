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
from spacy.tokens import Doc

from kg.nlp.gazetteer import heads
from kg.nlp.paragraphs import in_headline

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
        if word and token.pos_ == "PROPN" and token.is_title and not in_headline(token.sent):
            token.lemma_ = word
    return doc
