"""``kg_attachments``: a place the parser hung on a person's name belongs to the verb or
event noun the name completes ("received Roman Golovchenko in Tashkent", "held talks with
X at the Kremlin"): a name takes no "in" or "at" of its own, while an envoy's title does
("the Ambassador in Minsk"), and the title, not the name, heads that phrase.

>>> from kg.nlp import load_nlp
>>> doc = load_nlp()("Shavkat Mirziyoyev received Prime Minister Roman Golovchenko in Tashkent.")
>>> [(t.text, t.head.text) for t in doc if t.text == "in"]
[('in', 'received')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.nlp.mentions import tokens_with

__all__ = ["attachments"]

_PLACES = {"GPE", "LOC", "FAC"}


@Language.component("kg_attachments")
def attachments(doc: Doc) -> Doc:
    """Hang each "in" or "at" of a place that the parser gave a person's name on what the
    name is the object of."""
    for token in tokens_with(doc, "LOWER", ["in", "at"]):
        if token.dep_ != "prep":
            continue
        name = token.head
        if _visiting(name):  # "met with visiting X in Cairo", X the object of "visiting"
            name = next((c for c in name.children if c.dep_ == "dobj"), name)
        if name.pos_ != "PROPN" or name.ent_type_ != "PERSON":
            continue
        if not any(c.dep_ == "pobj" and c.ent_type_ in _PLACES for c in token.children):
            continue
        governor = _governor(name)
        if governor is not None:
            token.head = governor
    return doc


def _governor(name: Token) -> Token | None:
    """The verb a name is the object of, or the word its "with" phrase completes ("met with
    X", "talks with X", "met with visiting X"), through the title it names ("received Prime
    Minister of Belarus X", "received the Prime Minister, X")."""
    node = name.head if _visiting(name.head) else name
    while node.dep_ == "appos" or (node.dep_ == "pobj" and node.head.lower_ == "of"):
        node = node.head if node.dep_ == "appos" else node.head.head
    if node.dep_ == "dobj":
        return node.head
    if node.dep_ in {"pobj", "pcomp"} and node.head.lower_ == "with":
        return node.head.head
    return None


def _visiting(token: Token) -> bool:
    """The "visiting" of "with visiting X" that the parser took for a verb."""
    return token.lower_ == "visiting" and token.dep_ == "pcomp"
