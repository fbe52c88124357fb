"""The vocabulary of ``ontologies/kg.ttl`` as rdflib namespaces that fail loudly on typos.

``KGO`` holds the ontology's terms, ``KGR`` is where kg mints the IRIs of what it describes.

>>> str(KGO.Meeting)
'https://w3id.org/kgdt/ontology#Meeting'
>>> KGO.Meetting
Traceback (most recent call last):
...
AttributeError: term 'Meetting' not in namespace 'https://w3id.org/kgdt/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

__all__ = ["KGO", "KGR", "ONTOLOGY_IRI", "SCHEMA", "WD", "WDT"]

ONTOLOGY_IRI = "https://w3id.org/kgdt/ontology"
KGR = Namespace("https://w3id.org/kgdt/id/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
SCHEMA = Namespace("https://schema.org/")


class KGO(DefinedNamespace):
    """kg's ontology of diplomacy and trade (``ontologies/kg.ttl``)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # Agents and places
    Person: URIRef
    Country: URIRef
    Place: URIRef
    City: URIRef
    Region: URIRef
    Site: URIRef
    Organization: URIRef
    GovernmentBody: URIRef
    InternationalOrganization: URIRef
    Company: URIRef
    ChamberOfCommerce: URIRef
    NewsAgency: URIRef
    Commission: URIRef
    Delegation: URIRef
    Position: URIRef
    # Events
    Event: URIRef
    Meeting: URIRef
    Session: URIRef
    Talks: URIRef
    Visit: URIRef
    Summit: URIRef
    Forum: URIRef
    Conference: URIRef
    SigningCeremony: URIRef
    PhoneCall: URIRef
    # Documents
    Agreement: URIRef
    Protocol: URIRef
    Memorandum: URIRef
    Treaty: URIRef
    Roadmap: URIRef
    Contract: URIRef
    Programme: URIRef
    NewsArticle: URIRef
    # Observations and provenance
    TradeFlow: URIRef
    Assertion: URIRef
    FactStatus: URIRef
    Asserted: URIRef
    Planned: URIRef
    Negated: URIRef

    # Relations between entities
    headedBy: URIRef
    headOf: URIRef
    heldIn: URIRef
    participant: URIRef
    participantIn: URIRef
    signed: URIRef
    signatory: URIRef
    visited: URIRef
    met: URIRef
    represents: URIRef
    holdsPosition: URIRef
    positionHolder: URIRef
    positionOf: URIRef
    partyTo: URIRef
    discussed: URIRef
    # Attributes
    date: URIRef
    evidence: URIRef
    confidence: URIRef
    status: URIRef
    rule: URIRef
    sourceArticle: URIRef
    mentionedIn: URIRef
    # Articles
    dateline: URIRef
    contentHash: URIRef
    # Trade
    tradePartner: URIRef
    amount: URIRef
    currency: URIRef
    period: URIRef
    changePercent: URIRef
    measure: URIRef
