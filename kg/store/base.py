"""What every store is and shares: the ``Store`` protocol, and the helpers of its backends
(RDF terms between rdflib and pyoxigraph, bound values in SPARQL, graphs written in batches).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.queries import internal_query
from kg.store.pairs import MeetingPairs
from kg.store.results import EXPORT_FORMATS, Answer, QueryResult, from_ox

__all__ = [
    "BASE",
    "BULK_QUADS",
    "EXPORT_FORMATS",
    "MEMORY",
    "Dataset",
    "Queryable",
    "Store",
    "batches",
    "from_ox",
    "ntriples",
    "replace_graph_update",
    "to_ox",
    "values_lists",
    "with_values",
]

MEMORY = ":memory:"
BASE = "https://w3id.org/kgdt/id/"  # what relative IRIs in queries and updates resolve against
BUFFER_SECONDS = 1.0  # how long the embedded store holds graphs to write in bulk
BULK_QUADS = 20_000  # ... and how many quads make a bulk write
VALUES_AT_ONCE = 500  # IRIs in one VALUES list (over a thousand, Oxigraph plans otherwise)


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset a request names for a query (the protocol's ``default-graph-uri`` and
    ``named-graph-uri``) or for the ``WHERE`` clauses of an update (``using-graph-uri``,
    ``using-named-graph-uri``): the graphs merged into its default graph, and its named graphs.
    It takes the place of the query's ``FROM`` and ``FROM NAMED``."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()


class Queryable(Protocol):
    """What reading by SPARQL needs: a ``Store``, or the ``QueryPool`` of ``kg serve``."""

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run a SPARQL query over the default graph (the merge of the article graphs, see
        ``kg.store.layout``); ``bindings`` are substituted for variables as RDF terms (never
        pasted into the query text). The answer in rdflib terms."""
        ...


class Store(Queryable, Protocol):
    """What kg needs of a store: article graphs in, SPARQL out."""

    location: str
    pairs: MeetingPairs  # the summary of who met whom, kept up to date by every write

    def replace_graph(self, graph: Graph) -> None:
        """Store ``graph`` as the named graph ``graph.identifier``, replacing it atomically."""
        ...

    def write_graphs(self, graphs: Iterable[tuple[str, str]]) -> Iterator[str]:
        """Store named graphs, each given as (IRI, N-Triples), as they come; each replaces the
        graph stored under its IRI whole or not at all. Yields each IRI once it is stored."""
        ...

    def remove_graph(self, iri: str) -> None:
        """Remove one named graph."""
        ...

    def article_hashes(self) -> dict[str, str]:
        """Content hash of every stored article, by graph IRI."""
        ...

    def answer(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        limit: int | None = None,
        dataset: Dataset | None = None,
        base: str = BASE,
        max_bytes: int | None = None,
    ) -> Answer:
        """Run a SPARQL query as ``query`` does, over ``dataset`` if one is given; the answer in
        the engine's own terms, cut at ``limit`` rows, for ``Answer.write``; ``AnswerTooLarge``
        once its values pass ``max_bytes``. Relative IRIs resolve against ``base``."""
        ...

    def update(self, sparql: str, dataset: Dataset | None = None, base: str = BASE) -> None:
        """Run a SPARQL update (its ``WHERE`` clauses over ``dataset`` if one is given), then
        rebuild the summary of meeting pairs (``kg.store.pairs``), as the update may have
        changed the articles it sums up."""
        ...

    @property
    def note(self) -> str | None:
        """How old the store's view is while another process writes it, else ``None``."""
        ...

    def refresh(self) -> bool:
        """Move the store's view to its newest state; True when it moved (a store that always
        reads its newest state has nothing to move to, and answers False)."""
        ...

    def export(self, out: BinaryIO, fmt: str) -> None:
        """Write the whole store to ``out`` in one of ``EXPORT_FORMATS``."""
        ...

    def __len__(self) -> int:
        """Number of quads."""
        ...

    def close(self) -> None:
        """Release the store."""
        ...


# The first WHERE keyword and its brace outside a comment: the outermost query's.
_WHERE = re.compile(r"^[^#\n]*?\bWHERE\s*\{", re.IGNORECASE | re.MULTILINE)


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def with_values(sparql: str, bindings: Mapping[str, Node] | None) -> str:
    """``sparql`` with a ``VALUES`` clause that binds each variable to an RDF term, first in
    its ``WHERE`` clause, so the binding restricts what is grouped, filtered and optionally
    matched (a ``VALUES`` after the query would be joined only after its ``GROUP BY``); at
    the end of a query with no ``WHERE`` keyword (``ASK { ... }``).

    Terms are written by Oxigraph's N-Triples serializer, which escapes literals and refuses
    invalid IRIs, so a value can never change the query's structure.

    >>> from rdflib import URIRef
    >>> print(with_values("SELECT ?n WHERE { ?c a ?t }", {"c": URIRef("http://x/c")}))
    SELECT ?n WHERE { VALUES (?c) { (<http://x/c>) } ?c a ?t }
    """
    if not bindings:
        return sparql
    names = []
    for name in bindings:
        if not name.isidentifier():
            raise QueryError(f"bad variable name {name!r}")
        names.append(f"?{name}")
    try:
        terms = [str(to_ox(value)) for value in bindings.values()]
    except ValueError as err:
        raise QueryError(f"bad value to bind: {err}") from None
    values = f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"
    where = _WHERE.search(sparql)
    if where is None:
        return f"{sparql}\n{values}"
    return f"{sparql[: where.end()]} {values}{sparql[where.end() :]}"


def values_lists(name: str, iris: Sequence[str]) -> Iterator[str]:
    """``iris`` as ``VALUES ?name`` clauses, ``VALUES_AT_ONCE`` IRIs each, written by
    Oxigraph; ``QueryError`` for a string that is not an IRI.

    >>> list(values_lists("n", ["http://x/a", "http://x/b"]))
    ['VALUES ?n { <http://x/a> <http://x/b> }']
    """
    for start in range(0, len(iris), VALUES_AT_ONCE):
        terms = []
        for iri in iris[start : start + VALUES_AT_ONCE]:
            try:
                terms.append(str(ox.NamedNode(iri)))
            except ValueError:
                raise QueryError(f"not an IRI: {iri!r}") from None
        yield f"VALUES ?{name} {{ {' '.join(terms)} }}"


def ntriples(graph: Graph) -> str:
    """``graph`` as N-Triples."""
    return graph.serialize(format="nt", encoding="utf-8").decode("utf-8")


def batches(
    graphs: Iterable[tuple[str, str]],
) -> Iterator[tuple[list[tuple[str, str]], int]]:
    """Graphs given as (IRI, N-Triples) in batches, each with its number of triples: those
    that came within ``BUFFER_SECONDS``, or fewer when they reach ``BULK_QUADS`` triples."""
    batch: list[tuple[str, str]] = []
    quads, started = 0, time.monotonic()
    for item in graphs:
        if not batch:
            quads, started = 0, time.monotonic()
        batch.append(item)
        quads += item[1].count("\n")
        if quads >= BULK_QUADS or time.monotonic() - started >= BUFFER_SECONDS:
            yield batch, quads
            batch = []
    if batch:
        yield batch, quads


def replace_graph_update(iri: str, triples: str) -> str:
    """The SPARQL update that replaces the named graph ``iri`` with ``triples`` (N-Triples)."""
    return internal_query("replace-graph", graph=URIRef(iri).n3(), triples=triples)
