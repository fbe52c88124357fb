"""kg's ontology of diplomacy and trade (``ontologies/kg.ttl``): its namespace, graph and forms.

``KGO`` holds the ontology's terms as an rdflib namespace that fails loudly on typos, ``KGR``
is where kg mints the IRIs of what it describes. ``ontology()`` is the ontology as a graph,
``serialize(fmt)`` the ontology in Turtle, RDF/XML, JSON-LD or N-Triples, and ``topic(id)`` the
concept of the topics scheme that ``data/topics.tsv`` names ``id``.

>>> str(KGO.Meeting)
'https://w3id.org/kgdt/ontology#Meeting'
>>> KGO.Meetting
Traceback (most recent call last):
...
AttributeError: term 'Meetting' not in namespace 'https://w3id.org/kgdt/ontology#'
>>> topic("transport") == KGO.Transport
True
"""

from __future__ import annotations

from functools import cache

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, GEO, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

from kg.errors import KGError
from kg.resources import IRI_BASE, ontology_path

__all__ = [
    "FORMATS",
    "KGO",
    "KGR",
    "NAMESPACES",
    "ONTOLOGY_IRI",
    "PQ",
    "PREFIXES",
    "PS",
    "SCHEMA",
    "SEM",
    "WD",
    "WDS",
    "WDT",
    "P",
    "ontology",
    "serialize",
    "topic",
    "topic_label",
]

ONTOLOGY_IRI = "https://w3id.org/kgdt/ontology"
KGR = Namespace(IRI_BASE)
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
SCHEMA = Namespace("https://schema.org/")
P = Namespace("http://www.wikidata.org/prop/")
PS = Namespace("http://www.wikidata.org/prop/statement/")
PQ = Namespace("http://www.wikidata.org/prop/qualifier/")
WDS = Namespace("http://www.wikidata.org/entity/statement/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
# rdflib format names by the names kg's commands take.
FORMATS = {"turtle": "turtle", "xml": "xml", "jsonld": "json-ld", "ntriples": "nt"}


class KGO(DefinedNamespace):
    """The terms of ``ontologies/kg.ttl`` (a test keeps the two in step)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # Actors and places
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    GovernmentBody: URIRef
    InternationalOrganization: URIRef
    Company: URIRef
    ChamberOfCommerce: URIRef
    NewsAgency: URIRef
    Commission: URIRef
    Delegation: URIRef
    Place: URIRef
    City: URIRef
    Region: URIRef
    Site: URIRef
    # Events
    Event: URIRef
    Meeting: URIRef
    Session: URIRef
    Talks: URIRef
    Summit: URIRef
    Forum: URIRef
    Conference: URIRef
    Visit: URIRef
    PhoneCall: URIRef
    SigningCeremony: URIRef
    # Agreements
    Agreement: URIRef
    Treaty: URIRef
    Protocol: URIRef
    Memorandum: URIRef
    Roadmap: URIRef
    Contract: URIRef
    Programme: URIRef
    # Positions, trade, articles and provenance
    Position: URIRef
    TradeFlow: URIRef
    NewsArticle: URIRef
    Assertion: URIRef
    FactStatus: URIRef
    Asserted: URIRef
    Planned: URIRef
    Negated: URIRef

    # Relations of events
    participant: URIRef
    participantIn: URIRef
    heldIn: URIRef
    date: URIRef
    discussed: URIRef
    outcome: URIRef
    headedBy: URIRef
    headOf: URIRef
    status: URIRef
    # Relations between actors, places and agreements
    met: URIRef
    visited: URIRef
    signed: URIRef
    signatory: URIRef
    partyTo: URIRef
    represents: URIRef
    holdsPosition: URIRef
    positionHolder: URIRef
    positionOf: URIRef
    heldOn: URIRef
    # Trade
    tradePartner: URIRef
    amount: URIRef
    currency: URIRef
    measure: URIRef
    period: URIRef
    changePercent: URIRef
    # Articles and provenance
    mentionedIn: URIRef
    dateline: URIRef
    contentHash: URIRef
    text: URIRef
    mentionedAt: URIRef
    evidence: URIRef
    confidence: URIRef
    rule: URIRef
    # Annotations for event data
    cameo: URIRef
    plover: URIRef
    ploverMode: URIRef

    # Topics
    Topics: URIRef
    Trade: URIRef
    Investment: URIRef
    Agriculture: URIRef
    Energy: URIRef
    Transport: URIRef
    Industry: URIRef
    Science: URIRef
    Culture: URIRef
    Security: URIRef
    Health: URIRef
    Finance: URIRef
    Environment: URIRef


# The prefixes bound in every graph kg writes, and used to shorten IRIs for reading.
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
# Every prefix kg's SPARQL declares (a test holds the PREFIX lines of kg/queries to these).
NAMESPACES = {
    **PREFIXES,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "wdt": WDT,
    "p": P,
    "ps": PS,
    "pq": PQ,
    "wds": WDS,
    "geo": GEO,
}


@cache
def ontology() -> Graph:
    """The ontology as an rdflib graph, parsed once (treat it as read-only)."""
    return Graph().parse(ontology_path("kg.ttl"), format="turtle")


def serialize(fmt: str = "turtle") -> str:
    """The ontology in one of ``FORMATS``: turtle, xml (RDF/XML), jsonld or ntriples."""
    if fmt not in FORMATS:
        raise KGError(f"unknown ontology format {fmt!r}; choose {', '.join(FORMATS)}")
    return ontology().serialize(format=FORMATS[fmt])


@cache
def _topics() -> dict[str, URIRef]:
    graph = ontology()
    return {
        str(notation): concept
        for concept, notation in graph.subject_objects(SKOS.notation)
        if isinstance(concept, URIRef) and (concept, SKOS.inScheme, KGO.Topics) in graph
    }


def topic(topic_id: str) -> URIRef:
    """The concept of the topics scheme whose notation (its ``data/topics.tsv`` id) is ``topic_id``."""
    try:
        return _topics()[topic_id]
    except KeyError:
        raise KGError(f"no topic {topic_id!r} in the ontology's topics scheme") from None


def topic_label(concept: URIRef) -> Literal:
    """The preferred label of a topic concept.

    >>> topic_label(KGO.Science)
    rdflib.term.Literal('science and technology', lang='en')
    """
    label = ontology().value(concept, SKOS.prefLabel)
    assert isinstance(label, Literal), concept
    return label
