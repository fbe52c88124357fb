"""``kg enrich``: Wikidata facts about linked entities, in their own graph, offline and online;
and the ``--online`` flag of the commands that link."""

from __future__ import annotations

import logging

import httpx
import pytest
from rdflib import OWL, RDFS, Graph, Literal
from rdflib.namespace import GEO
from typer.testing import CliRunner

from kg.cli import app
from kg.enrich import (
    COORDINATES_QUERY,
    ENRICHMENT_GRAPH,
    POSITIONS_QUERY,
    enrich,
    facts_from_entity,
    to_graph,
)
from kg.link import online as online_module
from kg.link.wikidata import WikidataClient
from kg.ontology import KGR, WD, WDT
from kg.store import open_store
from tests.conftest import SAMPLES
from tests.link.test_online import FakeWikidata

runner = CliRunner()
MAMIN, KARAGANDA = KGR["person/askar-mamin"], KGR["place/karaganda"]


@pytest.fixture
def store():
    """A store with one article graph that links Askar Mamin and Karaganda."""
    made = open_store(":memory:")
    graph = Graph(identifier=KGR["article/a"])
    graph.add((MAMIN, OWL.sameAs, WD.Q527063))
    graph.add((KARAGANDA, OWL.sameAs, WD.Q484706))
    made.replace_graph(graph)
    return made


def test_offline_facts_come_from_the_bundled_base(store):
    done = enrich(store)
    assert (done.entities, done.from_kb, done.online) == (2, 2, 0)
    held = store.query(POSITIONS_QUERY).dicts(terms=True)
    assert [(str(r["title"]), str(r["start"]), str(r["end"])) for r in held] == [
        ("Prime Minister of Kazakhstan", "2019-02-21", "2022-01-05")
    ]
    points = {
        str(r["entity"]): float(r["latitude"])
        for r in store.query(COORDINATES_QUERY).dicts(terms=True)
    }
    assert points == {str(KARAGANDA): pytest.approx(49.80187)}
    country = store.query(
        "SELECT ?c WHERE { GRAPH ?g { <http://www.wikidata.org/entity/Q484706> "
        "<http://www.wikidata.org/prop/direct/P17> ?c } }"
    ).rows
    assert [str(r[0]) for r in country] == [str(WD.Q232)]


def test_the_facts_have_a_graph_of_their_own_replaced_each_run(store):
    enrich(store)
    first = len(store)
    enrich(store)
    assert len(store) == first
    graphs = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    assert sorted(str(r[0]) for r in graphs) == sorted(
        [str(KGR["article/a"]), str(ENRICHMENT_GRAPH)]
    )


def test_online_facts_come_from_wikidata(store, tmp_path):
    client = WikidataClient(
        tmp_path / "cache", transport=httpx.MockTransport(FakeWikidata()), sleep=lambda s: None
    )
    done = enrich(store, client=client)
    assert (done.entities, done.online) == (2, 2)
    starts = [str(r["start"]) for r in store.query(POSITIONS_QUERY).dicts(terms=True)]
    assert starts == ["2019-02-21"]
    # Wikidata's statement ids name the statements, as on the Query Service.
    statements = store.query(
        f"SELECT ?s FROM <{ENRICHMENT_GRAPH}> WHERE {{ <http://www.wikidata.org/entity/Q527063> "
        "<http://www.wikidata.org/prop/P39> ?s }"
    ).rows
    assert str(statements[0][0]).startswith("http://www.wikidata.org/entity/statement/Q527063-")
    # Karaganda's answer has no coordinates: the base's point fills in.
    assert len(store.query(COORDINATES_QUERY).rows) == 1


def test_wikidata_values_in_wikidata_vocabulary():
    # A made-up item, to show each kind of value.
    entity = {
        "id": "Q1",
        "labels": {"en": {"language": "en", "value": "Example"}},
        "claims": {
            "P31": [_claim("P31", {"type": "wikibase-entityid", "value": {"id": "Q5"}})],
            "P856": [_claim("P856", {"type": "string", "value": "https://example.org/"})],
            "P625": [
                _claim(
                    "P625",
                    {"type": "globecoordinate", "value": {"latitude": 51.5, "longitude": -0.1}},
                )
            ],
        },
    }
    graph = to_graph([facts_from_entity(entity, {})])
    item = WD.Q1
    assert (item, WDT.P31, WD.Q5) in graph
    assert (item, RDFS.label, Literal("Example", lang="en")) in graph
    assert (item, WDT.P625, Literal("Point(-0.1 51.5)", datatype=GEO.wktLiteral)) in graph
    assert any(str(o) == "https://example.org/" for o in graph.objects(item, WDT.P856))


def _claim(prop: str, datavalue: dict) -> dict:
    return {
        "mainsnak": {"snaktype": "value", "property": prop, "datavalue": datavalue},
        "type": "statement",
        "rank": "normal",
    }


def test_kg_enrich_on_the_samples(tmp_path):
    location = str(tmp_path / "store")
    assert runner.invoke(app, ["ingest", str(SAMPLES), "--store", location]).exit_code == 0
    result = runner.invoke(app, ["enrich", "--store", location])
    assert result.exit_code == 0, result.output
    assert "from the bundled base" in result.output
    target = open_store(location, read_only=True)
    try:
        titles = {str(r["title"]) for r in target.query(POSITIONS_QUERY).dicts(terms=True)}
    finally:
        target.close()
    assert "President of Kazakhstan" in titles


def test_extract_online_without_network_says_so_once(monkeypatch, caplog):
    """``--online`` with Wikidata unreachable: one warning, and the offline links."""
    failing = FakeWikidata()
    failing.fail = [0] * 100

    class Unreachable(WikidataClient):
        def __init__(self):
            super().__init__(transport=httpx.MockTransport(failing), sleep=lambda s: None)

    monkeypatch.setattr(online_module, "WikidataClient", Unreachable)
    with caplog.at_level(logging.WARNING, logger="kg.link"):
        result = runner.invoke(app, ["extract", str(SAMPLES / "kz-uz-commission.txt"), "--online"])
    assert result.exit_code == 0, result.output
    assert '"wikidata": "Q232"' in result.stdout
    assert sum("cannot be reached" in r.message for r in caplog.records) == 1
