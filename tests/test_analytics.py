"""Centrality, communities, chains of meetings and activity over time on the samples."""

from __future__ import annotations

import pytest

from kg.analytics import activity, centrality, chain, communities, ranked, top_entries
from kg.errors import KGError
from kg.views import country_graph, full_graph

KGR = "https://w3id.org/kgdt/id/"


def test_centrality_finds_the_person_between_others(people, store):
    assert ranked(people, centrality(people, "degree"), 1)[0][0] == "Kassym-Jomart Tokayev"
    between = centrality(people, "betweenness")
    assert between[KGR + "person/kassym-jomart-tokayev"] > 0
    assert between[KGR + "person/xi-jinping"] == 0
    full = centrality(full_graph(store), "betweenness")  # a multigraph, directed
    assert max(full, key=full.get) == KGR + "country/kazakhstan"
    with pytest.raises(KGError, match="unknown measure 'pagerank'"):
        centrality(people, "pagerank")


def test_communities_group_who_met(people):
    groups = communities(people)
    assert groups[0] == {
        KGR + f"person/{p}" for p in ("xi-jinping", "kassym-jomart-tokayev", "li-qiang")
    }
    assert sum(len(g) for g in groups) == people.number_of_nodes()
    assert communities(people) == groups  # seeded: runs agree


def test_chain_of_meetings_with_evidence(store):
    hops = chain(store, "Xi Jinping", "Li Qiang")
    assert [(h.source, h.target) for h in hops] == [
        ("Xi Jinping", "Kassym-Jomart Tokayev"),
        ("Kassym-Jomart Tokayev", "Li Qiang"),
    ]
    assert "Li Qiang" in hops[1].facts[0].evidence[0]
    with pytest.raises(
        KGError, match="no chain of meetings joins Xi Jinping and Alexander Lukashenko"
    ):
        chain(store, "Xi", "Lukashenko")
    with pytest.raises(KGError, match="no Person named 'Kazakhstan'"):
        chain(store, "Xi", "Kazakhstan")


def test_activity_by_year_and_month(store):
    countries = country_graph(store)
    rows = activity(countries)
    kz = {r.period: r.count for r in rows if r.kind == "node" and r.name == "Kazakhstan"}
    assert kz == {"2023": 4, "2024": 7}
    pairs = [r for r in rows if r.kind == "pair" and r.period == "2024"]
    assert pairs[0].name in ("China – Kazakhstan",) and pairs[0].count == 4
    months = {r.period for r in activity(countries, "month")}
    assert "2024-07" in months and "2023-10" in months
    with pytest.raises(KGError, match="unknown period 'week'"):
        activity(countries, "week")


def test_top_entries(store):
    top = top_entries(store, 2)
    assert top["people"][0] == ("Kassym-Jomart Tokayev", 2)
    assert top["brokers"] == [("Kassym-Jomart Tokayev", 0.011)]
    assert top["countries"][0] == ("Kazakhstan", 11)
    assert len(top["pairs"]) == len(top["country pairs"]) == 2
    assert [y[0] for y in top["years"]] == ["2023", "2024"]
