"""The RDF mapping of an extraction, compared with the graph it must give."""

from __future__ import annotations

from datetime import date

from rdflib import Graph
from rdflib.compare import isomorphic

from kg.rdf import content_hash, to_graph
from kg.types import Article, Entity, Extraction, Position, Relation

SENTENCE = "Askar Mamin met Vasily Matyushevsky in Karaganda."


def _extraction(status: str = "asserted") -> Extraction:
    article = Article("a1", SENTENCE, date=date(2017, 9, 22), url="https://example.org/a1")
    entities = (
        Entity(
            "e1",
            "Askar Mamin",
            "Person",
            "Person",
            ("Mamin",),
            "Q527063",
            (Position("First Deputy Prime Minister", "e3"),),
        ),
        Entity("e2", "Vasily Matyushevsky", "Person", "Person"),
        Entity("e3", "Kazakhstan", "Country", "Country", (), "Q232"),
    )
    relations = (
        Relation("e1", "met", "e2", SENTENCE, 0.9, status, "met/verb-object"),
        Relation("e1", "represents", "e3", SENTENCE, 0.8, "asserted", "represents/title"),
    )
    return Extraction(article, entities, relations)


def _expected(met: bool) -> Graph:
    ttl = f"""
@prefix kgo: <https://w3id.org/kgdt/ontology#> .
@prefix kgr: <https://w3id.org/kgdt/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> .

kgr:article\\/a1 a kgo:NewsArticle ; dct:identifier "a1" ; dct:date "2017-09-22"^^xsd:date ;
    schema:url "https://example.org/a1"^^xsd:anyURI ;
    kgo:contentHash "{content_hash(_extraction().article)}" .
kgr:person\\/askar-mamin a kgo:Person ; rdfs:label "Askar Mamin" ; skos:altLabel "Mamin" ;
    owl:sameAs wd:Q527063 ; kgo:mentionedIn kgr:article\\/a1 ;
    kgo:holdsPosition kgr:position\\/askar-mamin\\/first-deputy-prime-minister--kazakhstan ;
    kgo:represents kgr:country\\/kazakhstan .
kgr:position\\/askar-mamin\\/first-deputy-prime-minister--kazakhstan a kgo:Position ;
    rdfs:label "First Deputy Prime Minister" ; kgo:positionHolder kgr:person\\/askar-mamin ;
    kgo:positionOf kgr:country\\/kazakhstan .
kgr:person\\/vasily-matyushevsky a kgo:Person ; rdfs:label "Vasily Matyushevsky" ;
    kgo:mentionedIn kgr:article\\/a1 .
kgr:country\\/kazakhstan a kgo:Country ; rdfs:label "Kazakhstan" ; owl:sameAs wd:Q232 ;
    kgo:mentionedIn kgr:article\\/a1 .
kgr:article\\/a1\\/statement\\/1 a kgo:Assertion ; rdf:subject kgr:person\\/askar-mamin ;
    rdf:predicate kgo:met ; rdf:object kgr:person\\/vasily-matyushevsky ;
    kgo:evidence "{SENTENCE}" ; kgo:confidence 0.9 ;
    kgo:status {"kgo:Asserted" if met else "kgo:Planned"} ; kgo:rule "met/verb-object" ;
    prov:wasDerivedFrom kgr:article\\/a1 .
kgr:article\\/a1\\/statement\\/2 a kgo:Assertion ; rdf:subject kgr:person\\/askar-mamin ;
    rdf:predicate kgo:represents ; rdf:object kgr:country\\/kazakhstan ;
    kgo:evidence "{SENTENCE}" ; kgo:confidence 0.8 ; kgo:status kgo:Asserted ;
    kgo:rule "represents/title" ; prov:wasDerivedFrom kgr:article\\/a1 .
"""
    if met:
        ttl += f"""
kgr:person\\/askar-mamin kgo:met kgr:person\\/vasily-matyushevsky .
kgr:person\\/vasily-matyushevsky kgo:met kgr:person\\/askar-mamin .
kgr:article\\/a1\\/event\\/x1 a kgo:Event, kgo:Meeting ;
    rdfs:label "meeting of Askar Mamin and Vasily Matyushevsky" ; kgo:evidence "{SENTENCE}" ;
    prov:wasDerivedFrom kgr:article\\/a1 ;
    kgo:participant kgr:person\\/askar-mamin, kgr:person\\/vasily-matyushevsky .
"""
    return Graph().parse(data=ttl, format="turtle")


def test_mapping_of_an_asserted_meeting():
    graph = to_graph(_extraction())
    assert str(graph.identifier) == "https://w3id.org/kgdt/id/article/a1"
    assert isomorphic(graph, _expected(met=True))


def test_planned_meeting_is_only_an_assertion_with_its_status():
    assert isomorphic(to_graph(_extraction("planned")), _expected(met=False))


def test_graph_parses_back_from_every_serialization():
    graph = to_graph(_extraction())
    for fmt in ("turtle", "nt", "xml", "json-ld"):
        again = Graph().parse(data=graph.serialize(format=fmt), format=fmt)
        assert isomorphic(graph, again), fmt


def test_hash_changes_with_text_and_metadata():
    a = Article("a1", "Text.")
    assert content_hash(a) == content_hash(Article("a1", "Text."))
    assert content_hash(a) != content_hash(Article("a1", "Text!"))
    assert content_hash(a) != content_hash(Article("a1", "Text.", date=date(2020, 1, 1)))
