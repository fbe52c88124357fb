"""An ``Extraction`` as RDF: one named graph per article, in kg's ontology (``kg.ontology``).

The graph holds the article's metadata and text, its entities (with where the text names
them), an n-ary node per event record of the extraction (participants, place, head, date,
topics, outcome, evidence, source, status), the
direct edges users query most (``met``, ``visited``, ``signed``, ``headedBy``, ...), and for
every relation a ``kgo:Assertion`` that records its evidence sentence, confidence, status and
source. A country or organization that signed is a party to the agreement (``kgo:partyTo``).

The mapping infers nothing: every edge between two entities is a relation or an event member
of the extraction (``kg.extract`` fills in what follows from the facts).

An asserted event that says when (its date, else the article's), where and between which two
people or more it took place has an IRI any report of it shares (``kg.iris.event_iri``): two
outlets' reports of one meeting are one node, with each report's evidence and labels.

Planned and negated facts are written only as assertions with their status, never as edges,
except the frame of an announced event (its place, participants and head). An event entity
without a record (a bare mention such as "the visit") gets no node.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
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
from kg.types import Article, Entity, Event, Extraction, Mention, Relation, TradeFlow

__all__ = ["content_hash", "merge", "to_graph"]

FRAME_PREDICATES = {"heldIn", "participant", "headedBy", "represents"}
PARTIES = {"Country", "Organization"}
_STATUS = {"asserted": KGO.Asserted, "planned": KGO.Planned, "negated": KGO.Negated}
# Kinds of event that two reports may name differently ("the talks", "the meeting").
_KINDS = dict.fromkeys(("Meeting", "Talks", "Session", "Summit", "Forum", "Conference"), "meeting")


def content_hash(article: Article, model_digest: str = "") -> str:
    """A hash of everything that decides an article's graph: its text and metadata, kg's
    version and the digest of the relations model that revised its relations."""
    parts = [
        VERSION,
        model_digest,
        article.id,
        article.text,
        str(article.date),
        article.dateline,
        article.publisher,
        article.url,
        article.title,
    ]
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()


def _source(source: str) -> str:
    """Where an article came from, as the graph tells it: the path as given, but a file's name
    only for an absolute path (which would tell the folders of the machine that read it, a
    home folder's owner among them)."""
    path = Path(source)
    return path.name if path.is_absolute() else source


def _bind(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)


def _start(mention: Mention) -> int:
    return mention.start


def _written(r: Relation) -> bool:
    """Whether a relation is written as a direct edge, not only as an assertion."""
    return r.status == "asserted" or (r.status == "planned" and r.predicate in FRAME_PREDICATES)


class _Writer:
    def __init__(self, extraction: Extraction):
        self.x = extraction
        self.article = extraction.article
        self.node = URIRef(article_iri(self.article.id))
        # A store without contexts, a third faster to fill than rdflib's default one, and
        # the core prefixes and kg's, not all thirty of rdflib's.
        self.g = Graph(store="SimpleMemory", identifier=self.node, bind_namespaces="core")
        _bind(self.g)
        self.by_id = {e.id: e for e in extraction.entities}
        self.iri = {e.id: URIRef(node_iri(e, self.article.id)) for e in extraction.entities}
        self.events = {e.id: e for e in extraction.events}
        taken: set[URIRef] = set()  # two events of one article are two nodes, however alike
        for event in extraction.events:
            shared = self._shared_iri(event) if event.status == "asserted" else None
            if shared is not None and shared not in taken:
                taken.add(shared)
                self.iri[event.id] = shared

    def _shared_iri(self, event: Event) -> URIRef | None:
        """The IRI every report of this event shares, when the article says when, where
        (cities before countries) and between which people it took place."""
        people = [self.iri[m] for m in event.participants if self.by_id[m].type == "Person"]
        cities = [m for m in event.places if self.by_id[m].type == "Place"]
        places = [self.iri[m] for m in cities or event.places]
        day = event.date or self.article.date
        if day is None or not places or len(people) < 2:
            return None
        return URIRef(event_iri(_KINDS.get(event.cls, event.cls), day, places, people))

    def add(self, s, p, o) -> None:
        self.g.add((s, p, o))

    def run(self) -> Graph:
        self._article()
        for entity in self.x.entities:
            if entity.type != "Event" or entity.id in self.events:
                self._entity(entity)
        for n, relation in enumerate(self.x.relations, 1):
            self._relation(n, relation)
        for n, flow in enumerate(self.x.trade, 1):
            self._trade(n, flow)
        return self.g

    def _article(self) -> None:
        a, node = self.article, self.node
        self.add(node, RDF.type, KGO.NewsArticle)
        self.add(node, DCTERMS.identifier, Literal(a.id))
        self.add(node, KGO.contentHash, Literal(content_hash(a, self.x.model_digest)))
        if a.title:
            self.add(node, DCTERMS.title, Literal(a.title))
        if a.date:
            self.add(node, DCTERMS.date, Literal(a.date, datatype=XSD.date))
        if a.url:
            self.add(node, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI))
        if a.source:
            self.add(node, DCTERMS.source, Literal(_source(a.source)))
        if a.text:
            self.add(node, KGO.text, Literal(a.text))

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
        if e.mentions:
            spans = " ".join(f"{m.start}-{m.end}" for m in sorted(e.mentions, key=_start))
            self.add(node, KGO.mentionedAt, Literal(spans))
        if e.type not in GLOBAL_TYPES:
            self.add(node, PROV.wasDerivedFrom, self.node)
        if e.type == "Event":
            self._event(e)
        for position in e.positions:
            owner = self.by_id.get(position.of) if position.of else None
            post = URIRef(
                position_iri(node_name(e), position.title, owner.label if owner else None)
            )
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
        """An event's record: status, members, date, topics, evidence."""
        node, record = self.iri[e.id], self.events[e.id]
        self.add(node, KGO.status, _STATUS[record.status])
        for predicate, members in (
            (KGO.participant, record.participants),
            (KGO.heldIn, record.places),
            (KGO.headedBy, record.heads),
            (KGO.outcome, record.outcomes),
        ):
            for member in members:
                self.add(node, predicate, self.iri[member])
        if e.date:
            self.add(node, KGO.date, Literal(e.date, datatype=XSD.date))
        for topic_id in e.topics:
            concept = topic(topic_id)
            self.add(node, KGO.discussed, concept)
            self.add(concept, SKOS.prefLabel, topic_label(concept))
        for sentence in record.evidence:
            self.add(node, KGO.evidence, Literal(sentence))

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
        p: URIRef = KGO[r.predicate]
        if _written(r):
            self.add(s, p, o)
            if r.predicate == "met":
                self.add(o, p, s)
            elif r.predicate == "signed" and self.by_id[r.subject].type in PARTIES:
                self.add(s, KGO.partyTo, o)
        statement = URIRef(local_iri(self.article.id, "statement", n))
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

    def _trade(self, n: int, flow: TradeFlow) -> None:
        node = URIRef(local_iri(self.article.id, "trade", n))
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
    >>> (URIRef(entity_iri("Country", "Kazakhstan")), OWL.sameAs, WD.Q232) in g
    True
    """
    return _Writer(extraction).run()


class _Sorted(Dataset):
    """A ``Dataset`` that lists its graphs by name, so that TriG writes them in a stable order
    (rdflib's in-memory store keeps them in a set, whose order changes from run to run)."""

    def contexts(self, triple: tuple | None = None) -> Iterator[Graph]:  # type: ignore[override]
        return iter(sorted(super().contexts(triple), key=lambda graph: graph.identifier))


def merge(extractions: Iterable[Extraction], named: bool = True) -> Graph:
    """The RDF of many extractions in one graph: a ``Dataset`` with each article's named graph
    (``named``, listed by name), else the merge of the article graphs (for Turtle, which has
    no named graphs).
    """
    merged: Graph = _Sorted() if named else Graph()
    for prefix, namespace in PREFIXES.items():
        merged.bind(prefix, namespace)
    for extraction in extractions:
        graph = to_graph(extraction)
        target = merged.graph(graph.identifier) if isinstance(merged, Dataset) else merged
        for triple in graph:
            target.add(triple)
    return merged
