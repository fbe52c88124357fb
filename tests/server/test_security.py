"""`kg serve` under attack: requests it must not make (SERVICE, LOAD), hosts it must not
answer for (DNS rebinding), cross-site requests it must not run, queries shaped to crash
the engine, and errors that tell a client no more than it needs."""

from __future__ import annotations

import socket

import httpx
import pytest
from starlette.testclient import TestClient

from kg.server import Settings, create_app
from kg.store import OxigraphStore
from kg.store.querypool import QueryPool
from tests.store.test_guard import Listener, ways_to_name

KGR = "https://w3id.org/kgdt/id/"
PAGE = {"Accept": "text/html", "Sec-Fetch-Dest": "document"}  # the query page, not the protocol
PEOPLE = "SELECT ?p WHERE { ?p a <https://w3id.org/kgdt/ontology#Person> } LIMIT 2"


@pytest.fixture
def listener():
    where = Listener()
    yield where
    where.close()


def test_no_query_makes_the_server_send_a_request(kg_server, listener):
    for sparql in ways_to_name(listener.url)[:-2]:
        got = httpx.get(kg_server + "/sparql", params={"query": sparql})
        assert got.status_code == 403, (sparql, got.text)
        assert "--allow-service HOST" in got.text and "\n" not in got.text.strip()
        posted = httpx.post(kg_server + "/sparql", data={"query": sparql})
        assert posted.status_code == 403
        page = httpx.get(kg_server + "/sparql", params={"query": sparql}, headers=PAGE)
        assert page.status_code == 403 and "--allow-service" in page.text
    assert listener.connections == 0


@pytest.fixture(scope="module")
def pool(explore_store):
    with QueryPool(str(explore_store), workers=1, timeout=5) as shared:
        yield shared


def _client(settings: Settings, pool: QueryPool, base_url: str) -> TestClient:
    return TestClient(create_app(settings, pool), base_url=base_url)


def test_load_is_refused_even_with_the_token(tmp_path, listener):
    OxigraphStore(tmp_path / "store").close()
    settings = Settings(str(tmp_path / "store"), token="s3cret")
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        for update in ways_to_name(listener.url)[-2:]:
            sent = client.post(
                "/sparql", data={"update": update}, headers={"Authorization": "Bearer s3cret"}
            )
            assert sent.status_code == 403 and "LOAD" in sent.text
    assert listener.connections == 0


def test_listening_everywhere_still_checks_the_host(explore_store, pool):
    settings = Settings(str(explore_store), host="0.0.0.0", allowed_hosts=("kg.example.org",))
    client = _client(settings, pool, "http://evil.example:8000")
    refused = client.get("/sparql", params={"query": PEOPLE})
    assert refused.status_code == 400 and "--allowed-host" in refused.text
    for host in (socket.gethostname(), "127.0.0.1:8000", "localhost", "kg.example.org"):
        ok = client.get("/sparql", params={"query": PEOPLE}, headers={"Host": host})
        assert ok.status_code == 200, host
    assert client.get("/", headers={"Host": "[::1]:8000"}).status_code == 200


def test_an_ipv6_server_answers_for_itself(explore_store, pool):
    client = _client(Settings(str(explore_store), host="::1"), pool, "http://[::1]:8000")
    assert client.get("/sparql", params={"query": PEOPLE}).status_code == 200
    other = client.get("/sparql", params={"query": PEOPLE}, headers={"Host": "[::2]:8000"})
    assert other.status_code == 400


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"}, 403),  # <img src>
        ({"Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "cors"}, 403),  # another port
        ({"Origin": "http://evil.example"}, 403),  # an older browser
        ({"Origin": "null"}, 403),  # a sandboxed frame, a file
        ({"Sec-Fetch-Site": "same-origin", "Origin": "http://127.0.0.1:8000"}, 200),
        ({"Sec-Fetch-Site": "none", "Sec-Fetch-Mode": "navigate"}, 200),  # typed, bookmarked
        ({}, 200),  # SPARQLWrapper, rdflib, curl
    ],
)
def test_cross_site_requests_run_no_query(explore_store, pool, headers, status):
    client = _client(Settings(str(explore_store)), pool, "http://127.0.0.1:8000")
    assert client.get("/sparql", params={"query": PEOPLE}, headers=headers).status_code == status
    entity = client.get("/entity", params={"iri": KGR + "person/ann-alpha"}, headers=headers)
    assert entity.status_code == status


def test_a_link_from_another_site_shows_a_page_but_runs_nothing(explore_store, pool):
    client = _client(Settings(str(explore_store)), pool, "http://127.0.0.1:8000")
    browser = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Accept": "text/html"}
    assert client.get("/sparql", headers=browser).status_code == 200
    assert client.get("/static/kg.css", headers={"Sec-Fetch-Site": "cross-site"}).is_success
    page = client.get("/entity", params={"iri": KGR + "person/ann-alpha"}, headers=browser)
    assert page.status_code == 403 and "Open it from this site" in page.text
    assert 'href="/entity?iri=https%3A%2F%2Fw3id.org%2Fkgdt%2Fid%2Fperson%2Fann-alpha"' in page.text
    form = client.post("/sparql", data={"query": PEOPLE}, headers=browser)
    assert form.status_code == 403


def test_deep_queries_are_refused_and_the_server_goes_on(kg_server):
    deep = httpx.post(kg_server + "/sparql", data={"query": "ASK " + "{" * 20_000 + "}" * 20_000})
    assert deep.status_code == 400 and "nests brackets 20,000 deep" in deep.text
    assert httpx.get(kg_server + "/sparql", params={"query": PEOPLE}).status_code == 200


def test_the_query_page_shows_iris_of_every_namespace(kg_server):
    query = (
        "PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX skos: "
        "<http://www.w3.org/2004/02/skos/core#> SELECT ?a ?b WHERE { BIND(owl:sameAs AS ?a) "
        "BIND(skos:prefLabel AS ?b) }"
    )
    page = httpx.get(kg_server + "/sparql", params={"query": query}, headers=PAGE)
    assert page.status_code == 200 and "owl:sameAs" in page.text and "skos:prefLabel" in page.text


def test_errors_name_no_internals(kg_server):
    for response in (
        httpx.get(kg_server + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o"}),
        httpx.get(kg_server + "/entity", params={"iri": "x"}),
    ):
        assert "Error" not in response.text and "Traceback" not in response.text
        assert "exit code" not in response.text and "/tmp" not in response.text
