"""`kg serve` with real clients: SPARQLWrapper, rdflib's SPARQLStore and raw HTTP against one
server process (tests/conftest.py), and the write mode through Starlette's test client."""

from __future__ import annotations

import http.client
import json
import time
from urllib.parse import quote, urlparse

import httpx
import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, POST, TSV, TURTLE, XML, SPARQLWrapper
from starlette.testclient import TestClient
from typer.testing import CliRunner

from kg.cli import app as cli
from kg.iris import entity_iri
from kg.rdf import to_graph
from kg.server import Settings, create_app
from kg.store import OxigraphStore
from kg.types import Article, Entity, Extraction, Relation
from tests.conftest import HOSTILE_NAMES

KGO = "https://w3id.org/kgdt/ontology#"
KGR = "https://w3id.org/kgdt/id/"
PEOPLE = f"SELECT ?p ?name WHERE {{ ?p a <{KGO}Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name }} ORDER BY ?name"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
BROWSER = {"Accept": "text/html", "Sec-Fetch-Dest": "document"}  # a browser's navigation
INJECTIONS = ['" } ; DROP ALL ; #', "x> } ; DROP ALL ; #", "https://x/> } ; DROP ALL ; #"]


def _triples(url: str) -> int:
    response = httpx.get(url + "/sparql", params={"query": COUNT})
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def _wrapper(url: str, fmt, query: str = PEOPLE) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def test_sparqlwrapper_reads_every_results_format(kg_server):
    rows = _wrapper(kg_server, JSON).queryAndConvert()["results"]["bindings"]
    names = [r["name"]["value"] for r in rows]
    assert "Ann Alpha" in names and HOSTILE_NAMES[0] in names
    xml = _wrapper(kg_server, XML).queryAndConvert()
    assert len(xml.getElementsByTagName("result")) == len(rows)
    csv_text = _wrapper(kg_server, CSV).queryAndConvert().decode("utf-8")
    assert csv_text.splitlines()[0] == "p,name" and "Dee Delta" in csv_text
    tsv_text = _wrapper(kg_server, TSV).queryAndConvert().decode("utf-8")
    assert tsv_text.splitlines()[0] == "?p\t?name" and f"<{KGR}person/dee-delta>" in tsv_text
    posted = _wrapper(kg_server, JSON)
    posted.setMethod(POST)
    assert posted.queryAndConvert()["results"]["bindings"] == rows
    ask = _wrapper(kg_server, JSON, f"ASK {{ <{KGR}person/cy-gamma> ?p ?o }}")
    assert ask.queryAndConvert()["boolean"] is True


def test_sparqlwrapper_reads_graphs_as_turtle_and_json_ld(kg_server):
    construct = f"CONSTRUCT {{ ?a <{KGO}met> ?b }} WHERE {{ ?a <{KGO}met> ?b }}"
    turtle = _wrapper(kg_server, TURTLE, construct).queryAndConvert()
    graph = Graph().parse(data=turtle, format="turtle")
    assert (
        URIRef(KGR + "person/ann-alpha"),
        URIRef(KGO + "met"),
        URIRef(KGR + "person/bob-beta"),
    ) in graph
    jsonld = _wrapper(kg_server, JSONLD, construct).queryAndConvert()
    assert len(jsonld) == len(graph)
    described = _wrapper(kg_server, TURTLE, f"DESCRIBE <{KGR}person/cy-gamma>").queryAndConvert()
    assert len(Graph().parse(data=described, format="turtle")) > 0


def test_rdflib_sparqlstore_queries_the_server(kg_server):
    graph = Graph(SPARQLStore(kg_server + "/sparql"))
    rows = list(graph.query(PEOPLE))
    assert ("Bob Beta" in {str(r.name) for r in rows}) and len(rows) > 10


@pytest.mark.parametrize(
    ("accept", "params", "expected"),
    [
        (None, {}, "application/sparql-results+json"),
        ("application/sparql-results+xml", {}, "application/sparql-results+xml"),
        ("text/csv;q=0.5, text/tab-separated-values", {}, "text/tab-separated-values"),
        ("text/html,*/*;q=0.1", {}, "application/sparql-results+json"),
        ("text/*", {}, "text/csv"),
        (None, {"format": "csv"}, "text/csv"),
    ],
)
def test_content_negotiation(kg_server, accept, params, expected):
    headers = {"Accept": accept} if accept else {}
    response = httpx.get(kg_server + "/sparql", params={"query": PEOPLE, **params}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == expected


def test_refusals_of_the_protocol(kg_server):
    ask = httpx.get(
        kg_server + "/sparql", params={"query": "ASK {}"}, headers={"Accept": "text/csv"}
    )
    assert ask.status_code == 406
    bad = httpx.get(kg_server + "/sparql", params={"query": "SELECT WHERE"})
    assert bad.status_code == 400 and "bad SPARQL" in bad.text
    assert httpx.get(kg_server + "/sparql").status_code == 400
    twice = httpx.get(kg_server + "/sparql", params=[("query", PEOPLE), ("query", "ASK {}")])
    assert twice.status_code == 400 and twice.text.strip() == "give one query, not 2"
    weird = httpx.post(kg_server + "/sparql", content=b"x", headers={"Content-Type": "text/plain"})
    assert weird.status_code == 415


def test_results_are_cut_at_the_row_limit(kg_server):
    response = httpx.get(kg_server + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert len(response.json()["results"]["bindings"]) == 50
    assert response.headers["x-kg-truncated"] == "true"
    small = httpx.get(kg_server + "/sparql", params={"query": PEOPLE + " LIMIT 3"})
    assert "x-kg-truncated" not in small.headers


def test_a_slow_query_is_stopped_and_the_server_goes_on(kg_server):
    started = time.monotonic()
    response = httpx.get(kg_server + "/sparql", params={"query": SLOW}, timeout=60)
    assert response.status_code == 503 and "time limit of 3 s" in response.text
    assert time.monotonic() - started < 10
    assert _triples(kg_server) > 0  # a fresh worker answers
    page = httpx.get(kg_server + "/sparql", params={"query": SLOW}, headers=BROWSER, timeout=60)
    assert page.status_code == 503 and "time limit" in page.text


def test_updates_are_refused_without_write_access(kg_server):
    before = _triples(kg_server)
    form = httpx.post(kg_server + "/sparql", data={"update": "DROP ALL"})
    assert form.status_code == 403 and "read-only" in form.text
    direct = httpx.post(
        kg_server + "/sparql",
        content="DROP ALL",
        headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer x"},
    )
    assert direct.status_code == 403
    assert httpx.get(kg_server + "/sparql", params={"update": "DROP ALL"}).status_code == 405
    as_query = httpx.get(kg_server + "/sparql", params={"query": "DROP ALL"})
    assert as_query.status_code == 400
    assert _triples(kg_server) == before


@pytest.mark.parametrize("text", INJECTIONS)
def test_user_values_never_change_a_query(kg_server, text):
    before = _triples(kg_server)
    cases = [
        ("/search", {"q": text}, {200}),
        ("/entity", {"iri": text}, {400, 404}),
        ("/article", {"iri": text}, {400, 404}),
        ("/", {"focus": text}, {400}),
        ("/", {"country": text}, {400}),
        ("/sparql", {"name": text}, {404}),
        ("/timeline", {"person": text}, {400}),
    ]
    for path, params, statuses in cases:
        response = httpx.get(kg_server + path, params=params, headers=BROWSER)
        assert response.status_code in statuses, (path, response.status_code)
    assert _triples(kg_server) == before


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../../../etc/passwd",
        "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%5c..%5cetc%5cpasswd",
        "/static/",
        "/static/network.py",
    ],
)
def test_no_path_traversal_in_static_files(kg_server, path):
    where = urlparse(kg_server)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=10)
    connection.request("GET", path)  # sent as written, not normalized
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == 404 and b"root:" not in body


def test_static_files_are_the_page_assets(kg_server):
    response = httpx.get(kg_server + "/static/vis-network.min.js")
    assert response.status_code == 200 and response.headers["content-type"].startswith(
        "text/javascript"
    )


def test_requests_for_other_hosts_are_refused(kg_server):
    # A page on another site whose name resolves to 127.0.0.1 (DNS rebinding) gets nothing.
    response = httpx.get(
        kg_server + "/sparql", params={"query": PEOPLE}, headers={"Host": "evil.example"}
    )
    assert response.status_code == 400
    assert httpx.get(kg_server + "/", headers={"Host": "localhost"}).status_code == 200


def test_pages_escape_article_text(kg_server):
    iri = str(entity_iri("Person", HOSTILE_NAMES[0]))
    found = httpx.get(kg_server + "/search", params={"q": "evilov"})
    assert quote(iri, safe="/") in found.text
    page = httpx.get(kg_server + "/entity", params={"iri": iri})
    assert page.status_code == 200
    assert "<img src=x" not in page.text and "&lt;img src=x onerror=" in page.text
    assert "<script>window" not in page.text and "&lt;script&gt;window.kgInjected" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    article = httpx.get(kg_server + "/article", params={"iri": KGR + "article/hostile-text"})
    assert article.status_code == 200 and "javascript:" not in article.text
    assert "<h1><bdi>&lt;img src=x onerror=" in article.text  # the title
    echo = httpx.get(kg_server + "/search", params={"q": "<script>alert(1)</script>"})
    assert "<script>alert(1)" not in echo.text and "&lt;script&gt;alert(1)" in echo.text


def test_home_page_draws_the_chosen_view(kg_server):
    home = httpx.get(kg_server + "/")
    data = json.loads(home.text.split('id="kg-data">')[1].split("</script>")[0])
    assert data["links"]["entity"] == "/entity?iri="
    assert any(n["full"] == "Dee Delta" for n in data["nodes"])
    countries = httpx.get(kg_server + "/", params={"view": "countries", "since": "2024"})
    data = json.loads(countries.text.split('id="kg-data">')[1].split("</script>")[0])
    assert {n["type"] for n in data["nodes"]} == {"Country"}
    bad = httpx.get(kg_server + "/", params={"since": "yesterday"})
    assert bad.status_code == 400 and "bad date" in bad.text


@pytest.fixture
def writable(tmp_path):
    folder = tmp_path / "store"
    store = OxigraphStore(folder)
    people = (
        Entity("a", "Ann Example", "Person", "Person"),
        Entity("b", "Bo Example", "Person", "Person"),
    )
    met = (Relation("a", "met", "b", "Ann met Bo.", 0.9),)
    store.replace_graph(to_graph(Extraction(Article("w1", "Ann met Bo."), people, met)))
    store.close()
    with TestClient(
        create_app(Settings(str(folder), token="s3cret")), base_url="http://127.0.0.1"
    ) as client:
        yield client


def test_updates_need_the_token(writable):
    update = {
        "update": f"INSERT DATA {{ GRAPH <{KGR}article/w2> {{ <{KGR}x> <{KGO}met> <{KGR}y> }} }}"
    }
    assert writable.post("/sparql", data=update).status_code == 401
    wrong = writable.post("/sparql", data=update, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert (
        writable.post(
            "/sparql", data=update, headers={"Authorization": "Bearer s3cret"}
        ).status_code
        == 204
    )
    ask = writable.get("/sparql", params={"query": f"ASK {{ <{KGR}x> <{KGO}met> <{KGR}y> }}"})
    assert ask.json()["boolean"] is True
    drop = writable.post(
        "/sparql",
        content=f"DROP GRAPH <{KGR}article/w2>",
        headers={"Content-Type": "application/sparql-update"},
        auth=("anyone", "s3cret"),  # Basic, the token as password
    )
    assert drop.status_code == 204
    assert (
        writable.get("/sparql", params={"query": f"ASK {{ <{KGR}x> ?p ?o }}"}).json()["boolean"]
        is False
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--allow-writes"], "--allow-writes needs a --token"),
        (["--store", ":memory:"], "not :memory:"),
        (["--timeout", "0"], "must be positive"),
        (["--max-bytes", "lots"], "--max-bytes: give a size such as 50MB"),
        (["--max-bytes", "0KB"], "--max-bytes: give a size such as 50MB"),
    ],
)
def test_serve_refuses_bad_settings(args, message, monkeypatch):
    monkeypatch.delenv("KG_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", *args])
    assert result.exit_code == 1 and message in result.output
