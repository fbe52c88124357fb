"""networkx views: who met whom, the full graph, countries, filters and ego views, on the
made-up world of tests/conftest.py (known answers) and, for a smoke test, on the samples."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import KGError
from kg.views import (
    Fact,
    View,
    country_graph,
    edges_with_data,
    ego,
    full_graph,
    restrict,
    who_met_whom,
)

KGR = "https://w3id.org/kgdt/id/"
ANN, BOB, CY, DEE, EVE, FAY = (
    KGR + f"person/{p}"
    for p in ("ann-alpha", "bob-beta", "cy-gamma", "dee-delta", "eve-epsilon", "fay-phi")
)
AL, BE, GA, DE = (KGR + f"country/{c}land" for c in ("alpha", "beta", "gamma", "delta"))


@pytest.fixture(scope="module")
def people(world):
    return who_met_whom(world)


def test_who_met_whom_has_people_and_the_meetings_behind_each_pair(people):
    assert set(people) == {ANN, BOB, CY, DEE, EVE, FAY}
    assert {t for _, t in people.nodes(data="type")} == {"Person"}
    (fact,) = people.edges[ANN, BOB]["facts"]
    assert people.edges[ANN, BOB]["weight"] == 1
    assert fact == Fact(
        "met",
        KGR + "article/w1",
        "2023-05-09",  # the date of the talks, not of the article
        "Talks",
        "https://example.org/w1",
        ("Ann Alpha of Alphaland held talks with Bob Beta of Betaland in Alpha City.",),
        ("Alpha City",),
        "talks of Ann Alpha and Bob Beta",
    )
    assert people.edges[BOB, CY]["facts"][0].date == "2024-02-01"  # the article's date
    assert people.nodes[ANN]["wikidata"] == "Q42" and people.nodes[ANN]["countries"] == (
        "Alphaland",
    )
    assert people.nodes[EVE]["countries"] == ()


def test_full_graph_links_entities_and_events_with_evidence(world):
    graph = full_graph(world)
    # The talks say when, where and between whom: their node is shared by every report.
    (talks,) = (n for n, cls in graph.nodes(data="cls") if cls == "Talks")
    assert talks.startswith(KGR + "event/2023-05-09/") and graph.nodes[talks]["type"] == "Event"
    assert graph.nodes[talks]["countries"] == ("Alphaland", "Betaland")
    edge = graph.edges[talks, ANN, "participant"]
    assert edge["predicate"] == "participant" and edge["facts"][0].date == "2023-05-09"
    assert edge["facts"][0].evidence[0].startswith("Ann Alpha of Alphaland")
    # met is written both ways in RDF and drawn once
    assert graph.has_edge(ANN, BOB, "met") and not graph.has_edge(BOB, ANN, "met")
    assert graph.edges[BOB, BE, "represents"]["weight"] == 2  # stated in two articles
    assert {p for *_, p in graph.edges(keys=True)} == {
        "met",
        "visited",
        "signed",
        "heldIn",
        "participant",
        "represents",
    }
    assert all(graph.degree(n) for n in graph)  # entities in no relation are left out


def test_country_graph_has_meetings_visits_agreements_and_trade(world):
    graph = country_graph(world)
    assert nx.utils.edges_equal(graph.edges(), [(AL, BE), (BE, GA), (GA, DE)])
    kinds = {f.kind: f for f in graph.edges[AL, BE]["facts"]}
    assert set(kinds) == {"meeting", "agreement", "trade"}
    assert kinds["trade"].detail == "turnover USD 2.5 billion (2022)"
    assert kinds["agreement"].event == "trade deal"
    assert kinds["agreement"].evidence == ("The two countries signed a trade deal.",)
    assert {f.kind for f in graph.edges[BE, GA]["facts"]} == {"meeting", "visit"}
    assert graph.edges[AL, BE]["weight"] == 3


def test_dates_bound_the_facts_and_drop_what_is_left_bare(people):
    assert set(restrict(people, since="2024-07")) == {CY, DEE, EVE, FAY}
    assert set(restrict(people, since="2024-07-02", until="2024-07-02")) == {EVE, FAY}
    assert set(restrict(people, until="2023")) == {ANN, BOB}
    assert set(restrict(people, since="2024-02", until="2024-02")) == {BOB, CY}
    assert people.number_of_nodes() == 6  # the view itself is untouched


def test_country_and_type_filters(world, people):
    assert set(restrict(people, countries=["Gammaland"])) == {BOB, CY, DEE}
    events = restrict(full_graph(world), types=["Person", "Event"])
    assert {t for _, t in events.nodes(data="type")} == {"Person", "Event"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"since": "July"}, "bad date 'July'"),
        ({"until": "2024-7"}, "bad date '2024-7'"),
        ({"since": "2024-13"}, "bad date '2024-13': there is no month 13"),
        ({"until": "2023-02-29"}, "bad date '2023-02-29': February 2023 has 28 days"),
        ({"types": ["Spaceship"]}, "unknown type 'Spaceship'"),
    ],
)
def test_bad_filters_say_what_is_wrong(people, options, message):
    with pytest.raises(KGError, match=message):
        restrict(people, **options)


def test_ego_views_around_a_name(world):
    assert set(View("who-met-whom", focus="Cy", depth=1).graph(world)) == {BOB, CY, DEE}
    assert set(View("who-met-whom", focus="cy gamma", depth=2).graph(world)) == {ANN, BOB, CY, DEE}
    near = View(focus="Dee Delta", depth=1).graph(world)  # the full graph by default
    assert set(near) == {DEE, CY, DE, KGR + "article/w3/event/m3"}
    assert View(focus="Dee", depth=0).graph(world).number_of_nodes() == 1
    assert set(View("countries", country="Deltaland").graph(world)) == {GA, DE}
    assert View(focus="Ann", since="2024").title == "full graph around Ann (depth 2) from 2024"


@pytest.mark.parametrize(
    ("view", "message"),
    [
        (View(focus="Nobody Atall"), "no entity named 'Nobody Atall'"),
        (
            View("who-met-whom", focus="Alphaland"),
            r"Alphaland \(Country\) is not in the who-met-whom view",
        ),
        (
            View("who-met-whom", focus="Ann", since="2024"),
            "not in the who-met-whom view with these filters",
        ),
        (View("maps"), "unknown view 'maps'"),
        (View(country="Atlantis"), "no Country named 'Atlantis'"),
        (View(focus="Ann", depth=-1), "bad depth"),
    ],
)
def test_bad_views_say_what_is_wrong(world, view, message):
    with pytest.raises(KGError, match=message):
        view.graph(world)


def test_ego_of_a_missing_node():
    graph = nx.Graph()
    graph.add_edge("a", "b", facts=[Fact("met", "x")])
    with pytest.raises(KGError, match="not in this view"):
        ego(graph, "c")


def test_views_of_the_samples(sample_graph):
    # What extraction finds may change; that the sample meetings reach the views may not.
    people = who_met_whom(sample_graph.store)
    xi, tokayev = KGR + "person/xi-jinping", KGR + "person/kassym-jomart-tokayev"
    fact = people.edges[xi, tokayev]["facts"][0]
    assert fact.date.startswith("2024-07") and fact.evidence
    countries = country_graph(sample_graph.store)
    kz, uz = KGR + "country/kazakhstan", KGR + "country/uzbekistan"
    assert {"meeting", "trade"} <= {f.kind for f in countries.edges[kz, uz]["facts"]}


def _same(a: nx.Graph, b: nx.Graph) -> bool:
    """Whether two views have the same nodes and the same facts on each edge."""
    facts = lambda g: {  # noqa: E731
        tuple(edge): sorted(data["facts"], key=repr) for *edge, data in edges_with_data(g)
    }
    return dict(a.nodes(data=True)) == dict(b.nodes(data=True)) and facts(a) == facts(b)


@pytest.mark.parametrize("view", [View(), View("full"), View("countries"), View(since="2024")])
def test_a_view_drawn_from_every_report_is_the_whole_view(world, view):
    drawn = view.draw(world, reports=50)
    assert drawn.note is None and not drawn.earlier
    assert _same(drawn.graph, view.graph(world))


@pytest.fixture(scope="module")
def news():
    """Twelve made-up reports, one a day from 2024-01-01: in report i, Person i met Person
    i+1; Person i is of Alphaland when i is even, and the report says so."""
    from datetime import date, timedelta

    from kg.rdf import to_graph
    from kg.store import open_store
    from kg.types import Article, Entity, Extraction, Relation

    store = open_store(":memory:")
    alpha = Entity("al", "Alphaland", "Country", "Country")
    for i in range(12):
        a, b = (Entity(f"p{j}", f"Person {j}", "Person", "Person") for j in (i, i + 1))
        text = f"Person {i} met Person {i + 1}."
        relations = [Relation(a.id, "met", b.id, text, 0.9)]
        entities = [a, b]
        if i % 2 == 0:
            entities.append(alpha)
            relations.append(Relation(a.id, "represents", "al", f"Person {i} of Alphaland.", 0.9))
        day = date(2024, 1, 1) + timedelta(days=i)
        article = Article(f"r{i}", text, date=day)
        store.replace_graph(to_graph(Extraction(article, tuple(entities), tuple(relations))))
    return store


def _people(graph: nx.Graph) -> list[int]:
    """The numbers of the people in a view."""
    return sorted(int(label.split()[1]) for _, label in graph.nodes(data="label") if " " in label)


def test_a_view_of_many_reports_is_drawn_from_the_latest_a_page_at_a_time(news):
    first = View("full").draw(news, reports=4)
    assert _people(first.graph) == [8, 9, 10, 11, 12] and first.earlier
    assert first.note == (
        "Drawn from the latest 4 reports (2024-01-09 to 2024-01-12); earlier ones are left out."
    )
    last = View("full").draw(news, page=3, reports=4)
    assert _people(last.graph) == [0, 1, 2, 3, 4] and not last.earlier
    assert last.note == (
        "Drawn from reports 9 to 12 (the latest first) (2024-01-01 to 2024-01-04); "
        "there are no earlier ones."
    )
    assert View("full").draw(news, page=4, reports=4).graph.number_of_nodes() == 0


def test_the_filters_choose_the_reports_a_view_is_drawn_from(news):
    dated = View(since="2024-01-03", until="2024-01-06").draw(news, reports=2)
    assert _people(dated.graph) == [4, 5, 6] and dated.earlier
    assert "(2024-01-05 to 2024-01-06)" in (dated.note or "")
    alpha = View(country="Alphaland").draw(news, reports=3)
    assert _people(alpha.graph) == [6, 7, 8, 9, 10, 11] and alpha.earlier
    assert (alpha.note or "").startswith("Drawn from the latest 3 reports that mention Alphaland")
    around = View("who-met-whom", focus="Person 3", depth=1, since="2024-01").draw(news, reports=1)
    assert _people(around.graph) == [3, 4] and around.earlier  # report 3, not report 2


def test_who_met_whom_of_many_reports_without_filters_comes_from_the_summary(news):
    drawn = View().draw(news, reports=4)
    assert drawn.note == (
        "All 12 pairs of people reported meeting most, from the summary of meeting pairs (give "
        "dates, a country or a focus to see the facts behind them)."
    )
    assert _people(drawn.graph) == list(range(13))
    assert all(
        data["about"].startswith("1 report of a meeting")
        for *_, data in drawn.graph.edges(data=True)
    )
