"""The latest first, a page at a time, on a big store: events found through their reports
(the person page's meetings, the timeline), the reports that mention an entity (the entity
page) and the reports a network view is drawn from (``kg.views``).

An event's date is its own, else that of its first report: most events in the news are dated
only by the article that tells of them. The engine has no index by date, so sorting every
event or report of a big store by date reads them all, with everything that qualifies them
(seconds at ten million triples). Instead the days are walked back from the latest, some at
a time, each day looked up in the index: the reports dated that day that can tell of what is
asked (those that mention a person, say: ``page-reports-on.rq``), then the undated events
they tell of (``page-report-events.rq``) and the events dated that day by themselves
(``page-events-on.rq``), each query starting from the reports or days. Once the walk has
passed a day, everything dated after it is known, and the walk stops when the page is full.
What is undated comes last, when asked for. When few reports can tell of what is asked (a
rare person's), they are read at once instead.

Oxigraph plans these queries well while their VALUES lists stay under a thousand; over it,
it reads the whole store (9.9 s for 1,200 reports at ten million triples, 0.11 s for 1,000).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pyoxigraph as ox

from kg.queries import internal_query
from kg.store.results import QueryResult

__all__ = ["Found", "latest", "mentioning", "reports"]

FEW = 300  # reports read at once; with more, the days are walked
FIRST = 40  # reports the walk reads at first; each next step reads four times as many ...
MOST = 640  # ... up to this many (a VALUES list, kept well under a thousand)
WIDEST = 366  # days one step reads, at most
RECENT = 64  # days looked up one by one for the latest, before every date is read
_KGO = "https://w3id.org/kgdt/ontology#"
_EVERY = "?article a kgo:NewsArticle ."  # patterns on ?article that allow every report
_UNDATED = "FILTER NOT EXISTS { ?event kgo:date ?day }"  # the walk finds the others by day

Ask = Callable[[str], QueryResult]


@dataclass
class Found:
    """An event found: its IRI, ISO date (``None``: neither it nor its reports are dated),
    name and most specific kg class."""

    iri: str
    date: str | None
    label: str
    cls: str = "Event"

    def add(self, when: str | None, label: str, cls: str) -> None:
        """What another row says of the event: its earliest date, the first of its names and
        a class more specific than Event."""
        if when is not None and (self.date is None or when < self.date):
            self.date = when
        self.label = min(self.label, label)
        if cls.startswith(_KGO) and cls != _KGO + "Event":
            self.cls = cls[len(_KGO) :]


def latest(
    ask: Ask,
    test: str,
    mentions: Sequence[str] = (),
    kinds: Sequence[str] = (),
    since: date | None = None,
    until: date | None = None,
    skip: int = 0,
    count: int = 25,
    undated: bool = False,
) -> tuple[list[Found], bool]:
    """The asserted events that pass ``test`` (SPARQL patterns on ``?event``, values written
    as terms), dated from ``since`` to ``until``, latest first (then by IRI) and, with
    ``undated`` (and no dates given), those without a date last: from the ``skip``-th on, up
    to ``count`` of them, and whether more follow. A report that can tell of such an event
    mentions each of ``mentions`` (SPARQL terms) and, when given, an event of one of
    ``kinds`` (kg classes as SPARQL terms): ``test`` holds what it says of the events
    themselves. ``ask`` runs a query."""
    undated = undated and since is None and until is None
    named = _mentions(mentions)
    reports = named
    if kinds:
        either = " UNION ".join(f"{{ ?told a {kind} }}" for kind in kinds)
        reports += f"\n{either} ?told kgo:mentionedIn ?article ."
    low, high = since or date(1, 1, 1), until or date(9999, 12, 31)
    found: dict[str, Found] = {}

    def add(iri: object, when: str | None, label: object, cls: object) -> None:
        found.setdefault(str(iri), Found(str(iri), when, str(label))).add(
            when, str(label), str(cls)
        )

    def told(read: Mapping[str, str | None], only_undated: bool = True) -> None:
        """The events that the reports ``read`` (IRI: ISO day or ``None``) tell of (those
        without a date of their own, ``only_undated``), each at its own date or its
        report's."""
        for some in _chunks(list(read)):
            query = internal_query(
                "page-report-events",
                reports=some,
                test=test,
                undated=_UNDATED if only_undated else "",
            )
            for iri, report, label, cls, day in ask(query).rows:
                when = _text(day) or read[str(report)]
                if (when is None and undated) or (when is not None and _within(when, low, high)):
                    add(iri, when, label, cls)

    if reports and _few(ask, reports):
        told(_reports(ask, reports), only_undated=False)
        return _events(found, "", skip, count)
    for days, read, floor in _walk(ask, low, high, named):
        told(read)
        for iri, on, label, cls in ask(internal_query("page-events-on", days=days, test=test)).rows:
            add(iri, str(on), label, cls)
        if _done({e.iri: e.date for e in found.values()}, floor, skip + count):
            return _events(found, floor, skip, count)
    if undated and len(found) <= skip + count:
        rows = ask(internal_query("page-reports-undated", reports=_EVERY)).rows
        told(dict.fromkeys((str(article) for (article,) in rows), None))
    return _events(found, "", skip, count)


def mentioning(
    ask: Ask, entity: str, skip: int = 0, count: int = 25
) -> tuple[list[tuple[str, str | None]], bool]:
    """The reports that mention ``entity`` (a SPARQL term) as (IRI, ISO date or ``None``),
    latest first (then by IRI), the undated last: from the ``skip``-th on, up to ``count``
    of them, and whether more follow."""
    return reports(ask, [entity], skip=skip, count=count)


def reports(
    ask: Ask,
    mentions: Sequence[str] = (),
    since: date | None = None,
    until: date | None = None,
    skip: int = 0,
    count: int = 25,
) -> tuple[list[tuple[str, str | None]], bool]:
    """The reports that mention each of ``mentions`` (SPARQL terms; none: every report),
    dated from ``since`` to ``until``, as (IRI, ISO date or ``None``), latest first (then by
    IRI) and, without dates given, the undated last: from the ``skip``-th on, up to
    ``count`` of them, and whether more follow."""
    named = _mentions(mentions)
    dated = since is not None or until is not None
    low, high = since or date(1, 1, 1), until or date(9999, 12, 31)
    every = named or _EVERY
    if _few(ask, every):
        few = _reports(ask, every)
        if dated:
            few = {a: day for a, day in few.items() if day is not None and _within(day, low, high)}
        return _page(few, "", skip, count)
    found: dict[str, str | None] = {}  # report: ISO date
    for _, read, floor in _walk(ask, low, high, named):
        found |= read
        if _done(found, floor, skip + count):
            return _page(found, floor, skip, count)
    if not dated and len(found) <= skip + count:
        rows = ask(internal_query("page-reports-undated", reports=every)).rows
        found |= dict.fromkeys((str(article) for (article,) in rows), None)
    return _page(found, "", skip, count)


def _walk(
    ask: Ask, low: date, high: date, reports: str = ""
) -> Iterator[tuple[str, dict[str, str], str]]:
    """The days from ``high`` (at most tomorrow) back to ``low``, some at a time, as many as
    should hold the step's number of reports (those ``reports`` allows: patterns on
    ``?article`` that name it by a constant, tested article by article), a gap skipped over: (the days, as a VALUES list of dates; the reports dated on
    them, IRI: ISO day; the day after which every report and every event has now been
    read)."""
    allowed = f"FILTER EXISTS {{ {reports} }}" if reports else ""
    on = _last(ask, low, min(high, date.today() + timedelta(days=1)))
    days = seen = 0  # days and reports read so far
    size = FIRST
    while on is not None:
        per_day = seen / days if seen else 0
        width = min(WIDEST, max(1, round(size / per_day)) if per_day else 1 + 3 * days)
        span = " ".join(
            f'"{day.isoformat()}"^^xsd:date'
            for day in (on - timedelta(days=i) for i in range(width))
            if day >= low
        )
        read = ask(internal_query("page-reports-on", days=span, reports=allowed)).rows
        floor = on - timedelta(days=width)
        yield span, {str(article): str(day) for article, day in read}, floor.isoformat()
        days, seen, size = days + width, seen + len(read), min(size * 4, MOST)
        if floor < low:
            return
        on = floor if read else _last(ask, low, floor)


def _last(ask: Ask, low: date, high: date) -> date | None:
    """The latest day from ``low`` to ``high`` on which a report or an event is dated
    (``None`` when there is none): looked up day by day for ``RECENT`` days, else among
    every date."""
    recent = [high - timedelta(days=i) for i in range(RECENT)]
    listed = " ".join(f'"{day.isoformat()}"^^xsd:date' for day in recent if day >= low)
    for days in (f"VALUES ?day {{ {listed} }}", ""):
        query = internal_query(
            "page-reports-last", days=days, since=low.isoformat(), until=high.isoformat()
        )
        [(last,)] = ask(query).rows
        if last is not None:
            return date.fromisoformat(str(last)[:10])
    return None


def _mentions(entities: Sequence[str]) -> str:
    """Patterns on ``?article``: it mentions each of ``entities`` (SPARQL terms)."""
    return "\n".join(f"{entity} kgo:mentionedIn ?article ." for entity in entities)


def _reports(ask: Ask, reports: str) -> dict[str, str | None]:
    """The reports ``reports`` (patterns on ``?article``) allows, with their ISO dates."""
    rows = ask(internal_query("page-reports-few", reports=reports)).rows
    return {str(article): _text(day) for article, day in rows}


def _few(ask: Ask, reports: str) -> bool:
    query = internal_query("page-reports-count", reports=reports, limit=str(FEW + 1))
    [(n,)] = ask(query).rows
    return int(str(n)) <= FEW


def _chunks(iris: list[str]) -> Iterator[str]:
    """``iris`` as VALUES lists of at most ``MOST``."""
    for start in range(0, len(iris), MOST):
        yield " ".join(str(ox.NamedNode(iri)) for iri in iris[start : start + MOST])


def _done(found: Mapping[str, str | None], floor: str, shown: int) -> bool:
    """Whether more than ``shown`` of ``found`` (IRI: ISO date) are dated after ``floor``: a
    page and the knowledge that another follows."""
    return sum(day is not None and day > floor for day in found.values()) > shown


def _text(term: object) -> str | None:
    return None if term is None else str(term)


def _within(day: str, low: date, high: date) -> bool:
    return low.isoformat() <= day <= high.isoformat()


def _page(
    found: Mapping[str, str | None], floor: str, skip: int, count: int
) -> tuple[list[tuple[str, str | None]], bool]:
    """Of ``found`` (IRI: ISO date), what is known (dated after ``floor``, or all when it is
    empty), latest first, then by IRI, the undated last, from the ``skip``-th on."""
    known = sorted(
        (iri, day) for iri, day in found.items() if not floor or (day is not None and day > floor)
    )
    known.sort(key=_day, reverse=True)
    return known[skip : skip + count], len(known) > skip + count


def _events(found: dict[str, Found], floor: str, skip: int, count: int) -> tuple[list[Found], bool]:
    page, more = _page({e.iri: e.date for e in found.values()}, floor, skip, count)
    return [found[iri] for iri, _ in page], more


def _day(found: tuple[str, str | None]) -> str:
    return found[1] or ""
