"""A polite client of Wikidata's API and Query Service, with an on-disk cache.

It follows Wikimedia's API etiquette: a descriptive User-Agent (``KG_USER_AGENT`` adds your
contact, as the policy asks), one request at a time at most once a second, ``maxlag`` on API
calls, timeouts, and retries with exponential backoff that honour ``Retry-After``. Answers
are kept in ``wikidata/`` of kg's cache folder (``KG_CACHE``, default ``~/.cache/kg``) for 30
days, so a second run asks nothing. When Wikidata cannot be reached it says so once (a warning on the ``kg``
logger) and answers from the cache alone from then on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import httpx

from kg.cache import folder as kg_cache_folder
from kg.resources import VERSION

__all__ = [
    "API",
    "SPARQL",
    "USER_AGENT_ENV",
    "WikidataClient",
    "cache_folder",
    "user_agent",
]

API = "https://www.wikidata.org/w/api.php"
SPARQL = "https://query.wikidata.org/sparql"
USER_AGENT_ENV = "KG_USER_AGENT"
_RETRY_STATUS = {429, 500, 502, 503, 504}
_BATCH = 50  # wbgetentities takes at most 50 ids
log = logging.getLogger("kg.link")


def user_agent() -> str:
    """kg's User-Agent: its name, version and home, your contact from ``KG_USER_AGENT``, and
    the HTTP library, as Wikimedia's User-Agent policy asks.

    >>> user_agent().startswith("kg/")
    True
    """
    contact = os.environ.get(USER_AGENT_ENV, "").strip()
    about = "https://w3id.org/kgdt; knowledge graphs of diplomacy and trade news"
    if contact:
        about += f"; {contact}"
    return f"kg/{VERSION} ({about}) httpx/{httpx.__version__}"


def cache_folder() -> Path:
    """``wikidata/`` in kg's cache folder (``kg.cache.folder``: ``KG_CACHE``, else
    ``~/.cache/kg``)."""
    return kg_cache_folder() / "wikidata"


class WikidataClient:
    """Searches and reads Wikidata entities, and runs SPARQL on the Query Service.

    ``transport`` replaces the network (tests pass an ``httpx.MockTransport``); ``sleep``
    replaces ``time.sleep``. Every method answers from the cache first and returns nothing
    (an empty list or dict) for what it could not get.
    """

    def __init__(
        self,
        cache: Path | str | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        interval: float = 1.0,
        timeout: float = 10.0,
        retries: int = 3,
        ttl_days: float = 30,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.cache = Path(cache) if cache else cache_folder()
        self.interval, self.retries, self.ttl = interval, retries, ttl_days * 86400
        self.sleep = sleep
        self.reachable = True
        self._last = 0.0
        self._transport, self._timeout = transport, timeout
        self._http = self._connect()

    def _connect(self) -> httpx.Client:
        return httpx.Client(
            transport=self._transport,
            timeout=httpx.Timeout(self._timeout, connect=min(self._timeout, 5.0)),
            headers={"User-Agent": user_agent(), "Accept": "application/json"},
            follow_redirects=True,
        )

    def __getstate__(self) -> dict:
        """Pickled without its connections, which open again where it is unpickled (in a
        worker process, see ``kg.executors``)."""
        return {**self.__dict__, "_http": None}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._http = self._connect()

    def close(self) -> None:
        self._http.close()

    # -- the three questions ---------------------------------------------------------

    def search(self, name: str, language: str = "en", limit: int = 10) -> list[dict]:
        """``wbsearchentities``: items whose label or alias starts with ``name``."""
        params = {
            "action": "wbsearchentities",
            "search": name,
            "language": language,
            "uselang": language,
            "type": "item",
            "limit": str(limit),
            "format": "json",
        }
        answer = self._cached(API, params)
        return list((answer or {}).get("search", []))

    def entities(self, qids: Iterable[str], language: str = "en") -> dict[str, dict]:
        """``wbgetentities``: labels, aliases, descriptions, claims and sitelinks of items,
        by QID (fetched 50 at a time; each item cached on its own)."""
        found: dict[str, dict] = {}
        missing = []
        for qid in dict.fromkeys(qids):
            entity = self._read(("entity", qid, language))
            if entity is not None:
                found[qid] = entity
            else:
                missing.append(qid)
        for start in range(0, len(missing), _BATCH):
            batch = missing[start : start + _BATCH]
            params = {
                "action": "wbgetentities",
                "ids": "|".join(batch),
                "props": "labels|aliases|descriptions|claims|sitelinks",
                "languages": language,
                "format": "json",
            }
            answer = self._get(API, params)
            for qid, entity in ((answer or {}).get("entities") or {}).items():
                if "missing" not in entity:
                    found[qid] = entity
                    self._write(("entity", qid, language), entity)
        return found

    def sparql(self, query: str) -> list[dict[str, Any]]:
        """The bindings of a SELECT query on the Wikidata Query Service."""
        answer = self._cached(SPARQL, {"query": query, "format": "json"})
        return list(((answer or {}).get("results") or {}).get("bindings", []))

    # -- cache -----------------------------------------------------------------------

    def _path(self, key: tuple) -> Path:
        digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()
        return self.cache / digest[:2] / f"{digest}.json"

    def _read(self, key: tuple) -> Any | None:
        path = self._path(key)
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if time.time() - stored.get("fetched", 0) > self.ttl:
            return None
        return stored.get("answer")

    def _write(self, key: tuple, answer: Any) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_text(
                json.dumps({"key": key, "fetched": time.time(), "answer": answer}),
                encoding="utf-8",
            )
            temporary.replace(path)
        except OSError as error:
            log.warning("cannot write the Wikidata cache %s (%s)", self.cache, error.strerror)

    def _cached(self, url: str, params: dict[str, str]) -> Any | None:
        key = (url, sorted(params.items()))
        answer = self._read(key)
        if answer is None:
            answer = self._get(url, params)
            if answer is not None:
                self._write(key, answer)
        return answer

    # -- network ---------------------------------------------------------------------

    def _get(self, url: str, params: dict[str, str]) -> Any | None:
        """The JSON answer, after retries; None when Wikidata cannot be reached or refuses."""
        if not self.reachable:
            return None
        if url == API:
            params = {**params, "maxlag": "5"}
        for attempt in range(self.retries + 1):
            self._wait()
            try:
                response = self._http.get(url, params=params)
            except httpx.TransportError as error:
                if attempt < self.retries:
                    self.sleep(2**attempt)
                    continue
                self._unreachable(f"{type(error).__name__}: {error}")
                return None
            retry = response.status_code in _RETRY_STATUS
            answer = _json(response) if not retry else None
            if isinstance(answer, dict) and (answer.get("error") or {}).get("code") == "maxlag":
                retry = True
            if retry and attempt < self.retries:
                self.sleep(_retry_after(response, attempt))
                continue
            if response.status_code != 200 or answer is None or retry:
                log.warning(
                    "Wikidata answered %s to %s; going on without it",
                    response.status_code,
                    params.get("action", "a query"),
                )
                return None
            if isinstance(answer, dict) and "error" in answer:
                log.warning("Wikidata refused %s: %s", params.get("action"), answer["error"])
                return None
            return answer
        return None

    def _wait(self) -> None:
        """At most one request per ``interval`` seconds."""
        pause = self._last + self.interval - time.monotonic()
        if pause > 0:
            self.sleep(pause)
        self._last = time.monotonic()

    def _unreachable(self, reason: str) -> None:
        self.reachable = False
        log.warning(
            "Wikidata cannot be reached (%s); going on offline with the bundled knowledge base",
            reason,
        )


def _json(response: httpx.Response) -> Any | None:
    try:
        return response.json()
    except ValueError:
        return None


def _retry_after(response: httpx.Response, attempt: int) -> float:
    """Seconds to wait: the server's ``Retry-After`` (capped at a minute), else 2^attempt."""
    try:
        return min(60.0, float(response.headers.get("Retry-After", "")))
    except ValueError:
        return float(2**attempt)


# -- reading Wikidata's entity JSON ------------------------------------------------------


def label(entity: dict, language: str = "en") -> str:
    """The entity's label in ``language``, else any label, else its id."""
    labels = entity.get("labels") or {}
    chosen = labels.get(language) or next(iter(labels.values()), None)
    return chosen["value"] if chosen else entity.get("id", "")


def aliases(entity: dict, language: str = "en") -> list[str]:
    """The entity's aliases in ``language``."""
    return [a["value"] for a in (entity.get("aliases") or {}).get(language, [])]


def statements(entity: dict, prop: str) -> list[dict]:
    """The entity's statements of a property with a value, best rank first, deprecated
    ones left out."""
    found = [
        s
        for s in (entity.get("claims") or {}).get(prop, [])
        if s.get("rank") != "deprecated" and (s.get("mainsnak") or {}).get("snaktype") == "value"
    ]
    return sorted(found, key=lambda s: s.get("rank") != "preferred")


def value(snak: dict) -> Any:
    """The value of a snak in plain form: a QID, a string, an ISO date to its precision,
    a number, or (latitude, longitude)."""
    data: Any = (snak.get("datavalue") or {}).get("value")
    kind = (snak.get("datavalue") or {}).get("type")
    if kind == "wikibase-entityid":
        return data.get("id")
    if kind == "time":
        return iso_date(data)
    if kind == "quantity":
        return float(data["amount"])
    if kind == "globecoordinate":
        return (data["latitude"], data["longitude"])
    return data


def values(entity: dict, prop: str) -> list[Any]:
    """The values of an entity's statements of a property."""
    return [value(s["mainsnak"]) for s in statements(entity, prop)]


def qualifier(statement: dict, prop: str) -> Any | None:
    """The first value of a statement's qualifier."""
    for snak in (statement.get("qualifiers") or {}).get(prop, []):
        if snak.get("snaktype") == "value":
            return value(snak)
    return None


def iso_date(time_value: dict) -> str | None:
    """A Wikidata time as an ISO date cut to its precision: day, month or year.

    >>> iso_date({"time": "+2019-02-21T00:00:00Z", "precision": 11})
    '2019-02-21'
    >>> iso_date({"time": "+2019-00-00T00:00:00Z", "precision": 9})
    '2019'
    """
    text = time_value.get("time", "")
    if not text.startswith("+") or len(text) < 11:
        return None  # dates before the common era are no office dates
    precision = time_value.get("precision", 11)
    return text[1:11] if precision >= 11 else text[1:8] if precision == 10 else text[1:5]
