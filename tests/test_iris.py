"""The IRIs of shared entities: one node per Wikidata item, whatever the article's spelling."""

from __future__ import annotations

from datetime import date

from kg.iris import node_iri
from kg.knowledge import KnowledgeGraph
from kg.pipeline import Pipeline
from kg.types import Article, Entity

ZHAPAROV = (
    "Kyrgyz Prime Minister Akylbek Zhaparov met Kazakh Prime Minister Alikhan Smailov in Astana "
    "on Monday. The two leaders discussed trade and transport between their countries."
)
JAPAROV = (
    "Chairman of the Cabinet of Ministers of Kyrgyzstan Akylbek Japarov visited Tashkent on "
    "Friday, where he held talks on energy and water with the government of Uzbekistan."
)


def test_linked_entities_are_named_by_the_knowledge_base():
    short = Entity("e1", "Putin", "Person", "Person", wikidata="Q7747")
    full = Entity("e9", "Vladimir Putin", "Person", "Person", wikidata="Q7747")
    china = Entity("e2", "the People's Republic of China", "Country", "Country", wikidata="Q148")
    assert node_iri(short, "a") == node_iri(full, "b")
    assert node_iri(full, "a").endswith("/person/vladimir-putin")
    assert node_iri(china, "a").endswith("/country/china")


def test_unlinked_entities_are_named_by_the_article():
    entity = Entity("e1", "Ivan Petrovsky", "Person", "Person")
    assert node_iri(entity, "a").endswith("/person/ivan-petrovsky")


def test_two_spellings_of_one_person_are_one_node(pipeline: Pipeline):
    graph = KnowledgeGraph(":memory:", pipeline)
    report = graph.ingest_articles([Article("zhaparov", ZHAPAROV), Article("japarov", JAPAROV)])
    assert report.ingested == 2, report
    rows = graph.query(
        """PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX wd: <http://www.wikidata.org/entity/>
        SELECT DISTINCT ?person WHERE {
             GRAPH ?g { ?person owl:sameAs wd:Q4060344 } }"""
    )
    assert len(rows.dicts(terms=True)) == 1, rows.dicts(terms=True)


TASS = (
    "Kazakh President Kassym-Jomart Tokayev held talks with Russian President Vladimir Putin "
    "in Moscow on Tuesday. The two leaders discussed energy."
)
KAZINFORM = (
    "Kassym-Jomart Tokayev and Vladimir Putin held a meeting in Moscow on Tuesday. They "
    "discussed the supply of gas."
)
LATER = "Kassym-Jomart Tokayev held talks with Vladimir Putin in Moscow on Friday."
_EVENTS = """PREFIX kgo: <https://w3id.org/kgdt/ontology#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?event (COUNT(DISTINCT ?article) AS ?reports) WHERE {
        GRAPH ?g { ?event a kgo:Event ; prov:wasDerivedFrom ?article } }
    GROUP BY ?event"""


def test_two_reports_of_one_meeting_are_one_event(pipeline: Pipeline):
    day = date(2024, 10, 10)  # a Thursday: "on Tuesday" is the 8th, "on Friday" the 4th
    graph = KnowledgeGraph(":memory:", pipeline)
    articles = [
        Article(name, text, date=day)
        for name, text in (("tass", TASS), ("kazinform", KAZINFORM), ("later", LATER))
    ]
    assert graph.ingest_articles(articles).ingested == 3
    reports = sorted(int(row["reports"]) for row in graph.query(_EVENTS).dicts(terms=True))
    assert reports == [1, 2], reports  # Tuesday's talks twice, Friday's once
