"""The embedded Oxigraph store: round trip, atomic replace, idempotent re-ingest, bound values."""

from __future__ import annotations

import io

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import QueryError, StoreError
from kg.knowledge import KnowledgeGraph
from kg.store import OxigraphStore, RemoteStore, open_store, register
from kg.store.registry import _BACKENDS

G1 = URIRef("https://w3id.org/kgdt/id/article/t1")
EX = "http://example.org/"


def _graph(identifier: URIRef, *objects: str) -> Graph:
    graph = Graph(identifier=identifier)
    for o in objects:
        graph.add((URIRef(EX + "s"), URIRef(EX + "p"), Literal(o)))
    return graph


def test_round_trip_on_disk(tmp_path):
    store = OxigraphStore(tmp_path / "s")
    graph = _graph(G1, 'with "quotes" and\nnewline', "ünïcödé")
    store.replace_graph(graph)
    store.close()
    again = open_store(tmp_path / "s", read_only=True)
    out = io.BytesIO()
    again.export(out, "nquads")
    dataset = Dataset().parse(data=out.getvalue(), format="nquads")
    assert isomorphic(dataset.graph(G1), graph)
    again.close()


def test_replace_graph_leaves_no_stale_triples():
    store = open_store(":memory:")
    store.replace_graph(_graph(G1, "old", "kept"))
    store.replace_graph(_graph(G1, "kept", "new"))
    values = {str(r[0]) for r in store.query(f"SELECT ?o WHERE {{ <{EX}s> ?p ?o }}").rows}
    assert values == {"kept", "new"}
    assert len(store) == 4  # in the article's graph and in the default graph


def test_bindings_are_terms_not_text():
    store = open_store(":memory:")
    store.replace_graph(_graph(G1, "a"))
    injection = '" } ; DROP ALL ; #'
    result = store.query(f"SELECT ?s WHERE {{ ?s <{EX}p> ?o }}", {"o": Literal(injection)})
    assert result.rows == []
    assert len(store) == 2
    found = store.query(f"SELECT ?s WHERE {{ ?s <{EX}p> ?o }}", {"o": Literal("a")})
    assert found.rows == [(URIRef(EX + "s"),)]


def test_bindings_restrict_groups_filters_and_optional_parts():
    store = open_store(":memory:")
    store.replace_graph(_graph(G1, "a", "b"))
    store.replace_graph(
        _graph(URIRef("https://w3id.org/kgdt/id/article/t2"), "c").add(
            (URIRef(EX + "t"), URIRef(EX + "p"), Literal("d"))
        )
    )
    counted = """# a comment that says WHERE { is no clause
        SELECT (COUNT(?o) AS ?n) WHERE { ?s <http://example.org/p> ?o }"""
    assert store.query(counted, {"s": URIRef(EX + "t")}).rows == [(Literal(1),)]
    others = f"SELECT ?o WHERE {{ ?x <{EX}p> ?o FILTER (?x != ?s) }}"
    assert store.query(others, {"s": URIRef(EX + "s")}).rows == [(Literal("d"),)]
    labelled = f"SELECT ?o WHERE {{ OPTIONAL {{ ?s <{EX}p> ?o }} }}"
    assert store.query(labelled, {"s": URIRef(EX + "t")}).rows == [(Literal("d"),)]
    ask = f"ASK {{ ?s <{EX}p> ?o }}"
    assert store.query(ask, {"o": Literal("d")}).boolean is True
    assert store.query(ask, {"o": Literal("e")}).boolean is False


def test_bad_sparql_is_a_query_error():
    with pytest.raises(QueryError, match="bad SPARQL"):
        open_store(":memory:").query("SELECT WHERE {")


def test_second_writer_gets_a_clear_error(tmp_path):
    first = OxigraphStore(tmp_path / "s")
    with pytest.raises(StoreError, match=r"being written by a kg process .*pid \d+"):
        OxigraphStore(tmp_path / "s")
    first.close()


def test_reading_a_missing_store_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="kg ingest"):
        open_store(tmp_path / "nothing", read_only=True)


def test_the_registry_opens_a_location_by_its_scheme(monkeypatch):
    monkeypatch.setattr("kg.store.registry._BACKENDS", dict(_BACKENDS))
    remote = open_store("http://127.0.0.1:9/sparql")
    assert isinstance(remote, RemoteStore)
    assert (remote.note, remote.refresh()) == (None, False)  # nothing to move to
    remote.close()
    opened = []
    register("test", lambda where, read_only: opened.append((where, read_only)) or "opened")
    assert open_store("test://x", read_only=True) == "opened"
    assert opened == [("test://x", True)]
    # A scheme no backend has, or in another case, is a folder, as it always was.
    for where in ("nothing://x", "TEST://x"):
        with pytest.raises(StoreError, match="no store here yet"):
            open_store(where, read_only=True)
    memory = open_store(":memory:")
    assert memory.location == ":memory:" and memory.note is None and not memory.refresh()


def test_reingest_is_idempotent_and_skips_unchanged(pipeline, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        " date 2023-03-14 MINSK (BelTA) - Alexander Lukashenko met with "
        "Vladimir Putin in Minsk on Tuesday.",
        encoding="utf-8",
    )
    graph = KnowledgeGraph(tmp_path / "store", pipeline)
    first = graph.ingest([article])
    size = len(graph.store)
    second = graph.ingest([article])
    assert (first.ingested, second.ingested) == (1, 0)
    assert second.skipped == [("a", "already stored, unchanged")]
    forced = graph.ingest([article], force=True)
    assert forced.ingested == 1 and len(graph.store) == size
    article.write_text(
        " date 2023-03-14 Alexander Lukashenko met with Xi Jinping.", encoding="utf-8"
    )
    graph.ingest([article])
    people = {
        str(r[0])
        for r in graph.query(
            "SELECT ?n WHERE { ?p a <https://w3id.org/kgdt/ontology#Person> ; "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?n }"
        ).rows
    }
    assert people == {"Alexander Lukashenko", "Xi Jinping"}
    graph.close()


def test_same_id_with_other_text_in_one_run_fails_that_article(pipeline, tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "x.txt").write_text("Vladimir Putin met Xi Jinping.", encoding="utf-8")
    (tmp_path / "two" / "x.txt").write_text("Xi Jinping visited Russia.", encoding="utf-8")
    report = KnowledgeGraph(":memory:", pipeline).ingest([tmp_path / "one", tmp_path / "two"])
    assert report.ingested == 1
    assert "already used by" in report.failed[0]
