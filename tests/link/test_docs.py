"""``docs/linking.md``: its queries run, and it documents every linking command and setting."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from kg.enrich import enrich
from kg.knowledge import KnowledgeGraph
from tests.conftest import ROOT, SAMPLES

DOC = (ROOT / "docs" / "linking.md").read_text(encoding="utf-8")
QUERIES = re.findall(r"```sparql\n(.*?)```", DOC, flags=re.S)
WDQS = "https://query.wikidata.org/sparql"


def _row(country: str, head: str, name: str) -> dict:
    entity = "http://www.wikidata.org/entity/"
    return {
        "item": {"type": "uri", "value": entity + country},
        "head": {"type": "uri", "value": entity + head},
        "headOfGovernment": {"type": "literal", "value": name, "xml:lang": "en"},
    }


# The Query Service's answer, with the heads of government the bundled base lists as
# Prime Ministers of Kazakhstan and Uzbekistan since 2024 and 2016.
ANSWER = {
    "head": {"vars": ["item", "head", "headOfGovernment"]},
    "results": {
        "bindings": [
            _row("Q232", "Q124436646", "Olzhas Bektenov"),
            _row("Q265", "Q28002959", "Abdulla Aripov"),
        ]
    },
}


@pytest.fixture
def query_service() -> Iterator[tuple[str, list[str]]]:
    """A stand-in for the Wikidata Query Service on localhost: its URL, and the queries it got."""
    received: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            received.append(self.rfile.read(length).decode() if length else self.path)
            body = json.dumps(ANSWER).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, *args) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/sparql", received
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def samples(pipeline) -> Iterator[KnowledgeGraph]:
    graph = KnowledgeGraph(":memory:", pipeline)
    graph.ingest([SAMPLES / "kz-uz-commission.txt", SAMPLES / "cn-kz-state-visit.txt"])
    enrich(graph.store)
    yield graph
    graph.close()


def test_the_enrichment_example_runs(samples):
    (example,) = [q for q in QUERIES if "p:P39" in q]
    rows = samples.query(example).dicts(terms=True)
    assert ("Kassym-Jomart Tokayev", "President of Kazakhstan") in {
        (str(r["name"]), str(r["office"])) for r in rows
    }


def test_the_federated_example_joins_kg_with_the_query_service(samples, query_service):
    url, received = query_service
    (federated,) = [q for q in QUERIES if "SERVICE" in q]
    assert WDQS in federated
    rows = samples.query(federated.replace(WDQS, url)).dicts(terms=True)
    heads = {str(r["country"]): str(r["headOfGovernment"]) for r in rows}
    assert heads == {"Kazakhstan": "Olzhas Bektenov", "Uzbekistan": "Abdulla Aripov"}
    assert received, "the SERVICE block went to the Query Service"


@pytest.mark.parametrize(
    "term",
    [
        "kg kb build",
        "KG_KB_PATH",
        "kg enrich",
        "--online",
        "--offline",
        "KG_ONLINE",
        "KG_CACHE",
        "KG_USER_AGENT",
        "graph/wikidata",
        "owl:sameAs",
    ],
)
def test_every_setting_is_documented(term):
    assert term in DOC
