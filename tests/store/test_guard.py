"""The query guard: SERVICE and LOAD judged on tokens (never substrings), queries shaped to
crash the engine refused, and query workers cut off the network."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading

import pytest

from kg.errors import KGError, QueryError, QueryRefused
from kg.rdf import to_graph
from kg.store import OxigraphStore
from kg.store.guard import MAX_CHAIN, MAX_DEPTH, check_reach, check_shape
from kg.store.querypool import QueryPool
from tests.conftest import world_extractions

EVIL = "http://127.0.0.1:9/x"


class Listener:
    """A TCP port on 127.0.0.1 that records every connection made to it."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self):
        self._stop.set()
        self._thread.join()
        self.socket.close()


@pytest.fixture
def listener():
    where = Listener()
    yield where
    where.close()


def ways_to_name(url: str) -> list[str]:
    """Every way a query or update can make the engine fetch ``url``."""
    base, _, last = url.rpartition("/")
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SeRvIcE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE # a comment\n <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE<{url}>{{}} }}",
        f"SELECT * WHERE {{ VALUES ?u {{ <{url}> }} SERVICE ?u {{ ?s ?p ?o }} }}",
        f"PREFIX e: <{base}/> SELECT * WHERE {{ SERVICE e:{last} {{ ?s ?p ?o }} }}",
        f"BASE <{base}/> SELECT * WHERE {{ SERVICE <{last}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ OPTIONAL {{ {{ SELECT * WHERE {{ SERVICE <{url}> {{}} }} }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        # a string the engine reads as '>...' where a careless reader sees an IRI
        f"SELECT * WHERE {{ BIND(1 AS ?a) FILTER(?a<'>') SERVICE <{url}> {{}} FILTER('') }}",
        f"PREFIX e: <http://e/> SELECT * WHERE {{ ?s e:a\\# SERVICE <{url}> {{}} }}",
        f"LOAD <{url}>",
        f"load silent <{url}> into graph <http://example.org/g>",
    ]


@pytest.mark.parametrize("sparql", ways_to_name(EVIL))
def test_every_service_and_load_is_refused_by_default(sparql):
    with pytest.raises(QueryRefused, match=r"--allow-service HOST"):
        check_reach(sparql)


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { ?s ?p 'SERVICE <http://127.0.0.1:9/x> {}' }",
        'SELECT * WHERE { ?s ?p """a\nLOAD <http://127.0.0.1:9/x>""" }',
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/x> {}",
        "PREFIX service: <http://e/> SELECT ?load WHERE { ?load service:load ?o }",
        "SELECT * WHERE { ?s <http://e/SERVICE> <http://e/LOAD> }",
        "SELECT ?x WHERE { VALUES (?x ?y) { (<http://a#b> <http://c'd>) } }",
        "SELECT ?x WHERE { FILTER(1<2 && 'x' > 'w') }",
    ],
)
def test_words_in_strings_iris_comments_and_names_are_not_clauses(sparql):
    check_reach(sparql)


def test_allowed_hosts_and_nothing_else():
    wikidata = frozenset({"query.wikidata.org"})
    check_reach("SELECT * { SERVICE <https://query.wikidata.org/sparql> {} }", wikidata)
    check_reach(
        "PREFIX q: <https://query.wikidata.org/> SELECT * { SERVICE q:sparql {} }", wikidata
    )
    for url in [
        "https://query.wikidata.org:8443/sparql",
        "https://query.wikidata.org@127.0.0.1/sparql",
        "https://query.wikidata.org.evil.example/sparql",
        "file:///etc/passwd",
    ]:
        with pytest.raises(QueryRefused, match="not one of --allow-service"):
            check_reach(f"SELECT * {{ SERVICE <{url}> {{}} }}", wikidata)
    with pytest.raises(QueryRefused, match="must be written as an IRI"):
        check_reach("SELECT * { SERVICE ?u {} }", wikidata)
    with pytest.raises(QueryRefused):  # the base the query declares is used
        check_reach("BASE <http://127.0.0.1/> SELECT * { SERVICE <sparql> {} }", wikidata)


@pytest.mark.parametrize(
    ("sparql", "problem"),
    [
        ("ASK " + "{" * 20_000 + "}" * 20_000, "nests brackets 20,000 deep"),
        ("ASK { BIND(" + "CONCAT(" * 1000 + "'a'" + ")" * 1000 + " AS ?x) }", "nests"),
        ("ASK { FILTER(" + " || ".join(["true"] * 20_000) + ") }", "chains"),
        ("ASK { " + " ".join(f"BIND(1 AS ?x{i})" for i in range(3000)) + " }", "chains"),
        ("SELECT " + " ".join(f"(1 AS ?x{i})" for i in range(3000)) + " {}", "chains"),
        ("ASK { ?s ?p (" + " 1" * 5000 + ") }", "chains"),
    ],
)
def test_queries_shaped_to_crash_the_engine_are_refused(sparql, problem):
    with pytest.raises(QueryError, match=problem):
        check_shape(sparql)


def test_big_flat_queries_pass():
    rows = " ".join(f"(<http://x/{i}> 'label {i}')" for i in range(20_000))
    check_shape(f"ASK {{ VALUES (?x ?y) {{ {rows} }} }}")
    check_shape("ASK { FILTER(1 IN (" + ", ".join(["1"] * 20_000) + ")) }")
    check_shape("ASK " + "{" * MAX_DEPTH + "}" * MAX_DEPTH)
    check_shape("ASK { FILTER(" + " || ".join(["true"] * (MAX_CHAIN // 2)) + ") }")
    many = " ; ".join(f"INSERT DATA {{ <http://x/s> <http://x/n> {n} }}" for n in range(20_000))
    check_shape(many)  # an update's operations run one by one: however many


@pytest.mark.parametrize(
    "sparql",
    [
        "ASK " + "{" * 20_000 + "}" * 20_000,
        "ASK { " + " ".join(f"BIND(1 AS ?x{i})" for i in range(5000)) + " }",
    ],
)
def test_kg_query_refuses_what_would_crash_it(sparql, tmp_path):
    """Today's engine dies of these with SIGSEGV (exit status 139)."""
    store = tmp_path / "store"
    OxigraphStore(store).close()
    (tmp_path / "q.rq").write_text(sparql)
    done = subprocess.run(
        [sys.executable, "-m", "kg", "query", "--file", str(tmp_path / "q.rq"), "--store", store],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr[-500:]
    assert "kg refuses more than" in done.stderr and len(done.stderr.strip().splitlines()) == 1


@pytest.fixture
def folder(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    store.replace_graph(to_graph(world_extractions()[0]))
    store.close()
    return tmp_path / "store"


def test_the_pool_refuses_before_any_worker_runs(folder, listener):
    with QueryPool(str(folder), workers=1) as pool:
        for sparql in ways_to_name(listener.url)[:-2]:
            with pytest.raises(QueryRefused):
                pool.query(sparql)
        assert pool.query("ASK { ?s ?p ?o }").boolean is True
    assert listener.connections == 0


def test_query_workers_are_cut_off_the_network(folder, listener, monkeypatch):
    """Were the guard fooled, the worker still could not connect anywhere."""
    monkeypatch.setattr("kg.store.querypool.check_reach", lambda *args: None)
    with QueryPool(str(folder), workers=1) as pool:
        if not pool.isolated:
            pytest.skip("this system does not allow network namespaces (user namespaces off)")
        with pytest.raises(KGError, match="unreachable"):
            pool.query(f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}")
        assert pool.query("ASK { ?s ?p ?o }").boolean is True  # the store is still read
    assert listener.connections == 0
    with QueryPool(str(folder), workers=1, services=frozenset({"127.0.0.1"})) as pool:
        assert not pool.isolated  # may reach the hosts it allows
