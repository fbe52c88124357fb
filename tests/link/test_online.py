"""The online linker and its Wikidata client, over recorded answers (``tests/data/wikidata``):
what it links that the bundled base lacks, what it refuses, and how it treats Wikidata."""

from __future__ import annotations

import json
import logging
import pickle
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest

from kg.kb import KnowledgeBase
from kg.link import LinkRequest, OfflineLinker, online_enabled
from kg.link.online import OnlineLinker
from kg.link.wikidata import WikidataClient
from kg.types import Article

ANSWERS = Path(__file__).parents[1] / "data" / "wikidata"
KAZAKHSTAN, QATAR, TURKMENISTAN, UZBEKISTAN = "Q232", "Q846", "Q874", "Q265"
KYRGYZSTAN = "Q813"


def answer(name: str) -> dict:
    return json.loads((ANSWERS / name).read_text(encoding="utf-8"))


class FakeWikidata:
    """Wikidata's API and Query Service, answering from ``tests/data/wikidata``; ``fail``
    makes the next requests fail with that status (or a connection error for 0)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.fail: list[int] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.fail:
            status = self.fail.pop(0)
            if status == 0:
                raise httpx.ConnectError("no route to host", request=request)
            return httpx.Response(status, headers={"Retry-After": "7"}, json={})
        query = {k: v[0] for k, v in parse_qs(request.url.query.decode()).items()}
        if request.url.path == "/sparql":
            rows = answer("kinds.json")
            rows["results"]["bindings"] = [
                b
                for b in rows["results"]["bindings"]
                if f"wd:{b['item']['value'].rsplit('/', 1)[1]} " in query["query"]
            ]
            return httpx.Response(200, json=rows)
        if query["action"] == "wbsearchentities":
            path = ANSWERS / f"search-{query['search'].lower().replace(' ', '-')}.json"
            found = answer(path.name) if path.is_file() else {"search": [], "success": 1}
            return httpx.Response(200, json=found)
        entities = answer("entities.json")["entities"]
        ids = query["ids"].split("|")
        return httpx.Response(
            200,
            json={
                "entities": {q: entities.get(q, {"id": q, "missing": ""}) for q in ids},
                "success": 1,
            },
        )


@pytest.fixture
def wikidata() -> FakeWikidata:
    return FakeWikidata()


@pytest.fixture
def client(wikidata, tmp_path) -> WikidataClient:
    waits: list[float] = []
    made = WikidataClient(
        tmp_path / "cache", transport=httpx.MockTransport(wikidata), sleep=waits.append
    )
    made.waits = waits  # type: ignore[attr-defined]
    return made


@pytest.fixture
def linker(client) -> OnlineLinker:
    """Online linking over a base that knows the countries only, so the rest is online."""
    full = KnowledgeBase.load()
    countries = KnowledgeBase(full.entries("Country"))
    return OnlineLinker(OfflineLinker(countries), client)


def article_with(*countries: str, day: date | None = None) -> tuple[list[LinkRequest], Article]:
    named = [LinkRequest(f"c{i}", "", "Country", "Country", qid=q) for i, q in enumerate(countries)]
    return named, Article("a", "", date=day)


def link_one(linker, request: LinkRequest, *countries: str, day: date | None = None):
    named, article = article_with(*countries, day=day)
    return linker.link([request, *named], article).get(request.id)


def test_a_person_the_base_lacks_is_found_online(linker):
    mamin = LinkRequest("p", "Askar Mamin", "Person", "Person", titles=("Prime Minister",))
    assert link_one(linker, mamin, KAZAKHSTAN, day=date(2020, 3, 1)) == "Q527063"


def test_a_linker_pickled_for_a_worker_process_still_searches(linker):
    mamin = LinkRequest("p", "Askar Mamin", "Person", "Person", titles=("Prime Minister",))
    copy = pickle.loads(pickle.dumps(linker))
    assert link_one(copy, mamin, KAZAKHSTAN, day=date(2020, 3, 1)) == "Q527063"


def test_a_person_online_needs_corroboration(linker):
    # Nothing in this article agrees with Askar Mamin's office in Kazakhstan.
    mamin = LinkRequest("p", "Askar Mamin", "Person", "Person", country=QATAR)
    assert link_one(linker, mamin, QATAR) is None
    # Surnames are never searched.
    assert link_one(linker, LinkRequest("s", "Mamin", "Person", "Person"), KAZAKHSTAN) is None


def test_places_online_follow_the_offline_rules(linker):
    # The city and the region share the name: a bare name is the city.
    karaganda = LinkRequest("k", "Karaganda", "Place", "City")
    assert link_one(linker, karaganda, KAZAKHSTAN) == "Q484706"


def test_a_national_body_needs_to_be_somebodys(linker):
    cabinet = LinkRequest("b", "Cabinet of Ministers", "Organization", "GovernmentBody")
    assert link_one(linker, cabinet, TURKMENISTAN, UZBEKISTAN) is None  # whose?
    assert link_one(linker, cabinet, TURKMENISTAN) == "Q4206687"
    # The search also finds "Cabinet of Ministers of Kyrgyzstan", which is no exact match.
    assert link_one(linker, cabinet, KYRGYZSTAN) is None
    mine = LinkRequest(
        "b", "Cabinet of Ministers", "Organization", "GovernmentBody", country=UZBEKISTAN
    )
    assert link_one(linker, mine, TURKMENISTAN, UZBEKISTAN) is None


def test_answers_are_cached(linker, wikidata, tmp_path):
    mamin = LinkRequest("p", "Askar Mamin", "Person", "Person", titles=("Prime Minister",))
    link_one(linker, mamin, KAZAKHSTAN)
    asked = len(wikidata.requests)
    assert asked >= 3  # a search, the items, their kinds (and the offices)
    again = OnlineLinker(
        linker.offline, WikidataClient(tmp_path / "cache", transport=httpx.MockTransport(wikidata))
    )
    assert link_one(again, mamin, KAZAKHSTAN) == "Q527063"
    assert len(wikidata.requests) == asked


def test_what_the_bundled_base_links_needs_no_request(wikidata, client):
    linker = OnlineLinker(OfflineLinker(), client)
    kazakhstan = LinkRequest("c", "Kazakhstan", "Country", "Country")
    assert linker.link([kazakhstan], Article("a", "")) == {"c": KAZAKHSTAN}
    assert wikidata.requests == []


def test_requests_are_polite(linker, wikidata, client):
    link_one(linker, LinkRequest("k", "Karaganda", "Place", "City"), KAZAKHSTAN)
    agent = wikidata.requests[0].headers["User-Agent"]
    assert agent.startswith("kg/") and "https://" in agent and "httpx/" in agent
    api = [r for r in wikidata.requests if r.url.path == "/w/api.php"]
    assert all(parse_qs(r.url.query.decode())["maxlag"] == ["5"] for r in api)
    assert client.waits and all(0 < w <= 1.0 for w in client.waits)  # one request a second


def test_busy_wikidata_is_retried_after_the_time_it_asks(linker, wikidata, client):
    wikidata.fail = [429, 503]
    assert link_one(linker, LinkRequest("k", "Karaganda", "Place", "City"), KAZAKHSTAN) == (
        "Q484706"
    )
    assert client.waits.count(7.0) == 2


def test_offline_it_says_so_once_and_goes_on(linker, wikidata, client, caplog):
    wikidata.fail = [0] * 10
    requests = [
        LinkRequest("k", "Karaganda", "Place", "City"),
        LinkRequest("c", "Kazakhstan", "Country", "Country", qid=KAZAKHSTAN),
    ]
    with caplog.at_level(logging.WARNING, logger="kg.link"):
        first = linker.link(requests, Article("a", ""))
        second = linker.link(requests, Article("b", ""))
    assert first == second == {"c": KAZAKHSTAN}
    warnings = [r for r in caplog.records if "cannot be reached" in r.message]
    assert len(warnings) == 1
    assert len(wikidata.requests) == client.retries + 1  # then no more attempts


def test_online_is_opt_in(monkeypatch):
    monkeypatch.delenv("KG_ONLINE", raising=False)
    assert not online_enabled()
    monkeypatch.setenv("KG_ONLINE", "1")
    assert online_enabled()
    assert not online_enabled(False)
