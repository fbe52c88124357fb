"""Who signed what: the signatories a sentence names, the countries they sign for, the
agreements a set of signed documents includes, the parties an agreement's name gives, the
article's two sides for a signing that names no one, and who took part in a signing.

``sign`` runs these closures in order on the facts of one article (``kg.nlp.frames.derive``
calls it with the article's two sides).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.coref import Cluster
from kg.nlp.facts import Facts, Scene
from kg.nlp.relations import modality

__all__ = ["sign"]

_WITNESS_RULES = {"signed/witnessed"}


def sign(facts: Facts, scene: Scene, sides: list[str]) -> None:
    """Add the signing facts that follow from the article's others; ``sides`` are the
    countries of its two sides (none when it has not two)."""
    _included(facts, scene)
    _signing_sides(facts, scene)
    _signed_by_the_sides(facts, scene, sides)
    _named_parties(facts, scene)
    _signatories(facts, scene)


_INCLUDE = {"include", "comprise", "cover"}


def _included(facts: Facts, scene: Scene) -> None:
    """Who signed a set of documents signed each one it includes ("the agreements included a
    protocol on customs and a memorandum on mining"; "signed 12 deals during the visit,
    including a protocol on customs", wherever the parser hung the "including")."""
    agreements = {
        m.root.i: c for c in scene.clusters.values() if c.type == "Agreement" for m in c.mentions
    }
    for f in facts.of("signed", None):
        lists = [
            (m.span.sent, o)
            for m in scene.clusters[f.object].mentions
            if m.root.dep_ == "nsubj" and m.root.head.lemma_ in _INCLUDE
            for o in m.root.head.children
            if o.dep_ == "dobj"
        ]
        verb = f.trigger
        if verb is not None and verb.lemma_ in _SIGN:
            lists += [
                (f.sentence, o)
                for t in f.sentence
                if t.lower_ == "including" and t.i > verb.i and verb in t.ancestors
                for o in t.children
                if o.dep_ == "pobj"
            ]
        for sentence, head in lists:
            items = [t for t in head.subtree if t.i == head.i or t.dep_ == "conj"]
            for item in (agreements.get(t.i) for t in items):
                if item is not None and item.id != f.object:
                    rule = f.rule if f.rule in _WITNESS_RULES else "signed/included"
                    facts.add(
                        f.subject, "signed", item.id, sentence, f.confidence * 0.9, f.status, rule
                    )


def _signing_sides(facts: Facts, scene: Scene) -> None:
    """A person signs for their country: the country signed too. Who only witnessed a
    signing did not sign, but their country did."""
    for f in facts.of("signed", None):
        country = scene.countries.get(f.subject)
        if scene.clusters[f.subject].type != "Person":
            continue
        if country:
            facts.add(
                country,
                "signed",
                f.object,
                f.sentence,
                f.confidence * 0.8,
                f.status,
                f.rule + "+side",
            )
        if f.rule in _WITNESS_RULES:
            del facts.found[(f.subject, f.predicate, f.object)]


_SIGN = {"sign", "ink", "conclude", "seal"}


def _signed_by_the_sides(facts: Facts, scene: Scene, sides: list[str]) -> None:
    """An agreement the article says was signed without saying by whom ("the declaration
    signed in Baku", "an agreement which was signed during the visit", "the signed
    documents") was signed by the two sides of the article: the countries of its two
    principals, else the two countries of its main event. Not so in a quotation ("these six
    deals signed are a small part"), where agreements are talked of, not reported, nor for
    business deals and contracts, which companies sign."""
    if len(sides) != 2:
        return
    signed = {f.object for f in facts.of("signed", None)}
    for agreement in scene.clusters.values():
        if agreement.type != "Agreement" or agreement.id in signed or _commercial(agreement):
            continue
        for m in agreement.mentions:
            verb = _unsigned(m.root)
            quoted = _quoted(m.span.sent)
            if verb is not None and not quoted and modality(verb) == "asserted":
                for side in sides:
                    facts.add(side, "signed", agreement.id, m.span.sent, 0.6, rule="signed/sides")
                break


def _commercial(agreement: Cluster) -> bool:
    """ "Six business deals", "contracts", "commercial documents": what companies sign."""
    return agreement.cls == "Contract" or any(
        t.lower_ in {"business", "commercial"} for m in agreement.mentions for t in m.span
    )


def _named_parties(facts: Facts, scene: Scene) -> None:
    """A signed agreement that names its parties ("the Agreement between the Ministry of
    Trade of Kazakhstan and the Ministry of Economy of Uzbekistan", "the Programme of
    Cooperation between Azerbaijan and Kazakhstan") was signed by them."""
    named = {
        i: c
        for c in scene.clusters.values()
        if c.type in {"Country", "Organization"}
        for m in c.mentions
        for i in range(m.span.start, m.span.end)
    }
    for f in facts.of("signed", None):
        if f.status == "negated":
            continue
        for m in scene.clusters[f.object].mentions:
            for between in (t for t in m.span if t.lower_ == "between" and t.dep_ == "prep"):
                for obj in (c for c in between.children if c.dep_ == "pobj"):
                    for party in (obj, *obj.conjuncts):
                        if party.i in named and m.span.start <= party.i < m.span.end:
                            facts.add(
                                named[party.i].id,
                                "signed",
                                f.object,
                                f.sentence,
                                0.6,
                                f.status,
                                "signed/named-parties",
                            )


def _unsigned(token: Token) -> Token | None:
    """The word that says an agreement was signed, when nothing names who signed it: the
    agreement (or the first of a list it ends) its passive subject or the participle's noun,
    with no agent, or the noun of "the signing of the agreement" ("the signing ceremony of
    the documents")."""
    verb: Token | None
    while token.dep_ == "conj" and token.head.pos_ in {"NOUN", "PROPN"}:
        token = token.head  # "the signing of the protocol and the agreement"
    if _signing(token):  # "the signing of the protocol as well as the agreement"
        verb = token
    elif token.dep_ == "nsubjpass" and token.head.lemma_ in _SIGN:
        verb = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "of" and _signing(token.head.head):
        verb = token.head.head
    else:
        verb = next(
            (c for c in token.children if c.lemma_ in _SIGN and c.dep_ in {"acl", "amod", "relcl"}),
            None,
        )
    if verb is None or any(c.dep_ == "agent" or c.lower_ == "between" for c in verb.children):
        return None
    return verb


def _signing(noun: Token) -> bool:
    """ "The signing", "the signing ceremony", not "his signing" nor "X's signing": a
    signing that names no signatory."""
    signing = noun.lemma_ == "signing" or (
        noun.lemma_ == "ceremony" and any(c.lemma_ == "signing" for c in noun.lefts)
    )
    return signing and not any(c.dep_ in {"poss", "nsubj"} for c in noun.children)


def _signatories(facts: Facts, scene: Scene) -> None:
    """What was signed at a signing ceremony (the agreements named in its phrase, "the signing
    of the protocol", or signed in a sentence naming it, else in the sentence before or
    after), and who signed it took part (not the country of who only witnessed it)."""
    signed = facts.of("signed", None)
    for event in scene.clusters.values():
        if event.cls != "SigningCeremony":
            continue
        agreements: dict[str, None] = {}
        for distance in (0, 1):
            for m in event.mentions:
                here = scene.index(m.span.sent)
                for f in signed:
                    inside = any(
                        m.span.start <= a.span.start and a.span.end <= m.span.end
                        for a in scene.clusters[f.object].mentions
                    )
                    if inside or abs(scene.index(f.sentence) - here) == distance:
                        agreements[f.object] = None
            if agreements:
                break
        if not agreements:
            continue
        scene.outcomes[event.id] = tuple(agreements)
        for f in signed:
            witnessed = f.rule.startswith(tuple(_WITNESS_RULES))  # the witnesses' country
            if f.object in agreements and f.status != "negated" and not witnessed:
                facts.add(
                    event.id,
                    "participant",
                    f.subject,
                    f.sentence,
                    0.7,
                    f.status,
                    "participant/signatory",
                )


def _quoted(sentence: Span) -> bool:
    return any(q in sentence.text for q in '"“”')
