"""The summary of meeting pairs: after every kind of write it answers who-met-whom exactly as
counting every meeting of every article does, and a stale or missing one is rebuilt."""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import URIRef

from kg.events import event_records
from kg.iris import article_iri
from kg.queries import named_query
from kg.rdf import to_graph
from kg.store import ntriples, open_store
from kg.store.pairs import PAIRS_GRAPH
from tests.conftest import world_extractions

# Who met whom counted from the article graphs at query time: the oracle.
COUNTED = """PREFIX pairs: <https://w3id.org/kgdt/id/graph/pairs>
PREFIX kgo: <https://w3id.org/kgdt/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?person ?personLabel ?other ?otherLabel ?articles ?first ?last
WHERE {
  { SELECT ?person ?other (COUNT(DISTINCT ?article) AS ?articles) (MIN(?day) AS ?first)
           (MAX(?day) AS ?last)
    WHERE { GRAPH ?article { ?person kgo:met ?other OPTIONAL { ?article dct:date ?day } }
            FILTER (STR(?person) < STR(?other)) }
    GROUP BY ?person ?other }
  { SELECT ?person (MIN(?name) AS ?personLabel)
    WHERE { GRAPH ?g { ?person rdfs:label ?name } FILTER (?g != pairs:) } GROUP BY ?person }
  { SELECT ?other (MIN(?name) AS ?otherLabel)
    WHERE { GRAPH ?g { ?other rdfs:label ?name } FILTER (?g != pairs:) } GROUP BY ?other }
}
ORDER BY DESC(?articles) ?personLabel ?otherLabel"""
SUMMARY = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{PAIRS_GRAPH}> {{ ?s ?p ?o }} }}"


def _rows(store, query: str) -> list[tuple[str, ...]]:
    return [tuple(map(str, row)) for row in store.query(query).rows]


def _agrees(store) -> None:
    """The summary answers as counting does, and is what a rebuild writes."""
    assert _rows(store, named_query("who-met-whom")) == _rows(store, COUNTED)
    summary = set(_rows(store, SUMMARY))
    store.pairs.rebuild()
    assert summary == set(_rows(store, SUMMARY))


@pytest.fixture
def store():
    store = open_store(":memory:")
    yield store
    store.close()


def test_the_summary_follows_every_write(store):
    w1, w2, w3, w4 = world_extractions()
    for extraction in (w1, w2, w3):
        store.replace_graph(to_graph(extraction))
        _agrees(store)
    assert len(_rows(store, named_query("who-met-whom"))) == 3
    # Article w2 now says Bob met Dee, not Cy: one pair goes, one comes.
    dee = next(e for e in w3.entities if e.id == "dee")
    entities = (*(e for e in w2.entities if e.id != "cy"), dee)
    relations = tuple(
        dataclasses.replace(r, object="dee") if r.object == "cy" else r
        for r in w2.relations
        if r.subject != "cy"
    )
    changed = dataclasses.replace(
        w2, entities=entities, relations=relations, events=event_records(entities, relations)
    )
    store.replace_graph(to_graph(changed))
    _agrees(store)
    people = {(row[1], row[3]) for row in _rows(store, named_query("who-met-whom"))}
    assert people == {
        ("Ann Alpha", "Bob Beta"),
        ("Bob Beta", "Dee Delta"),
        ("Cy Gamma", "Dee Delta"),
    }
    store.remove_graph(str(article_iri("w3")))
    _agrees(store)
    graphs = [(str(article_iri(x.article.id)), ntriples(to_graph(x))) for x in (w3, w4)]
    assert list(store.write_graphs(graphs)) == [iri for iri, _ in graphs]
    _agrees(store)
    store.update(f"DROP GRAPH <{article_iri('w4')}>")  # a user's update: rebuilt whole
    _agrees(store)
    assert ("Eve Epsilon", "Fay Phi") not in {
        (row[1], row[3]) for row in _rows(store, named_query("who-met-whom"))
    }


def test_a_pair_is_counted_once_per_article_with_its_first_and_last_day(store):
    w1, *_ = world_extractions()
    again = dataclasses.replace(
        w1,
        article=dataclasses.replace(
            w1.article, id="w1-again", date=w1.article.date.replace(year=2025)
        ),
    )
    for extraction in (w1, again):
        store.replace_graph(to_graph(extraction))
    [row] = _rows(store, named_query("who-met-whom"))
    assert (row[1], row[3]) == ("Ann Alpha", "Bob Beta")
    assert row[4:] == ("2", "2023-05-10", "2025-05-10")


def test_each_person_keeps_their_first_name_of_all_articles(store):
    w1, *_ = world_extractions()
    renamed = dataclasses.replace(
        w1,
        article=dataclasses.replace(w1.article, id="w1-renamed"),
        entities=tuple(
            dataclasses.replace(e, label="Ann A. Alpha") if e.id == "ann" else e
            for e in w1.entities
        ),
    )
    store.replace_graph(to_graph(w1))
    store.replace_graph(to_graph(renamed))
    assert _rows(store, named_query("who-met-whom"))[0][1] == "Ann A. Alpha"
    store.remove_graph(str(article_iri("w1-renamed")))
    assert _rows(store, named_query("who-met-whom"))[0][1] == "Ann Alpha"
    _agrees(store)


@pytest.mark.parametrize(
    "damage",
    [
        # A store written before kg kept the summary: none at all.
        f"DROP GRAPH <{PAIRS_GRAPH}>",
        # A write that stopped half-way: the mark is still there, a pair was not counted.
        f"""PREFIX kgo: <https://w3id.org/kgdt/ontology#>
        DELETE {{ GRAPH <{PAIRS_GRAPH}> {{ ?pair ?p ?o }} }}
        WHERE {{ GRAPH <{PAIRS_GRAPH}> {{ ?pair kgo:articleCount 1 ; ?p ?o }} }} ;
        INSERT DATA {{ GRAPH <{PAIRS_GRAPH}> {{ <{PAIRS_GRAPH}> kgo:stale true }} }}""",
    ],
    ids=["missing", "stale"],
)
def test_a_missing_or_stale_summary_is_rebuilt_at_the_next_write(store, damage):
    w1, w2, w3, w4 = world_extractions()
    for extraction in (w1, w2, w3):
        store.replace_graph(to_graph(extraction))
    store._update(damage)  # as another kg or a crash left it, bypassing the rebuild
    assert _rows(store, named_query("who-met-whom")) != _rows(store, COUNTED)
    store.replace_graph(to_graph(w4))
    _agrees(store)
    assert len(_rows(store, named_query("who-met-whom"))) == 4


def test_who_met_whom_gives_the_1000_pairs_reported_most(store):
    met, name = "https://w3id.org/kgdt/ontology#met", "http://www.w3.org/2000/01/rdf-schema#label"

    def article(n: int, pairs: range) -> tuple[str, str]:
        lines = []
        for i in pairs:
            a, b = f"<http://e/p{i}a>", f"<http://e/p{i}b>"
            lines += [f"{a} <{met}> {b} .", f"{b} <{met}> {a} ."]
            lines += [f'{a} <{name}> "Person {i}a" .', f'{b} <{name}> "Person {i}b" .']
        return str(URIRef(article_iri(f"many-{n}"))), "\n".join(lines) + "\n"

    list(store.write_graphs([article(1, range(1200)), article(2, range(1195, 1200))]))
    rows = _rows(store, named_query("who-met-whom"))
    assert len(rows) == 1000 and len(_rows(store, COUNTED)) == 1200
    assert [row[1] for row in rows[:5]] == [f"Person {i}a" for i in range(1195, 1200)]
    assert {row[4] for row in rows[:5]} == {"2"} and {row[4] for row in rows[5:]} == {"1"}
