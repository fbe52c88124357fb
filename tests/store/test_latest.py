"""Events latest first through their reports (kg.store.latest): the walk back through the
days and the reading of few reports at once find the events, dates and order that sorting
every event of the store finds, a page at a time, on a store of made-up reports (some
undated, some events dated by themselves, a gap of years)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from kg.events import event_records
from kg.rdf import to_graph
from kg.store import latest, open_store
from kg.types import Article, Entity, Extraction, Relation

KGR = "https://w3id.org/kgdt/id/"
PEOPLE = [f"Person {i}" for i in range(8)]
KINDS = ("Meeting", "Talks", "Visit")
PERSON = f"<{KGR}person/person-1>"
RARE = f"<{KGR}person/person-7>"  # always with Person 0
FIRST = f"<{KGR}person/person-0>"


def _report(n: int, rng: random.Random) -> Extraction:
    day = date(2020, 1, 1) + timedelta(days=rng.randrange(200))
    if n % 3 == 0:
        day += timedelta(days=3 * 365)  # after a gap of years
    who = rng.sample(range(7), 2) if n % 10 else [7, 0]  # Person 7 in a tenth of them
    people = {f"p{i}": Entity(f"p{i}", PEOPLE[i], "Person", "Person") for i in who}
    own = day - timedelta(days=rng.randrange(5)) if n % 4 == 0 else None
    kind = KINDS[n % 3]
    event = Entity("e", f"{kind.lower()} {n}", "Event", kind, date=own)
    text = f"{PEOPLE[who[0]]} met {PEOPLE[who[1]]} (report {n})."
    a, b = (f"p{i}" for i in who)
    relations = (
        Relation(a, "met", b, text, 0.9),
        Relation("e", "participant", a, text, 0.9),
        Relation("e", "participant", b, text, 0.9),
    )
    entities = (*people.values(), event)
    article = Article(f"r{n}", text, date=None if n % 7 == 0 else day)
    return Extraction(article, entities, relations, events=event_records(entities, relations))


@pytest.fixture(scope="module")
def reports():
    rng = random.Random(3)
    store = open_store(":memory:")
    for n in range(90):
        store.replace_graph(to_graph(_report(n, rng)))
    return store


def _expected(store, test: str, undated: bool) -> list[tuple[str, str | None]]:
    """Every asserted event that passes ``test``, dated by itself or its first report, sorted
    by the store: the answer the walk must give."""
    rows = store.query(
        "PREFIX kgo: <https://w3id.org/kgdt/ontology#> PREFIX dct: <http://purl.org/dc/terms/>"
        " SELECT ?event ?day ?published WHERE { ?event kgo:status kgo:Asserted ;"
        f" kgo:mentionedIn ?article . {test} OPTIONAL {{ ?event kgo:date ?day }}"
        " OPTIONAL { ?article dct:date ?published } }"
    ).rows
    dates: dict[str, str | None] = {}
    for event, day, published in rows:
        when = str(day) if day is not None else (str(published) if published else None)
        old = dates.get(str(event))
        dates[str(event)] = min(filter(None, (old, when)), default=None)
    found = sorted(dates.items())
    found.sort(key=lambda e: e[1] or "", reverse=True)
    return [e for e in found if undated or e[1] is not None]


TESTS = {  # test, mentions, kinds
    "every event": ("", (), ()),
    "a person": (f"?event kgo:participant {PERSON} .", (PERSON,), ()),
    "a rare person": (f"?event kgo:participant {RARE} .", (RARE,), ()),
    "two people": (
        f"?event kgo:participant {FIRST} . ?event kgo:participant {RARE} .",
        (FIRST, RARE),
        (),
    ),
    "a kind": ("?event a ?kind . FILTER (?kind IN (kgo:Visit))", (), ("kgo:Visit",)),
}


@pytest.mark.parametrize("few", [0, 1000], ids=["walked", "read at once"])
@pytest.mark.parametrize("undated", [False, True], ids=["dated", "undated last"])
@pytest.mark.parametrize("name", list(TESTS))
def test_pages_of_events_latest_first(reports, monkeypatch, few, undated, name):
    monkeypatch.setattr(latest, "FEW", few)
    monkeypatch.setattr(latest, "FIRST", 3)  # many small steps
    monkeypatch.setattr(latest, "MOST", 6)
    monkeypatch.setattr(latest, "RECENT", 4)  # the gap found among every date
    test, mentions, kinds = TESTS[name]
    expected = _expected(reports, test, undated)
    assert len(expected) >= 3
    pages, more, skip = [], True, 0
    while more:
        found, more = latest.latest(
            reports.query, test, mentions, kinds, skip=skip, count=7, undated=undated
        )
        pages += [(event.iri, event.date) for event in found]
        skip += 7
    assert pages == expected


def test_a_period_bounds_the_events(reports, monkeypatch):
    monkeypatch.setattr(latest, "FEW", 0)
    since, until = date(2020, 3, 1), date(2020, 5, 31)
    found, more = latest.latest(reports.query, "", since=since, until=until, count=1000)
    expected = [
        e for e in _expected(reports, "", False) if since.isoformat() <= e[1] <= until.isoformat()
    ]
    assert [(e.iri, e.date) for e in found] == expected and expected and not more
    assert {e.cls for e in found} == {"Talks", "Visit"}  # the meetings came after the gap
    assert all(e.label.startswith(e.cls.lower()) for e in found)


@pytest.mark.parametrize("few", [0, 1000], ids=["walked", "read at once"])
@pytest.mark.parametrize("entity", [PERSON, RARE])
def test_pages_of_reports_that_mention_an_entity(reports, monkeypatch, few, entity):
    monkeypatch.setattr(latest, "FEW", few)
    monkeypatch.setattr(latest, "FIRST", 3)
    monkeypatch.setattr(latest, "MOST", 6)
    rows = reports.query(
        "SELECT ?article ?day WHERE { "
        f"{entity} <https://w3id.org/kgdt/ontology#mentionedIn> ?article "
        "OPTIONAL { ?article <http://purl.org/dc/terms/date> ?day } }"
    ).rows
    expected = sorted((str(a), str(d) if d is not None else None) for a, d in rows)
    expected.sort(key=lambda r: r[1] or "", reverse=True)
    assert expected[-1][1] is None  # some undated, last
    pages, more, skip = [], True, 0
    while more:
        found, more = latest.mentioning(reports.query, entity, skip=skip, count=4)
        pages += found
        skip += 4
    assert pages == expected
