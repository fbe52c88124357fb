"""Names that lie: a name carrying a right-to-left override and invisible characters is
isolated wherever a page shows it (``<bdi>``, ``dir=auto``, U+2068...U+2069 on the canvas)
and its controls are shown as visible marks on its entity page."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from starlette.testclient import TestClient

from kg.iris import entity_iri
from kg.rdf import to_graph
from kg.server import Settings, create_app
from kg.store import OxigraphStore
from kg.types import Article, Entity, Extraction, Relation

LIAR = "Ivan \u202eveolI\u202c Petrov\u200b"
SENTENCE = f"{LIAR} met Bob Honest in Minsk."
BROWSER = {"Accept": "text/html", "Sec-Fetch-Dest": "document"}


class _Isolation(HTMLParser):
    """Records each text holding the override, and whether an element around it isolates
    it (``<bdi>``, or ``dir`` set) or it is a script's data."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, bool]] = []
        self.found: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:  # a tooltip: isolated by U+2068 ... U+2069
            if name == "title" and value and "\u202e" in value:
                self.found.append((value, "\u2068" in value and "\u2069" in value))
        if tag not in ("br", "img", "input", "meta", "link", "wbr"):
            self.open.append((tag, tag in ("bdi", "script", "textarea") or "dir" in dict(attrs)))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if "\u202e" in data:
            marked = data.startswith("\u2068") and data.endswith("\u2069")  # <title>
            self.found.append((data, marked or any(isolating for _, isolating in self.open)))


def _not_isolated(html: str) -> list[str]:
    parser = _Isolation()
    parser.feed(html)
    assert parser.found, "the page does not show the name"
    return [text for text, isolated in parser.found if not isolated]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("names") / "store"
    store = OxigraphStore(folder)
    people = (
        Entity("a", LIAR, "Person", "Person", aliases=("Ivan\u2067 X",)),
        Entity("b", "Bob Honest", "Person", "Person"),
        Entity("m", "Minsk", "Place", "City"),
    )
    facts = (Relation("a", "met", "b", SENTENCE, 0.9), Relation("a", "visited", "m", SENTENCE, 0.9))
    article = Article("liar", SENTENCE, title=f"{LIAR} in Minsk")
    store.replace_graph(to_graph(Extraction(article, people, facts)))
    store.close()
    with TestClient(create_app(Settings(str(folder))), base_url="http://127.0.0.1") as client:
        yield client


def test_every_page_isolates_the_name(client):
    iri = quote(str(entity_iri("Person", LIAR)), safe="")
    article = quote("https://w3id.org/kgdt/id/article/liar", safe="")
    query = quote(
        "SELECT ?p ?pLabel WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?pLabel "
        'FILTER(CONTAINS(?pLabel, "Ivan")) }'
    )
    for path in (
        f"/entity?iri={iri}",
        f"/article?iri={article}",
        "/search?q=Ivan",
        f"/sparql?query={query}",
    ):
        page = client.get(path, headers=BROWSER)
        assert page.status_code == 200, path
        assert _not_isolated(page.text) == [], path


def test_the_entity_page_shows_the_controls(client):
    iri = quote(str(entity_iri("Person", LIAR)), safe="")
    page = client.get(f"/entity?iri={iri}", headers=BROWSER).text
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in page and "U+200B ZERO WIDTH SPACE" in page
    assert '<span class="control" title="U+202E RIGHT-TO-LEFT OVERRIDE">[U+202E]</span>' in page
    assert "U+2067 RIGHT-TO-LEFT ISOLATE" in page  # in an alias too


def test_the_network_isolates_names_on_its_canvas(client):
    page = client.get("/", headers=BROWSER).text
    data = json.loads(page.split('id="kg-data">')[1].split("</script>")[0])
    liar = next(n for n in data["nodes"] if n["full"] == LIAR)
    assert liar["label"].startswith("\u2068") and liar["label"].endswith("\u2069")
    assert liar["title"].startswith(f"\u2068{LIAR}\u2069")
    edge = data["edges"][0]
    assert f"\u2068{LIAR}\u2069" in edge["title"]
