"""The RDF mapping of an extraction, compared with the graph it must give."""

from __future__ import annotations

import dataclasses
from datetime import date

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.articles import read_articles
from kg.contract import to_json
from kg.events import event_records
from kg.iris import entity_iri, node_iri
from kg.ontology import KGO
from kg.rdf import content_hash, merge, to_graph
from kg.resources import samples
from kg.types import Article, Entity, Extraction, Mention, Position, Relation

SENTENCE = "Askar Mamin met Vasily Matyushevsky in Karaganda."


def _extraction(status: str = "asserted") -> Extraction:
    """ "Askar Mamin met Vasily Matyushevsky": the meeting is an event of the extraction."""
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
            (Mention(0, 11, "Askar Mamin"),),
        ),
        Entity(
            "e2", "Vasily Matyushevsky", "Person", "Person", mentions=(Mention(16, 35, "Vasily"),)
        ),
        Entity("e3", "Kazakhstan", "Country", "Country", (), "Q232"),
        Entity("e4", "meeting of Askar Mamin and Vasily Matyushevsky", "Event", "Meeting"),
    )
    relations = (
        Relation("e1", "met", "e2", SENTENCE, 0.9, status, "met/verb-object"),
        Relation("e1", "represents", "e3", SENTENCE, 0.8, "asserted", "represents/title"),
        Relation("e4", "participant", "e1", SENTENCE, 0.7, status, "participant/met"),
        Relation("e4", "participant", "e2", SENTENCE, 0.7, status, "participant/met"),
    )
    return Extraction(article, entities, relations, events=event_records(entities, relations))


def _expected(met: bool) -> Graph:
    status = "kgo:Asserted" if met else "kgo:Planned"
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
    kgo:contentHash "{content_hash(_extraction().article)}" ; kgo:text "{SENTENCE}" .
kgr:person\\/askar-mamin a kgo:Person ; rdfs:label "Askar Mamin" ; skos:altLabel "Mamin" ;
    owl:sameAs wd:Q527063 ; kgo:mentionedIn kgr:article\\/a1 ; kgo:mentionedAt "0-11" ;
    kgo:holdsPosition kgr:position\\/askar-mamin\\/first-deputy-prime-minister--kazakhstan ;
    kgo:represents kgr:country\\/kazakhstan .
kgr:position\\/askar-mamin\\/first-deputy-prime-minister--kazakhstan a kgo:Position ;
    rdfs:label "First Deputy Prime Minister" ; kgo:positionHolder kgr:person\\/askar-mamin ;
    kgo:positionOf kgr:country\\/kazakhstan ; kgo:heldOn "2017-09-22"^^xsd:date .
kgr:person\\/vasily-matyushevsky a kgo:Person ; rdfs:label "Vasily Matyushevsky" ;
    kgo:mentionedIn kgr:article\\/a1 ; kgo:mentionedAt "16-35" .
kgr:country\\/kazakhstan a kgo:Country ; rdfs:label "Kazakhstan" ; owl:sameAs wd:Q232 ;
    kgo:mentionedIn kgr:article\\/a1 .
kgr:article\\/a1\\/statement\\/1 a kgo:Assertion ; rdf:subject kgr:person\\/askar-mamin ;
    rdf:predicate kgo:met ; rdf:object kgr:person\\/vasily-matyushevsky ;
    kgo:evidence "{SENTENCE}" ; kgo:confidence 0.9 ;
    kgo:status {status} ; kgo:rule "met/verb-object" ;
    prov:wasDerivedFrom kgr:article\\/a1 .
kgr:article\\/a1\\/statement\\/2 a kgo:Assertion ; rdf:subject kgr:person\\/askar-mamin ;
    rdf:predicate kgo:represents ; rdf:object kgr:country\\/kazakhstan ;
    kgo:evidence "{SENTENCE}" ; kgo:confidence 0.8 ; kgo:status kgo:Asserted ;
    kgo:rule "represents/title" ; prov:wasDerivedFrom kgr:article\\/a1 .
kgr:article\\/a1\\/statement\\/3 a kgo:Assertion ; rdf:subject kgr:article\\/a1\\/event\\/e4 ;
    rdf:predicate kgo:participant ; rdf:object kgr:person\\/askar-mamin ;
    kgo:evidence "{SENTENCE}" ; kgo:confidence 0.7 ; kgo:status {status} ;
    kgo:rule "participant/met" ; prov:wasDerivedFrom kgr:article\\/a1 .
kgr:article\\/a1\\/statement\\/4 a kgo:Assertion ; rdf:subject kgr:article\\/a1\\/event\\/e4 ;
    rdf:predicate kgo:participant ; rdf:object kgr:person\\/vasily-matyushevsky ;
    kgo:evidence "{SENTENCE}" ; kgo:confidence 0.7 ; kgo:status {status} ;
    kgo:rule "participant/met" ; prov:wasDerivedFrom kgr:article\\/a1 .
kgr:article\\/a1\\/event\\/e4 a kgo:Event, kgo:Meeting ;
    rdfs:label "meeting of Askar Mamin and Vasily Matyushevsky" ; kgo:evidence "{SENTENCE}" ;
    kgo:status {status} ; kgo:mentionedIn kgr:article\\/a1 ;
    prov:wasDerivedFrom kgr:article\\/a1 ;
    kgo:participant kgr:person\\/askar-mamin, kgr:person\\/vasily-matyushevsky .
"""
    if met:
        ttl += """
kgr:person\\/askar-mamin kgo:met kgr:person\\/vasily-matyushevsky .
kgr:person\\/vasily-matyushevsky kgo:met kgr:person\\/askar-mamin .
"""
    return Graph().parse(data=ttl, format="turtle")


def test_mapping_of_an_asserted_meeting():
    graph = to_graph(_extraction())
    assert str(graph.identifier) == "https://w3id.org/kgdt/id/article/a1"
    assert isomorphic(graph, _expected(met=True))


def test_planned_meeting_is_an_assertion_and_a_planned_event_without_met_edges():
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


def _commission() -> Extraction:
    """A session with two delegations, a signing, a planned next session and a bare mention."""
    held = "The session was held in Astana; the Kazakh delegation was led by Serik Zhumangarin."
    signed = "Serik Zhumangarin and Jamshid Khodjayev signed a protocol."
    entities = (
        Entity("p1", "Serik Zhumangarin", "Person", "Person"),
        Entity("p2", "Jamshid Khodjayev", "Person", "Person"),
        Entity("c1", "Kazakhstan", "Country", "Country"),
        Entity("c2", "Uzbekistan", "Country", "Country"),
        Entity("t1", "Astana", "Place", "City"),
        Entity("d1", "Kazakh delegation", "Delegation", "Delegation"),
        Entity("v1", "session", "Event", "Session", topics=("trade", "transport")),
        Entity("v2", "next session", "Event", "Session"),
        Entity("v3", "the visit", "Event", "Visit"),
        Entity("a1", "protocol", "Agreement", "Protocol"),
        Entity("o1", "Port of Baku", "Organization", "Company"),
    )
    relations = (
        Relation("v1", "heldIn", "t1", held, 0.9),
        Relation("v1", "participant", "d1", "The Kazakh delegation took part.", 0.9),
        Relation("d1", "headedBy", "p1", held, 0.9),
        Relation("p1", "represents", "c1", held, 0.8),
        Relation("p2", "represents", "c2", held, 0.8),
        Relation("p1", "signed", "a1", signed, 0.9),
        Relation("p2", "signed", "a1", signed, 0.9),
        Relation("c1", "signed", "a1", signed, 0.7),
        Relation("c2", "signed", "a1", signed, 0.7),
        Relation("v2", "heldIn", "t1", "The next session will be held in Astana.", 0.8, "planned"),
        Relation("p2", "visited", "o1", "Jamshid Khodjayev visited the Port of Baku.", 0.9),
    )
    return Extraction(
        Article("a2", held + " " + signed),
        entities,
        relations,
        events=event_records(entities, relations),
    )


def _one(graph: Graph, sparql: str) -> dict:
    rows = list(graph.query(PREFIX + sparql))
    assert len(rows) == 1, rows
    return rows[0].asdict()


PREFIX = """
PREFIX kgo: <https://w3id.org/kgdt/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def test_named_event_holds_its_facts_status_evidence_and_topics():
    graph = to_graph(_commission())
    row = _one(
        graph,
        """SELECT ?status (COUNT(DISTINCT ?e) AS ?evidence) (COUNT(DISTINCT ?t) AS ?topics)
                  (SAMPLE(?label) AS ?transport) WHERE {
             ?event a kgo:Session ; rdfs:label "session" ; kgo:status ?status ;
                    kgo:heldIn <https://w3id.org/kgdt/id/place/astana> ; kgo:evidence ?e ; kgo:discussed ?t .
             kgo:Transport skos:prefLabel ?label .
           } GROUP BY ?status""",
    )
    assert row["status"] == KGO.Asserted
    assert (row["evidence"].toPython(), row["topics"].toPython()) == (2, 2)
    assert row["transport"] == Literal("transport and logistics", lang="en")


def test_the_graph_states_only_the_extraction_s_relations_and_event_members():
    extraction = _commission()
    graph = to_graph(extraction)
    iri = {URIRef(node_iri(e, "a2")): e.id for e in extraction.entities}
    stated = {(r.subject, r.predicate, r.object) for r in extraction.relations}
    stated |= {
        (r.object, r.predicate, r.subject) for r in extraction.relations if r.predicate == "met"
    }
    stated |= {
        (r.subject, "partyTo", r.object) for r in extraction.relations if r.predicate == "signed"
    }
    edges = {(iri[s], str(p).split("#")[1], iri[o]) for s, p, o in graph if s in iri and o in iri}
    assert edges <= stated
    event = _one(graph, 'SELECT ?e WHERE { ?e rdfs:label "session" }')["e"]
    assert set(graph.objects(event, KGO.participant)) == {
        URIRef(node_iri(Entity("d1", "Kazakh delegation", "Delegation", "Delegation"), "a2"))
    }


def test_signatories_of_a_country_make_it_a_party_and_no_signing_is_invented():
    graph = to_graph(_commission())
    agreement = URIRef(node_iri(Entity("a1", "protocol", "Agreement", "Protocol"), "a2"))
    assert set(graph.subjects(KGO.partyTo, agreement)) == {
        URIRef(entity_iri("Country", "Kazakhstan")),
        URIRef(entity_iri("Country", "Uzbekistan")),
    }
    assert not list(graph.subjects(RDF.type, KGO.SigningCeremony))


def test_announced_event_is_planned_and_a_bare_mention_gets_no_node():
    graph = to_graph(_commission())
    planned = _one(graph, 'SELECT ?e WHERE { ?e rdfs:label "next session" }')["e"]
    assert (planned, KGO.status, KGO.Planned) in graph
    assert (planned, KGO.heldIn, URIRef(entity_iri("Place", "Astana"))) in graph
    assert not list(graph.subjects(RDFS.label, Literal("the visit")))


def test_the_source_is_the_path_as_given_never_an_absolute_one():
    from rdflib.namespace import DCTERMS

    def source(path: str) -> str:
        (found,) = to_graph(Extraction(Article("a", "Text.", source=path))).objects(
            None, DCTERMS.source
        )
        return str(found)

    assert source("news/a.txt") == "news/a.txt"
    assert source("/home/alice/news/a.txt") == "a.txt"


def test_every_edge_of_a_sample_s_graph_is_a_relation_or_an_event_member_of_its_json(pipeline):
    """``kg.rdf`` infers nothing: each edge between two entities of an article's graph is one
    of its JSON's relations (``met`` both ways, a signing party's ``partyTo``) or a member of
    one of its JSON's events, on kg's own samples as the pipeline reads them."""
    members = {"places": "heldIn", "participants": "participant", "heads": "headedBy"}
    for article in read_articles([samples()]):
        extraction = pipeline.extract(article)
        data = to_json(extraction)
        stated = set()
        for r in data["relations"]:
            stated.add((r["subject"], r["predicate"], r["object"]))
            if r["predicate"] == "met":
                stated.add((r["object"], "met", r["subject"]))
            if r["predicate"] == "signed":
                stated.add((r["subject"], "partyTo", r["object"]))
        for event in data["events"]:
            for key, predicate in (*members.items(), ("outcomes", "outcome")):
                stated |= {(event["id"], predicate, member) for member in event[key]}
        iri = {URIRef(node_iri(e, article.id)): e.id for e in extraction.entities}
        graph = to_graph(extraction)
        edges = {
            (iri[s], str(p).split("#")[1], iri[o]) for s, p, o in graph if s in iri and o in iri
        }
        assert edges and edges <= stated, (article.id, sorted(edges - stated))


def test_trig_lists_the_article_graphs_by_name_whatever_the_order_given():
    """rdflib's store keeps graphs in a set: without an order, each run writes another file."""
    one = _extraction()
    many = [
        dataclasses.replace(one, article=dataclasses.replace(one.article, id=f"a{n}"))
        for n in (5, 1, 8, 3, 9, 2, 7)
    ]
    trig = merge(many).serialize(format="trig")
    names = [line.split()[0] for line in trig.splitlines() if line.rstrip().endswith("{")]
    assert names == sorted(names) and len(names) == 7


def test_two_events_of_one_article_are_two_nodes_however_alike(pipeline):
    """A forum and talks held the same day in the same city by the same two people share the
    key a report of either shares with other reports, but are two events: two nodes, one
    class each."""
    extraction = pipeline.extract(
        Article(
            id="forum-and-talks",
            date=date(2024, 5, 24),
            text=(
                "The Kyrgyz-Kazakh business forum was held in Bishkek on Friday. Prime "
                "Minister of Kyrgyzstan Adylbek Kasymaliev and Prime Minister of Kazakhstan "
                "Olzhas Bektenov took part in the forum. Adylbek Kasymaliev and Olzhas Bektenov "
                "also held talks on water and energy."
            ),
        )
    )
    events = [e for e in extraction.events if e.places and len(e.participants) > 1]
    assert {e.cls for e in events} == {"Forum", "Talks"}, extraction.events
    graph = to_graph(extraction)
    nodes = {s for s, _, o in graph.triples((None, RDF.type, None)) if o in {KGO.Forum, KGO.Talks}}
    assert len(nodes) == 2
    kinds = {KGO.Forum, KGO.Talks}
    assert all(len(set(graph.objects(n, RDF.type)) & kinds) == 1 for n in nodes)
