"""Events latest first, found through their reports: the person page's meetings and the
timeline.

An event's date is the one the store gives it, else that of its first report: most events in
the news are dated only by the article that tells of them. The engine has no index by date,
so sorting every event of a big store reads them all, with everything that qualifies them
(seconds at ten million triples). Instead the reports are read latest first, a few hundred
at a time, and then the events they tell of (``page-report-events.rq``, starting from the
reports), until the page is full. An asserted event happened no later than it was reported,
so once every report after a day has been read, every event dated after it is known and in
its place.

The reports come latest first in one of two ways. When few can tell of the events (those
that mention a rare person, say), the store sorts them (``page-reports.rq``). Otherwise the
reports are looked up day by day back from the latest (``page-reports-on.rq``: each day one
lookup in the index, however big the store), the number of days read at once following how
many reports a day the store holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pyoxigraph as ox

from kg.queries import internal_query
from kg.store.results import QueryResult

__all__ = ["Found", "latest"]

FEW = 1000  # reports the store sorts by date; more are read day by day
STEP = 40  # reports whose events the first query reads, about (a day's reports go together)
MOST = 640  # reports whose events one query reads, about: each query reads twice the last
RECENT = 64  # days looked up one by one, back from a day, for the latest report
_KGO = "https://w3id.org/kgdt/ontology#"

Ask = Callable[[str], QueryResult]


@dataclass
class Found:
    """An event found: its IRI, ISO date, name and most specific kg class."""

    iri: str
    date: str
    label: str
    cls: str = "Event"


def latest(
    ask: Ask,
    test: str,
    reports: str = "",
    since: date | None = None,
    until: date | None = None,
    skip: int = 0,
    count: int = 25,
) -> tuple[list[Found], bool]:
    """The asserted events that pass ``test`` (SPARQL patterns on ``?event``, values written
    as terms), dated from ``since`` to ``until``, latest first (then by IRI), from the
    ``skip``-th on: up to ``count`` of them, and whether more follow. ``reports`` (patterns
    on ``?article``) is what a report that can tell of such an event matches; ``ask`` runs a
    query."""
    low, high = since or date(1, 1, 1), until or date(9999, 12, 31)
    wanted = skip + count + 1  # one more says whether a next page exists
    found: dict[str, Found] = {}
    if reports and _few(ask, reports):
        read = _sorted(ask, reports, low, high)
    else:
        read = _by_day(ask, low, min(high, date.today() + timedelta(days=1)))
    for step, floor in _steps(read):
        _events(ask, test, step, low.isoformat(), high.isoformat(), found)
        if sum(event.date > floor for event in found.values()) >= wanted:
            return _page(found, floor, skip, count)
    return _page(found, "", skip, count)


def _few(ask: Ask, reports: str) -> bool:
    query = internal_query("page-reports-count", reports=reports, limit=str(FEW + 1))
    [(n,)] = ask(query).rows
    return int(str(n)) <= FEW


def _sorted(ask: Ask, reports: str, low: date, high: date) -> Iterator[tuple[str, str]]:
    """The reports ``reports`` allows dated from ``low`` to ``high``, latest first, as
    (IRI, ISO day), sorted by the store (there are at most ``FEW``)."""
    query = internal_query(
        "page-reports",
        reports=reports,
        since=low.isoformat(),
        until=high.isoformat(),
        limit=str(FEW),
    )
    for article, day in ask(query).rows:
        yield str(article), str(day)


def _by_day(ask: Ask, low: date, high: date) -> Iterator[tuple[str, str]]:
    """Every report dated from ``low`` to ``high``, latest first, as (IRI, ISO day): looked
    up some days at a time, as many as should hold ``MOST`` reports, a gap skipped over."""
    day = _last(ask, low, high)
    days = reports = 0
    width = 1
    while day is not None:
        span = [day - timedelta(days=i) for i in range(width) if day - timedelta(days=i) >= low]
        query = internal_query("page-reports-on", days=_days(span))
        read = sorted(((str(a), str(d)) for a, d in ask(query).rows), key=_day, reverse=True)
        yield from read
        days, reports = days + len(span), reports + len(read)
        width = min(width * 4, round(MOST * days / reports)) if reports else width * 4
        before = span[-1] - timedelta(days=1)
        if before < low:
            return
        day = before if read else _last(ask, low, before)


def _last(ask: Ask, low: date, high: date) -> date | None:
    """The latest day from ``low`` to ``high`` on which a report is dated (``None`` when
    there is none): looked up day by day for ``RECENT`` days back from ``high``, else found
    among every report's date."""
    recent = [high - timedelta(days=i) for i in range(RECENT)]
    for days in (f"VALUES ?day {{ {_days(recent)} }}", ""):
        query = internal_query(
            "page-reports-last", days=days, since=low.isoformat(), until=high.isoformat()
        )
        [(last,)] = ask(query).rows
        if last is not None:
            return date.fromisoformat(str(last)[:10])
    return None


def _days(span: list[date]) -> str:
    return " ".join(f'"{day.isoformat()}"^^xsd:date' for day in span)


def _day(report: tuple[str, str]) -> str:
    return report[1]


def _steps(reports: Iterator[tuple[str, str]]) -> Iterator[tuple[dict[str, str], str]]:
    """Reports (latest first) in steps of ``STEP``, then twice as many each time up to
    ``MOST``, each day whole, with the day after which every report has been read (empty at
    the last step)."""
    step: dict[str, str] = {}
    size = STEP
    for article, day in reports:
        if len(step) >= size and day < min(step.values()):
            yield step, day
            step, size = {}, min(size * 2, MOST)
        step[article] = day
    if step:
        yield step, ""


def _events(
    ask: Ask, test: str, reports: dict[str, str], low: str, high: str, found: dict[str, Found]
) -> None:
    """Add to ``found`` the events of ``reports`` (IRI: ISO day) that pass ``test`` and are
    dated from ``low`` to ``high``, each at its earliest date."""
    query = internal_query(
        "page-report-events",
        reports=" ".join(str(ox.NamedNode(report)) for report in reports),
        test=test,
    )
    for iri, report, label, cls, day in ask(query).rows:
        when = str(day) if day is not None else reports[str(report)]
        if not low <= when <= high:
            continue
        event = found.setdefault(str(iri), Found(str(iri), when, str(label)))
        event.date = min(event.date, when)
        event.label = min(event.label, str(label))
        if str(cls).startswith(_KGO) and str(cls) != _KGO + "Event":
            event.cls = str(cls)[len(_KGO) :]


def _page(found: dict[str, Found], floor: str, skip: int, count: int) -> tuple[list[Found], bool]:
    """Events dated after ``floor``, latest first (then by IRI), from the ``skip``-th on."""
    known = sorted((event for event in found.values() if event.date > floor), key=_iri)
    known.sort(key=_date, reverse=True)
    return known[skip : skip + count], len(known) > skip + count


def _iri(event: Found) -> str:
    return event.iri


def _date(event: Found) -> str:
    return event.date
