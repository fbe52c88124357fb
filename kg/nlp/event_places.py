"""Where an event took place when the sentences that name it do not say: what the article
tells just before it.

- a meeting, talks, session, signing or press conference told right after an event the
  article places, later in the same sentence or in the next one of its paragraph, and
  between the same people or between people it does not name, took place in the same city
  ("The residence in Tashkent hosted a welcome ceremony for X. Then the talks of the two
  presidents started"): the city, not the hall or palace of the first event, nor a country
  the first was placed in besides its city; not so an event a plan places elsewhere;
- a visit named right before "to X" went to X, also where the parser hung "to X" on another
  word ("a highlight of President R's Working Visit to Ghana");
- an event held in a city the sentence names with its country ("in the Azerbaijani capital,
  Baku", "in the Chinese city of Xiamen", "in Ankara, the Turkish capital") was held in that
  country too.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.coref import Cluster
from kg.nlp.facts import Fact, Facts, Scene
from kg.nlp.mentions import Mention, around
from kg.nlp.paragraphs import text_of
from kg.nlp.relations import ahead, modality

__all__ = ["carry_places", "cities_with_their_country", "visits_to"]

_FOLLOWERS = {"Meeting", "Session", "Talks", "SigningCeremony", "Conference"}


def carry_places(facts: Facts, scene: Scene) -> None:
    """Place the events the article tells right after a placed one (see the module
    docstring)."""
    held: dict[str, list[Fact]] = {}
    for f in facts.of("heldIn"):
        held.setdefault(f.subject, []).append(f)
    people = {
        e: {p.object for p in facts.participants(e) if scene.clusters[p.object].type == "Person"}
        for e in scene.clusters
        if scene.clusters[e].type == "Event"
    }
    placed = {f.subject for f in facts.of("heldIn", None)}  # also where a plan puts it
    order = {s.start: i for i, s in enumerate(scene.sentences)}
    for event in list(scene.clusters.values()):
        if event.type != "Event" or event.cls not in _FOLLOWERS or event.id in placed:
            continue
        told = [
            m
            for m in event.mentions
            if not around(m) and not ahead(m.root) and modality(m.root) == "asserted"
        ]
        if not told:
            continue
        first = min(told, key=lambda m: m.span.start)
        here = order[first.span.sent.start]
        for back in (here, here - 1):
            if back < 0 or (back < here and _paragraph_break(scene, back, here)):
                break
            anchors = [
                e
                for e in scene.events.get(scene.sentences[back].start, [])
                if e.id in held
                and e is not event
                and (back < here or _told_first(e, first))
                and (not people[event.id] or not people[e.id] or people[event.id] & people[e.id])
            ]
            if not anchors:
                continue
            for f in held[anchors[0].id]:
                if scene.clusters[f.object].cls in {"City", "Region"}:
                    facts.add(
                        event.id,
                        "heldIn",
                        f.object,
                        first.span.sent,
                        0.55,
                        "asserted",
                        "heldIn/carried",
                    )
            break


def visits_to(facts: Facts, scene: Scene) -> None:
    """Place the visits named right before "to" and a place (see the module docstring)."""
    places = scene.words_of({"Place", "Country"})
    placed = {f.subject for f in facts.of("heldIn", None)}
    for visit in list(scene.clusters.values()):
        if visit.cls != "Visit" or visit.id in placed:
            continue
        for m in visit.mentions:
            doc = m.span.doc
            to = doc[m.span.end] if m.span.end < len(doc) else None
            if to is None or to.lower_ != "to":
                continue
            objects = [o for o in to.children if o.dep_ == "pobj" and o.i in places]
            for o in (o for o in objects if places[o.i].qid is not None):  # a known place
                facts.add(
                    visit.id,
                    "heldIn",
                    places[o.i].id,
                    m.span.sent,
                    0.7,
                    modality(m.root),
                    "heldIn/visit-to-next",
                )


def cities_with_their_country(facts: Facts, scene: Scene) -> None:
    """Place in its country too an event held in a city named with it (see the module
    docstring)."""
    countries = scene.words_of({"Country"})
    for f in facts.of("heldIn", None):
        city = scene.clusters[f.object]
        if city.type != "Place" or scene.clusters[f.subject].cls == "Visit":
            continue
        for m in city.mentions:
            if m.span.sent.start != f.sentence.start:
                continue
            country = next((countries[t.i] for t in _city_words(m.root) if t.i in countries), None)
            if country is not None:
                facts.add(
                    f.subject,
                    "heldIn",
                    country.id,
                    f.sentence,
                    f.confidence * 0.9,
                    f.status,
                    f.rule + "+named-country",
                )


def _city_words(name: Token) -> list[Token]:
    """The words that say whose a city is around its name: "Azerbaijani" of "the
    Azerbaijani capital, Baku", "Chinese" of "the Chinese city of Xiamen", "Turkish" of
    "Ankara, the Turkish capital"."""
    if name.dep_ == "appos" or (name.dep_ == "pobj" and name.head.lower_ == "of"):
        noun = name.head if name.dep_ == "appos" else name.head.head
    else:
        noun = next((c for c in name.children if c.dep_ == "appos"), name)
    if noun is name or noun.lemma_.lower() not in {"capital", "city"}:
        return []
    return [c for c in noun.children if c.dep_ in {"amod", "compound", "poss"}]


def _told_first(anchor: Cluster, mention: Mention) -> bool:
    """Whether a sentence names the placed event before the one it would place ("During
    the meeting, X recalled the forum held in Kostanay" places no meeting)."""
    sentence = mention.span.sent.start
    return any(
        m.span.sent.start == sentence and m.span.start < mention.span.start for m in anchor.mentions
    )


def _paragraph_break(scene: Scene, before: int, after: int) -> bool:
    """Whether a line break separates two sentences."""
    doc = scene.sentences[after].doc
    between = text_of(doc)[scene.sentences[before].end_char : scene.sentences[after].start_char]
    return "\n" in between
