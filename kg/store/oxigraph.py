"""The embedded Oxigraph store: on disk, with one writer and many readers, or in memory."""

from __future__ import annotations

import errno
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg.ontology import PREFIXES
from kg.queries import internal_query
from kg.store.base import (
    BULK_QUADS,
    EXPORT_FORMATS,
    MEMORY,
    batches,
    from_ox,
    ntriples,
    replace_graph_update,
    with_values,
)
from kg.store.pairs import MeetingPairs
from kg.store.results import QueryResult
from kg.store.snapshots import Reader, Writer

__all__ = ["OxigraphStore"]

_ARTICLES_QUERY = internal_query("store-articles")


class OxigraphStore:
    """The embedded Oxigraph store, on disk (``path``) or in memory (``path=None``).

    On disk, one process writes a store at a time and readers (``read_only``) read its latest
    snapshot, so they keep answering while it is written (see ``kg.store.snapshots``); ``note``
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
