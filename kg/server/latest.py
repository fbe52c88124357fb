"""Events latest first, found through their reports: the person page's meetings and the
timeline.

An event's date is its own, else that of its first report: most events in the news are dated
only by the article that tells of them. The engine has no index by date, so sorting every
event of a big store by date reads them all, with everything that qualifies them (seconds at
ten million triples). Instead the days are walked back from the latest, some at a time, each
day looked up in the index: the reports dated that day (``page-reports-on.rq``) and then the
undated events they tell of (``page-report-events.rq``, starting from the reports), and the
events dated that day by themselves (``page-events-on.rq``). Once the walk has passed a day,
every event dated after it is known, and the walk stops when the page is full. Events of
undated reports come last, when asked for.

When few reports can tell of the events (those that mention a rare person, say), their
events are read at once instead (``page-reports-few.rq``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import pyoxigraph as ox

from kg.queries import internal_query
from kg.store.results import QueryResult

__all__ = ["Found", "latest"]

FEW = 300  # reports whose events are read at once; with more, the days are walked
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
    wanted = skip + count + 1  # one more says whether a next page exists
    found: dict[str, Found] = {}
    if reports and _few(ask, reports):
        for iri, label, cls, day, published in ask(
            internal_query("page-reports-few", reports=reports, test=test)
        ).rows:
            when = _text(day) or _text(published)
            if (when is None and undated) or (when is not None and _within(when, low, high)):
                _add(found, str(iri), when, str(label), str(cls))
        return _page(found, "", skip, count)
    walk = _Walk(ask, test, found, low)
    on = walk.last(min(high, date.today() + timedelta(days=1)))
    while on is not None:
        floor = walk.step(on)
        if sum(event.date is not None and event.date > floor for event in found.values()) >= (
            wanted
        ):
            return _page(found, floor, skip, count)
        on = walk.last(date.fromisoformat(floor)) if floor >= low.isoformat() else None
    if undated and len(found) < wanted:
        rows = ask(internal_query("page-reports-undated")).rows
        walk.events(dict.fromkeys((str(article) for (article,) in rows), None))
    return _page(found, "", skip, count)


class _Walk:
    """The walk back through the days: each step reads the reports of some days and the
    events they tell of, as many days as should hold the step's number of reports."""

    def __init__(self, ask: Ask, test: str, found: dict[str, Found], low: date):
        self.ask, self.test, self.found, self.low = ask, test, found, low
        self.days = self.reports = 0
        self.size = FIRST

    def last(self, high: date) -> date | None:
        """The latest day from ``low`` to ``high`` on which a report or an event is dated:
        looked up day by day for ``RECENT`` days, else among every date."""
        if high < self.low:
            return None
        recent = [high - timedelta(days=i) for i in range(RECENT)]
        for days in (f"VALUES ?day {{ {_days(recent, self.low)} }}", ""):
            query = internal_query(
                "page-reports-last",
                days=days,
                since=self.low.isoformat(),
                until=high.isoformat(),
            )
            [(last,)] = self.ask(query).rows
            if last is not None:
                return date.fromisoformat(str(last)[:10])
        return None

    def step(self, day: date) -> str:
        """Read the days from ``day`` back, and the events of their reports and of their
        own; the ISO day after which every event is now known."""
        per_day = self.reports / self.days if self.reports else 0
        width = max(1, round(self.size / per_day)) if per_day else 1 + 3 * self.days
        span = _days([day - timedelta(days=i) for i in range(width)], self.low)
        read = self.ask(internal_query("page-reports-on", days=span)).rows
        self.events({str(article): str(on) for article, on in read})
        for iri, on, label, cls in self.ask(
            internal_query("page-events-on", days=span, test=self.test)
        ).rows:
            _add(self.found, str(iri), str(on), str(label), str(cls))
        self.days += width
        self.reports += len(read)
        self.size = min(self.size * 2, MOST)
        return (day - timedelta(days=width)).isoformat()

    def events(self, reports: Mapping[str, str | None]) -> None:
        """Add the events without a date of their own that ``reports`` (IRI: ISO day or
        ``None``) tell of, dated by their reports."""
        iris = list(reports)
        for start in range(0, len(iris), MOST):
            some = " ".join(str(ox.NamedNode(iri)) for iri in iris[start : start + MOST])
            query = internal_query("page-report-events", reports=some, test=self.test)
            for iri, report, label, cls in self.ask(query).rows:
                _add(self.found, str(iri), reports[str(report)], str(label), str(cls))


def _few(ask: Ask, reports: str) -> bool:
    query = internal_query("page-reports-count", reports=reports, limit=str(FEW + 1))
    [(n,)] = ask(query).rows
    return int(str(n)) <= FEW


def _add(found: dict[str, Found], iri: str, when: str | None, label: str, cls: str) -> None:
    found.setdefault(iri, Found(iri, when, label)).add(when, label, cls)


def _days(days: list[date], low: date) -> str:
    return " ".join(f'"{day.isoformat()}"^^xsd:date' for day in days if day >= low)


def _text(term: object) -> str | None:
    return None if term is None else str(term)


def _within(day: str, low: date, high: date) -> bool:
    return low.isoformat() <= day <= high.isoformat()


def _page(found: dict[str, Found], floor: str, skip: int, count: int) -> tuple[list[Found], bool]:
    """The events known (dated after ``floor``, or all when it is empty), latest first, then
    by IRI, the undated last, from the ``skip``-th on."""
    known = sorted(
        (e for e in found.values() if not floor or (e.date is not None and e.date > floor)),
        key=_iri,
    )
    known.sort(key=_date, reverse=True)
    return known[skip : skip + count], len(known) > skip + count


def _iri(event: Found) -> str:
    return event.iri


def _date(event: Found) -> str:
    return event.date or ""
