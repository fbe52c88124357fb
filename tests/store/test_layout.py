"""The default graph is the merge of the article graphs: each fact once, kept so by every write,
removal and SPARQL update, and brought about once in a store written by an older kg."""

from __future__ import annotations

import fcntl
import json
import os

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import StoreError
from kg.store import OxigraphStore, open_store
from kg.store.layout import LAYOUT_FILE
from kg.store.snapshots import LOCK_FILE, Reader

ARTICLE = "https://w3id.org/kgdt/id/article/"
EX = "http://example.org/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _article(name: str, *objects: str) -> Graph:
    graph = Graph(identifier=URIRef(ARTICLE + name))
    for o in objects:
        graph.add((URIRef(EX + "s"), URIRef(EX + "p"), Literal(o)))
    return graph


def _default(store) -> set[str]:
    return {str(r[0]) for r in store.query(f"SELECT ?o WHERE {{ <{EX}s> <{EX}p> ?o }}").rows}


def _merged(store) -> set[str]:
    """The objects the article graphs state, each once."""
    rows = store.query(
        f"SELECT DISTINCT ?o WHERE {{ GRAPH ?g {{ <{EX}s> <{EX}p> ?o }} "
        f'FILTER (STRSTARTS(STR(?g), "{ARTICLE}")) }}'
    ).rows
    return {str(r[0]) for r in rows}


def _count(store) -> int:
    return int(store.query(COUNT).rows[0][0])


@pytest.fixture(params=["one by one", "in bulk"])
def store(request, monkeypatch):
    """A memory store that writes each graph in its own update, or all with the bulk loader."""
    if request.param == "in bulk":
        monkeypatch.setattr("kg.store.oxigraph.BULK_QUADS", 1)
    return open_store(":memory:")


def _write(store, *graphs: Graph) -> None:
    for _ in store.write_graphs([(str(g.identifier), g.serialize(format="nt")) for g in graphs]):
        pass


def test_each_fact_once_however_many_articles_state_it(store):
    _write(store, _article("a", "x", "y"), _article("b", "x"))
    _write(store, _article("c", "x", "z"))
    assert _default(store) == {"x", "y", "z"}
    assert _count(store) == 3


def test_removing_or_replacing_an_article_keeps_what_others_state(store):
    _write(store, _article("a", "x", "y"), _article("b", "x", "z"), _article("c", "z"))
    store.remove_graph(ARTICLE + "a")
    assert _default(store) == _merged(store) == {"x", "z"}
    _write(store, _article("b", "w"))  # re-ingested, changed
    assert _default(store) == _merged(store) == {"w", "z"}
    store.remove_graph(ARTICLE + "c")
    store.remove_graph(ARTICLE + "b")
    assert _default(store) == set() and len(store) == 0


def test_other_graphs_are_reached_by_name_only(store):
    other = Graph(identifier=URIRef("https://w3id.org/kgdt/id/graph/wikidata"))
    other.add((URIRef(EX + "s"), URIRef(EX + "p"), Literal("wikidata")))
    store.replace_graph(other)
    store.replace_graph(_article("a", "x"))
    assert _default(store) == {"x"}
    named = store.query(f"SELECT ?o FROM <{other.identifier}> WHERE {{ <{EX}s> <{EX}p> ?o }}").rows
    assert [str(r[0]) for r in named] == ["wikidata"]


def _old_store(folder) -> None:
    """A store as an older kg wrote it: article graphs, an empty default graph, no layout."""
    old = ox.Store(str(folder))
    for name, value in (("a", "x"), ("b", "x"), ("b", "y")):
        old.add(
            ox.Quad(
                ox.NamedNode(EX + "s"),
                ox.NamedNode(EX + "p"),
                ox.Literal(value),
                ox.NamedNode(ARTICLE + name),
            )
        )
    old.flush()
    del old


def test_a_store_of_an_older_kg_is_brought_up_to_date_once(tmp_path):
    folder = tmp_path / "store"
    _old_store(folder)
    reader = open_store(folder, read_only=True)  # a reader may write the folder: it does
    assert _default(reader) == {"x", "y"} and _count(reader) == 2
    reader.close()
    assert json.loads((folder / LAYOUT_FILE).read_text())["layout"] == 2
    writer = OxigraphStore(folder)
    assert _count(writer) == 2
    writer.close()


def test_a_writer_brings_an_older_store_up_to_date(tmp_path):
    folder = tmp_path / "store"
    _old_store(folder)
    writer = OxigraphStore(folder)
    assert _default(writer) == {"x", "y"}
    writer.remove_graph(ARTICLE + "b")
    assert _default(writer) == {"x"}
    writer.close()


def test_a_reader_that_cannot_bring_it_up_to_date_refuses_in_one_line(tmp_path):
    folder = tmp_path / "store"
    _old_store(folder)
    # An older kg writing it meanwhile: the lock is held, the snapshot is the old layout.
    (folder / "snapshots").mkdir()
    ox.Store(str(folder)).backup(str(folder / "snapshots" / f"{1:020d}"))
    fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT)
    os.write(fd, json.dumps({"pid": os.getpid(), "command": "kg ingest", "clean": False}).encode())
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with pytest.raises(StoreError) as refused:
            Reader(folder)
    finally:
        os.close(fd)
    message = str(refused.value)
    assert "written by an older kg" in message and "kg ingest" in message
    assert "\n" not in message
