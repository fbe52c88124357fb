"""The pages of `kg serve` over HTTP, as a browser and as an API client get them: the query
page at /sparql, people, events, articles with their text, the timeline, and errors."""

from __future__ import annotations

import json
import re
import time
from html import unescape

import httpx
import pytest

from tests.conftest import SERVE_LOGS

KGR = "https://w3id.org/kgdt/id/"
BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8", "Sec-Fetch-Dest": "document"}
SAMPLE = KGR + "article/kz-uz-commission"


def _get(url: str, path: str, headers=BROWSER, **params) -> httpx.Response:
    return httpx.get(url + path, params=params, headers=headers, timeout=30)


def _text(html: str) -> str:
    """What a page says, without its tags."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_the_query_page_is_served_to_browsers_at_sparql(kg_server):
    page = _get(kg_server, "/sparql", {"Accept": "text/html"})
    assert page.status_code == 200 and 'data-editor="sparql"' in page.text
    assert '<script src="/static/editor.js"' in page.text
    assert '"kgo": "https://w3id.org/kgdt/ontology#"' in page.text  # the editor's prefixes
    assert "/sparql?name=who-met-whom" in page.text  # the named queries as examples
    # A program asking the protocol for nothing still gets its one-line 400.
    api = httpx.get(kg_server + "/sparql")
    assert api.status_code == 400 and api.text.count("\n") == 1 and "<" not in api.text
    moved = _get(kg_server, "/queries", name="people")
    assert moved.status_code == 301 and moved.headers["location"].endswith("/sparql?name=people")


def test_the_query_page_runs_a_named_query_as_a_table_with_links(kg_server):
    page = _get(kg_server, "/sparql", name="who-met-whom")
    assert page.status_code == 200
    table = page.text.split('<table class="results">')[1].split("</table>")[0]
    assert "<th>person</th>" in table and "<th>articles</th>" in table
    assert (
        '<a href="/entity?iri=https%3A%2F%2Fw3id.org%2Fkgdt%2Fid%2Fperson%2Fcy-gamma"><bdi>Cy Gamma'
        in table
    )
    assert '<td class="num"><bdi>1</bdi></td>' in table  # numbers align right
    downloads = re.findall(r'href="(/sparql\?query=[^"]+&amp;format=(\w+))"', page.text)
    assert [f for _, f in downloads] == ["json", "xml", "csv", "tsv"]
    csv = httpx.get(kg_server + unescape(downloads[2][0]))
    assert csv.headers["content-type"].startswith("text/csv") and "Cy Gamma" in csv.text
    construct = _get(kg_server, "/sparql", query="CONSTRUCT WHERE { ?s a ?o } LIMIT 3")
    formats = re.findall(r"format=([\w-]+)", construct.text)
    assert formats == ["turtle", "json-ld", "nt", "xml"] and "<pre>" in construct.text


def test_the_query_page_says_what_a_federated_query_needs(kg_server):
    page = _get(kg_server, "/sparql", {"Accept": "text/html"})
    example = _text(page.text.split("trade-wikidata</a></dt>")[1].split("</dd>")[0])
    assert "Needs kg serve --allow-service query.wikidata.org" in example
    chosen = _get(kg_server, "/sparql", {"Accept": "text/html"}, name="trade-wikidata")
    assert "it runs only on a server started with kg serve --allow-service" in _text(chosen.text)


def test_the_query_page_shows_iris_by_their_prefix(kg_server):
    terms = ["http://www.w3.org/2004/02/skos/core#Concept", "http://www.w3.org/2002/07/owl#sameAs"]
    query = "SELECT ?x WHERE { VALUES ?x { " + " ".join(f"<{t}>" for t in terms) + " } }"
    page = _get(kg_server, "/sparql", query=query)
    assert page.status_code == 200 and "skos:Concept" in page.text and "owl:sameAs" in page.text


def test_the_query_page_shows_a_bad_query_as_an_error(kg_server):
    bad = _get(kg_server, "/sparql", query="SELECT WHERE")
    assert bad.status_code == 400 and 'class="error"' in bad.text and "bad SPARQL" in bad.text
    assert 'data-editor="sparql"' in bad.text  # the query stays in the editor to be fixed
    missing = _get(kg_server, "/sparql", name="nothing-like-it")
    assert missing.status_code == 404


def test_a_person_page_shows_titles_meetings_and_whom_they_met(kg_server):
    page = _get(kg_server, "/entity", iri=KGR + "person/bob-beta")
    text = _text(page.text)
    assert page.status_code == 200 and "Whom they met" in text
    met = text.split("Whom they met")[1].split("Meetings, visits")[0]
    assert "Ann Alpha 1 2023-05-10 2023-05-10" in met and "Cy Gamma 1 2024-02-01" in met
    events = text.split("latest first")[1]
    # Latest first, each with its place, the others and the sentence it was read from.
    assert events.index("meeting of Bob Beta and Cy Gamma") < events.index("talks of Ann Alpha")
    assert (
        "2023-05-09 talks of Ann Alpha and Bob Beta Talks in Alpha City · with Ann Alpha" in events
    )
    assert "visit of Bob Beta to Gammaland" in events and "Bob Beta visited Gammaland." in events
    assert "/timeline?person=https%3A//w3id.org/kgdt/id/person/bob-beta" in page.text


def test_a_pair_of_people_has_a_page_of_their_meetings(kg_server):
    bob, cy = KGR + "person/bob-beta", KGR + "person/cy-gamma"
    page = _get(kg_server, "/entity", iri=bob, **{"with": cy})
    events = _text(page.text).split("latest first")[1]
    assert page.status_code == 200 and "meeting of Bob Beta and Cy Gamma" in events
    assert "talks of Ann Alpha" not in events and "visit of Bob Beta" not in events
    person = _get(kg_server, "/entity", iri=bob).text  # whom they met links to it
    assert "/entity?iri=https%3A//w3id.org/kgdt/id/person/bob-beta&amp;with=" in person
    assert _get(kg_server, "/entity", iri=bob, **{"with": KGR + "x/none"}).status_code == 404


def test_a_person_page_shows_titles_from_the_news(kg_server):
    page = _get(kg_server, "/entity", iri=KGR + "person/serik-zhumangarin")
    titles = _text(page.text).split("Titles")[1].split("Whom they met")[0]
    assert "Deputy Prime Minister" in titles and "2023-10-13" in titles


def test_an_entity_page_shows_its_facts_latest_first_with_evidence(kg_server):
    page = _get(kg_server, "/entity", iri=KGR + "country/gammaland")
    facts = _text(page.text).split("Facts and their evidence")[1]
    assert page.status_code == 200
    assert "Cy Gamma represents Gammaland Cy Gamma of Gammaland. 2024-02-01" in facts
    assert "Bob Beta visited Gammaland Bob Beta visited Gammaland. 2024-02-01" in facts
    alpha = _text(_get(kg_server, "/entity", iri=KGR + "country/alphaland").text)
    assert "Alphaland signed trade deal The two countries signed a trade deal. 2023-05-10" in alpha


def _network(kg_server, **params) -> dict:
    page = _get(kg_server, "/", **params)
    assert page.status_code == 200
    data = re.search(
        r'<script type="application/json" id="kg-data">(.*?)</script>', page.text, re.S
    )
    return json.loads(data[1])


def test_the_network_around_an_entity_reads_its_reports(kg_server):
    data = _network(kg_server, view="full", depth="1", focus="Gammaland")
    assert data["note"].startswith("Gammaland as its 2 reports tell of it.")
    nodes = {n["full"] for n in data["nodes"]}
    assert nodes == {"Gammaland", "Bob Beta", "Cy Gamma", "visit of Bob Beta to Gammaland"}
    evidence = {s for e in data["edges"] for f in e["facts"] for s in f["evidence"]}
    assert {"Cy Gamma of Gammaland.", "Bob Beta visited Gammaland."} <= evidence


def test_who_met_whom_around_a_person_comes_from_the_pairs(kg_server):
    data = _network(kg_server, view="who-met-whom", depth="1", focus="Cy Gamma")
    assert data["note"].startswith("Cy Gamma and the 2 people they were reported meeting most")
    assert {n["full"] for n in data["nodes"]} == {"Cy Gamma", "Bob Beta", "Dee Delta"}
    pairs = {e["caption"].split(": ")[0]: e["caption"].split(": ")[1] for e in data["edges"]}
    assert {frozenset(pair.split(" – ")): about for pair, about in pairs.items()} == {
        frozenset(("Bob Beta", "Cy Gamma")): "1 report of a meeting, 2024-02-01",
        frozenset(("Cy Gamma", "Dee Delta")): "1 report of a meeting, 2024-07-01",
    }
    assert all(e["page"].startswith("/entity?iri=") for e in data["edges"])


def test_a_person_page_shows_offices_from_the_wikidata_enrichment(tmp_path):
    """The offices and their dates come from the enrichment's own graph (offline: the
    bundled knowledge base)."""
    from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
    from starlette.testclient import TestClient

    from kg.enrich import enrich
    from kg.ontology import KGO, WD
    from kg.server import Settings, create_app
    from kg.store import open_store

    mamin = URIRef(KGR + "person/askar-mamin")
    graph = Graph(identifier=URIRef(KGR + "article/a"))
    for triple in (
        (mamin, RDF.type, KGO.Person),
        (mamin, RDFS.label, Literal("Askar Mamin")),
        (mamin, OWL.sameAs, WD.Q527063),
    ):
        graph.add(triple)
    store = open_store(str(tmp_path / "store"))
    store.replace_graph(graph)
    enrich(store)
    store.close()
    app = create_app(Settings(str(tmp_path / "store"), workers=1))
    with TestClient(app, base_url="http://127.0.0.1", headers=BROWSER) as client:
        page = client.get("/entity", params={"iri": str(mamin)})
    titles = _text(page.text).split("Titles")[1].split("Whom they met")[0]
    assert "office (Wikidata) from to Prime Minister of Kazakhstan 2019-02-21 2022-01-05" in titles


@pytest.fixture(scope="module")
def small_pages(explore_store):
    """The app in this process over the same store, with two items to a page."""
    from starlette.testclient import TestClient

    from kg.server import Settings, create_app, pages

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "PAGE", 2)
        app = create_app(Settings(str(explore_store), workers=1))
        with TestClient(app, base_url="http://127.0.0.1", headers=BROWSER) as client:
            yield client


@pytest.mark.parametrize("entity", ["country/kazakhstan", "person/bob-beta"])
def test_a_long_list_comes_a_page_at_a_time(small_pages, entity):
    first = small_pages.get("/entity", params={"iri": KGR + entity})
    assert (
        first.status_code == 200 and 'rel="next"' in first.text and 'rel="prev"' not in first.text
    )
    second = small_pages.get("/entity", params={"iri": KGR + entity, "page": "2"})
    assert second.status_code == 200 and 'rel="prev"' in second.text
    assert _text(second.text) != _text(first.text)
    bad = small_pages.get("/entity", params={"iri": KGR + entity, "page": "x"})
    assert bad.status_code == 400 and "bad page" in bad.text


def _event(kg_server, label: str) -> str:
    page = _get(
        kg_server,
        "/sparql",
        query=(
            'SELECT DISTINCT ?e WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> "'
            + label
            + '" ; a <https://w3id.org/kgdt/ontology#Event> }'
        ),
    )
    return (
        unescape(re.search(r'href="/entity\?iri=([^"]+)"', page.text)[1])
        .replace("%3A", ":")
        .replace("%2F", "/")
    )


def test_an_event_page_shows_date_place_sides_agreements_topics_and_reports(kg_server):
    iri = _event(
        kg_server,
        "20th meeting of the Kazakhstan-Uzbekistan Intergovernmental Commission on Economic Cooperation",
    )
    text = _text(_get(kg_server, "/entity", iri=iri).text)
    assert "date 2023-10-13 kind Meeting place Shymkent" in text
    assert (
        "topics agriculture, energy, industry, investment, trade, transport and logistics" in text
    )
    sides = text.split("Participants by side")[1].split("Reports")[0]
    assert (
        sides.index("Kazakhstan")
        < sides.index("Serik Zhumangarin Person")
        < sides.index("Uzbekistan")
    )
    assert sides.index("Uzbekistan") < sides.index("Jamshid Khodjayev Person")
    assert "Reports (1) 2023-10-13 · kz-uz-commission · Kazinform" in text
    assert "The Kazakh delegation was led by Deputy Prime Minister Serik Zhumangarin." in text


def test_an_event_page_lists_what_was_signed(kg_server):
    iri = _event(kg_server, "signing of 14 cooperation documents")
    text = _text(_get(kg_server, "/entity", iri=iri).text)
    assert "agreements 14 cooperation documents" in text


def test_the_article_page_shows_its_text_with_entities_marked(kg_server):
    page = _get(kg_server, "/article", iri=SAMPLE)
    assert page.status_code == 200
    body = page.text.split('class="article-text"')[1].split('class="article-facts"')[0]
    marks = re.findall(
        r'<a class="mark t-(\w+)" data-type="\w+" href="([^"]+)"[^>]*>([^<]+)</a>', body
    )
    found = {(kind, text) for kind, _, text in marks}
    assert {
        ("Place", "Shymkent"),
        ("Person", "Serik Zhumangarin"),
        ("Country", "Kazakhstan"),
        ("Delegation", "Kazakh delegation"),
        ("Agreement", "roadmap for joint investment projects"),
    } <= found
    text = _text(body)
    assert "On Friday, Shymkent hosted the 20th meeting of the Kazakhstan-Uzbekistan" in text
    # Each fact links to its sentence, which the text holds under that anchor.
    facts = page.text.split('class="article-facts"')[1]
    anchors = set(re.findall(r'href="#(s\d+)"', facts))
    assert anchors and all(f'id="{a}"' in body for a in anchors)


def test_the_article_page_groups_facts_by_event_in_text_order(kg_server):
    page = _get(kg_server, "/article", iri=SAMPLE)
    facts = page.text.split('class="article-facts"')[1]
    groups = [_text(g) for g in re.findall(r"<h3>(.*?)</h3>", facts, re.S)]
    assert groups[0].startswith("20th meeting of the Kazakhstan-Uzbekistan")
    numbers = [int(n) for n in re.findall(r'href="#s(\d+)"', facts.split("<h3>")[1])]
    assert numbers == sorted(numbers)  # within an event, in text order


def test_the_timeline_places_events_on_a_time_axis(kg_server):
    page = _get(kg_server, "/timeline")
    items = re.findall(
        r'<div class="item kind-(\w+)" style="left: ([\d.]+)%; top: [\d.]+rem" data-date="([\d-]+)"',
        page.text,
    )
    assert len(items) >= 10
    days = [d for _, _, d in items]
    lefts = [float(x) for _, x, _ in items]
    assert days == sorted(days) and lefts == sorted(lefts) and lefts[0] == 0 and lefts[-1] == 100
    assert {k for k, _, _ in items} == {"meeting", "visit", "signing"}
    assert 'class="tick"' in page.text and "/?view=full&amp;depth=1&amp;focus=" in page.text


@pytest.mark.parametrize(
    ("params", "expected", "unexpected"),
    [
        (
            {"person": "Bob Beta"},
            {"talks of Ann Alpha and Bob Beta", "visit of Bob Beta to Gammaland"},
            {"meeting of Cy Gamma and Dee Delta"},
        ),
        (
            # A side as the store knows it: Cy Gamma is of Gammaland (w2 says so), so his
            # meeting with Dee Delta (w3, which does not say) is Gammaland's too.
            {"country": "Gammaland"},
            {
                "visit of Bob Beta to Gammaland",
                "meeting of Bob Beta and Cy Gamma",
                "meeting of Cy Gamma and Dee Delta",
            },
            {"talks of Ann Alpha and Bob Beta"},
        ),
        (
            {"person": "Bob Beta", "kind": "visit"},
            {"visit of Bob Beta to Gammaland"},
            {"meeting of Bob Beta and Cy Gamma"},
        ),
        (
            {"since": "2024-01", "until": "2024-03-01", "person": "Cy Gamma"},
            {"meeting of Bob Beta and Cy Gamma"},
            {"meeting of Cy Gamma and Dee Delta"},
        ),
    ],
)
def test_the_timeline_filters_by_person_country_kind_and_dates(
    kg_server, params, expected, unexpected
):
    page = _get(kg_server, "/timeline", **params)
    shown = set(re.findall(r'class="event-link"[^>]*><bdi>([^<]+)</bdi>', unescape(page.text)))
    assert page.status_code == 200 and expected <= shown and not unexpected & shown


def test_the_timeline_refuses_bad_filters(kg_server):
    assert _get(kg_server, "/timeline", since="yesterday").status_code == 400
    assert "no Person named" in _get(kg_server, "/timeline", person="Nobody Atall").text


@pytest.mark.parametrize(
    "path", ["/nothing-here", "/entity?iri=https://w3id.org/kgdt/id/x/none", "/timeline?since=x"]
)
def test_errors_are_short_pages_for_browsers_and_one_line_for_programs(kg_server, path):
    page = httpx.get(kg_server + path, headers=BROWSER)
    assert page.status_code in (400, 404) and page.headers["content-type"].startswith("text/html")
    assert '<p class="error">' in page.text and "Traceback" not in page.text
    api = httpx.get(kg_server + path, headers={"Accept": "application/json"})
    assert api.status_code == page.status_code and api.headers["content-type"].startswith(
        "text/plain"
    )
    assert api.text.count("\n") == 1 and "<" not in api.text and "Traceback" not in api.text


def test_a_wrong_method_is_a_short_answer(kg_server):
    response = httpx.delete(kg_server + "/timeline")
    assert response.status_code == 405 and response.text.count("\n") == 1


def test_every_request_is_one_line_of_the_log(kg_server):
    _get(kg_server, "/timeline", since="2024")
    httpx.get(kg_server + "/nothing-at/all")
    wanted = re.compile(r" GET /nothing-at/all 404 \d+\.\d{3}s$", re.M)
    deadline = time.monotonic() + 5  # the line is written once the answer is sent
    while not wanted.search(log := SERVE_LOGS[kg_server].read_text()):
        assert time.monotonic() < deadline, log[-2000:]
        time.sleep(0.05)
    assert re.search(r" GET /timeline 200 \d+\.\d{3}s$", log, re.M)
    assert "Traceback" not in log


def test_a_filtered_network_of_a_big_store_is_a_bounded_page(tmp_path, monkeypatch):
    """A network with filters is drawn from the latest reports that match, never from the
    whole store: on a store whose whole view is over the server's answer limit (a 413 when
    the views were built from it), each is a page that says what it was drawn from, with
    the earlier reports a page further."""
    from datetime import date, timedelta

    from starlette.testclient import TestClient

    from kg import views
    from kg.events import event_records
    from kg.queries import internal_query
    from kg.rdf import to_graph
    from kg.server import Settings, create_app
    from kg.store import open_store
    from kg.types import Article, Entity, Extraction, Relation

    store = open_store(str(tmp_path / "store"))
    countries = (
        Entity("al", "Alphaland", "Country", "Country"),
        Entity("be", "Betaland", "Country", "Country"),
    )
    for i in range(120):
        a, b = (Entity(f"p{j}", f"Person {j}", "Person", "Person") for j in (i, i + 1))
        talks = Entity("t", f"talks {i}", "Event", "Talks")
        said = f"Person {i} of Alphaland met Person {i + 1} of Betaland " + "at length " * 200
        relations = (
            Relation(a.id, "met", b.id, said, 0.9),
            Relation(a.id, "represents", "al", said, 0.9),
            Relation(b.id, "represents", "be", said, 0.9),
            Relation("t", "participant", a.id, said, 0.9),
            Relation("t", "participant", b.id, said, 0.9),
        )
        article = Article(f"r{i}", said, date=date(2024, 1, 1) + timedelta(days=i))
        entities = (a, b, talks, *countries)
        events = event_records(entities, relations)
        store.replace_graph(to_graph(Extraction(article, entities, relations, events=events)))
    store.close()
    monkeypatch.setattr(views, "REPORTS", 10)
    app = create_app(Settings(str(tmp_path / "store"), workers=1, max_bytes=150_000))
    whole = internal_query("views-edges", predicates="kgo:met kgo:represents", dataset="")
    with TestClient(app, base_url="http://127.0.0.1", headers=BROWSER) as client:
        assert client.get("/sparql", params={"query": whole, "format": "csv"}).status_code == 413
        for params in (
            {"view": "full"},
            {"view": "countries"},
            {"since": "2024-02"},
            {"country": "Alphaland", "type": "Person"},
        ):
            page = client.get("/", params=params)
            assert page.status_code == 200, params
            data = json.loads(page.text.split('id="kg-data">')[1].split("</script>")[0])
            assert data["note"].startswith("Drawn from the latest 10 reports"), params
            assert data["nodes"] and 'rel="next"' in page.text, (params, data["note"])
        earlier = client.get("/", params={"view": "full", "page": "2"})
        assert "Drawn from reports 11 to 20 (the latest first) (2024-04-10 to 2024-04-19)" in (
            earlier.text
        )
        assert 'rel="prev"' in earlier.text and 'href="/?view=full&amp;page=3"' in earlier.text
