"""The facts of one article as the rules find and fill them: ``Facts`` keeps one ``Fact``
per (subject, predicate, object) with every sentence that states it; ``Scene`` is what the
rules know of the article besides (its entities, the countries people act for, its events
by sentence, its main event); ``around`` tells an event named only as a time frame."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.nlp.coref import Cluster
from kg.nlp.mentions import tokens_with
from kg.nlp.paragraphs import text_of
from kg.types import Relation

__all__ = ["Fact", "Facts", "Scene"]

_STATUS_RANK = {"asserted": 0, "planned": 1, "negated": 2}


@dataclass(frozen=True)
class Fact:
    """A relation between entity ids, with the sentence it was read from and, where a pattern
    read it, the word that states it."""

    subject: str
    predicate: str
    object: str
    sentence: Span
    confidence: float
    status: str
    rule: str
    trigger: Token | None = None

    def relation(self) -> Relation:
        return Relation(
            self.subject,
            self.predicate,
            self.object,
            text_of(self.sentence.doc)[self.sentence.start_char : self.sentence.end_char].strip(),
            round(self.confidence, 3),
            self.status,
            self.rule,
        )


class Facts:
    """The facts of one article, one per (subject, predicate, object): the most certain of
    the sentences that state it (the others are kept in ``readings``)."""

    def __init__(self) -> None:
        self.found: dict[tuple[str, str, str], Fact] = {}
        self.readings: dict[tuple[str, str, str], list[Fact]] = {}

    def add(
        self,
        subject: str | None,
        predicate: str,
        obj: str | None,
        sentence: Span,
        confidence: float,
        status: str = "asserted",
        rule: str = "",
        trigger: Token | None = None,
    ) -> None:
        if subject is None or obj is None or subject == obj:
            return
        if predicate == "met" and obj < subject:
            subject, obj = obj, subject
        key = (subject, predicate, obj)
        fact = Fact(subject, predicate, obj, sentence, confidence, status, rule, trigger)
        if key not in self.found:
            self.readings[key] = []
        self.readings[key].append(fact)
        old = self.found.get(key)
        if old is None or _rank(fact) < _rank(old):
            self.found[key] = fact

    def discard(self, fact: Fact) -> None:
        """Forget one sentence's reading of a fact: it stays if another sentence states it."""
        key = (fact.subject, fact.predicate, fact.object)
        rest = [f for f in self.readings.get(key, []) if f is not fact]
        self.readings[key] = rest
        if rest:
            self.found[key] = min(rest, key=_rank)
        else:
            self.found.pop(key, None)

    def drop(self, fact: Fact) -> None:
        """Forget a fact, whichever sentences state it."""
        key = (fact.subject, fact.predicate, fact.object)
        self.found.pop(key, None)
        self.readings.pop(key, None)

    def forget(self, entity: str) -> None:
        """Drop every fact about ``entity``."""
        for key in [k for k in self.found if entity in (k[0], k[2])]:
            del self.found[key]
            del self.readings[key]

    def rename(self, old: str, new: str) -> None:
        """Give the facts about entity ``old`` (every reading of each) to entity ``new``."""
        for key in [k for k in self.found if old in (k[0], k[2])]:
            del self.found[key]
            for f in self.readings.pop(key):
                self.add(
                    new if f.subject == old else f.subject,
                    f.predicate,
                    new if f.object == old else f.object,
                    f.sentence,
                    f.confidence,
                    f.status,
                    f.rule,
                    f.trigger,
                )

    def of(self, predicate: str, status: str | None = "asserted") -> list[Fact]:
        """Facts with this predicate (and status, unless None)."""
        return [
            f
            for f in self.found.values()
            if f.predicate == predicate and (status is None or f.status == status)
        ]

    def participants(self, event: str) -> list[Fact]:
        """The participant facts of one event."""
        return [f for f in self.of("participant", None) if f.subject == event]

    def __iter__(self) -> Iterator[Fact]:
        return iter(list(self.found.values()))


def _rank(fact: Fact) -> tuple[int, float]:
    return _STATUS_RANK[fact.status], -fact.confidence


@dataclass
class Scene:
    """What the rules know of the article besides its facts.

    ``countries`` maps person and delegation ids to the id of the country they act for;
    ``events`` lists the event clusters named in each sentence (by sentence start);
    ``main`` is the event the article reports, if its lead names one, and ``announced``
    the ids of all the events its lead names; ``place_countries``
    maps places to the country (entity id) they lie in, where the article names it;
    ``named_countries`` the countries named inside each event's mentions; ``envoys`` the
    people who hold a resident envoy's title; ``agencies`` the international organizations
    that each person with no country acts for; ``outcomes`` (filled by ``derive``) the
    agreements signed at each signing ceremony, and ``parts`` the set of documents that each
    document a list names is one of ("signed 12 documents, including a protocol");
    ``dateline`` the place the article is datelined in, if a city or region.
    """

    clusters: dict[str, Cluster]
    countries: dict[str, str]
    sentences: list[Span]
    events: dict[int, list[Cluster]] = field(default_factory=dict)
    main: Cluster | None = None
    announced: frozenset[str] = frozenset()
    place_countries: dict[str, str] = field(default_factory=dict)
    named_countries: dict[str, list[str]] = field(default_factory=dict)
    envoys: frozenset[str] = frozenset()
    agencies: dict[str, frozenset[str]] = field(default_factory=dict)
    outcomes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    parts: dict[str, str] = field(default_factory=dict)
    dateline: str | None = None

    def index(self, sentence: Span) -> int:
        """The position of a sentence in the article."""
        return next(i for i, s in enumerate(self.sentences) if s.start == sentence.start)

    def with_words(self, attr: str, values: Iterable[str]) -> list[Span]:
        """The sentences with a word whose ``attr`` (``LEMMA``, ``LOWER``, ``DEP``...) is one
        of ``values``, in order: those a rule about such words need read, found without
        making a Python object of every word."""
        if not self.sentences:
            return []
        starts = [s.start for s in self.sentences]
        found = {
            bisect_right(starts, t.i) - 1 for t in tokens_with(self.sentences[0].doc, attr, values)
        }
        return [self.sentences[k] for k in sorted(found)]

    def headline_end(self) -> int:
        """Where the headline ends: it is every line before the first full stop (a line of the
        page, the title, its deck); 0 when the article starts with a sentence."""
        end = 0
        for sentence in self.sentences:
            if sentence.text.rstrip().endswith((".", "!", "?")):
                break
            end = sentence.end
        return end

    def fold(self, facts: Facts, gone: str, keeper: str) -> None:
        """Make entity ``gone`` one with entity ``keeper``: its mentions and its facts are the
        keeper's, and it is gone."""
        for m in self.clusters[gone].mentions:
            self.clusters[keeper].add(m)
        facts.rename(gone, keeper)
        del self.clusters[gone]

    def country_of(self, place: str) -> str | None:
        """The country a place is, or lies in where the article names it."""
        if self.clusters[place].type == "Country":
            return place
        return self.place_countries.get(place)

    def roots_of(self, type_: str) -> dict[int, Cluster]:
        """The entity of this type each head word of a mention of one stands for, by token."""
        return {m.root.i: c for c in self.clusters.values() if c.type == type_ for m in c.mentions}

    def words_of(self, types: set[str]) -> dict[int, Cluster]:
        """The entity of these types each word of a mention of one stands for, by token."""
        return {
            i: c
            for c in self.clusters.values()
            if c.type in types
            for m in c.mentions
            for i in range(m.span.start, m.span.end)
        }


def head_words(cluster: Cluster) -> set[str]:
    """The head words of an entity's mentions, as written and as lemmas ("Talks" of a
    headline is "talks" of the body)."""
    return {w for m in cluster.mentions for w in (m.root.lemma_.lower(), m.root.lower_)}


def nested(a: set[str], b: set[str]) -> bool:
    """Whether one of two sets holds the other."""
    return a <= b or b <= a
