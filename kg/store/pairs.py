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

from kg.ontology import KGR
from kg.store.results import QueryResult

__all__ = ["PAIRS_GRAPH", "REBUILD", "MeetingPairs"]

PAIRS_GRAPH = KGR["graph/pairs"]
_NAMESPACES = {
    "kgo": "https://w3id.org/kgdt/ontology#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dct": "http://purl.org/dc/terms/",
    "pairs": str(PAIRS_GRAPH),
}
_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in _NAMESPACES.items())
_PREFIXED = re.compile(rf"\b({'|'.join(_NAMESPACES)}):(\w*)")
_STALE = "GRAPH pairs: { pairs: kgo:stale true }"
# Stale, or missing while some article says who met whom.
_TO_REBUILD = (
    _PREFIXES
    + f"""ASK {{
  {{ {_STALE} }}
  UNION
  {{ {{ SELECT ?person WHERE {{ GRAPH ?g {{ ?person kgo:met ?other }} }} LIMIT 1 }}
    FILTER NOT EXISTS {{ GRAPH pairs: {{ ?pair a kgo:MeetingPair }} }} }}
}}"""
)
# A pair's node: a hash of its two people's IRIs, the smaller first.
_PAIR = f'IRI(CONCAT("{KGR}pair/", MD5(CONCAT(STR(?person), " ", STR(?other))))) AS ?pair'
# The pairs and the names that a set of graphs touch (``{graphs}``: their IRIs).
_TOUCHED = (
    _PREFIXES
    + """SELECT DISTINCT ?person ?other WHERE {
  VALUES ?g { {graphs} }
  GRAPH ?g { { ?person kgo:met ?other FILTER (STR(?person) < STR(?other)) }
             UNION { ?person rdfs:label ?name } }
}"""
)
# Recount pairs (``{pairs}``: a VALUES clause of (?person ?other), or nothing for all).
_COUNT_PAIRS = (
    f"""DELETE {{ GRAPH pairs: {{ ?pair ?p ?o }} }}
WHERE {{ {{pairs}} BIND ({_PAIR}) GRAPH pairs: {{ ?pair ?p ?o }} }}""",
    f"""INSERT {{ GRAPH pairs: {{
  ?pair a kgo:MeetingPair ; kgo:between ?person, ?other ; kgo:articleCount ?articles ;
        kgo:firstReported ?first ; kgo:lastReported ?last }} }}
WHERE {{
  {{ SELECT ?person ?other (COUNT(DISTINCT ?article) AS ?articles) (MIN(?day) AS ?first)
           (MAX(?day) AS ?last)
    WHERE {{
      {{pairs}}
      GRAPH ?article {{ ?person kgo:met ?other OPTIONAL {{ ?article dct:date ?day }} }}
      FILTER (STR(?person) < STR(?other))
    }}
    GROUP BY ?person ?other }}
  BIND ({_PAIR})
}}""",
)
# Rename people (``{people}``: a VALUES clause of ?person, or nothing for all): each person of
# a pair gets their first name in the order of strings, as the articles give it.
_NAME_PEOPLE = (
    """DELETE { GRAPH pairs: { ?person rdfs:label ?name } }
WHERE { {people} GRAPH pairs: { ?person rdfs:label ?name } }""",
    """INSERT { GRAPH pairs: { ?person rdfs:label ?name } }
WHERE {
  { SELECT ?person (MIN(?label) AS ?name)
    WHERE {
      { SELECT DISTINCT ?person WHERE { {people} GRAPH pairs: { ?pair kgo:between ?person } } }
      GRAPH ?g { ?person rdfs:label ?label }
    }
    GROUP BY ?person }
}""",
)


def _request(*operations: str, pairs: str = "", people: str = "") -> str:
    """An update request of ``operations``, with ``{pairs}`` and ``{people}`` filled in and
    prefixed names written out (engines differ on prefixes across the operations of one
    request: rdflib forgets them, Oxigraph refuses new ones)."""
    text = " ;\n".join(operations).replace("{pairs}", pairs).replace("{people}", people)
    return _PREFIXED.sub(lambda name: f"<{_NAMESPACES[name[1]]}{name[2]}>", text)


# The update that summarizes a whole store afresh.
REBUILD = _request("DROP SILENT GRAPH pairs:", *_COUNT_PAIRS, *_NAME_PEOPLE)


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
        self.update(_request(f"INSERT DATA {{ {_STALE} }}"))
        before = self._touched(graphs)
        yield
        self._recount(self._touched(graphs) | before)

    def rebuild(self) -> None:
        """Summarize the whole store afresh."""
        self._recount_all()

    def _touched(self, graphs: list[str]) -> _Touched:
        rows = self.query(_TOUCHED.replace("{graphs}", _iris(graphs))).rows
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
                f"DELETE DATA {{ {_STALE} }}",
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
