"""Stores of article graphs behind one small protocol.

``open_store(location)`` gives a ``Store``: the embedded Oxigraph store on disk (the default,
``./kg-store`` or ``KG_STORE``), ``:memory:`` for tests and scripts, or the URL of a SPARQL 1.1
endpoint (see ``kg.remote``). Every store keeps one named graph per article, replaces an
article's graph atomically, and answers SPARQL over the union of all graphs.

>>> store = open_store(":memory:")
>>> store.query("ASK { ?s ?p ?o }").boolean
False
"""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg.ontology import KGO
from kg.pairs import MeetingPairs
from kg.snapshots import Reader, Writer

__all__ = [
    "DEFAULT_STORE",
    "EXPORT_FORMATS",
    "OxigraphStore",
    "QueryResult",
    "Store",
    "batches",
    "ntriples",
    "open_store",
    "replace_graph_update",
    "store_location",
    "with_values",
]

DEFAULT_STORE = "kg-store"
MEMORY = ":memory:"
BUFFER_SECONDS = 1.0  # how long the embedded store holds graphs to write in bulk
BULK_QUADS = 20_000  # ... and how many quads make a bulk write
EXPORT_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
_HASH_QUERY = f"SELECT ?hash WHERE {{ GRAPH ?g {{ ?g <{KGO.contentHash}> ?hash }} }}"
_ARTICLES_QUERY = f"SELECT ?g ?hash WHERE {{ GRAPH ?g {{ ?g <{KGO.contentHash}> ?hash }} }}"


@dataclass
class QueryResult:
    """The answer to a SPARQL query, whatever the store.

    ``kind`` is ``select``, ``ask`` or ``graph`` (CONSTRUCT and DESCRIBE). SELECT rows hold
    rdflib terms (``None`` where a variable is unbound).
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def dicts(self) -> list[dict[str, Node | None]]:
        """SELECT rows as dictionaries by variable name."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]

    def to_json(self) -> dict:
        """The SPARQL 1.1 Query Results JSON document of a SELECT or ASK result."""
        if self.kind == "ask":
            return {"head": {}, "boolean": bool(self.boolean)}
        bindings = []
        for row in self.rows:
            bindings.append(
                {
                    v: _term_json(t)
                    for v, t in zip(self.variables, row, strict=True)
                    if t is not None
                }
            )
        return {"head": {"vars": self.variables}, "results": {"bindings": bindings}}

    def to_csv(self, delimiter: str = ",") -> str:
        """The SELECT result as CSV (or TSV with ``delimiter="\\t"``)."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        writer.writerow(self.variables)
        for row in self.rows:
            writer.writerow(["" if t is None else str(t) for t in row])
        return out.getvalue()


def _term_json(term: Node) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    found: dict = {"type": "literal", "value": str(term)}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype:
        found["datatype"] = str(term.datatype)
    return found


class Store(Protocol):
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

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run a SPARQL query over the union of all graphs; ``bindings`` are substituted for
        variables as RDF terms (never pasted into the query text)."""
        ...

    def update(self, sparql: str) -> None:
        """Run a SPARQL update, then rebuild the summary of meeting pairs (``kg.pairs``), as
        the update may have changed the articles it sums up."""
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


def from_ox(term) -> Node | None:
    """A pyoxigraph term as an rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
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
    name = URIRef(iri).n3()
    return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{triples}}} }}"


class OxigraphStore:
    """The embedded Oxigraph store, on disk (``path``) or in memory (``path=None``).

    On disk, one process writes a store at a time and readers (``read_only``) read its latest
    snapshot, so they keep answering while it is written (see ``kg.snapshots``); ``note``
    says how old a reader's view is while a writer is at work, and ``refresh()`` moves it on.
    """

    def __init__(self, path: Path | str | None = None, read_only: bool = False):
        self.location = str(path) if path else MEMORY
        self.read_only = read_only
        self.pairs = MeetingPairs(self.query, self._update)
        self._writer: Writer | None = None
        self._reader: Reader | None = None
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._reader = Reader(Path(path))
                self._store = self._reader.store
            else:
                self._writer = Writer(Path(path))
                self._store = self._writer.store
        except OSError as err:
            raise StoreError(_open_error(self.location, err)) from None

    @property
    def note(self) -> str | None:
        """How old a reader's view is while a writer is at work, else ``None``."""
        return self._reader.note if self._reader else None

    def refresh(self) -> bool:
        """Move a reader to the store's newest snapshot; True when it moved."""
        if self._reader is None or not self._reader.refresh():
            return False
        self._store = self._reader.store
        return True

    def replace_graph(self, graph: Graph) -> None:
        for _ in self.write_graphs([(str(graph.identifier), ntriples(graph))]):
            pass

    def write_graphs(self, graphs: Iterable[tuple[str, str]]) -> Iterator[str]:
        # Graphs wait here up to BUFFER_SECONDS. Each one then goes in its own transaction (a
        # SPARQL update: readers see the old graph or the new, a crash leaves the old one),
        # unless new graphs came faster than those transactions keep up with: then they go in
        # with Oxigraph's bulk loader, which writes a batch of under a million quads at once.
        for batch, quads in batches(graphs):
            with self.pairs.updating([iri for iri, _ in batch]):
                yield from self._write(batch, bulk=quads >= BULK_QUADS)

    def _write(self, graphs: list[tuple[str, str]], bulk: bool) -> Iterator[str]:
        fresh, known = [], []
        for item in graphs:
            new = bulk and not self._store.contains_named_graph(ox.NamedNode(item[0]))
            (fresh if new else known).append(item)
        if fresh:
            quads = (
                ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(iri))
                for iri, triples in fresh
                for q in ox.parse(triples, ox.RdfFormat.N_TRIPLES)
            )
            try:
                self._store.bulk_extend(quads)
            except OSError as err:
                raise StoreError(_write_error(self.location, err)) from None
            self._wrote()
            yield from (iri for iri, _ in fresh)
        for iri, triples in known:
            self._update(replace_graph_update(iri, triples))
            yield iri

    def remove_graph(self, iri: str) -> None:
        name = ox.NamedNode(iri)
        try:
            if self._store.contains_named_graph(name):
                with self.pairs.updating([iri]):
                    self._store.remove_graph(name)
        except OSError as err:
            raise StoreError(_write_error(self.location, err)) from None
        self._wrote()

    def article_hashes(self) -> dict[str, str]:
        return {
            str(row[0]): str(row[1])
            for row in self.query(_ARTICLES_QUERY).rows
            if row[0] and row[1]
        }

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        try:
            result = self._store.query(
                with_values(sparql, bindings), use_default_graph_as_union=True
            )
        except SyntaxError as err:
            raise QueryError(f"bad SPARQL: {err}") from None
        except (OSError, ValueError) as err:
            raise QueryError(f"query failed: {err}") from None
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = [tuple(from_ox(solution[v]) for v in variables) for solution in result]
            return QueryResult("select", variables, rows)
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        graph = Graph()
        for triple in result:
            graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
        return QueryResult("graph", graph=graph)

    def update(self, sparql: str) -> None:
        self._update(sparql)
        self.pairs.rebuild()

    def _update(self, sparql: str) -> None:
        try:
            self._store.update(sparql)
        except SyntaxError as err:
            raise QueryError(f"bad SPARQL update: {err}") from None
        except OSError as err:
            raise StoreError(_write_error(self.location, err)) from None
        self._wrote()

    def _wrote(self) -> None:
        if self._writer is not None:
            try:
                self._writer.wrote()
            except OSError as err:
                raise StoreError(_write_error(self.location, err)) from None

    def export(self, out: BinaryIO, fmt: str) -> None:
        rdf_format = EXPORT_FORMATS[fmt]
        if rdf_format.supports_datasets:
            self._store.dump(out, rdf_format)
        else:
            graph = Graph()
            for quad in self._store:
                graph.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
            from kg.rdf import PREFIXES

            for prefix, namespace in PREFIXES.items():
                graph.bind(prefix, namespace)
            out.write(graph.serialize(format=fmt if fmt != "ntriples" else "nt", encoding="utf-8"))

    def __len__(self) -> int:
        return len(self._store)

    def flush(self) -> None:
        """Write buffered data to disk."""
        if self._writer is not None:
            self._store.flush()

    def close(self) -> None:
        for view in (self._writer, self._reader):
            if view is not None:
                view.close()
        self._writer = self._reader = None
        del self._store


def _cause(err: OSError) -> str:
    """What went wrong, in a few words, from an ``OSError`` of the system or of RocksDB."""
    text = str(err).lower()
    for numbers, words, cause in (
        ((errno.EROFS,), "read-only file system", "the folder is read-only"),
        ((errno.EACCES, errno.EPERM), "permission denied", "permission denied"),
        ((errno.ENOSPC, errno.EDQUOT), "no space left", "the disk is full"),
    ):
        if err.errno in numbers or words in text:
            return cause
    return str(err)


def _write_error(location: str, err: OSError) -> str:
    cause = _cause(err)
    detail = f" ({err})" if cause != str(err) else ""
    return f"{location}: cannot write to the store: {cause}{detail}"


def _open_error(location: str, err: OSError) -> str:
    if err.errno is None and "lock" in str(err).lower():  # RocksDB's lock: not a kg process
        return (
            f"{location}: the store is locked by another process ({err}); wait for it to "
            f"finish, or give kg another folder with --store"
        )
    cause = _cause(err)
    if cause in ("the folder is read-only", "permission denied"):
        readable = (Path(location) / "CURRENT").exists()
        return f"{location}: cannot open the store for writing: {cause}. Choose a writable " + (
            "folder with --store; kg query, stats, export and viz can still read this one."
            if readable
            else "folder with --store."
        )
    return f"{location}: cannot open the store: {cause}"


def store_location(location: str | Path | None = None) -> str:
    """The store to use: the argument, else ``KG_STORE``, else ``./kg-store``."""
    return str(location or os.environ.get("KG_STORE") or DEFAULT_STORE)


def open_store(location: str | Path | None = None, read_only: bool = False) -> Store:
    """Open the store at ``location`` (a folder, ``:memory:`` or a SPARQL endpoint URL)."""
    where = store_location(location)
    if where == MEMORY:
        return OxigraphStore(None)
    if where.startswith(("http://", "https://")):
        from kg.remote import RemoteStore

        return RemoteStore(where)
    if read_only and not Path(where).exists():
        raise StoreError(f"{where}: no store here yet; run `kg ingest` or `kg demo` first")
    return OxigraphStore(where, read_only=read_only)
