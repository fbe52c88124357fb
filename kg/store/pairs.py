"""Meeting pairs: who met whom summed up over all articles, kept up to date as graphs change.

Counting who met whom at query time means aggregating every ``kgo:met`` edge of every
article, which grows with the store (seconds at ten million triples). So each store keeps a
summary in the graph ``PAIRS_GRAPH``: a ``kgo:MeetingPair`` per pair of people, with how many
articles report them meeting and the dates of the first and the last, and the name of each
person. A store wraps each write in ``MeetingPairs.updating``, which recounts only the pairs and
names the written graphs touch (before and after), so a write costs what it changes.

A write marks the summary ``kgo:stale`` first and clears the mark in the same transaction that
brings the summary up to date, so a summary left stale (an interrupted write) or missing (a
store written by an older kg) is rebuilt at the store's next write. A SPARQL update, which may
change anything, rebuilds it whole.

>>> from kg.queries import named_query
>>> from kg.store import open_store
>>> store = open_store(":memory:")
>>> store.update('''INSERT DATA { GRAPH <https://w3id.org/kgdt/id/article/a> {
...   <https://w3id.org/kgdt/id/article/a> <http://purl.org/dc/terms/date> "2024-05-01"^^<http://www.w3.org/2001/XMLSchema#date> .
...   <http://e/ann> <https://w3id.org/kgdt/ontology#met> <http://e/bob> ;
...       <http://www.w3.org/2000/01/rdf-schema#label> "Ann" .
...   <http://e/bob> <http://www.w3.org/2000/01/rdf-schema#label> "Bob" } }''')
>>> [tuple(map(str, row)) for row in store.query(named_query("who-met-whom")).rows]
[('http://e/ann', 'Ann', 'http://e/bob', 'Bob', '1', '2024-05-01', '2024-05-01')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pyoxigraph as ox

from kg.ontology import KGR, NAMESPACES
from kg.queries import internal_query
from kg.store.results import QueryResult

__all__ = ["PAIRS_GRAPH", "REBUILD", "MeetingPairs"]

PAIRS_GRAPH = KGR["graph/pairs"]
# Prefixed names are written out in the summary's requests: engines differ on prefixes across
# the operations of one request (rdflib forgets them, Oxigraph refuses new ones).
_NAMESPACES = {p: str(NAMESPACES[p]) for p in ("kgo", "rdfs", "dct")} | {"pairs": str(PAIRS_GRAPH)}
_PREFIXED = re.compile(rf"\b({'|'.join(_NAMESPACES)}):(\w*)")
_PAIR = internal_query("pair-iri")
_COUNT_PAIRS = ("pairs-uncount", "pairs-count")
_NAME_PEOPLE = ("pairs-unname", "pairs-name")


def _request(*names: str, **values: str) -> str:
    """One request of the queries or update operations ``kg/queries/internal/<name>.rq``,
    with ``values`` and the pair node's expression filled in and prefixed names written out."""
    text = " ;\n".join(internal_query(name, pair=_PAIR, **values) for name in names)
    return _PREFIXED.sub(lambda name: f"<{_NAMESPACES[name[1]]}{name[2]}>", text)


# The update that summarizes a whole store afresh.
REBUILD = _request("pairs-drop", *_COUNT_PAIRS, *_NAME_PEOPLE, pairs="", people="")
_TO_REBUILD = _request("pairs-to-rebuild")


def _iris(iris: Iterable[str]) -> str:
    """IRIs written as SPARQL terms (Oxigraph checks and escapes them)."""
    return " ".join(str(ox.NamedNode(iri)) for iri in iris)


class MeetingPairs:
    """The meeting pairs of one store, read and written with its ``query`` and its ``update``
    (the store's own, which leaves the summary alone)."""

    def __init__(self, query: Callable[[str], QueryResult], update: Callable[[str], None]):
        self.query = query
        self.update = update

    @contextmanager
    def updating(self, graphs: list[str]) -> Iterator[None]:
        """Keep the summary up to date around a write (or removal) of ``graphs``."""
        if self.query(_TO_REBUILD).boolean:
            self._recount_all()
        self.update(_request("pairs-mark-stale"))
        before = self._touched(graphs)
        yield
        self._recount(self._touched(graphs) | before)

    def rebuild(self) -> None:
        """Summarize the whole store afresh."""
        self._recount_all()

    def _touched(self, graphs: list[str]) -> _Touched:
        rows = self.query(_request("pairs-touched", graphs=_iris(graphs))).rows
        return _Touched(
            frozenset((str(a), str(b)) for a, b in rows if b is not None),
            frozenset(str(a) for a, _ in rows),
        )

    def _recount(self, touched: _Touched) -> None:
        """Recount the pairs touched and rename the people touched and those of the pairs,
        and clear the stale mark."""
        people = touched.people.union(*touched.pairs)
        pairs = " ".join(f"({_iris(pair)})" for pair in sorted(touched.pairs))
        self.update(
            _request(
                *_COUNT_PAIRS,
                *_NAME_PEOPLE,
                "pairs-clear-stale",
                pairs=f"VALUES (?person ?other) {{ {pairs} }}",
                people=f"VALUES ?person {{ {_iris(sorted(people))} }}",
            )
        )

    def _recount_all(self) -> None:
        self.update(REBUILD)


@dataclass(frozen=True)
class _Touched:
    """The pairs (person, other) and the people named in some graphs."""

    pairs: frozenset[tuple[str, str]]
    people: frozenset[str]

    def __or__(self, other: _Touched) -> _Touched:
        return _Touched(self.pairs | other.pairs, self.people | other.people)
