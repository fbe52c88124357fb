"""Analytics over the networkx views: centrality, communities, chains of meetings, activity.

>>> from kg.rdf import to_graph
>>> from kg.store import open_store
>>> from kg.types import Article, Entity, Extraction, Relation
>>> from kg.views import who_met_whom
>>> people = [Entity(f"e{i}", name, "Person", "Person") for i, name in
...           enumerate(["Xi Jinping", "Kassym-Jomart Tokayev", "Li Qiang"])]
>>> met = [Relation("e1", "met", "e0", "Xi met Tokayev.", 0.9),
...        Relation("e1", "met", "e2", "Tokayev met Li.", 0.9)]
>>> store = open_store(":memory:")
>>> store.replace_graph(to_graph(Extraction(Article("a1", "..."), tuple(people), tuple(met))))
>>> graph = who_met_whom(store)
>>> ranked(graph, centrality(graph, "betweenness"), 1)
[('Kassym-Jomart Tokayev', 1.0)]
>>> [(hop.source, hop.target) for hop in chain(store, "Xi Jinping", "Li Qiang")]
[('Xi Jinping', 'Kassym-Jomart Tokayev'), ('Kassym-Jomart Tokayev', 'Li Qiang')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

import networkx as nx

from kg.errors import KGError
from kg.names import resolve
from kg.store import Queryable
from kg.views import Fact, country_graph, who_met_whom

__all__ = [
    "MEASURES",
    "Activity",
    "Hop",
    "activity",
    "centrality",
    "chain",
    "communities",
    "ranked",
    "top_entries",
]

MEASURES = ("degree", "betweenness")
_Score = TypeVar("_Score", int, float)
# Exact betweenness costs nodes x edges; above this many nodes it is estimated from a sample.
_EXACT_BETWEENNESS = 1000


def _simple(graph: nx.Graph) -> nx.Graph:
    """An undirected simple graph with ``weight`` summed over parallel edges."""
    if not graph.is_directed() and not graph.is_multigraph():
        return graph
    simple: nx.Graph = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for a, b, weight in graph.edges(data="weight", default=1):
        if simple.has_edge(a, b):
            simple.edges[a, b]["weight"] += weight
        else:
            simple.add_edge(a, b, weight=weight)
    return simple


def centrality(graph: nx.Graph, measure: str = "degree") -> dict[str, float]:
    """Each node's ``degree`` or ``betweenness`` centrality (normalized, edges undirected).

    Betweenness is exact up to 1000 nodes and estimated from 500 sources above.
    """
    if measure not in MEASURES:
        raise KGError(f"unknown measure {measure!r}; choose {', '.join(MEASURES)}")
    simple = _simple(graph)
    if measure == "degree":
        return nx.degree_centrality(simple)
    k = 500 if simple.number_of_nodes() > _EXACT_BETWEENNESS else None
    return nx.betweenness_centrality(simple, k=k, seed=1 if k else None)


def ranked(graph: nx.Graph, scores: Mapping[str, _Score], n: int = 10) -> list[tuple[str, _Score]]:
    """The ``n`` best-scoring nodes as (label, score rounded to 3 places)."""
    best = sorted(scores.items(), key=lambda kv: (-kv[1], graph.nodes[kv[0]].get("label", kv[0])))
    return [(graph.nodes[node].get("label", node), round(score, 3)) for node, score in best[:n]]


def communities(graph: nx.Graph) -> list[set[str]]:
    """Groups of nodes more linked among themselves than to the rest (Louvain, weighted by
    the number of facts, seeded so that runs agree), largest first."""
    found = nx.community.louvain_communities(_simple(graph), weight="weight", seed=1)
    return sorted(found, key=lambda c: (-len(c), sorted(c)))


@dataclass(frozen=True)
class Hop:
    """One link of a chain of meetings: two people and the meetings between them."""

    source: str
    target: str
    facts: tuple[Fact, ...]


def chain(store: Queryable, a: str, b: str) -> list[Hop]:
    """The shortest chain of meetings from person ``a`` to person ``b`` (names or IRIs).

    Raises ``KGError`` when either is unknown, both are one person or no chain joins them.
    """
    people = who_met_whom(store)
    start, end = (resolve(store, name, ("Person",)) for name in (a, b))
    if start.iri == end.iri:
        raise KGError(f"{a!r} and {b!r} are one person, {start.label}: give two people")
    for person in (start, end):
        if person.iri not in people:
            raise KGError(f"{person.label} met nobody in the store")
    try:
        path = nx.shortest_path(people, start.iri, end.iri)
    except nx.NetworkXNoPath:
        raise KGError(f"no chain of meetings joins {start.label} and {end.label}") from None
    label = people.nodes
    return [
        Hop(label[x]["label"], label[y]["label"], tuple(people.edges[x, y]["facts"]))
        for x, y in pairwise(path)
    ]


@dataclass(frozen=True)
class Activity:
    """How many dated facts a node (``kind`` ``node``, one of ``names``) or a pair of nodes
    (``pair``, two ``names`` in order) has in a period (a year ``2024`` or a month
    ``2024-07``)."""

    period: str
    kind: str
    names: tuple[str, ...]
    count: int

    @property
    def name(self) -> str:
        """The node's name, or the pair's as ``A – B``."""
        return " – ".join(self.names)


def activity(graph: nx.Graph, by: str = "year") -> list[Activity]:
    """Facts per period for every node and every pair of a view, busiest first in each period.

    On who-met-whom these are meetings of people and pairs; on the country graph, meetings,
    visits, agreements and trade of countries and pairs of countries. Undated facts are left
    out.
    """
    if by not in ("year", "month"):
        raise KGError(f"unknown period {by!r}; choose year or month")
    width = 4 if by == "year" else 7
    nodes: dict[tuple[str, str], set[Fact]] = {}
    pairs: Counter[tuple[str, tuple[str, ...]]] = Counter()
    for a, b, attrs in graph.edges(data=True):
        names = tuple(sorted((graph.nodes[a]["label"], graph.nodes[b]["label"])))
        for fact in attrs["facts"]:
            if not fact.date:
                continue
            period = fact.date[:width]
            pairs[(period, names)] += 1
            for name in names:
                nodes.setdefault((period, name), set()).add(fact)
    rows = [Activity(p, "node", (n,), len(f)) for (p, n), f in nodes.items()]
    rows += [Activity(p, "pair", n, c) for (p, n), c in pairs.items()]
    return sorted(rows, key=lambda r: (r.period, r.kind, -r.count, r.names))


def top_entries(store: Queryable, n: int = 5) -> dict[str, list[dict]]:
    """The top ``n`` of the store, each a list of records: people who met the most others,
    brokers (betweenness), pairs with the most meetings, countries and pairs of countries
    with the most facts, and the busiest country and pair of each year. A pair is two
    fields, the names in order (``person``, ``with``)."""
    people, countries = who_met_whom(store), country_graph(store)

    def pairs(graph: nx.Graph, kind: str, count: str) -> list[dict]:
        edges: list[tuple[str, str, int]] = list(graph.edges(data="weight"))
        named = sorted(
            ((*sorted(graph.nodes[x]["label"] for x in (a, b)), w) for a, b, w in edges),
            key=lambda row: (-row[2], row[0], row[1]),
        )
        return [{kind: a, "with": b, count: w} for a, b, w in named[:n]]

    facts = {
        node: len({f for *_, attrs in countries.edges(node, data=True) for f in attrs["facts"]})
        for node in countries
    }
    years: dict[str, dict] = {}
    for row in activity(countries):
        year = years.setdefault(row.period, {})
        year.setdefault(row.kind, row)
    return {
        "people": [{"person": p, "people met": int(d)} for p, d in _by_degree(people, n)],
        "brokers": [
            {"person": p, "betweenness": score}
            for p, score in ranked(people, centrality(people, "betweenness"), n)
            if score > 0
        ],
        "pairs": pairs(people, "person", "meetings"),
        "countries": [{"country": c, "facts": int(f)} for c, f in ranked(countries, facts, n)],
        "country pairs": pairs(countries, "country", "facts"),
        "years": [_busiest(year, top) for year, top in sorted(years.items())],
    }


def _busiest(year: str, top: dict[str, Activity]) -> dict:
    country, pair = top.get("node"), top.get("pair")
    a, b = pair.names if pair else ("", "")
    return {
        "year": year,
        "busiest country": country.name if country else "",
        "country facts": country.count if country else 0,
        "busiest pair": a,
        "with": b,
        "pair facts": pair.count if pair else 0,
    }


def _by_degree(graph: nx.Graph, n: int) -> list[tuple[str, int]]:
    return ranked(graph, dict(graph.degree()), n)
