"""Queries in worker processes: time limit, row limit, fresh snapshots, one writer."""

from __future__ import annotations

import time

import pytest

from kg.errors import AnswerTooLarge, QueryError, StoreError
from kg.rdf import to_graph
from kg.store import OxigraphStore
from kg.store.querypool import CHUNK, QueryPool, QueryTimeout
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


def amplifying(doublings: int = 30, start: str = '"amplify"', rows: int = 1) -> str:
    """A short query whose value doubles ``doublings`` times (30: 7 GB), in ``rows`` rows."""
    binds = " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(doublings))
    values = " ".join(str(n) for n in range(rows))
    return (
        f"SELECT ?n ?x{doublings} WHERE {{ VALUES ?n {{ {values} }} BIND({start} AS ?x0) {binds} }}"
    )


def test_what_one_query_may_cost(folder):
    with QueryPool(str(folder), workers=1, timeout=30, max_bytes=100_000) as pool:
        # The values of the rows pass the limit: refused as they are read.
        for query in (amplifying(14), amplifying(11, rows=10)):  # 114,688 and 143,360 chars
            with pytest.raises(AnswerTooLarge, match=r"larger than 0\.09537 MB"):
                pool.run(query)
        # The values fit, their serialization does not: refused before anything is sent.
        small = amplifying(13, '"a&b&c"')  # 40,960 characters; XML writes & as &amp;
        assert len(pool.run(small).rows[0][1].value) == 40_960
        with pytest.raises(AnswerTooLarge, match="larger than"):
            pool.stream(small).start("xml")
        assert len(b"".join((stream := pool.stream(small)).chunks(stream.start("json")))) > 40_960
        if not pool.limited:
            pytest.skip("this system cannot limit a worker's memory (Linux's RLIMIT_DATA)")
        # A value of gigabytes: its worker is stopped at its memory limit, and replaced.
        for ask in (pool.run, pool.query, lambda q: pool.stream(q).start("json")):
            with pytest.raises(AnswerTooLarge, match=r"more memory than one query may have"):
                ask(amplifying())
        assert _count(pool) > 0


def test_an_answer_not_taken_in_time_stops_its_worker(folder):
    big = (
        "CONSTRUCT { <http://e/s> <http://e/p> ?x16 } WHERE { " + amplifying(16).split("WHERE {")[1]
    )
    with QueryPool(str(folder), workers=1, timeout=2) as pool:
        stream = pool.stream(big)
        parts = stream.chunks(stream.start("ntriples"))
        assert len(next(parts)) == CHUNK
        time.sleep(2.5)  # the client takes no more
        with pytest.raises(QueryTimeout):
            list(parts)
        stream.close()
        assert _count(pool) > 0  # a new worker answers
