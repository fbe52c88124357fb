"""networkx views of the store, built from SPARQL.

- ``who_met_whom``: people, an edge per pair that met, with the meetings behind it;
- ``full_graph``: every entity and event with the relations between them;
- ``country_graph``: countries, an edge per pair with the meetings, visits, agreements and
  trade between them;
- ``restrict`` narrows a view to a date range, a country or some types, and ``ego`` to the
  neighbourhood of one node; a ``View`` does all of it by name, for ``kg viz`` and
  ``kg serve``: ``View.graph`` from every article (for exports), ``View.draw`` from the
  latest ``REPORTS`` reports that match its filters (``kg.store.latest.reports``), so that a
  page of a store of any size stays small and says what it was drawn from.

Nodes are IRIs with the attributes ``label``, ``type`` (Person, Country, Event, ...),
``cls`` (the most specific class: City, Talks, Memorandum, ...), ``wikidata`` (a QID or
``None``) and ``countries`` (labels of the countries a person, delegation or event belongs
to). Every edge has ``facts``, the ``Fact`` records behind it (on who-met-whom edges: the
meetings, one per article), and ``weight``, their number.

>>> from datetime import date
>>> from kg.rdf import to_graph
>>> from kg.store import open_store
>>> from kg.types import Article, Entity, Extraction, Relation
>>> store = open_store(":memory:")
>>> store.replace_graph(to_graph(Extraction(
...     Article("a1", "...", date=date(2024, 7, 2)),
...     (Entity("xi", "Xi Jinping", "Person", "Person"),
...      Entity("kt", "Kassym-Jomart Tokayev", "Person", "Person"),
...      Entity("bj", "Beijing", "Place", "City")),
...     (Relation("xi", "met", "kt", "Xi met Tokayev in Beijing.", 0.9),))))
>>> g = who_met_whom(store)
>>> [fact] = g.edges["https://w3id.org/kgdt/id/person/xi-jinping",
...                  "https://w3id.org/kgdt/id/person/kassym-jomart-tokayev"]["facts"]
>>> fact.date, fact.evidence
('2024-07-02', ('Xi met Tokayev in Beijing.',))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

import networkx as nx
import pyoxigraph as ox

from kg.dates import period
from kg.errors import KGError
from kg.names import Match, described, entities, resolve
from kg.ontology import KGO
from kg.queries import internal_query, named_query
from kg.store import Queryable, values_lists
from kg.store.latest import reports as latest_reports
from kg.types import ENTITY_TYPES as TYPES
from kg.types import PREDICATES

__all__ = [
    "REPORTS",
    "VIEWS",
    "Drawn",
    "Fact",
    "View",
    "add_pair",
    "country_graph",
    "edges_with_data",
    "ego",
    "full_graph",
    "restrict",
    "top_pairs",
    "who_met_whom",
]

_G = TypeVar("_G", bound=nx.Graph)
_PREDICATES = " ".join(f"kgo:{p}" for p in PREDICATES)
REPORTS = 50  # reports a page's view of a big store is drawn from (the latest that match)
PAIRS = 1000  # the pairs kg's who-met-whom query gives, those reported most
_MEMBERS = ("Person", "Delegation", "Organization")  # what belongs to a country


@dataclass(frozen=True)
class Fact:
    """One fact behind an edge, with its source.

    ``kind`` is the predicate (``met``, ``visited``, ...) or, on country edges, ``meeting``,
    ``visit``, ``agreement`` or ``trade``; ``date`` is ISO (the event's, else the article's);
    ``evidence`` holds the sentences that state it; ``event`` and ``detail`` name the event
    or agreement and, for trade, the figure.
    """

    kind: str
    article: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    evidence: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    event: str | None = None
    detail: str | None = None


@dataclass
class _Data:
    """What the views are built from, read from the store once per view: nodes, articles,
    the countries each person, delegation and event belongs to, the events by article, and
    the articles read (all, or those a view is drawn from)."""

    nodes: dict[str, dict]
    articles: dict[str, dict]
    countries: dict[str, set[str]]
    events: dict[str, list[_Event]]
    dataset: str = ""  # FROM NAMED clauses of the articles read, or nothing: every article

    def fact(self, kind: str, article: str, day: str | None = None, **more) -> Fact:
        """A fact from ``article``, dated ``day`` or else by the article."""
        meta = self.articles.get(article, {})
        return Fact(
            kind, article, day or meta.get("date"), meta.get("title"), meta.get("url"), **more
        )

    def labels(self, iris: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted({self.nodes[i]["label"] for i in iris if i in self.nodes}))

    def countries_of(self, members: Iterable[str]) -> set[str]:
        return {c for m in members for c in self.countries.get(m, ())}


@dataclass
class _Event:
    iri: str
    members: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    day: str | None = None
    evidence: set[str] = field(default_factory=set)


def _text(term: object) -> str | None:
    return None if term is None else str(term)


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _load(store: Queryable, articles: Sequence[str] | None = None) -> _Data:
    """What the views are built from: of every article, or only of ``articles`` (IRIs)."""
    if articles is None:
        known, lists, dataset = entities(store), [""], ""
    elif not articles:
        raise ValueError("no articles to read: give None for every article")
    else:
        lists = list(values_lists("article", articles))
        mentioned = [
            str(node)
            for clause in lists
            for (node,) in store.query(internal_query("views-mentioned", articles=clause)).rows
        ]
        known = described(store, mentioned)
        dataset = " ".join(f"FROM NAMED {ox.NamedNode(a)}" for a in articles)
    nodes: dict[str, dict] = {
        iri: {
            "label": e.label,
            "type": e.type,
            "cls": e.cls,
            "wikidata": e.wikidata,
            "countries": (),
        }
        for iri, e in known.items()
    }
    articles_read = {
        str(row["article"]): {
            "date": _text(row["date"]),
            "url": _text(row["url"]),
            "title": _text(row["title"]),
        }
        for clause in lists
        for row in store.query(internal_query("views-articles", articles=clause)).dicts(terms=True)
    }
    countries: dict[str, set[str]] = defaultdict(set)
    for node, attrs in nodes.items():
        if attrs["type"] == "Country":
            countries[node].add(node)
    members = sorted(n for n, attrs in nodes.items() if attrs["type"] in _MEMBERS)
    delegations = [n for n in members if nodes[n]["type"] == "Delegation"]
    who, headed = [""], ""
    if articles is not None:
        who = list(values_lists("who", members))
        terms = " ".join(str(ox.NamedNode(d)) for d in delegations)  # a few per report
        headed = f"VALUES ?delegation {{ {terms} }}"
    for clause in who:
        query = internal_query("views-countries", who=clause, delegations=headed)
        for member, side in store.query(query).rows:
            if nodes.get(str(side), {}).get("type") == "Country":
                countries[str(member)].add(str(side))
    events: dict[tuple[str, str], _Event] = {}
    for row in store.query(internal_query("views-events", dataset=dataset)).dicts(terms=True):
        event = events.setdefault(
            (str(row["event"]), str(row["article"])), _Event(str(row["event"]))
        )
        if row["member"] is not None:
            event.members.add(str(row["member"]))
        if row["place"] is not None:
            event.places.add(str(row["place"]))
        if row["day"] is not None:
            event.day = str(row["day"])
    for event_iri, told_in, evidence in store.query(
        internal_query("views-evidence", dataset=dataset)
    ).rows:
        key = (str(event_iri), str(told_in))
        if key in events:
            events[key].evidence.add(str(evidence))
    by_article: dict[str, list[_Event]] = defaultdict(list)
    for (_, article), event in sorted(events.items()):
        by_article[article].append(event)
        if nodes.get(event.iri, {}).get("cls") == "Visit":  # the country visited is involved
            places = {p for p in event.places if nodes.get(p, {}).get("type") == "Country"}
        else:
            places = set()
        countries[event.iri] |= places | {c for m in event.members for c in countries.get(m, ())}
    data = _Data(nodes, articles_read, countries, by_article, dataset)
    for node, found in countries.items():
        if node in nodes:
            nodes[node]["countries"] = data.labels(found)
    return data


def _add_nodes(graph: nx.Graph, data: _Data, nodes: Iterable[str]) -> None:
    for node in nodes:
        if node not in graph:
            graph.add_node(node, **data.nodes[node])


def _add_fact(graph: nx.Graph, a: str, b: str, fact: Fact, **attrs) -> None:
    if isinstance(graph, nx.MultiGraph):
        key = attrs["predicate"]
        if graph.has_edge(a, b, key):
            graph.edges[a, b, key]["facts"].append(fact)
        else:
            graph.add_edge(a, b, key=key, facts=[fact], **attrs)
    elif graph.has_edge(a, b):
        graph.edges[a, b]["facts"].append(fact)
    else:
        graph.add_edge(a, b, facts=[fact], **attrs)


def edges_with_data(graph: nx.Graph) -> Iterable[tuple]:
    """A view's edges with their attributes last: ``(a, b, data)``, or ``(a, b, key, data)``
    in a multigraph (the full view)."""
    if isinstance(graph, nx.MultiGraph):
        return graph.edges(keys=True, data=True)
    return graph.edges(data=True)


def _weigh(graph: _G) -> _G:
    for *_, attrs in graph.edges(data=True):
        attrs["weight"] = len(attrs["facts"])
    return graph


def _edges(store: Queryable, data: _Data, predicate: str | None = None) -> dict[tuple, set[str]]:
    """Direct edges (subject, predicate, object, article) with their evidence sentences."""
    bindings = {"p": KGO[predicate]} if predicate else None
    query = internal_query("views-edges", predicates=_PREDICATES, dataset=data.dataset)
    found: dict[tuple, set[str]] = defaultdict(set)
    for row in store.query(query, bindings).dicts(terms=True):
        s, o = str(row["s"]), str(row["o"])
        if s in data.nodes and o in data.nodes:
            sentences = found[(s, _local(row["p"]), o, str(row["article"]))]
            if row["evidence"] is not None:
                sentences.add(str(row["evidence"]))
    return found


def who_met_whom(store: Queryable, articles: Sequence[str] | None = None) -> nx.Graph:
    """People and who met whom: an edge per pair, a ``met`` fact per article that reports
    it, with the date, places and name of the meeting and the sentences that state it;
    from every article, or only from ``articles`` (IRIs; so for each view)."""
    data = _load(store, articles)
    graph: nx.Graph[str] = nx.Graph()
    for (a, _, b, article), sentences in sorted(_edges(store, data, "met").items()):
        held = [e for e in data.events.get(article, ()) if {a, b} <= e.members]
        days = sorted(e.day for e in held if e.day)
        fact = data.fact(
            "met",
            article,
            days[0] if days else None,
            evidence=tuple(sorted(sentences.union(*(e.evidence for e in held)))),
            places=data.labels(p for e in held for p in e.places),
            event="; ".join(data.labels(e.iri for e in held)) or None,
        )
        _add_nodes(graph, data, (a, b))
        _add_fact(graph, a, b, fact)
    return _weigh(graph)


def full_graph(store: Queryable, articles: Sequence[str] | None = None) -> nx.MultiDiGraph:
    """Every entity and event in a relation, with an edge per relation (its key and
    ``predicate`` are the predicate's name) and a fact per article that states it."""
    data = _load(store, articles)
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    _add_nodes(graph, data, data.nodes)
    days = {(e.iri, a): e.day for a, events in data.events.items() for e in events if e.day}
    for (s, predicate, o, article), sentences in sorted(_edges(store, data).items()):
        day = days.get((s, article)) or days.get((o, article))
        fact = data.fact(predicate, article, day, evidence=tuple(sorted(sentences)))
        _add_fact(graph, s, o, fact, predicate=predicate)
    graph.remove_nodes_from(list(nx.isolates(graph)))
    return _weigh(graph)


def country_graph(store: Queryable, articles: Sequence[str] | None = None) -> nx.Graph:
    """Countries, and an edge per pair with the facts between them: ``meeting`` (an event
    whose participants belong to both), ``visit`` (someone of one visiting the other),
    ``agreement`` (signed by both sides) and ``trade`` (a trade figure of the two)."""
    data = _load(store, articles)
    graph: nx.Graph[str] = nx.Graph()
    for article, events in data.events.items():
        for e in events:
            node = data.nodes.get(e.iri, {})
            if node.get("cls") == "SigningCeremony":
                continue  # an ``agreement`` fact, from its signatures
            fact = data.fact(
                "visit" if node.get("cls") == "Visit" else "meeting",
                article,
                e.day,
                evidence=tuple(sorted(e.evidence)),
                places=data.labels(e.places),
                event=node.get("label"),
            )
            _link(graph, data, data.countries.get(e.iri, set()), fact)
    signed: dict[tuple[str, str], tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for (who, _, agreement, article), sentences in _edges(store, data, "signed").items():
        signers, evidence = signed[(agreement, article)]
        signers.add(who)
        evidence |= sentences
    for (agreement, article), (signers, evidence) in sorted(signed.items()):
        fact = data.fact(
            "agreement",
            article,
            evidence=tuple(sorted(evidence)),
            event=data.nodes[agreement]["label"],
        )
        _link(graph, data, data.countries_of(signers), fact)
    for (_, article), flow in sorted(_trade(store, data.dataset).items()):
        amount = " ".join(
            x for x in (flow.get("measure"), flow.get("currency"), _money(flow.get("amount"))) if x
        )
        period = f" ({flow['period']})" if flow.get("period") else ""
        fact = data.fact(
            "trade",
            article,
            flow.get("day"),
            evidence=tuple(sorted(flow["evidence"])),
            detail=(amount + period) or None,
        )
        _link(graph, data, data.countries_of(flow["partners"]), fact)
    return _weigh(graph)


def _money(amount: str | None) -> str | None:
    """``3100000000`` as ``3.1 billion``.

    >>> _money("3100000000"), _money("250000"), _money(None)
    ('3.1 billion', '250,000', None)
    """
    if amount is None:
        return None
    value = float(amount)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:.4g} {word}"
    return f"{value:,.0f}"


def _trade(store: Queryable, dataset: str) -> dict[tuple[str, str], dict]:
    flows: dict[tuple[str, str], dict] = {}
    for row in store.query(internal_query("views-trade", dataset=dataset)).dicts(terms=True):
        key = (str(row["flow"]), str(row["article"]))
        flow = flows.setdefault(key, {"partners": set(), "evidence": set()})
        flow["partners"].add(str(row["partner"]))
        if row["evidence"] is not None:
            flow["evidence"].add(str(row["evidence"]))
        for name in ("amount", "currency", "measure", "period", "day"):
            if row[name] is not None:
                flow[name] = str(row[name])
    return flows


def _link(graph: nx.Graph, data: _Data, sides: set[str], fact: Fact) -> None:
    """Add ``fact`` to the edge of every pair of the countries in ``sides``."""
    ordered = sorted(s for s in sides if s in data.nodes)
    _add_nodes(graph, data, ordered)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            _add_fact(graph, a, b, fact)


VIEWS: dict[str, Callable[[Queryable, Sequence[str] | None], nx.Graph]] = {
    "who-met-whom": who_met_whom,
    "full": full_graph,
    "countries": country_graph,
}


def _bound(value: str | None, low: bool) -> str | None:
    """``--since``/``--until`` as an ISO day: 2024 means from 2024-01-01 or up to 2024-12-31."""
    if value is None:
        return None
    first, last = period(str(value))
    return (first if low else last).isoformat()


def restrict(
    graph: nx.Graph,
    since: str | None = None,
    until: str | None = None,
    countries: Iterable[str] = (),
    types: Iterable[str] = (),
) -> nx.Graph:
    """A copy of a view narrowed to the nodes of ``types``, to the facts dated ``since`` to
    ``until`` (inclusive; then undated facts go) and to the edges that touch one of
    ``countries`` (labels: the country or what belongs to it). Nodes that the date or country
    filter leaves without edges go too.

    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", facts=[Fact("met", "x", "2023-05-01")])
    >>> g.add_edge("b", "c", facts=[Fact("met", "y", "2024-02-01")])
    >>> sorted(restrict(g, since="2024").nodes)
    ['b', 'c']
    """
    low, high = _bound(since, True), _bound(until, False)
    wanted, types = set(countries), set(types)
    unknown = types - set(TYPES)
    if unknown:
        raise KGError(f"unknown type {sorted(unknown)[0]!r}; choose from {', '.join(TYPES)}")
    out = graph.copy()
    if types:
        out.remove_nodes_from([n for n, t in out.nodes(data="type") if t not in types])
    if low or high or wanted:
        drop = []
        for *edge, attrs in edges_with_data(out):
            if low or high:
                attrs["facts"] = [f for f in attrs["facts"] if _within(f.date, low, high)]
            ends = edge[:2]
            if not attrs["facts"] or (
                wanted and not any(wanted & set(out.nodes[n]["countries"]) for n in ends)
            ):
                drop.append(tuple(edge))
        out.remove_edges_from(drop)
        out.remove_nodes_from(list(nx.isolates(out)))
    return _weigh(out)


def _within(day: str | None, low: str | None, high: str | None) -> bool:
    return day is not None and (not low or day >= low) and (not high or day <= high)


def ego(graph: nx.Graph, node: str, depth: int = 1) -> nx.Graph:
    """The nodes within ``depth`` edges of ``node`` (either direction) and the edges between
    them."""
    if node not in graph:
        raise KGError(f"<{node}> is not in this view")
    return nx.ego_graph(graph, node, radius=depth, undirected=True).copy()


@dataclass(frozen=True)
class Drawn:
    """A view as a page draws it: its graph, what it was drawn from when that is not
    everything the view asks for (``note``), and whether earlier reports were left out
    (``earlier``: the next page draws from them)."""

    graph: nx.Graph
    note: str | None = None
    earlier: bool = False


@dataclass(frozen=True)
class View:
    """A view by name (one of ``VIEWS``; by default who-met-whom, or the full graph around a
    ``focus``) narrowed by ``restrict`` and, with ``focus`` (a name or IRI, found with
    ``kg.names.resolve``), to the entities within ``depth`` edges of it.

    ``graph`` builds it from the whole store (for exports); ``draw`` from the latest reports
    that match its filters, so that a page of a big store stays small.

    >>> View(focus="Tokayev", since="2024").title
    'full graph around Tokayev (depth 2) from 2024'
    """

    name: str | None = None
    since: str | None = None
    until: str | None = None
    country: str | None = None
    types: tuple[str, ...] = ()
    focus: str | None = None
    depth: int = 2

    @property
    def kind(self) -> str:
        """The name of the view built."""
        return self.name or ("full" if self.focus else "who-met-whom")

    @property
    def title(self) -> str:
        """What the view shows, in words."""
        words = ["full graph" if self.kind == "full" else self.kind]
        if self.focus:
            words.append(f"around {self.focus} (depth {self.depth})")
        if self.since:
            words.append(f"from {self.since}")
        if self.until:
            words.append(f"until {self.until}")
        if self.country:
            words.append(f"of {self.country}")
        if self.types:
            words.append(f"({', '.join(self.types)})")
        return " ".join(words)

    def _checked(self) -> None:
        if self.kind not in VIEWS:
            raise KGError(f"unknown view {self.kind!r}; choose {', '.join(VIEWS)}")
        if self.depth < 0:
            raise KGError(f"bad depth {self.depth}: give 0 or more")
        unknown = set(self.types) - set(TYPES)
        if unknown:
            raise KGError(f"unknown type {sorted(unknown)[0]!r}; choose from {', '.join(TYPES)}")

    def graph(self, store: Queryable) -> nx.Graph:
        """Build the view from every article of ``store``; ``KGError`` for an unknown name,
        date, type or entity."""
        self._checked()
        graph = VIEWS[self.kind](store, None)
        country = resolve(store, self.country, ("Country",)) if self.country else None
        focus = resolve(store, self.focus) if self.focus else None
        return self._narrowed(graph, country, focus)

    def _narrowed(self, graph: nx.Graph, country: Match | None, focus: Match | None) -> nx.Graph:
        graph = restrict(
            graph, self.since, self.until, [country.label] if country else [], self.types
        )
        if focus is None:
            return graph
        if focus.iri not in graph:
            narrowed = self.since or self.until or self.country or self.types
            raise KGError(
                f"{focus.label} ({focus.type}) is not in the {self.kind} view"
                + (" with these filters" if narrowed else "; try the full view")
            )
        return ego(graph, focus.iri, self.depth)

    def draw(self, store: Queryable, page: int = 1, reports: int | None = None) -> Drawn:
        """The view as the latest ``reports`` reports that match its filters tell it (those
        dated from ``since`` to ``until`` that mention its country and its focus), or, on
        ``page`` 2 and after, the reports before them; unfiltered who-met-whom on a store of
        more reports, the ``PAIRS`` pairs reported meeting most, from the summary of meeting
        pairs (``kg.store.pairs``). ``reports`` is ``REPORTS`` unless given; ``KGError`` as
        for ``graph``."""
        self._checked()
        reports = reports or REPORTS
        country = resolve(store, self.country, ("Country",)) if self.country else None
        focus = resolve(store, self.focus) if self.focus else None
        low, high = _bound(self.since, True), _bound(self.until, False)
        found, earlier = latest_reports(
            store.query,
            [str(ox.NamedNode(m.iri)) for m in (focus, country) if m is not None],
            date.fromisoformat(low) if low else None,
            date.fromisoformat(high) if high else None,
            (page - 1) * reports,
            reports,
        )
        if self == View() and page == 1 and earlier:
            return top_pairs(store)
        if not found:
            return Drawn(nx.Graph(), f"No {'earlier ' if page > 1 else ''}report matches.")
        graph = self._narrowed(VIEWS[self.kind](store, [a for a, _ in found]), country, focus)
        if page == 1 and not earlier:
            return Drawn(graph)
        return Drawn(graph, _drawn_from(found, page, reports, earlier, focus, country), earlier)


def _drawn_from(
    found: list[tuple[str, str | None]],
    page: int,
    reports: int,
    earlier: bool,
    focus: Match | None,
    country: Match | None,
) -> str:
    """What a view was drawn from, in words.

    >>> _drawn_from([("a", "2024-05-02"), ("b", "2024-01-03")], 1, 2, True, None, None)
    'Drawn from the latest 2 reports (2024-01-03 to 2024-05-02); earlier ones are left out.'
    """
    which = (
        f"the latest {len(found)}"
        if page == 1
        else (
            f"reports {(page - 1) * reports + 1:,} to {(page - 1) * reports + len(found):,} "
            "(the latest first)"
        )
    )
    words = [f"Drawn from {which}" + (" reports" if page == 1 else "")]
    named = [m.label for m in (focus, country) if m is not None]
    if named:
        words.append(f"that mention {' and '.join(named)}")
    days = sorted(day for _, day in found if day)
    if days:
        words.append(f"({days[0]} to {days[-1]})")
    left = "earlier ones are left out." if earlier else "there are no earlier ones."
    return " ".join(words) + f"; {left}"


def top_pairs(store: Queryable) -> Drawn:
    """Who met whom as the summary of meeting pairs tells it: the pairs of people reported
    meeting most (kg's ``who-met-whom`` query), each edge with what it sums up (``about``)
    instead of its facts."""
    graph: nx.Graph = nx.Graph()
    rows = store.query(named_query("who-met-whom")).dicts(terms=True)
    for row in rows:
        add_pair(graph, row, row["personLabel"], row["otherLabel"])
    which = f"The {PAIRS:,} pairs" if len(rows) >= PAIRS else f"All {len(rows):,} pairs"
    return Drawn(
        graph,
        f"{which} of people reported meeting most, from the summary of meeting pairs "
        "(give dates, a country or a focus to see the facts behind them).",
    )


def add_pair(graph: nx.Graph, row: Mapping[str, object], label: object, other: object) -> None:
    """An edge of who met whom from a row of the summary of meeting pairs (``person``,
    ``other``, ``articles``, ``firstReported``, ``lastReported``): its number of reports and
    their dates (``about``) and no facts."""
    a, b = str(row["person"]), str(row["other"])
    for node, name in ((a, label), (b, other)):
        if node not in graph:
            graph.add_node(node, label=str(name), type="Person", cls="Person")
    n = int(str(row["articles"]))
    dates = sorted({str(d) for d in (row["firstReported"], row["lastReported"]) if d is not None})
    graph.add_edge(
        a,
        b,
        facts=[],
        weight=n,
        about=f"{n} report{'s' if n > 1 else ''} of a meeting"
        + (f", {' to '.join(dates)}" if dates else ""),
    )
