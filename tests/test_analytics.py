"""Centrality, communities, chains of meetings and activity over time, on the made-up world
of tests/conftest.py: Ann - Bob - Cy - Dee in a line, Eve - Fay apart."""

from __future__ import annotations

import pytest

from kg.analytics import activity, centrality, chain, communities, ranked, top_entries
from kg.errors import KGError
from kg.views import country_graph, full_graph, who_met_whom

KGR = "https://w3id.org/kgdt/id/"
ANN, BOB, CY, DEE, EVE, FAY = (
    KGR + f"person/{p}"
    for p in ("ann-alpha", "bob-beta", "cy-gamma", "dee-delta", "eve-epsilon", "fay-phi")
)


@pytest.fixture(scope="module")
def people(world):
    return who_met_whom(world)


def test_centrality(people, world):
    degree = centrality(people, "degree")
    assert degree[BOB] == degree[CY] == 2 / 5 and degree[ANN] == 1 / 5
    between = centrality(people, "betweenness")
    assert between[BOB] == between[CY] > 0 and between[ANN] == between[EVE] == 0
    assert ranked(people, between, 2) == [("Bob Beta", 0.2), ("Cy Gamma", 0.2)]
    full = centrality(full_graph(world), "betweenness")  # a directed multigraph
    assert max(full, key=full.get) == KGR + "person/bob-beta"
    with pytest.raises(KGError, match="unknown measure 'pagerank'"):
        centrality(people, "pagerank")


def test_communities_group_who_met(people):
    groups = communities(people)
    assert {EVE, FAY} in groups
    assert sum(len(g) for g in groups) == 6
    assert communities(people) == groups  # seeded: runs agree


def test_chain_of_meetings_with_evidence(world):
    hops = chain(world, "Ann", "Dee Delta")
    assert [(h.source, h.target) for h in hops] == [
        ("Ann Alpha", "Bob Beta"),
        ("Bob Beta", "Cy Gamma"),
        ("Cy Gamma", "Dee Delta"),
    ]
    assert hops[2].facts[0].evidence == ("Cy Gamma met Dee Delta.",)
    with pytest.raises(KGError, match="no chain of meetings joins Ann Alpha and Eve Epsilon"):
        chain(world, "Ann", "Eve")
    with pytest.raises(KGError, match="no Person named 'Alphaland'"):
        chain(world, "Ann", "Alphaland")


def test_activity_by_year_and_month(world, people):
    rows = activity(country_graph(world))
    assert [(r.period, r.name, r.count) for r in rows if r.kind == "node"] == [
        ("2023", "Alphaland", 3),
        ("2023", "Betaland", 3),
        ("2024", "Gammaland", 3),
        ("2024", "Betaland", 2),
        ("2024", "Deltaland", 1),
    ]
    pairs = [(r.period, r.name, r.count) for r in rows if r.kind == "pair"]
    assert pairs[0] == ("2023", "Alphaland – Betaland", 3)
    months = {(r.period, r.name) for r in activity(people, "month") if r.kind == "pair"}
    assert ("2024-07", "Eve Epsilon – Fay Phi") in months
    with pytest.raises(KGError, match="unknown period 'week'"):
        activity(people, "week")


def test_top_entries(world):
    top = top_entries(world, 2)
    assert top["people"] == [
        {"person": "Bob Beta", "people met": 2},
        {"person": "Cy Gamma", "people met": 2},
    ]
    assert top["brokers"] == [
        {"person": "Bob Beta", "betweenness": 0.2},
        {"person": "Cy Gamma", "betweenness": 0.2},
    ]
    assert top["pairs"][0] == {"person": "Ann Alpha", "with": "Bob Beta", "meetings": 1}
    assert top["countries"] == [
        {"country": "Betaland", "facts": 5},
        {"country": "Alphaland", "facts": 3},  # ties by name
    ]
    assert top["country pairs"] == [
        {"country": "Alphaland", "with": "Betaland", "facts": 3},
        {"country": "Betaland", "with": "Gammaland", "facts": 2},
    ]
    assert top["years"] == [
        {
            "year": "2023",
            "busiest country": "Alphaland",
            "country facts": 3,
            "busiest pair": "Alphaland",
            "with": "Betaland",
            "pair facts": 3,
        },
        {
            "year": "2024",
            "busiest country": "Gammaland",
            "country facts": 3,
            "busiest pair": "Betaland",
            "with": "Gammaland",
            "pair facts": 2,
        },
    ]
