"""The store behind a SPARQL endpoint, against a real Virtuoso server: kg ingests, replaces
article graphs, queries and exports through it exactly as with the embedded store."""

from __future__ import annotations

import io
import json

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError, StoreError
from kg.knowledge import KnowledgeGraph
from kg.stats import stats
from kg.store import open_store
from kg.store.remote import RemoteStore, query_form
from tests.conftest import SAMPLES
from tests.virtuoso import Unavailable, running_virtuoso

runner = CliRunner()
EX = "http://example.org/"
KGO = "https://w3id.org/kgdt/ontology#"


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """One Virtuoso server for the whole test session, stopped at its end."""
    try:
        with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
            yield server
    except Unavailable as why:
        pytest.skip(f"no Virtuoso server: {why}")


@pytest.fixture(params=["update", "graph-store"])
def remote(request, virtuoso):
    """An empty remote store that writes with SPARQL updates or the Graph Store Protocol."""
    store = RemoteStore(
        virtuoso.sparql, graph_store=virtuoso.graph_store if request.param != "update" else None
    )
    _empty(store)
    yield store
    _empty(store)
    store.close()


def _empty(store: RemoteStore) -> None:
    for iri in store.article_hashes():
        store.remove_graph(iri)
    store.update(f"DROP SILENT GRAPH <{EX}g>")


def _dataset(store) -> Dataset:
    out = io.BytesIO()
    store.export(out, "nquads")
    return Dataset().parse(data=out.getvalue(), format="nquads")


def _rows(result) -> set:
    """The rows of a result in any order, with GROUP_CONCAT lists as sets (engines order them
    as they like, and differ on an empty one: Virtuoso gives "", Oxigraph nothing)."""
    return {
        tuple(
            frozenset(str(term).split("; ")) if term is not None else frozenset([""])
            for term in row
        )
        for row in result.rows
    }


def _same_graphs(one: Dataset, other: Dataset) -> None:
    """The same named graphs (an endpoint's default graph is its own: kg keeps none there)."""
    names = {g.identifier for g in one.graphs() if len(g)} - {DATASET_DEFAULT_GRAPH_ID}
    assert names == {g.identifier for g in other.graphs() if len(g)} - {DATASET_DEFAULT_GRAPH_ID}
    for name in names:
        assert isomorphic(one.graph(name), other.graph(name)), name


def test_ingest_query_export_as_with_the_embedded_store(remote, pipeline, sample_graph):
    graph = KnowledgeGraph(remote, pipeline)
    report = graph.ingest([SAMPLES])
    assert report.ok and report.ingested == len(sample_graph.store.article_hashes())

    embedded = sample_graph.store
    _same_graphs(_dataset(remote), _dataset(embedded))
    merged = int(embedded.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").rows[0][0])
    assert len(remote) == len(embedded) - merged  # the embedded store's default graph
    assert remote.article_hashes() == embedded.article_hashes()
    for name in ("who-met-whom", "meetings", "people"):
        assert _rows(graph.named(name)) == _rows(sample_graph.named(name)), name
    # An endpoint's default graph is its own (the union of its graphs, on Virtuoso).
    sizes = {"store": None, "triples": None, "quads": None}
    assert {**stats(remote), **sizes} == {**stats(embedded), **sizes}


def test_rerun_skips_unchanged_force_redoes_and_a_change_replaces(remote, pipeline, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "MINSK (BelTA) - Alexander Lukashenko met with Vladimir Putin in Minsk.", "utf-8"
    )
    graph = KnowledgeGraph(remote, pipeline)
    assert graph.ingest([article]).ingested == 1
    again = graph.ingest([article])
    assert again.ingested == 0 and again.skipped == [("a", "already stored, unchanged")]
    assert graph.ingest([article], force=True).ingested == 1

    article.write_text("MINSK (BelTA) - Alexander Lukashenko met with Xi Jinping.", "utf-8")
    assert graph.ingest([article]).ingested == 1
    met = graph.query(
        f"SELECT ?name WHERE {{ ?p <{KGO}met> ?o . ?o <http://www.w3.org/2000/01/rdf-schema#label> ?name }}"
    )
    names = {str(row[0]) for row in met.rows}
    assert "Xi Jinping" in names and "Vladimir Putin" not in names
    assert len(remote.article_hashes()) == 1
    pairs = [(str(row[1]), str(row[3]), int(row[4])) for row in graph.named("who-met-whom").rows]
    assert pairs == [("Alexander Lukashenko", "Xi Jinping", 1)]  # the summary followed
    remote.remove_graph(next(iter(remote.article_hashes())))
    assert graph.named("who-met-whom").rows == []


def test_a_graph_is_replaced_whole(remote):
    iri = URIRef("https://w3id.org/kgdt/id/article/t1")
    hashed = (iri, URIRef(KGO + "contentHash"), Literal("h"))
    first = Graph(identifier=iri)
    for value in (Literal('with "quotes", <angles> and\nnewline'), Literal("ünïcödé", lang="kk")):
        first.add((URIRef(EX + "s"), URIRef(EX + "p"), value))
    first.add(hashed)
    remote.replace_graph(first)
    assert set(_dataset(remote).graph(iri)) == set(first)
    second = Graph(identifier=iri)
    second.add((URIRef(EX + "s"), URIRef(EX + "p"), Literal(3)))
    second.add(hashed)
    remote.replace_graph(second)
    assert set(_dataset(remote).graph(iri)) == set(second) and len(remote) == 2
    remote.remove_graph(str(iri))
    assert len(remote) == 0 and remote.article_hashes() == {}


def test_bindings_are_terms_not_text(remote):
    remote.update(f'INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}s> <{EX}p> "a" }} }}')
    injection = '" } ; DROP ALL ; #'
    query = f"SELECT ?s ?o WHERE {{ ?s <{EX}p> ?o }}"
    assert remote.query(query, {"o": Literal(injection)}).rows == []
    assert remote.query(query, {"o": Literal("a")}).rows == [(URIRef(EX + "s"), Literal("a"))]
    remote.update(f'INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}t> <{EX}p> "b" }} }}')
    counted = f"SELECT (COUNT(?o) AS ?n) WHERE {{ ?s <{EX}p> ?o }}"  # bound before counting
    assert [int(n) for (n,) in remote.query(counted, {"s": URIRef(EX + "t")}).rows] == [1]


def test_ask_construct_and_describe(remote):
    remote.update(f'INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}s> <{EX}p> "a" }} }}')
    assert remote.query(f"ASK {{ <{EX}s> ?p ?o }}").boolean is True
    built = remote.query(f"CONSTRUCT {{ ?s <{EX}q> ?o }} WHERE {{ ?s <{EX}p> ?o }}")
    assert built.kind == "graph" and set(built.graph) == {
        (URIRef(EX + "s"), URIRef(EX + "q"), Literal("a"))
    }


def test_errors_are_one_clear_line(remote, virtuoso):
    with pytest.raises(QueryError, match=r"bad SPARQL: .*syntax error"):
        remote.query("SELECT ?s WHERE { ?s ?p ")
    with pytest.raises(QueryError, match=r"cut the answer at 10000 rows.*ResultSetMaxRows"):
        remote.query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 20000")
    wrong = RemoteStore(virtuoso.sparql_auth("dba", "wrong"))
    with pytest.raises(StoreError, match=r"refused to query \(HTTP 401\)"):
        wrong.query("ASK { ?s ?p ?o }")
    assert "wrong" not in wrong.location


def test_digest_authentication_with_credentials_in_the_url(virtuoso, pipeline):
    store = RemoteStore(virtuoso.sparql_auth("dba", "dba"))
    try:
        report = KnowledgeGraph(store, pipeline).ingest([SAMPLES / "kz-uz-commission.txt"])
        assert report.ok and report.ingested == 1
        assert store.location == f"http://127.0.0.1:{virtuoso.http}/sparql-auth"
    finally:
        _empty(store)
        store.close()


@pytest.fixture
def endpoint(virtuoso):
    """The URL of the server's endpoint, with no article graphs before and after the test."""
    store = RemoteStore(virtuoso.sparql)
    _empty(store)
    yield virtuoso.sparql
    _empty(store)
    store.close()


def test_the_command_line_through_the_endpoint(endpoint, sample_graph):
    url = endpoint
    ingested = runner.invoke(app, ["ingest", str(SAMPLES), "--store", url])
    assert ingested.exit_code == 0, ingested.output
    table = runner.invoke(app, ["query", "--name", "who-met-whom", "--format", "csv", "-s", url])
    assert table.exit_code == 0 and "Alexander Lukashenko" in table.output
    counts = runner.invoke(app, ["stats", "--format", "json", "--store", url])
    assert json.loads(counts.output)["articles"] == len(sample_graph.store.article_hashes())
    exported = runner.invoke(app, ["export", "--format", "trig", "--store", url])
    assert exported.exit_code == 0
    trig = Dataset().parse(data=exported.output, format="trig")
    _same_graphs(trig, _dataset(open_store(url)))
    bad = runner.invoke(app, ["query", "SELECT WHERE {", "--store", url])
    assert bad.exit_code == 1 and bad.output.startswith("error: bad SPARQL")


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("PREFIX a: <http://e/#x> BASE <http://e/> ask {}", "ASK"),
        ("# CONSTRUCT in a comment\nDESCRIBE <http://e/>", "DESCRIBE"),
        ("PREFIX : <http://e/> construct WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("INSERT DATA { <http://e/s> <http://e/p> 1 }", None),
    ],
)
def test_query_form(query, form):
    assert query_form(query) == form
