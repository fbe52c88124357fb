"""networkx views of the sample store: who met whom, the full graph, countries, filters."""

from __future__ import annotations

import pytest

from kg.errors import KGError
from kg.views import Fact, View, country_graph, ego, full_graph, restrict

KGR = "https://w3id.org/kgdt/id/"
XI, TOKAYEV, LI = (KGR + f"person/{p}" for p in ("xi-jinping", "kassym-jomart-tokayev", "li-qiang"))
KZ, UZ, CN = (KGR + f"country/{c}" for c in ("kazakhstan", "uzbekistan", "china"))


def test_who_met_whom_has_people_and_the_meetings_behind_each_pair(people):
    assert {t for _, t in people.nodes(data="type")} == {"Person"}
    edge = people.edges[XI, TOKAYEV]
    assert edge["weight"] == len(edge["facts"]) == 1
    (fact,) = edge["facts"]
    assert fact.kind == "met" and fact.date == "2024-07-02" and fact.places == ("Beijing",)
    assert fact.article == KGR + "article/cn-kz-state-visit"
    assert fact.event == "talks between Xi Jinping and Kassym-Jomart Tokayev"
    assert any("Xi Jinping held talks" in s for s in fact.evidence)
    assert people.nodes[XI]["wikidata"] == "Q15031"
    assert people.nodes[TOKAYEV]["countries"] == ("Kazakhstan",)


def test_full_graph_links_entities_and_events_with_evidence(store):
    graph = full_graph(store)
    talks = KGR + "article/cn-kz-state-visit/event/e9"
    assert graph.nodes[talks]["type"] == "Event" and graph.nodes[talks]["cls"] == "Talks"
    edge = graph.edges[talks, XI, "participant"]
    assert edge["predicate"] == "participant" and edge["facts"][0].date == "2024-07-02"
    assert edge["facts"][0].evidence
    # met is written both ways in RDF and drawn once
    pair = (KGR + "person/jamshid-khodjayev", KGR + "person/serik-zhumangarin")
    assert graph.has_edge(*pair, "met") and not graph.has_edge(*reversed(pair), "met")
    assert {p for *_, p in graph.edges(keys=True)} >= {"participant", "heldIn", "signed", "met"}


def test_country_graph_has_meetings_visits_agreements_and_trade(store):
    graph = country_graph(store)
    kinds = {f.kind for f in graph.edges[KZ, UZ]["facts"]}
    assert kinds == {"meeting", "agreement", "trade"}
    trade = next(f for f in graph.edges[KZ, UZ]["facts"] if f.kind == "trade")
    assert trade.detail.startswith("turnover USD 3.1 billion") and trade.evidence
    assert "visit" in {f.kind for f in graph.edges[KZ, CN]["facts"]}
    assert graph.edges[KZ, CN]["weight"] == len(graph.edges[KZ, CN]["facts"])


def test_dates_bound_the_facts_and_drop_what_is_left_bare(people):
    later = restrict(people, since="2024-07")
    assert set(later) == {
        XI,
        TOKAYEV,
        LI,
        KGR + "person/shavkat-mirziyoyev",
        KGR + "person/turkmenistan-serdar-berdimuhamedov",
    }
    assert set(restrict(people, since="2024-07-03", until="2024-07-03")) == {TOKAYEV, LI}
    assert set(restrict(people, until="2023")) >= {KGR + "person/serik-zhumangarin"}
    assert all(
        f.date <= "2023-12-31"
        for *_, fs in restrict(people, until="2023").edges(data="facts")
        for f in fs
    )
    assert people.number_of_nodes() > later.number_of_nodes()  # the view itself is untouched


def test_country_and_type_filters(store, people):
    chinese = restrict(people, countries=["China"])
    assert set(chinese) == {XI, TOKAYEV, LI}
    events = restrict(full_graph(store), types=["Person", "Event"])
    assert {t for _, t in events.nodes(data="type")} == {"Person", "Event"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"since": "July"}, "bad date 'July'"),
        ({"types": ["Spaceship"]}, "unknown type 'Spaceship'"),
    ],
)
def test_bad_filters_say_what_is_wrong(people, options, message):
    with pytest.raises(KGError, match=message):
        restrict(people, **options)


def test_ego_view_around_a_name_to_a_depth(store):
    near = View(focus="Tokayev", depth=1).graph(store)
    assert TOKAYEV in near and XI in near and KZ in near
    assert View(focus="Tokayev", depth=0).graph(store).number_of_nodes() == 1
    people_only = View("who-met-whom", focus="Li Qiang", depth=2).graph(store)
    assert set(people_only) == {XI, TOKAYEV, LI}
    assert View("countries", country="Kazakh").graph(store).has_edge(KZ, CN)


@pytest.mark.parametrize(
    ("view", "message"),
    [
        (View(focus="Nobody Atall"), "no entity named 'Nobody Atall'"),
        (
            View("who-met-whom", focus="Kazakhstan"),
            "Kazakhstan \\(Country\\) is not in the who-met-whom view",
        ),
        (View("maps"), "unknown view 'maps'"),
        (View(country="Atlantis"), "no Country named 'Atlantis'"),
        (View(focus="Tokayev", depth=-1), "bad depth"),
    ],
)
def test_bad_views_say_what_is_wrong(store, view, message):
    with pytest.raises(KGError, match=message):
        view.graph(store)


def test_ego_of_a_missing_node():
    import networkx as nx

    graph = nx.Graph()
    graph.add_edge("a", "b", facts=[Fact("met", "x")])
    with pytest.raises(KGError, match="not in this view"):
        ego(graph, "c")
