"""The edges of the SPARQL protocol at ``/sparql``: the dataset a request or a query names, each
fact once, the base IRI, a client's mistakes as 4xx in one line, what XML cannot carry, a
failing SERVICE, and answers passed on in chunks as the query worker writes them."""

from __future__ import annotations

import http.server
import threading

import pyoxigraph as ox
import pytest
from starlette.testclient import TestClient

from kg.server import Settings, create_app
from kg.store import OxigraphStore
from kg.store.querypool import CHUNK

ARTICLE = "https://w3id.org/kgdt/id/article/"
TOKEN = "s3cret"
DATA = f"""
INSERT DATA {{
  GRAPH <{ARTICLE}a> {{ <http://e/x> a kgo:Country ; rdfs:label "X" . <http://e/y> a kgo:Country }}
  GRAPH <{ARTICLE}b> {{ <http://e/x> a kgo:Country ; rdfs:label "X" }}
  GRAPH <http://e/g1> {{ <http://e/s> <http://e/p> 1, 2 }}
  GRAPH <http://e/g2> {{ <http://e/s> <http://e/p> 2, 3 }}
  <http://e/own> <http://e/p> "a\\u0001b"
}}"""
COUNT = "SELECT (COUNT(*) AS ?n) {dataset} WHERE {{ ?s ?p ?o }}"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("protocol") / "store"
    store = OxigraphStore(folder)
    store.update(DATA)
    store.update(
        " ".join(f"INSERT DATA {{ <http://e/many> <http://e/n> {n} }} ;" for n in range(3000))
    )
    store.close()
    return folder


@pytest.fixture(scope="module")
def client(folder):
    with TestClient(
        create_app(Settings(str(folder), token=TOKEN)), base_url="http://127.0.0.1"
    ) as c:
        yield c


def _count(client, query: str, **params) -> int:
    response = client.get("/sparql", params={"query": query, **params})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_each_fact_once_in_the_default_graph(client):
    countries = "SELECT (COUNT(*) AS ?n) WHERE { ?c a kgo:Country }"
    assert _count(client, countries) == 2  # stated three times by two articles


def test_the_dataset_a_query_or_a_request_names(client):
    assert _count(client, COUNT.format(dataset="FROM <http://e/g1>")) == 2
    both = COUNT.format(dataset="FROM <http://e/g1> FROM <http://e/g2>")
    assert _count(client, both) == 3  # the merge: (s p 2) once
    params = {"default-graph-uri": ["http://e/g1", "http://e/g2"]}
    assert _count(client, COUNT.format(dataset=""), **params) == 3
    named = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert _count(client, named, **{"named-graph-uri": "http://e/g2"}) == 1
    assert _count(client, named.replace("WHERE", "FROM NAMED <http://e/g1> WHERE")) == 1


def test_relative_iris_resolve_against_kgs_base(client):
    response = client.get(
        "/sparql", params={"query": "SELECT ?x WHERE { BIND (<person/x> AS ?x) }"}
    )
    assert response.json()["results"]["bindings"][0]["x"]["value"] == (
        "https://w3id.org/kgdt/id/person/x"
    )


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"query": ["ASK {}", "ASK {}"]}, "give one query, not 2"),
        ({"query": "SELECT * WHERE { ?s ?p ?o FILTER (<http://e/f>(?s)) }"}, "query failed"),
        ({"query": "SELECT ?x WHERE { ?x a kgx:Person }"}, "unknown prefix kgx:"),
    ],
)
def test_a_client_mistake_is_a_400_in_one_line(client, params, message):
    response = client.get("/sparql", params=params)
    assert response.status_code == 400 and message in response.text
    assert "\n" not in response.text.strip() and "Error" not in response.text


def _update(client, text: str, **params):
    return client.post(
        "/sparql",
        params=params,
        content=text,
        headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
    )


def test_update_mistakes_and_the_update_dataset(client):
    assert _update(client, "CREATE GRAPH <http://e/new>").status_code == 204
    again = _update(client, "CREATE GRAPH <http://e/new>")
    assert again.status_code == 400 and "already exists" in again.text
    copy = "INSERT { GRAPH <http://e/copy> { ?s ?p ?o } } WHERE { ?s ?p ?o }"
    assert _update(client, copy, **{"using-graph-uri": "http://e/g1"}).status_code == 204
    assert _count(client, COUNT.format(dataset="FROM <http://e/copy>")) == 2
    both = _update(client, f"WITH <http://e/g1> {copy}", **{"using-graph-uri": "http://e/g2"})
    assert both.status_code == 400 and "USING or WITH" in both.text
    twice = client.post("/sparql", data={"update": ["CLEAR ALL", "CLEAR ALL"]})
    assert twice.status_code == 400


def test_what_xml_cannot_carry_is_a_406_that_suggests_json(client):
    query = "SELECT ?o WHERE { <http://e/own> ?p ?o }"
    xml = client.get(
        "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert xml.status_code == 406 and "JSON" in xml.text
    json = client.get("/sparql", params={"query": query})
    assert json.json()["results"]["bindings"][0]["o"]["value"] == "a\x01b"


def test_a_failing_service_is_a_502(client, folder):
    """A SERVICE to a host that ``--allow-service`` names, which fails, is a 502 that says
    its status, never its body (one that it does not name is a 403:
    tests/store/test_guard.py)."""

    class Failing(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = b"an internal secret\n"
            self.send_response(500)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Failing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        host = f"127.0.0.1:{server.server_port}"
        query = f"SELECT * WHERE {{ SERVICE <http://{host}/sparql> {{ ?s ?p ?o }} }}"
        assert client.get("/sparql", params={"query": query}).status_code == 403
        settings = Settings(str(folder), services=frozenset({host}))
        with TestClient(create_app(settings), base_url="http://127.0.0.1") as allowed:
            response = allowed.get("/sparql", params={"query": query})
    finally:
        server.shutdown()
    assert response.status_code == 502 and "\n" not in response.text.strip()
    assert "500" in response.text and "secret" not in response.text


def test_answers_are_passed_on_as_oxigraph_writes_them(client, tmp_path):
    query = "SELECT ?n WHERE { <http://e/many> <http://e/n> ?n } ORDER BY ?n"
    with client.stream("GET", "/sparql", params={"query": query, "format": "json"}) as response:
        chunks = list(response.iter_raw())
    body = b"".join(chunks)
    assert len(body) > CHUNK and len(chunks) > 1  # passed on in parts, as written
    alone = ox.Store()
    alone.extend(
        ox.Quad(
            ox.NamedNode("http://e/many"),
            ox.NamedNode("http://e/n"),
            ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        )
        for n in range(3000)
    )
    assert body == alone.query(query).serialize(format=ox.QueryResultsFormat.JSON)
