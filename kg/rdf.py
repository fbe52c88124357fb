"""An ``Extraction`` as RDF: one named graph per article, in kg's ontology (``kg.ontology``).

The graph holds the article's metadata, its entities, an n-ary node per event (participants,
place, date, topics, evidence, source), the direct edges users query most (``met``,
``visited``, ``signed``, ``headedBy``, ...), and for every relation a ``kgo:Assertion`` that
records its evidence sentence, confidence, status and source. A ``met`` or ``visited`` fact
stated without a named event gets an event node of its own, so the edges always agree with
the events. Planned and negated facts are written only as assertions with their status, never
as edges, except the frame of an announced event (its place, participants, head).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

import kg
from kg.iris import GLOBAL_TYPES, article_iri, local_iri, node_iri, node_name, position_iri
from kg.ontology import KGO, KGR, SCHEMA, WD
from kg.types import Article, Entity, Extraction, Relation, TradeFlow

__all__ = ["PREFIXES", "content_hash", "to_graph"]

PREFIXES = {
    "kgo": KGO._NS,
    "kgr": KGR,
    "wd": WD,
    "schema": SCHEMA,
    "dct": DCTERMS,
    "prov": PROV,
    "skos": SKOS,
    "owl": OWL,
}
FRAME_PREDICATES = {"heldIn", "participant", "headedBy", "represents"}
TOPIC = Namespace(str(KGR) + "topic/")
_STATUS = {"asserted": KGO.Asserted, "planned": KGO.Planned, "negated": KGO.Negated}


def content_hash(article: Article) -> str:
    """A hash of everything that decides an article's graph (text, metadata, kg version)."""
    parts = [
        kg.__version__,
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


class _Writer:
    def __init__(self, extraction: Extraction):
        self.x = extraction
        self.article = extraction.article
        self.node = article_iri(self.article.id)
        self.g = Graph(identifier=self.node)
        _bind(self.g)
        self.iri: dict[str, URIRef] = {}
        self.by_id = {e.id: e for e in extraction.entities}
        self.events = 0

    def add(self, s, p, o) -> None:
        self.g.add((s, p, o))

    def run(self) -> Graph:
        self._article()
        for entity in self.x.entities:
            self.iri[entity.id] = node_iri(entity, self.article.id)
        for entity in self.x.entities:
            self._entity(entity)
        for n, relation in enumerate(self.x.relations, 1):
            self._relation(n, relation)
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
        if e.date:
            self.add(node, KGO.date, Literal(e.date, datatype=XSD.date))
        for topic in e.topics:
            self.add(node, KGO.discussed, TOPIC[topic])
        for position in e.positions:
            owner = self.by_id.get(position.of) if position.of else None
            post = position_iri(node_name(e), position.title, owner.label if owner else None)
            self.add(post, RDF.type, KGO.Position)
            self.add(post, RDFS.label, Literal(position.title))
            self.add(post, KGO.positionHolder, node)
            self.add(node, KGO.holdsPosition, post)
            if owner is not None:
                self.add(post, KGO.positionOf, self.iri[owner.id])
        if e.id == self._header_id(self.article.publisher):
            self.add(self.node, DCTERMS.publisher, node)
        if e.id == self._header_id(self.article.dateline):
            self.add(self.node, KGO.dateline, node)

    def _header_id(self, name: str | None) -> str | None:
        if not name:
            return None
        for e in self.x.entities:
            if name in (e.label, *e.aliases):
                return e.id
        return None

    def _relation(self, n: int, r: Relation) -> None:
        s, o = self.iri[r.subject], self.iri[r.object]
        p = KGO[r.predicate]
        if r.status == "asserted" or (r.status == "planned" and r.predicate in FRAME_PREDICATES):
            self.add(s, p, o)
            if r.predicate == "met":
                self.add(o, p, s)
        statement = local_iri(self.article.id, "statement", n)
        self.add(statement, RDF.type, KGO.Assertion)
        self.add(statement, RDF.subject, s)
        self.add(statement, RDF.predicate, p)
        self.add(statement, RDF.object, o)
        self.add(statement, KGO.evidence, Literal(r.evidence))
        self.add(statement, KGO.confidence, Literal(round(r.confidence, 3), datatype=XSD.decimal))
        self.add(statement, KGO.status, _STATUS[r.status])
        if r.rule:
            self.add(statement, KGO.rule, Literal(r.rule))
        self.add(statement, PROV.wasDerivedFrom, self.node)

    def _implicit_events(self) -> None:
        """An event node for each asserted ``met``/``visited`` fact no named event holds."""
        participants: dict[str, set[str]] = {}
        places: dict[str, set[str]] = {}
        for r in self.x.relations:
            if r.predicate == "participant":
                participants.setdefault(r.subject, set()).add(r.object)
            elif r.predicate == "heldIn":
                places.setdefault(r.subject, set()).add(r.object)
        for r in self.x.relations:
            if r.status != "asserted" or r.predicate not in {"met", "visited"}:
                continue
            if r.predicate == "met":
                held = any({r.subject, r.object} <= members for members in participants.values())
                kind, members, where = KGO.Meeting, (r.subject, r.object), ()
            else:
                held = any(
                    r.subject in participants.get(ev, set()) and r.object in spots
                    for ev, spots in places.items()
                )
                kind, members, where = KGO.Visit, (r.subject,), (r.object,)
            if held:
                continue
            self._event_node(kind, r, members, where)

    def _event_node(
        self, kind: URIRef, r: Relation, members: Iterable[str], where: Iterable[str]
    ) -> None:
        self.events += 1
        event = local_iri(self.article.id, "event", f"x{self.events}")
        names = " and ".join(self.by_id[m].label for m in members)
        noun = "meeting of" if kind == KGO.Meeting else "visit of"
        label = f"{noun} {names}" + "".join(f" to {self.by_id[w].label}" for w in where)
        self.add(event, RDF.type, KGO.Event)
        self.add(event, RDF.type, kind)
        self.add(event, RDFS.label, Literal(label))
        self.add(event, KGO.evidence, Literal(r.evidence))
        self.add(event, PROV.wasDerivedFrom, self.node)
        for m in members:
            self.add(event, KGO.participant, self.iri[m])
        for w in where:
            self.add(event, KGO.heldIn, self.iri[w])

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
        if self.article.date:
            self.add(node, KGO.date, Literal(self.article.date, datatype=XSD.date))


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
