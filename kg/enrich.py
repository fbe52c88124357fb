"""Wikidata facts about the linked entities of a store, in a named graph of their own.

``enrich(store)`` finds every entity with ``owl:sameAs wd:Q…`` and writes, about the
Wikidata items, the facts the bundled knowledge base has (or, ``online``, the ones Wikidata
has) into the graph ``kgr:graph/wikidata``, replacing it. The facts use Wikidata's own
vocabulary, so the same query runs on kg's store and on the Wikidata Query Service:

- ``rdfs:label``; ``wdt:P31`` instance of (online; offline: human for people);
- ``wdt:P17`` country, ``wdt:P27`` citizenship (online), ``wdt:P36`` capital,
  ``wdt:P297``/``wdt:P298`` ISO codes;
- ``wdt:P625`` coordinate location, as ``geo:wktLiteral`` "Point(longitude latitude)";
- ``wdt:P856`` official website (online);
- ``wdt:P39`` position held, and its statement ``p:P39`` with ``ps:P39`` (the office),
  ``pq:P580``/``pq:P582`` start and end (``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``
  by their precision) and ``rdfs:label`` (the office's name).

>>> from kg.store import open_store
>>> store = open_store(":memory:")
>>> from rdflib import Graph, OWL
>>> g = Graph(identifier=KGR["article/a"])
>>> _ = g.add((KGR["place/karaganda"], OWL.sameAs, WD.Q484706))
>>> store.replace_graph(g)
>>> enrich(store).entities
1
>>> row = store.query(COORDINATES_QUERY).dicts(terms=True)[0]
>>> str(row["entity"]), round(float(row["latitude"]), 2)
('https://w3id.org/kgdt/id/place/karaganda', 49.8)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, GEO

from kg.kb import KBEntry, KnowledgeBase
from kg.link.wikidata import (
    WikidataClient,
    label,
    qualifier,
    statements,
    value,
    values,
)
from kg.ontology import KGR, NAMESPACES, PQ, PS, WD, WDS, WDT, P
from kg.queries import internal_query
from kg.store import Store

__all__ = [
    "COORDINATES_QUERY",
    "ENRICHMENT_GRAPH",
    "POSITIONS_QUERY",
    "Enrichment",
    "Facts",
    "enrich",
    "facts_from_entity",
    "facts_from_kb",
    "to_graph",
]

ENRICHMENT_GRAPH = KGR["graph/wikidata"]
PREFIXES = {p: NAMESPACES[p] for p in ("wd", "wdt", "p", "ps", "pq", "wds", "geo")}
HUMAN = "Q5"

_LINKED_QUERY = internal_query("enrich-linked")
COORDINATES_QUERY = internal_query("coordinates")
"""kg's entities with a point: ``?entity ?latitude ?longitude`` (after ``enrich``)."""
POSITIONS_QUERY = internal_query("positions")
"""Positions held by kg's people: ``?entity ?title ?start ?end`` (after ``enrich``)."""


@dataclass(frozen=True)
class Held:
    """A position held: the office's QID and name, start and end (ISO, to their precision),
    and Wikidata's statement id where the fact comes from Wikidata."""

    office: str | None
    title: str
    start: str | None = None
    end: str | None = None
    statement: str | None = None


@dataclass
class Facts:
    """What is known of one Wikidata item (see the module docstring)."""

    qid: str
    label: str
    instance_of: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    citizenship: list[str] = field(default_factory=list)
    capital: str | None = None
    iso2: str | None = None
    iso3: str | None = None
    point: tuple[float, float] | None = None
    websites: list[str] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)


@dataclass(frozen=True)
class Enrichment:
    """What ``enrich`` did: items described, from the base and online, triples written."""

    entities: int
    from_kb: int
    online: int
    triples: int


def facts_from_kb(entry: KBEntry, kb: KnowledgeBase) -> Facts:
    """The facts the bundled knowledge base has about an entry."""
    facts = Facts(entry.qid, entry.label, point=kb.points.get(entry.qid))
    if entry.type == "Person":
        facts.instance_of.append(HUMAN)  # the base's people are office holders
    elif entry.type != "Country" and entry.country and entry.country != entry.qid:
        facts.country.append(entry.country)
    if entry.type == "Country":
        facts.capital, facts.iso2 = entry.capital, entry.iso2
        facts.iso3 = next((a for a in entry.acronyms if len(a) == 3 and a.isupper()), None)
    for holding in entry.holdings:
        office = kb.offices.get(holding.office or "")
        title = office.label if office else holding.title
        facts.held.append(Held(holding.office, title, _date(holding.start), _date(holding.end)))
    return facts


def facts_from_entity(entity: dict, offices: dict[str, dict]) -> Facts:
    """The facts of a Wikidata item (``wbgetentities`` JSON); ``offices`` are the items of
    its positions held, for their names."""
    point = next((v for v in values(entity, "P625") if isinstance(v, tuple)), None)
    facts = Facts(
        entity["id"],
        label(entity),
        instance_of=_items(values(entity, "P31")),
        country=_items(values(entity, "P17")),
        citizenship=_items(values(entity, "P27")),
        capital=next(iter(_items(values(entity, "P36"))), None),
        iso2=next(iter(values(entity, "P297")), None),
        iso3=next(iter(values(entity, "P298")), None),
        point=point,
        websites=[v for v in values(entity, "P856") if isinstance(v, str)],
    )
    for statement in statements(entity, "P39"):
        office = value(statement["mainsnak"])
        facts.held.append(
            Held(
                office,
                label(offices[office]) if office in offices else office,
                qualifier(statement, "P580"),
                qualifier(statement, "P582"),
                statement.get("id"),
            )
        )
    return facts


def to_graph(described: Iterable[Facts]) -> Graph:
    """The named graph ``kgr:graph/wikidata`` of the facts, in Wikidata's vocabulary."""
    graph = Graph(identifier=ENRICHMENT_GRAPH)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.add((ENRICHMENT_GRAPH, DCTERMS.source, URIRef("https://www.wikidata.org/")))
    graph.add((ENRICHMENT_GRAPH, DCTERMS.modified, Literal(datetime.now(UTC))))
    for facts in described:
        item = WD[facts.qid]
        graph.add((item, RDFS.label, Literal(facts.label, lang="en")))
        for prop, qids in (("P31", facts.instance_of), ("P17", facts.country)):
            for qid in qids:
                graph.add((item, WDT[prop], WD[qid]))
        for qid in facts.citizenship:
            graph.add((item, WDT.P27, WD[qid]))
        if facts.capital:
            graph.add((item, WDT.P36, WD[facts.capital]))
        for prop, code in (("P297", facts.iso2), ("P298", facts.iso3)):
            if code:
                graph.add((item, WDT[prop], Literal(code)))
        if facts.point:
            latitude, longitude = facts.point
            wkt = Literal(f"Point({longitude} {latitude})", datatype=GEO.wktLiteral)
            graph.add((item, WDT.P625, wkt))
        for site in facts.websites:
            graph.add((item, WDT.P856, URIRef(site)))
        for n, held in enumerate(facts.held):
            _add_held(graph, facts.qid, n, held)
    return graph


def _add_held(graph: Graph, qid: str, n: int, held: Held) -> None:
    item = WD[qid]
    node = (
        WDS[held.statement.replace("$", "-")]
        if held.statement
        else KGR[f"graph/wikidata/statement/{qid}-P39-{n + 1}"]
    )
    graph.add((item, P.P39, node))
    graph.add((node, RDF.type, URIRef("http://wikiba.se/ontology#Statement")))
    graph.add((node, RDFS.label, Literal(held.title, lang="en")))
    if held.office:
        graph.add((item, WDT.P39, WD[held.office]))
        graph.add((node, PS.P39, WD[held.office]))
        graph.add((WD[held.office], RDFS.label, Literal(held.title, lang="en")))
    for prop, when in (("P580", held.start), ("P582", held.end)):
        if when:
            graph.add((node, PQ[prop], _literal(when)))


def enrich(
    store: Store, kb: KnowledgeBase | None = None, client: WikidataClient | None = None
) -> Enrichment:
    """Describe the store's linked entities in ``kgr:graph/wikidata`` (replaced): from
    Wikidata when a ``client`` is given and answers, else from the knowledge base."""
    kb = kb or KnowledgeBase.load()
    qids = sorted(
        str(row[0]).rsplit("/", 1)[-1] for row in store.query(_LINKED_QUERY).rows if row[0]
    )
    described: dict[str, Facts] = {}
    online = 0
    if client is not None:
        entities = client.entities(qids)
        offices = client.entities(
            {o for e in entities.values() for o in values(e, "P39") if isinstance(o, str)}
        )
        for qid, entity in entities.items():
            described[qid] = facts_from_entity(entity, offices)
            if described[qid].point is None and qid in kb.points:
                described[qid].point = kb.points[qid]
        online = len(described)
    for qid in qids:
        if qid not in described and (entry := kb.get(qid)) is not None:
            described[qid] = facts_from_kb(entry, kb)
    graph = to_graph(described[q] for q in qids if q in described)
    store.replace_graph(graph)
    return Enrichment(len(described), len(described) - online, online, len(graph))


def _items(found: list) -> list[str]:
    return [v for v in found if isinstance(v, str) and re.fullmatch(r"Q\d+", v)]


def _date(text: str | None) -> str | None:
    """A knowledge-base date ("2019-02-21", "2021", "?" or empty) as an ISO date or None."""
    return text if text and text != "?" else None


def _literal(when: str) -> Literal:
    """An ISO date to its precision: ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``."""
    kind = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(when), XSD.string)
    return Literal(when, datatype=kind)
