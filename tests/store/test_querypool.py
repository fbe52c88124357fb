"""Queries in worker processes: time limit, row limit, fresh snapshots, one writer."""

from __future__ import annotations

import time

import pytest

from kg.errors import QueryError, StoreError
from kg.rdf import to_graph
from kg.store import OxigraphStore
from kg.store.querypool import QueryPool, QueryTimeout
from tests.conftest import world_extractions

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _count(pool: QueryPool) -> int:
    return int(pool.query(COUNT).rows[0][0])


@pytest.fixture
def folder(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    store.replace_graph(to_graph(world_extractions()[0]))
    store.close()
    return tmp_path / "store"


def test_limits_and_a_new_worker_after_a_timeout(folder):
    with QueryPool(str(folder), workers=1, timeout=1.5) as pool:
        answer = pool.run("SELECT * WHERE { ?s ?p ?o }", limit=3)
        assert len(answer.result().rows) == 3 and answer.truncated
        graph = pool.run("CONSTRUCT WHERE { ?s ?p ?o }", limit=2)
        assert len(graph.result().graph) == 2 and graph.truncated
        started = time.monotonic()
        with pytest.raises(QueryTimeout, match=r"time limit of 1\.5 s"):
            pool.query(SLOW)
        assert time.monotonic() - started < 5
        assert _count(pool) > 0  # the one worker was replaced
        with pytest.raises(QueryError, match="bad SPARQL"):
            pool.query("SELECT WHERE")
        with pytest.raises(StoreError, match="reading only"):
            pool.update("DROP ALL")


def test_readers_see_what_a_writer_adds_meanwhile(folder):
    with QueryPool(str(folder), workers=2) as pool:
        before = _count(pool)
        writer = OxigraphStore(folder)
        writer.replace_graph(to_graph(world_extractions()[1]))
        writer.close()  # publishes a snapshot
        assert _count(pool) > before


def test_a_writable_pool_updates(folder):
    with QueryPool(str(folder), writable=True) as pool:
        pool.update("DROP GRAPH <https://w3id.org/kgdt/id/article/w1>")
        assert _count(pool) == 0


def test_stores_a_pool_cannot_serve(tmp_path):
    with pytest.raises(StoreError, match="give a store folder"):
        QueryPool(":memory:")
    with pytest.raises(StoreError, match="no store here yet"):
        QueryPool(str(tmp_path / "none"))
