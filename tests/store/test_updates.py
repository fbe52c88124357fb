"""SPARQL updates on the default graph that queries read, the article graphs following them
and the default graph following the article graphs (``kg.store.updates``)."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from kg.store import open_store

ARTICLE = "https://w3id.org/kgdt/id/article/"
EX = "http://example.org/"


def _article(name: str, *objects: str) -> Graph:
    graph = Graph(identifier=URIRef(ARTICLE + name))
    for o in objects:
        graph.add((URIRef(EX + "s"), URIRef(EX + "p"), Literal(o)))
    return graph


def _default(store) -> set[str]:
    return {str(r[0]) for r in store.query(f"SELECT ?o WHERE {{ <{EX}s> <{EX}p> ?o }}").rows}


def _in(store, name: str) -> set[str]:
    query = f"SELECT ?o WHERE {{ GRAPH <{ARTICLE}{name}> {{ <{EX}s> <{EX}p> ?o }} }}"
    return {str(r[0]) for r in store.query(query).rows}


@pytest.fixture
def store():
    store = open_store(":memory:")
    store.replace_graph(_article("a", "x", "y"))
    store.replace_graph(_article("b", "x"))
    return store


def test_a_delete_without_graph_deletes_the_fact_from_every_article(store):
    store.update(f'DELETE WHERE {{ <{EX}s> <{EX}p> "x" }}')
    assert _default(store) == {"y"} and _in(store, "a") == {"y"} and _in(store, "b") == set()
    store.update(f'DELETE DATA {{ <{EX}s> <{EX}p> "y" }}')
    assert _default(store) == set() and _in(store, "a") == set()


def test_an_insert_without_graph_goes_to_the_default_graph_only(store):
    store.update(f'INSERT DATA {{ <{EX}s> <{EX}p> "own" }}')
    assert _default(store) == {"x", "y", "own"} and _in(store, "a") == {"x", "y"}
    store.update(f"DROP GRAPH <{ARTICLE}a> ; DROP GRAPH <{ARTICLE}b>")
    assert _default(store) == {"own"}  # what the default graph held of its own stays


def test_what_an_update_writes_into_an_article_is_in_the_default_graph(store):
    store.update(f'INSERT DATA {{ GRAPH <{ARTICLE}b> {{ <{EX}s> <{EX}p> "new" }} }}')
    assert _default(store) == {"x", "y", "new"}
    # A label fixed in every article that has it: the old one leaves the default graph.
    store.update(
        f'DELETE {{ GRAPH ?g {{ ?s <{EX}p> "x" }} }} INSERT {{ GRAPH ?g {{ ?s <{EX}p> "z" }} }} '
        f'WHERE {{ GRAPH ?g {{ ?s <{EX}p> "x" }} }}'
    )
    assert _default(store) == {"y", "new", "z"}
    assert _in(store, "a") == {"y", "z"} and _in(store, "b") == {"new", "z"}
    store.update(f'WITH <{ARTICLE}a> DELETE {{ ?s <{EX}p> "y" }} WHERE {{ ?s <{EX}p> "y" }}')
    assert _default(store) == {"new", "z"}


def test_dropping_an_article_keeps_what_others_state(store):
    store.update(f"PREFIX art: <{ARTICLE}>\nDROP GRAPH art:a ;")
    assert _default(store) == {"x"}
    store.update(f"COPY <{ARTICLE}b> TO <{ARTICLE}c>")
    store.update(f"MOVE <{ARTICLE}b> TO <{ARTICLE}d>")
    assert _default(store) == {"x"} and _in(store, "c") == _in(store, "d") == {"x"}


def test_clearing_the_default_graph_clears_the_articles_and_named_graphs_leave_its_own(store):
    store.update(f'INSERT DATA {{ <{EX}s> <{EX}p> "own" }} ; CLEAR NAMED')
    assert _default(store) == {"own"}
    store.replace_graph(_article("c", "x"))
    store.update("CLEAR DEFAULT")
    assert _default(store) == set() and _in(store, "c") == set()


def test_emptied_and_refilled_in_one_request(store):
    store.update(
        f'DROP ALL ; INSERT DATA {{ <{EX}s> <{EX}p> "a" . GRAPH <{ARTICLE}e> {{ <{EX}s> <{EX}p> "e" }} }}'
    )
    assert _default(store) == {"a", "e"} and _in(store, "e") == {"e"}


def test_no_scratch_graph_is_left():
    store = open_store(":memory:")
    store.replace_graph(_article("a", "x"))
    store.update(
        f'DELETE WHERE {{ <{EX}s> <{EX}p> "x" }} ; INSERT DATA {{ GRAPH <{ARTICLE}a> {{ <{EX}s> <{EX}p> "z" }} }} ; DROP GRAPH <{ARTICLE}a>'
    )
    assert store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").rows == []
