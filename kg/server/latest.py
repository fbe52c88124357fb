"""The latest first, a page at a time, on a big store: events found through their reports
(the person page's meetings, the timeline) and the reports that mention an entity (the
entity page).

An event's date is its own, else that of its first report: most events in the news are dated
only by the article that tells of them. The engine has no index by date, so sorting every
event or report of a big store by date reads them all, with everything that qualifies them
(seconds at ten million triples). Instead the days are walked back from the latest, some at
a time, each day looked up in the index: the reports dated that day
(``page-reports-on.rq``), then what the page wants of them (the undated events they tell of,
``page-report-events.rq``, with the events dated that day by themselves,
``page-events-on.rq``; or whether they mention an entity, ``page-mentions-in.rq``), each
query starting from the reports or days. Once the walk has passed a day, everything dated
after it is known, and the walk stops when the page is full. What is undated comes last,
when asked for.

When few reports can tell of what is asked (those that mention a rare person, say), they
are read at once instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import pyoxigraph as ox

from kg.queries import internal_query
from kg.store.results import QueryResult

__all__ = ["Found", "latest", "mentioning"]

FEW = 300  # reports read at once; with more, the days are walked
FIRST = 40  # reports the walk reads at first; each next step reads twice as many ...
MOST = 640  # ... up to this many
RECENT = 64  # days looked up one by one for the latest, before every date is read
_KGO = "https://w3id.org/kgdt/ontology#"

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
    reports: str = "",
    since: date | None = None,
    until: date | None = None,
    skip: int = 0,
    count: int = 25,
    undated: bool = False,
) -> tuple[list[Found], bool]:
    """The asserted events that pass ``test`` (SPARQL patterns on ``?event``, values written
    as terms), dated from ``since`` to ``until``, latest first (then by IRI) and, with
    ``undated`` (and no dates given), those without a date last: from the ``skip``-th on, up
    to ``count`` of them, and whether more follow. ``reports`` (patterns on ``?article``) is
    what a report that can tell of such an event matches; ``ask`` runs a query."""
    undated = undated and since is None and until is None
    low, high = since or date(1, 1, 1), until or date(9999, 12, 31)
    found: dict[str, Found] = {}

    def add(iri: object, when: str | None, label: object, cls: object) -> None:
        found.setdefault(str(iri), Found(str(iri), when, str(label))).add(
            when, str(label), str(cls)
        )

    def told(reports: Mapping[str, str | None]) -> None:
        """The events without a date of their own that ``reports`` (IRI: ISO day or
        ``None``) tell of, dated by their reports."""
        for some in _chunks(list(reports)):
            query = internal_query("page-report-events", reports=some, test=test)
            for iri, report, label, cls in ask(query).rows:
                add(iri, reports[str(report)], label, cls)

    if reports and _few(ask, reports):
        for iri, label, cls, day, published in ask(
            internal_query("page-reports-few", reports=reports, test=test)
        ).rows:
            when = _text(day) or _text(published)
            if (when is None and undated) or (when is not None and _within(when, low, high)):
                add(iri, when, label, cls)
        return _events(found, "", skip, count)
    for days, read, floor in _walk(ask, low, high):
        told(read)
        for iri, on, label, cls in ask(internal_query("page-events-on", days=days, test=test)).rows:
            add(iri, str(on), label, cls)
        if _done({e.iri: e.date for e in found.values()}, floor, skip + count):
            return _events(found, floor, skip, count)
    if undated and len(found) <= skip + count:
        rows = ask(internal_query("page-reports-undated")).rows
        told(dict.fromkeys((str(article) for (article,) in rows), None))
    return _events(found, "", skip, count)


def mentioning(
    ask: Ask, entity: str, skip: int = 0, count: int = 25
) -> tuple[list[tuple[str, str | None]], bool]:
    """The reports that mention ``entity`` (a SPARQL term) as (IRI, ISO date or ``None``),
    latest first (then by IRI), the undated last: from the ``skip``-th on, up to ``count``
    of them, and whether more follow."""
    found: dict[str, str | None] = {}  # report: ISO date
    if _few(ask, f"{entity} kgo:mentionedIn ?article ."):
        rows = ask(internal_query("page-mentions-few", entity=entity)).rows
        found = {str(article): _text(day) for article, day in rows}
        return _page(found, "", skip, count)
    for _, read, floor in _walk(ask, date(1, 1, 1), date(9999, 12, 31)):
        for some in _chunks(list(read)):
            query = internal_query("page-mentions-in", reports=some, entity=entity)
            found |= {str(article): read[str(article)] for (article,) in ask(query).rows}
        if _done(found, floor, skip + count):
            return _page(found, floor, skip, count)
    if len(found) <= skip + count:
        rows = ask(internal_query("page-mentions-undated", entity=entity)).rows
        found |= dict.fromkeys((str(article) for (article,) in rows), None)
    return _page(found, "", skip, count)


def _walk(ask: Ask, low: date, high: date) -> Iterator[tuple[str, dict[str, str], str]]:
    """The days from ``high`` (at most tomorrow) back to ``low``, some at a time, as many as
    should hold the step's number of reports, a gap skipped over: (the days, as a VALUES
    list of dates; the reports dated on them, IRI: ISO day; the day after which every report
    and every event has now been read)."""
    on = _last(ask, low, min(high, date.today() + timedelta(days=1)))
    days = reports = 0
    size = FIRST
    while on is not None:
        per_day = reports / days if reports else 0
        width = max(1, round(size / per_day)) if per_day else 1 + 3 * days
        span = " ".join(
            f'"{day.isoformat()}"^^xsd:date'
            for day in (on - timedelta(days=i) for i in range(width))
            if day >= low
        )
        read = ask(internal_query("page-reports-on", days=span)).rows
        floor = on - timedelta(days=width)
        yield span, {str(article): str(day) for article, day in read}, floor.isoformat()
        days, reports, size = days + width, reports + len(read), min(size * 2, MOST)
        on = _last(ask, low, floor) if floor >= low else None


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
