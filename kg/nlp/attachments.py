"""``kg_attachments``: a place the parser hung on a person's name, or on the title or body
that names the person, belongs to the verb or event noun the person completes ("received
Roman Golovchenko in Tashkent", "met with the Speaker of the Legislative Chamber of
Uzbekistan X in Astana", "held talks with X at the Kremlin"); not an envoy's ("the
Ambassador of Japan in Kazakhstan"), whose post is where the envoy serves.

>>> from kg.nlp import load_nlp
>>> doc = load_nlp()("Shavkat Mirziyoyev received Prime Minister Roman Golovchenko in Tashkent.")
>>> [(t.text, t.head.text) for t in doc if t.text == "in"]
[('in', 'received')]

A place hung on the person an event is held for belongs to the event:

>>> doc = load_nlp()("Wang Delun held a welcoming ceremony for Tserendash at the Great Hall.")
>>> [(t.text, t.head.text) for t in doc if t.text == "at"]
[('at', 'ceremony')]

A place hung on a phrase of manner belongs to the verb:

>>> doc = load_nlp()("The talks were held in a warm atmosphere at the Akorda.")
>>> [(t.text, t.head.text) for t in doc if t.text == "at"]
[('at', 'held')]

A place hung on the "of" phrase of an event noun belongs to the event:

>>> doc = load_nlp()("The two leaders witnessed the signing of the documents in the Great Hall.")
>>> [(t.text, t.head.text) for t in doc if t.text == "in"]
[('in', 'signing')]

and the second of "between X and Y" that the parser hung elsewhere, on the first:

>>> doc = load_nlp()("The meeting between Kazakh President Kassym-Jomart Tokayev and Chinese "
...     "President Xi Jinping took place on the sidelines of the summit.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "Jinping"]
[('Jinping', 'conj', 'Tokayev')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.nlp.gazetteer import country_named, heads
from kg.nlp.mentions import tokens_with

__all__ = ["attachments"]

_PLACES = {"GPE", "LOC", "FAC"}
_POSTS = {"ambassador", "envoy", "consul", "embassy", "consulate", "mission", "representative"}
_POSTS |= {"commissioner", "chargé", "charge", "attaché", "attache", "office", "representation"}


@Language.component("kg_attachments")
def attachments(doc: Doc) -> Doc:
    """Hang each "in" or "at" of a place that the parser gave a person, or the title or body
    naming one, on what the person is the object of; and the second of "between X and Y"
    on the first, where the parser left the "and" with nothing after it."""
    for token in tokens_with(doc, "LOWER", ["between"]):
        for first in [c for c in token.children if c.dep_ == "pobj"]:
            second = _left_out(first)
            if second is not None:
                second.head, second.dep_ = first, "conj"
    for token in tokens_with(doc, "LOWER", ["in", "at"]):
        if token.dep_ != "prep" or token.head.pos_ not in {"PROPN", "NOUN", "VERB"}:
            continue
        if not any(c.dep_ == "pobj" and c.ent_type_ in _PLACES for c in token.children):
            continue
        governor = (
            _governor(token.head)
            or _event_of(token.head)
            or _manner_of(token.head)
            or _signing_of(token)
        )
        if governor is not None:
            token.head = governor
    return doc


def _left_out(first: Token) -> Token | None:
    """The name after the "and" of "between X and Y" that the parser hung elsewhere ("the
    meeting between Kazakh President X and Chinese President Y took place": Y the subject)."""
    doc, last = first.doc, first.sent.end
    cc = next((c for c in first.children if c.dep_ == "cc" and c.lower_ == "and"), None)
    if cc is None or any(c.dep_ == "conj" for c in first.children):
        return None
    rest = doc[cc.i + 1 : last]
    end = next((t.i for t in rest if t.is_punct or t.pos_ in {"VERB", "AUX"}), last)
    phrase = doc[cc.i + 1 : end]
    root = next((t for t in phrase if not phrase.start <= t.head.i < phrase.end), None)
    if root is None or not root.ent_type_ or root is first or root in first.ancestors:
        return None
    return root


def _event_of(word: Token) -> Token | None:
    """The event noun whose "of" phrase the parser hung a place on ("witnessed the signing of
    the documents in the Great Hall", "the meeting of the two presidents at the Kremlin");
    not a topic's region ("cooperation in Central Asia" is no event)."""
    of = word.head
    if word.dep_ != "pobj" or of.lower_ != "of" or word.lemma_.lower() in _POSTS:
        return None
    event = of.head
    return event if event.lemma_.lower() in heads("event") and event.pos_ == "NOUN" else None


_MANNERS = {"atmosphere", "door", "format", "setting", "spirit", "manner", "mood"}
_MANNERS |= {"honour", "honor", "pomp", "fanfare", "welcome", "carpet"}  # "received with honours"


def _manner_of(word: Token) -> Token | None:
    """The verb whose phrase of manner the parser hung a place on ("was held in a warm
    atmosphere at the Akorda", "took place behind closed doors in Geneva", "was received
    with military honours in Lima")."""
    prep = word.head
    if word.dep_ != "pobj" or word.lemma_.lower() not in _MANNERS or prep.dep_ != "prep":
        return None
    return prep.head if prep.head.pos_ in {"VERB", "AUX"} else None


_SIGNING = {"sign", "ink", "conclude", "exchange"}


def _signing_of(prep: Token) -> Token | None:
    """The signing verb whose document, or the document's topic, the parser hung a city or
    building on ("signed an agreement in Lima", "signed an agreement on fisheries in Lima");
    not a country, which a document is about ("an agreement on investment in Peru")."""
    word = prep.head
    if word.dep_ == "pobj" and word.head.dep_ == "prep" and word.head.head.dep_ == "dobj":
        word = word.head.head  # "an agreement on fisheries in Lima"
    verb = word.head
    place = next(c for c in prep.children if c.dep_ == "pobj")
    if word.dep_ != "dobj" or verb.lemma_ not in _SIGNING or country_named(place.text):
        return None
    return verb


def _governor(word: Token) -> Token | None:
    """The verb a person is the object of, the word its "with" phrase completes ("met with
    X", "talks with X", "met with visiting X"), or the event its "for" phrase does ("a
    ceremony for X"), from the person's name or a word of the
    title naming the person ("received Prime Minister of Belarus X", "received the Prime
    Minister, X")."""
    node, path = word, [word]
    while node.dep_ == "appos" or (node.dep_ == "pobj" and node.head.lower_ == "of"):
        node = node.head if node.dep_ == "appos" else node.head.head
        path.append(node)
    if _led(node):  # "received a delegation led by X at the palace": the delegation
        node = node.head.head.head
        path.append(node)
    if any(t.lemma_.lower() in _POSTS for t in path) or not any(
        t.ent_type_ == "PERSON" for t in node.subtree
    ):
        return None
    if node.dep_ == "dobj" and node.head.pos_ == "VERB":
        return node.head
    if node.dep_ in {"pobj", "pcomp"} and node.head.lower_ == "with":
        return node.head.head
    event = node.head.head
    if node.dep_ == "pobj" and node.head.lower_ == "for" and event.lemma_.lower() in heads("event"):
        return event  # "held a welcoming ceremony for X at the Great Hall": the ceremony's
    return None


def _led(word: Token) -> bool:
    """The head a delegation is "led by" or "headed by"."""
    agent = word.head
    return (
        word.dep_ == "pobj"
        and agent.dep_ == "agent"
        and agent.head.dep_ == "acl"
        and agent.head.lemma_ in {"lead", "head"}
    )
