"""The HTML pages of ``kg serve``: ``/`` the network (who-met-whom, full or countries, with
filters: drawn from the latest reports that match, the earlier ones a page further),
``/search`` over entity names, ``/entity`` (a person's titles, meetings and the
people they met; an event's date, places, sides, agreements, topics and reports; any other
entity's facts), ``/article`` (its text with the entities marked and its facts by event),
``/timeline`` (events on a time axis), the query page at ``/sparql`` for browsers, and
``/static/*`` (the pages' own files: everything works offline).

Long lists come a page at a time (``?page=N``). Values from the user reach SPARQL only as
bound terms; the templates escape everything.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kg.analytics import MEASURES
from kg.dates import period
from kg.errors import KGError, QueryError
from kg.names import Match, described, resolve
from kg.names import search as search_names
from kg.ontology import KGO, KGR, NAMESPACES
from kg.queries import describe, internal_query, named_queries
from kg.server.marks import Span, paragraphs, sentence_numbers, spans
from kg.server.security import failure
from kg.server.settings import Settings
from kg.server.timeline import place, ticks
from kg.store.base import to_ox
from kg.store.latest import latest, mentioning
from kg.store.querypool import QueryPool
from kg.store.results import Answer, QueryResult
from kg.views import REPORTS, TYPES, VIEWS, Drawn, Fact, View, add_pair, top_pairs
from kg.viz import COLORS, asset, network_data, templates

__all__ = ["Pages"]

PAGE = 25  # events, facts or rows on one page of a long list
TIMELINE = 150  # events on the timeline
SHOWN_ROWS = 1000  # result rows the query page shows (downloads have them all)
_STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".txt": "text/plain"}
_WEB = re.compile(r"^https?://", re.I)
_QID = re.compile(r"^Q\d+$")
_SERVICE = re.compile(r"SERVICE\s+<https?://([^/>]+)", re.I)
_KGO = str(KGO._NS)
_WD = "http://www.wikidata.org/entity/"
_NUMBERS = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long}
_DATES = {XSD.date, XSD.dateTime, XSD.gYear, XSD.gYearMonth}
# The timeline's kinds of event, by the classes they stand for.
KINDS = {
    "meeting": ("Meeting", "Talks", "Session", "Summit", "Forum", "Conference", "PhoneCall"),
    "visit": ("Visit",),
    "signing": ("SigningCeremony",),
}
# What the result downloads offer, by kind of result: (label, format).
_DOWNLOADS = {
    "select": (("JSON", "json"), ("XML", "xml"), ("CSV", "csv"), ("TSV", "tsv")),
    "ask": (("JSON", "json"), ("XML", "xml")),
    "graph": (
        ("Turtle", "turtle"),
        ("JSON-LD", "json-ld"),
        ("N-Triples", "nt"),
        ("RDF/XML", "xml"),
    ),
}


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _web(url: object) -> str | None:
    return str(url) if url is not None and _WEB.match(str(url)) else None


def _text(term: object) -> str | None:
    return None if term is None else str(term)


def _iri(value: str | None) -> URIRef:
    """A user-given IRI as a term; ``QueryError`` when it is not one (it is bound, never
    pasted, and Oxigraph refuses invalid IRIs)."""
    if not value or not _WEB.match(value) or any(c in value for c in '<>"{}|^`\\ \n'):
        raise QueryError(f"not an IRI: {value!r}")
    return URIRef(value)


def _number(value: str | None) -> int:
    """A page number from the query string (1 when absent); ``QueryError`` when not one."""
    if not value:
        return 1
    if not value.isdigit() or not 1 <= int(value) <= 10_000:
        raise QueryError(f"bad page {value!r}: give a number from 1")
    return int(value)


def _day(value: str | None, low: bool) -> date | None:
    """A filter's date (``kg.dates.period``: a year, month or day), as its first day
    (``low``) or its last; ``QueryError`` (400) for anything else."""
    if not value or not value.strip():
        return None
    try:
        first, last = period(value)
    except KGError as err:
        raise QueryError(str(err)) from None
    return first if low else last


def _short(term: URIRef) -> str:
    """An IRI as a prefixed name where kg has a prefix for it."""
    for prefix, namespace in NAMESPACES.items():
        if term.startswith(str(namespace)) and len(term) > len(str(namespace)):
            return f"{prefix}:{term[len(str(namespace)) :]}"
    return str(term)


def _cell(term, label) -> dict:
    """A result cell of the query page: text, its kind (``num``, ``date``), and a link for
    kg's own IRIs."""
    if term is None:
        return {"text": ""}
    kind = None
    if label is not None:
        text = str(label)
    elif isinstance(term, URIRef):
        text = _short(term)
    else:
        text = str(term)
        if isinstance(term, Literal) and term.datatype in _NUMBERS:
            kind = "num"
        elif isinstance(term, Literal) and term.datatype in _DATES:
            kind = "date"
    if not (isinstance(term, URIRef) and str(term).startswith(str(KGR))):
        return {"text": text, "kind": kind}
    rest = str(term)[len(str(KGR)) :]
    page = "article" if rest.startswith("article/") and rest.count("/") == 1 else "entity"
    return {"text": text, "href": f"/{page}?" + urlencode({"iri": str(term)})}


def _sparql(value: object) -> str:
    """A value for an internal query: an IRI as a SPARQL term (``QueryError`` if it is not
    one), a number as digits."""
    if isinstance(value, int):
        return str(value)
    try:
        return str(to_ox(URIRef(str(value))))
    except ValueError as err:
        raise QueryError(f"not an IRI: {value!r} ({err})") from None


def _kgo(types) -> list[str]:
    return sorted(_local(t) for t in types if str(t).startswith(_KGO))


class Pages:
    """The HTML pages of one server (and their static files), around its query pool."""

    def __init__(self, settings: Settings, pool: QueryPool):
        self.settings = settings
        self.pool = pool

    def _ask(self, query: str, **values) -> QueryResult:
        """The answer to ``internal/<query>.rq`` with its ``{key}`` values filled in: IRIs as
        terms that Oxigraph's serializer writes and checks (so a value never changes the
        query's structure), numbers as numbers. Constant graphs and subjects let the engine
        look up only what the page needs (a bound variable is not pushed into a ``GRAPH``)."""
        return self.pool.query(internal_query(query, **{k: _sparql(v) for k, v in values.items()}))

    def page(self, name: str, status: int = 200, **context) -> HTMLResponse:
        html = templates().get_template(name).render(served=True, colors=COLORS, **context)
        return HTMLResponse(html, status_code=status)

    def error(self, status: int, title: str, message: str, **context) -> HTMLResponse:
        return self.page("error.html", status, title=title, message=message, **context)

    # The network and search

    def home(self, request: Request) -> HTMLResponse:
        p = request.query_params
        try:
            depth = int(p.get("depth") or 2)
        except ValueError:
            depth = -1
        spec = View(
            p.get("view") or None,
            p.get("since") or None,
            p.get("until") or None,
            p.get("country") or None,
            tuple(p.getlist("type")),
            p.get("focus") or None,
            depth,
        )
        size = p.get("size") or "degree"
        number = _number(p.get("page"))
        status, note, earlier = 200, None, False
        try:
            drawn = self._network(spec, number)
            earlier = drawn.earlier
            data = network_data(
                drawn.graph,
                f"kg: {spec.title}",
                size if size in MEASURES else "degree",
                drawn_from=drawn.note,
            )
        except KGError as err:
            status, note = failure(err, request)
            data = network_data(nx.Graph(), f"kg: {spec.title}")
        if note:
            data["note"] = note
        data["links"] = {"entity": "/entity?iri=", "article": "/article?iri="}
        form = {
            "view": spec.kind,
            "focus": spec.focus,
            "depth": depth if depth >= 0 else 2,
            "since": spec.since,
            "until": spec.until,
            "country": spec.country,
            "types": spec.types,
            "size": size,
        }
        return self.page(
            "network.html",
            status,
            title=data["heading"],
            data=data,
            form=form,
            views=list(VIEWS),
            types=TYPES,
            measures=MEASURES,
            pages={
                "number": number,
                "previous": _another(request, number - 1) if number > 1 else None,
                "next": _another(request, number + 1) if earlier else None,
            },
        )

    def _network(self, spec: View, number: int) -> Drawn:
        """The view the network page draws, and what it says it shows: each reads only what
        it shows. The first screen is the summary of meeting pairs, a view around one entity
        its latest reports or the people it met most; a view with filters is drawn from the
        latest reports that match them (``View.draw``), page ``number`` from earlier ones."""
        if spec == View() and number == 1:
            drawn = top_pairs(self.pool)
            for a, b, attrs in drawn.graph.edges(data=True):
                attrs["page"] = "/entity?" + urlencode({"iri": a, "with": b})
            return drawn
        if (
            spec.focus
            and number == 1
            and not (spec.since or spec.until or spec.country or spec.types)
        ):
            match = resolve(self.pool, spec.focus)
            if spec.kind == "who-met-whom" and match.type == "Person":
                return Drawn(*self._met_around(match))
            if spec.kind == "full":
                return self._around(match)
        return spec.draw(self.pool, number)

    def _met_around(self, person: Match) -> tuple[nx.Graph, str]:
        """Who met whom around ``person``: the people they were reported meeting most and
        the meetings between all of them, from the summary of meeting pairs."""
        met = self._met(URIRef(person.iri))
        names = {person.iri: person.label} | {m["iri"]: m["label"] for m in met}
        among = internal_query(
            "page-pairs-among",
            people=" ".join(_sparql(iri) for iri in names),
            pair=internal_query("pair-iri"),
        )
        pairs = " ".join(_sparql(pair) for (pair,) in self.pool.query(among).rows)
        graph: nx.Graph = nx.Graph()
        graph.add_node(person.iri, label=person.label, type="Person", cls="Person")
        for r in self.pool.query(internal_query("page-pairs", pairs=pairs)).dicts(terms=True):
            add_pair(graph, r, names[str(r["person"])], names[str(r["other"])])
        for a, b, attrs in graph.edges(data=True):
            attrs["page"] = "/entity?" + urlencode({"iri": a, "with": b})
        return graph, (
            f"{person.label} and the {len(met)} people they were reported meeting most, "
            "with the meetings between them."
        )

    def _around(self, entity: Match) -> Drawn:
        """The full graph around ``entity``: its facts in its latest ``REPORTS`` reports,
        each edge with the facts behind it and their evidence."""
        reports, more = mentioning(self.pool.query, _sparql(entity.iri), 0, REPORTS)
        facts = self._facts(URIRef(entity.iri), reports)
        known = described(self.pool, [entity.iri, *(f["other"] for f in facts)])
        graph: nx.MultiDiGraph = nx.MultiDiGraph()
        for iri, e in known.items():
            graph.add_node(iri, label=e.label, type=e.type, cls=e.cls)
        for f in facts:
            a, b = (entity.iri, f["other"]) if f["outgoing"] else (f["other"], entity.iri)
            if a not in graph or b not in graph:
                continue
            fact = Fact(
                f["predicate"], f["article"], f["date"], f["title"], f["url"], (f["evidence"],)
            )
            if graph.has_edge(a, b, f["predicate"]):
                graph.edges[a, b, f["predicate"]]["facts"].append(fact)
            else:
                graph.add_edge(a, b, f["predicate"], predicate=f["predicate"], facts=[fact])
        for *_, attrs in graph.edges(data=True):
            attrs["weight"] = len(attrs["facts"])
        told = "report tells" if len(reports) == 1 else "reports tell"
        latest = "latest " if more else ""
        return Drawn(graph, f"{entity.label} as its {latest}{len(reports)} {told} of it.", more)

    def search(self, request: Request) -> HTMLResponse:
        q = (request.query_params.get("q") or "").strip()[:200]
        matches = search_names(self.pool, q) if q else []
        return self.page("search.html", title=f"kg: {q}", q=q, matches=matches)

    # Entities: people, events and the rest

    def _about(self, iri: URIRef) -> dict | None:
        about: dict[str, set[str]] = {}
        for what, value in self._ask("page-entity", entity=iri).rows:
            about.setdefault(str(what), set()).add(str(value))
        if "label" not in about:
            return None
        return {
            "iri": str(iri),
            "label": min(about["label"]),
            "types": _kgo(about.get("type", ())),
            "aliases": sorted(about.get("alias", set()) - about["label"]),
            "wikidata": sorted(
                _local(x)
                for x in about.get("same", ())
                if x.startswith(_WD) and _QID.match(_local(x))
            ),
        }

    def entity(self, request: Request) -> HTMLResponse:
        iri = _iri(request.query_params.get("iri"))
        number = _number(request.query_params.get("page"))
        entity = self._about(iri)
        if entity is None:
            raise HTTPException(404, f"The store has no entity {iri}.")
        if "Person" in entity["types"]:
            other = request.query_params.get("with")
            met = self._about(_iri(other)) if other else None
            if other and met is None:
                raise HTTPException(404, f"The store has no entity {other}.")
            return self._person(entity, number, met)
        if "Event" in entity["types"]:
            return self._event(entity)
        reports, more = mentioning(self.pool.query, _sparql(iri), (number - 1) * PAGE, PAGE)
        return self.page(
            "entity.html",
            title=f"kg: {entity['label']}",
            entity=entity,
            facts=self._facts(iri, reports),
            pages=self._pages(entity["iri"], number, more),
        )

    def _facts(self, iri: URIRef, reports: list[tuple[str, str | None]]) -> list[dict]:
        """The facts about ``iri`` that ``reports`` (IRI, date; in the order shown) state,
        each with its evidence, the other's name and the report."""
        if not reports:
            return []
        query = internal_query(
            "page-entity-facts",
            reports=" ".join(_sparql(article) for article, _ in reports),
            entity=_sparql(iri),
        )
        facts: dict[str, dict] = {}  # by statement
        for r in self.pool.query(query).dicts(terms=True):
            outgoing = str(r["s"]) == str(iri)
            facts[str(r["statement"])] = {
                "predicate": _local(r["p"]),
                "other": str(r["o"] if outgoing else r["s"]),
                "outgoing": outgoing,
                "evidence": str(r["evidence"]),
                "status": _local(r["status"]) if r["status"] is not None else None,
                "article": str(r["article"]),
                "article_id": _local(r["article"]),
                "title": _text(r["title"]),
                "url": _web(r["url"]),
            }
        names = described(self.pool, (fact["other"] for fact in facts.values()))
        order = {article: n for n, (article, _) in enumerate(reports)}
        dates = dict(reports)
        for fact in facts.values():
            known = names.get(fact["other"])
            fact["other_label"] = known.label if known else _local(fact["other"])
            fact["date"] = dates[fact["article"]]
        return sorted(
            facts.values(), key=lambda f: (order[f["article"]], f["predicate"], f["other"])
        )

    def _pages(self, iri: str, number: int, more: bool, **also: str) -> dict:
        """Links to the previous and next page of an entity's long list."""
        link = lambda n: "/entity?" + urlencode({"iri": iri, **also, "page": n})  # noqa: E731
        return {
            "number": number,
            "previous": link(number - 1) if number > 1 else None,
            "next": link(number + 1) if more else None,
        }

    def _events(self, iris: list[str]) -> list[dict]:
        """The events ``iris`` (in that order) with their date, class, places, participants,
        heads, agreements and evidence, merged over the articles that report them."""
        if not iris:
            return []
        events: dict[str, dict[str, Any]] = {
            iri: {
                "iri": iri,
                "label": None,
                "cls": "Event",
                "date": None,
                "roles": defaultdict(dict),
                "evidence": set(),
                "articles": set(),
            }
            for iri in iris
        }
        values = " ".join(_sparql(iri) for iri in iris)

        def ask(query: str) -> list[dict]:
            return self.pool.query(internal_query(query, events=values)).dicts(terms=True)

        own: dict[str, str] = {}  # each event's date, else its first report's
        reported: dict[str, str] = {}
        for r in ask("page-events-names"):
            event = events[str(r["event"])]
            event["label"] = min(filter(None, (event["label"], str(r["label"]))))
            if str(r["cls"]).startswith(_KGO) and _local(r["cls"]) != "Event":
                event["cls"] = _local(r["cls"])
            if r["day"] is not None:
                own[event["iri"]] = min(own.get(event["iri"], "~"), str(r["day"]))
        for r in ask("page-events-reports"):
            event = events[str(r["event"])]
            event["articles"].add(str(r["article"]))
            if r["published"] is not None:
                reported[event["iri"]] = min(reported.get(event["iri"], "~"), str(r["published"]))
        for r in ask("page-events-members"):
            roles = events[str(r["event"])]["roles"][_local(r["role"])]
            labels, kinds = roles.setdefault(str(r["member"]), (set(), set()))
            labels.add(str(r["memberLabel"]))
            kinds.add(_local(r["memberType"]))
        for r in ask("page-events-evidence"):
            events[str(r["event"])]["evidence"].add(str(r["evidence"]))
        for event in events.values():
            event["date"] = own.get(event["iri"]) or reported.get(event["iri"])
            event["roles"] = {
                role: sorted(
                    (
                        {
                            "iri": m,
                            "label": min(labels),
                            "type": next((t for t in TYPES if t in kinds), min(kinds)),
                        }
                        for m, (labels, kinds) in found.items()
                    ),
                    key=lambda m: m["label"],
                )
                for role, found in event["roles"].items()
            }
            event["articles"] = sorted(event["articles"])
            event["evidence"] = sorted(event["evidence"])
        return [events[iri] for iri in iris]

    def _met(self, iri: URIRef) -> list[dict]:
        """The 30 people ``iri`` was reported meeting most, from the summary of meeting
        pairs: each one's IRI, name, number of articles and first and last dates."""
        pairs = {
            str(r["pair"]): int(str(r["articles"]))
            for r in self._ask("page-person-met", person=iri).dicts(terms=True)
        }
        if not pairs:
            return []
        query = internal_query(
            "page-pairs-people",
            pairs=" ".join(_sparql(pair) for pair in pairs),
            person=_sparql(iri),
        )
        named: dict[str, dict] = {}  # by pair, under the first of the other's names
        for r in self.pool.query(query).dicts(terms=True):
            known = named.get(str(r["pair"]))
            if known is None or str(r["otherLabel"]) < known["label"]:
                named[str(r["pair"])] = {
                    "iri": str(r["other"]),
                    "label": str(r["otherLabel"]),
                    "articles": pairs[str(r["pair"])],
                    "first": _text(r["first"]),
                    "last": _text(r["last"]),
                }
        return sorted(named.values(), key=lambda m: (-m["articles"], m["label"]))

    def _person(self, person: dict, number: int, other: dict | None) -> HTMLResponse:
        """A person's page: titles, whom they met, and their meetings, visits and signings
        a page at a time (those with ``other`` only, when given)."""
        iri = URIRef(person["iri"])
        titles = [
            {
                "label": str(r["label"]),
                "of": _text(r["of"]),
                "first": _text(r["first"]),
                "last": _text(r["last"]),
            }
            for r in self._ask("page-person-titles", person=iri).dicts(terms=True)
        ]
        offices = [
            {"label": str(r["title"]), "start": _text(r["start"]), "end": _text(r["end"])}
            for r in self._ask("page-person-offices", person=iri).dicts(terms=True)
        ]
        met = self._met(iri)
        people = [_sparql(iri)] + ([_sparql(other["iri"])] if other else [])
        found, more = latest(
            self.pool.query,
            " ".join(f"?event kgo:participant {who} ." for who in people),
            people,
            skip=(number - 1) * PAGE,
            count=PAGE,
            undated=True,
        )
        events = self._events([event.iri for event in found])
        for event, it in zip(events, found, strict=True):
            event["date"] = it.date
        return self.page(
            "person.html",
            title=f"kg: {person['label']}",
            entity=person,
            titles=titles,
            offices=offices,
            met=met,
            events=events,
            other=other,
            pages=self._pages(
                person["iri"], number, more, **({"with": other["iri"]} if other else {})
            ),
        )

    def _event(self, event: dict) -> HTMLResponse:
        iri = URIRef(event["iri"])
        [details] = self._events([event["iri"]])
        sides: dict[str, dict[str, str]] = defaultdict(dict)
        for r in self._ask("page-event-sides", event=iri).dicts(terms=True):
            sides[str(r["member"])][str(r["side"])] = str(r["sideLabel"])
        by_side: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for role in ("participant", "headedBy"):
            for member in details["roles"].get(role, ()):
                member = {**member, "head": role == "headedBy"}
                if member["type"] == "Country":
                    owners = {member["iri"]: member["label"]}
                else:
                    owners = sides.get(member["iri"]) or {"": ""}
                for side, label in owners.items():
                    listed = by_side[(label, side)]
                    same = next((m for m in listed if m["iri"] == member["iri"]), None)
                    if same is None:
                        listed.append(member)
                    elif member["head"]:
                        same["head"] = True
        reports: dict[str, dict] = {}
        for r in self._ask("page-event-reports", event=iri).dicts(terms=True):
            report = reports.setdefault(
                str(r["article"]),
                {
                    "article": str(r["article"]),
                    "title": _text(r["title"]) or _text(r["id"]) or _local(r["article"]),
                    "date": _text(r["published"]),
                    "publisher": _text(r["publisher"]),
                    "url": _web(r["url"]),
                    "status": _local(r["status"]),
                    "evidence": [],
                },
            )
            if r["evidence"] is not None and str(r["evidence"]) not in report["evidence"]:
                report["evidence"].append(str(r["evidence"]))
        topics = [
            str(r["label"]) for r in self._ask("page-event-topics", event=iri).dicts(terms=True)
        ]
        return self.page(
            "event.html",
            title=f"kg: {event['label']}",
            entity=event,
            event=details,
            sides=sorted(by_side.items(), key=lambda kv: (kv[0][0] == "", kv[0][0])),
            topics=topics,
            reports=sorted(reports.values(), key=lambda r: (r["date"] or "", r["article"])),
        )

    # Articles

    def article(self, request: Request) -> HTMLResponse:
        iri = _iri(request.query_params.get("iri"))
        rows = self._ask("page-article", article=iri).dicts(terms=True)
        if not rows:
            raise HTTPException(404, f"The store has no article {iri}.")
        row = rows[0]
        article = {
            "iri": str(iri),
            "id": _text(row["id"]) or _local(iri),
            "title": _text(row["title"]),
            "date": _text(row["date"]),
            "url": _web(row["url"]),
            "publisher": _text(row["publisher"]),
            "dateline": _text(row["dateline"]),
        }
        text = _text(row["text"]) or ""
        entities: dict[str, dict] = {}
        mentions: list[Span] = []
        for r in self._ask("page-article-entities", article=iri).dicts(terms=True):
            entity = entities.setdefault(
                str(r["entity"]),
                {"iri": str(r["entity"]), "label": str(r["label"]), "type": _local(r["type"])},
            )
            if r["spans"] is not None:
                mentions += spans(entity["iri"], str(r["spans"]))
        facts: list[dict[str, Any]] = [
            {
                "s": str(r["s"]),
                "s_label": _text(r["sLabel"]) or _local(r["s"]),
                "predicate": _local(r["p"]),
                "o": str(r["o"]),
                "o_label": _text(r["oLabel"]) or _local(r["o"]),
                "evidence": str(r["evidence"]),
                "status": _local(r["status"]) if r["status"] is not None else None,
            }
            for r in self._ask("page-article-facts", article=iri).dicts(terms=True)
        ]
        numbers = sentence_numbers(text, (f["evidence"] for f in facts))
        for fact in facts:
            fact["sentence"] = numbers.get(fact["evidence"])
        return self.page(
            "article.html",
            title=f"kg: {article['title'] or article['id']}",
            article=article,
            text=paragraphs(text, mentions, list(numbers)),
            entities=entities,
            groups=self._by_event(iri, facts),
            types=[t for t in TYPES if any(e["type"] == t for e in entities.values())],
        )

    def _by_event(self, article: URIRef, facts: list[dict]) -> list[dict]:
        """The article's facts grouped by the event they are about or between its members,
        events in the order the text tells them; the rest last."""
        events: dict[str, dict] = {}
        for r in self._ask("page-article-events", article=article).dicts(terms=True):
            event = events.setdefault(
                str(r["event"]),
                {
                    "iri": str(r["event"]),
                    "label": str(r["label"]),
                    "cls": "Event",
                    "date": _text(r["day"]),
                    "status": _local(r["status"]),
                    "members": set(),
                    "facts": [],
                },
            )
            if r["cls"] is not None and str(r["cls"]).startswith(_KGO):
                event["cls"] = _local(r["cls"])
            if r["member"] is not None:
                event["members"].add(str(r["member"]))
        rest: dict[str, Any] = {"iri": None, "label": "Other facts", "facts": []}
        far = 1 << 30
        for fact in sorted(facts, key=lambda f: (f["sentence"] or far, f["predicate"])):
            ends = {fact["s"], fact["o"]}
            home = next((e for e in events.values() if e["iri"] in ends), None) or next(
                (e for e in events.values() if ends <= e["members"]), rest
            )
            home["facts"].append(fact)
        groups = [e for e in events.values() if e["facts"]]
        groups.sort(key=lambda e: (min(f["sentence"] or far for f in e["facts"]), e["label"]))
        return groups + ([rest] if rest["facts"] else [])

    # The timeline

    def _named(self, name: str, kind: str) -> URIRef:
        """The entity of type ``kind`` a filter names; ``QueryError`` (400) when none or
        several are."""
        try:
            return URIRef(resolve(self.pool, name, (kind,)).iri)
        except QueryError:
            raise
        except KGError as err:
            raise QueryError(str(err)) from None

    def timeline(self, request: Request) -> HTMLResponse:
        p = request.query_params
        since, until = _day(p.get("since"), True), _day(p.get("until"), False)
        kinds = [k for k in p.getlist("kind") if k in KINDS] or list(KINDS)
        classes = [f"kgo:{c}" for k in kinds for c in KINDS[k]]
        test = [f"?event a ?kind . FILTER (?kind IN ({', '.join(classes)}))"]
        mentions = []  # the entities a report that can tell of the events mentions
        person = (p.get("person") or "").strip()
        country = (p.get("country") or "").strip()
        if person:
            mentions.append(_sparql(self._named(person, "Person")))
            test.append(f"?event kgo:participant {mentions[-1]} .")
        if country:
            mentions.append(_sparql(self._named(country, "Country")))
            # Held there, or with it or someone of it taking part (a path, which the engine
            # follows from each event; a union it would evaluate apart, over every event).
            test.append(f"?event (kgo:participant/kgo:represents?)|kgo:heldIn {mentions[-1]} .")
        found, more = latest(
            self.pool.query,
            "\n".join(test),
            mentions,
            classes if len(kinds) < len(KINDS) else (),
            since,
            until,
            0,
            TIMELINE,
        )
        dated = [
            (
                date.fromisoformat((it.date or "")[:10]),
                {
                    "iri": it.iri,
                    "label": it.label,
                    "date": it.date,
                    "kind": next((k for k, c in KINDS.items() if it.cls in c), "meeting"),
                },
            )
            for it in found
        ]
        first = since or min((d for d, _ in dated), default=date.today())
        last = until or max((d for d, _ in dated), default=first)
        placed = place(dated, first, last)
        form = {
            "person": person,
            "country": country,
            "since": p.get("since") or "",
            "until": p.get("until") or "",
            "kinds": kinds,
        }
        return self.page(
            "timeline.html",
            title="kg: timeline",
            placed=placed,
            lanes=max((x.lane for x in placed), default=-1) + 1,
            ticks=ticks(first, last),
            first=first,
            last=last,
            cut=more,
            limit=TIMELINE,
            form=form,
            kinds=list(KINDS),
        )

    # The query page

    @staticmethod
    def wants_query_page(request: Request) -> bool:
        """Whether a request to ``/sparql`` is a browser asking for the query page: a GET
        that accepts HTML, either without a query or as a navigation (an address typed or a
        form sent); programs asking for results get the SPARQL protocol."""
        params = request.query_params
        if request.method != "GET" or "update" in params:
            return False
        if "text/html" not in request.headers.get("accept", ""):
            return False
        return "query" not in params or request.headers.get("sec-fetch-dest") == "document"

    def query_page(self, request: Request) -> HTMLResponse:
        p = request.query_params
        named = named_queries()
        name = p.get("name")
        query = named.get(name) if name else p.get("query")
        context = {"query": query, "table": None, "answer": None, "error": None, "chosen": name}
        status = 200
        if name and name not in named:
            context["error"], status = f"no named query {name!r}", 404
        elif query and query.strip():
            try:
                answer = self.pool.run(query, limit=self.settings.max_rows)
                context.update(self._shown(answer, query))
            except KGError as err:
                status, context["error"] = failure(err, request)
        return self.page(
            "query.html",
            status,
            title="kg: SPARQL",
            named=[(n, describe(n), _needs(text)) for n, text in named.items()],
            needs=_needs(query or ""),
            prefixes={p: str(ns) for p, ns in NAMESPACES.items()},
            example=_example(),
            timeout=f"{self.settings.timeout:g}",
            max_rows=self.settings.max_rows,
            **context,
        )

    def _shown(self, answer: Answer, query: str) -> dict:
        downloads = [
            (label, "/sparql?" + urlencode({"query": query, "format": form}))
            for label, form in _DOWNLOADS[answer.kind]
        ]
        shown = {"truncated": answer.truncated, "downloads": downloads}
        if answer.kind == "ask":
            return {**shown, "answer": "true" if answer.boolean else "false"}
        if answer.kind == "graph":
            turtle = io.BytesIO()
            answer.write("turtle", turtle)
            return {**shown, "answer": turtle.getvalue().decode("utf-8")}
        result = answer.result()
        # A column ?x with an ?xLabel beside it shows the label, linked to x's page.
        names = result.variables
        label_of = {
            i: names.index(f"{v}Label") for i, v in enumerate(names) if f"{v}Label" in names
        }
        columns = [i for i in range(len(names)) if i not in label_of.values()]
        rows = [
            [_cell(row[i], row[label_of[i]] if i in label_of else None) for i in columns]
            for row in result.rows[:SHOWN_ROWS]
        ]
        return {
            **shown,
            "table": {"columns": [names[i] for i in columns], "rows": rows},
            "count": len(result.rows),
            "shown_rows": SHOWN_ROWS,
        }

    # Static files

    def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        try:
            text = asset(name)
        except KeyError:
            raise HTTPException(404) from None
        return Response(
            text,
            media_type=_STATIC_TYPES[Path(name).suffix],
            headers={"Cache-Control": "max-age=3600"},
        )


def _another(request: Request, number: int) -> str:
    """The address of the network page ``number`` with the same filters."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
    return "/?" + urlencode([*params, *([("page", str(number))] if number > 1 else [])])


def _needs(query: str) -> str | None:
    """The ``--allow-service`` a query needs to run (it asks another endpoint), if any."""
    hosts = sorted(set(_SERVICE.findall(query)))
    return f"--allow-service {' '.join(hosts)}" if hosts else None


def _example() -> str:
    """The query the editor starts with."""
    return (
        f"PREFIX kgo: <{NAMESPACES['kgo']}>\nPREFIX rdfs: <{NAMESPACES['rdfs']}>\n\n"
        "SELECT ?person ?personLabel WHERE {\n  ?person a kgo:Person ; rdfs:label ?personLabel .\n}\n"
        "LIMIT 20\n"
    )
