"""An ``Extraction`` as RDF: one named graph per article, in kg's ontology (``kg.ontology``).

The graph holds the article's metadata, its entities, an n-ary node per event (participants,
place, date, topics, outcome, evidence, source, status), the direct edges users query most
(``met``, ``visited``, ``signed``, ``headedBy``, ...), and for every relation a
``kgo:Assertion`` that records its evidence sentence, confidence, status and source.

The edges agree with the events: a ``met`` or ``visited`` fact that no event of the article
holds gets a ``kgo:Meeting`` or ``kgo:Visit`` of its own, and every ``signed`` fact a
``kgo:SigningCeremony`` with the agreement as outcome. kg also writes what follows from the
facts: the head of a participating delegation and the chair of an event take part in it, and
a country or organization that signed, or whose representative signed, is a party to the
agreement (``kgo:partyTo``).

An asserted event that says when (its date, else the article's), where and between which two
people or more it took place has an IRI any report of it shares (``kg.iris.event_iri``): two
outlets' reports of one meeting are one node, with each report's evidence and labels.

Planned and negated facts are written only as assertions with their status, never as edges,
except the frame of an announced event (its place, participants and head). An event's status
is asserted when any fact about it is, else planned or negated; an event the article states no
fact about (a bare mention such as "the visit") gets no node.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.iris import (
    GLOBAL_TYPES,
    article_iri,
    event_iri,
    local_iri,
    node_iri,
    node_name,
    position_iri,
)
from kg.ontology import KGO, PREFIXES, SCHEMA, WD, topic, topic_label
from kg.resources import VERSION
from kg.types import Article, Entity, Extraction, Relation, TradeFlow

__all__ = ["content_hash", "to_graph"]

FRAME_PREDICATES = {"heldIn", "participant", "headedBy", "represents"}
PARTIES = {"Country", "Organization"}
_STATUS = {"asserted": KGO.Asserted, "planned": KGO.Planned, "negated": KGO.Negated}
# Kinds of event that two reports may name differently ("the talks", "the meeting").
_KINDS = dict.fromkeys(("Meeting", "Talks", "Session", "Summit", "Forum", "Conference"), "meeting")


def content_hash(article: Article) -> str:
    """A hash of everything that decides an article's graph (text, metadata, kg version)."""
    parts = [
        VERSION,
        article.id,
        article.text,
        str(article.date),
        article.dateline,
        article.publisher,
        article.url,
        article.title,
    ]
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()


def _bind(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)


def _written(r: Relation) -> bool:
    """Whether a relation is written as a direct edge, not only as an assertion."""
    return r.status == "asserted" or (r.status == "planned" and r.predicate in FRAME_PREDICATES)


def _event_status(relations: list[Relation]) -> str | None:
    """An event's status from the facts about it; None for an event with no fact."""
    statuses = {r.status for r in relations}
    return next((s for s in ("asserted", "planned", "negated") if s in statuses), None)


class _Writer:
    def __init__(self, extraction: Extraction):
        self.x = extraction
        self.article = extraction.article
        self.node = article_iri(self.article.id)
        # A store without contexts, a third faster to fill than rdflib's default one, and
        # the core prefixes and kg's, not all thirty of rdflib's.
        self.g = Graph(store="SimpleMemory", identifier=self.node, bind_namespaces="core")
        _bind(self.g)
        self.by_id = {e.id: e for e in extraction.entities}
        self.iri = {e.id: node_iri(e, self.article.id) for e in extraction.entities}
        about: dict[str, list[Relation]] = defaultdict(list)
        for r in extraction.relations:
            about[r.subject].append(r)
            about[r.object].append(r)
        # The events that get a node, with their status; then their written members.
        self.status = {
            e.id: status
            for e in extraction.entities
            if e.type == "Event" and (status := _event_status(about[e.id]))
        }
        for event, status in self.status.items():
            shared = (
                self._shared_iri(self.by_id[event], about[event]) if status == "asserted" else None
            )
            self.iri[event] = shared or self.iri[event]
        self.participants: dict[str, set[str]] = defaultdict(set)
        self.places: dict[str, set[str]] = defaultdict(set)
        self.events = 0

    def _shared_iri(self, event: Entity, facts: list[Relation]) -> URIRef | None:
        """The IRI every report of this event shares, when the article says when, where
        (cities before countries) and between which people it took place."""
        members = {
            r.object
            for r in facts
            if r.subject == event.id and r.status == "asserted" and _written(r)
        }
        kinds = {m: self.by_id[m] for m in members}
        people = [self.iri[m] for m, e in kinds.items() if e.type == "Person"]
        cities = [m for m, e in kinds.items() if e.type == "Place"]
        countries = [m for m, e in kinds.items() if e.type == "Country"]
        places = [
            self.iri[m]
            for m in cities or countries
            if any(r.predicate == "heldIn" and r.object == m for r in facts)
        ]
        day = event.date or self.article.date
        if day is None or not places or len(people) < 2:
            return None
        return event_iri(_KINDS.get(event.cls, event.cls), day, places, people)

    def add(self, s, p, o) -> None:
        self.g.add((s, p, o))

    def run(self) -> Graph:
        self._article()
        for entity in self.x.entities:
            if entity.type != "Event" or entity.id in self.status:
                self._entity(entity)
        for n, relation in enumerate(self.x.relations, 1):
            self._relation(n, relation)
        self._heads_take_part()
        self._parties()
        self._implicit_events()
        for n, flow in enumerate(self.x.trade, 1):
            self._trade(n, flow)
        return self.g

    def _article(self) -> None:
        a, node = self.article, self.node
        self.add(node, RDF.type, KGO.NewsArticle)
        self.add(node, DCTERMS.identifier, Literal(a.id))
        self.add(node, KGO.contentHash, Literal(content_hash(a)))
        if a.title:
            self.add(node, DCTERMS.title, Literal(a.title))
        if a.date:
            self.add(node, DCTERMS.date, Literal(a.date, datatype=XSD.date))
        if a.url:
            self.add(node, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI))
        if a.source:
            self.add(node, DCTERMS.source, Literal(a.source))

    def _entity(self, e: Entity) -> None:
        node = self.iri[e.id]
        self.add(node, RDF.type, KGO[e.type])
        if e.cls != e.type:
            self.add(node, RDF.type, KGO[e.cls])
        self.add(node, RDFS.label, Literal(e.label))
        for alias in e.aliases:
            self.add(node, SKOS.altLabel, Literal(alias))
        if e.wikidata:
            self.add(node, OWL.sameAs, WD[e.wikidata])
        self.add(node, KGO.mentionedIn, self.node)
        if e.type not in GLOBAL_TYPES:
            self.add(node, PROV.wasDerivedFrom, self.node)
        if e.type == "Event":
            self._event(e)
        for position in e.positions:
            owner = self.by_id.get(position.of) if position.of else None
            post = position_iri(node_name(e), position.title, owner.label if owner else None)
            self.add(post, RDF.type, KGO.Position)
            self.add(post, RDFS.label, Literal(position.title))
            self.add(post, KGO.positionHolder, node)
            self.add(node, KGO.holdsPosition, post)
            if owner is not None:
                self.add(post, KGO.positionOf, self.iri[owner.id])
            if self.article.date:
                self.add(post, KGO.heldOn, Literal(self.article.date, datatype=XSD.date))
        if e.id == self._header_id(self.article.publisher, {"Organization"}):
            self.add(self.node, DCTERMS.publisher, node)
        if e.id == self._header_id(self.article.dateline, {"Place", "Country"}):
            self.add(self.node, KGO.dateline, node)

    def _event(self, e: Entity) -> None:
        """What a named event holds besides its facts: status, date, topics, evidence."""
        node = self.iri[e.id]
        self.add(node, KGO.status, _STATUS[self.status[e.id]])
        if e.date:
            self.add(node, KGO.date, Literal(e.date, datatype=XSD.date))
        for topic_id in e.topics:
            concept = topic(topic_id)
            self.add(node, KGO.discussed, concept)
            self.add(concept, SKOS.prefLabel, topic_label(concept))
        for r in self.x.relations:
            if r.subject == e.id:
                self.add(node, KGO.evidence, Literal(r.evidence))

    def _header_id(self, name: str | None, types: set[str]) -> str | None:
        """The entity of one of ``types`` that the article's header names ``name``."""
        if not name:
            return None
        for e in self.x.entities:
            if e.type in types and name in (e.label, *e.aliases):
                return e.id
        return None

    def _relation(self, n: int, r: Relation) -> None:
        s, o = self.iri[r.subject], self.iri[r.object]
        p = KGO[r.predicate]
        if _written(r):
            self.add(s, p, o)
            if r.predicate == "met":
                self.add(o, p, s)
            elif r.predicate == "participant":
                self.participants[r.subject].add(r.object)
            elif r.predicate == "heldIn":
                self.places[r.subject].add(r.object)
        statement = local_iri(self.article.id, "statement", n)
        self.add(statement, RDF.type, KGO.Assertion)
        self.add(statement, RDF.subject, s)
        self.add(statement, RDF.predicate, p)
        self.add(statement, RDF.object, o)
        self.add(statement, KGO.evidence, Literal(r.evidence))
        self.add(statement, KGO.confidence, Literal(Decimal(str(round(r.confidence, 3)))))
        self.add(statement, KGO.status, _STATUS[r.status])
        if r.rule:
            self.add(statement, KGO.rule, Literal(r.rule))
        self.add(statement, PROV.wasDerivedFrom, self.node)

    def _take_part(self, event: str, actor: str) -> None:
        if actor not in self.participants[event]:
            self.participants[event].add(actor)
            self.add(self.iri[event], KGO.participant, self.iri[actor])

    def _heads_take_part(self) -> None:
        """The chair of an event and the head of a participating delegation take part in it."""
        for r in self.x.relations:
            if r.predicate != "headedBy" or not _written(r):
                continue
            head = self.by_id[r.subject]
            if head.type == "Event":
                self._take_part(r.subject, r.object)
            elif head.type == "Delegation":
                for event, members in list(self.participants.items()):
                    if r.subject in members:
                        self._take_part(event, r.object)

    def _parties(self) -> None:
        """A country or organization that signed, or whose representative signed, is a party."""
        sides: dict[str, set[str]] = defaultdict(set)
        for r in self.x.relations:
            if r.predicate == "represents" and r.status == "asserted":
                sides[r.subject].add(r.object)
        for r in self.x.relations:
            if r.predicate != "signed" or r.status != "asserted":
                continue
            signer = self.by_id[r.subject]
            for party in {r.subject} if signer.type in PARTIES else sides[r.subject]:
                self.add(self.iri[party], KGO.partyTo, self.iri[r.object])

    def _held(self, members: set[str], where: str | None = None) -> bool:
        """Whether an asserted event of the article has these participants (and place)."""
        return any(
            status == "asserted"
            and members <= self.participants[event]
            and (where is None or where in self.places[event] | self.participants[event])
            for event, status in self.status.items()
        )

    def _implicit_events(self) -> None:
        """An event node for each asserted met/visited fact no event holds, and a signing
        ceremony for each signed agreement."""
        meetings: dict[frozenset[str], list[Relation]] = defaultdict(list)
        visits: dict[tuple[str, str], list[Relation]] = defaultdict(list)
        signings: dict[str, list[Relation]] = defaultdict(list)
        for r in self.x.relations:
            if r.status != "asserted":
                continue
            if r.predicate == "met" and not self._held({r.subject, r.object}):
                meetings[frozenset((r.subject, r.object))].append(r)
            elif r.predicate == "visited" and not self._held({r.subject}, r.object):
                visits[(r.subject, r.object)].append(r)
            elif r.predicate == "signed":
                signings[r.object].append(r)
        for pair, facts in meetings.items():
            people = sorted(pair, key=lambda i: (facts[0].subject != i, i))
            names = " and ".join(self.by_id[m].label for m in people)
            self._event_node(KGO.Meeting, f"meeting of {names}", facts, people)
        for (visitor, target), facts in visits.items():
            label = f"visit of {self.by_id[visitor].label} to {self.by_id[target].label}"
            if self.by_id[target].type == "Organization":  # the host takes part
                self._event_node(KGO.Visit, label, facts, (visitor, target))
            else:
                self._event_node(KGO.Visit, label, facts, (visitor,), places=(target,))
        for agreement, facts in signings.items():
            signers = list(dict.fromkeys(r.subject for r in facts))
            label = f"signing of {self.by_id[agreement].label}"
            self._event_node(KGO.SigningCeremony, label, facts, signers, outcome=agreement)

    def _event_node(
        self,
        kind: URIRef,
        label: str,
        facts: list[Relation],
        members: Iterable[str],
        places: Iterable[str] = (),
        outcome: str | None = None,
    ) -> None:
        self.events += 1
        event = local_iri(self.article.id, "event", f"x{self.events}")
        self.add(event, RDF.type, KGO.Event)
        self.add(event, RDF.type, kind)
        self.add(event, RDFS.label, Literal(label))
        self.add(event, KGO.status, KGO.Asserted)
        for r in facts:
            self.add(event, KGO.evidence, Literal(r.evidence))
        self.add(event, PROV.wasDerivedFrom, self.node)
        for m in members:
            self.add(event, KGO.participant, self.iri[m])
        for w in places:
            self.add(event, KGO.heldIn, self.iri[w])
        if outcome is not None:
            self.add(event, KGO.outcome, self.iri[outcome])

    def _trade(self, n: int, flow: TradeFlow) -> None:
        node = local_iri(self.article.id, "trade", n)
        self.add(node, RDF.type, KGO.TradeFlow)
        for partner in flow.partners:
            self.add(node, KGO.tradePartner, self.iri[partner])
        self.add(node, KGO.amount, Literal(f"{flow.amount:.2f}", datatype=XSD.decimal))
        self.add(node, KGO.currency, Literal(flow.currency))
        self.add(node, KGO.measure, Literal(flow.measure))
        if flow.period:
            self.add(node, KGO.period, Literal(flow.period))
        if flow.change is not None:
            self.add(node, KGO.changePercent, Literal(f"{flow.change:.2f}", datatype=XSD.decimal))
        self.add(node, KGO.evidence, Literal(flow.evidence))
        self.add(node, PROV.wasDerivedFrom, self.node)


def to_graph(extraction: Extraction) -> Graph:
    """The named graph of one article: an rdflib ``Graph`` whose identifier is the article IRI.

    >>> from kg.types import Article, Entity, Extraction
    >>> x = Extraction(Article("a1", "Text."), (Entity("e1", "Kazakhstan", "Country", "Country",
    ...     wikidata="Q232"),))
    >>> g = to_graph(x)
    >>> from kg.iris import entity_iri
    >>> (entity_iri("Country", "Kazakhstan"), OWL.sameAs, WD.Q232) in g
    True
    """
    return _Writer(extraction).run()
