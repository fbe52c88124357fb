"""The embedded Oxigraph store: on disk, with one writer and many readers, or in memory."""

from __future__ import annotations

import errno
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urljoin

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from kg.errors import QueryError, ServiceError, StoreError
from kg.queries import internal_query
from kg.store import layout
from kg.store.base import (
    BASE,
    BULK_QUADS,
    MEMORY,
    Dataset,
    batches,
    ntriples,
    with_values,
)
from kg.store.guard import check_shape
from kg.store.pairs import MeetingPairs
from kg.store.results import Answer, QueryResult, export
from kg.store.snapshots import Reader, Writer
from kg.store.sparqltext import PREFIXES, from_clauses, syntax_error, tokens, with_using
from kg.store.updates import with_articles

__all__ = ["OxigraphStore"]

_ARTICLES_QUERY = internal_query("store-articles")
_BAD_UPDATE = "bad SPARQL update"


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
        fresh: list[tuple[str, str]] = []
        known: list[tuple[str, str]] = []
        for item in graphs:
            new = bulk and not self._store.contains_named_graph(ox.NamedNode(item[0]))
            (fresh if new else known).append(item)
        if fresh:
            quads = (q for iri, triples in fresh for q in layout.article_quads(iri, triples))
            try:
                self._store.bulk_extend(quads)
            except OSError as err:
                raise StoreError(_write_error(self.location, err)) from None
            self._wrote()
            yield from (iri for iri, _ in fresh)
        for iri, triples in known:
            self._update(layout.replace(iri, triples))
            yield iri

    def remove_graph(self, iri: str) -> None:
        try:
            if self._store.contains_named_graph(ox.NamedNode(iri)):
                with self.pairs.updating([iri]):
                    self._update(layout.remove(iri))
        except OSError as err:
            raise StoreError(_write_error(self.location, err)) from None

    def article_hashes(self) -> dict[str, str]:
        return {
            str(row[0]): str(row[1])
            for row in self.query(_ARTICLES_QUERY).rows
            if row[0] and row[1]
        }

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        return self.answer(sparql, bindings).result()

    def answer(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        limit: int | None = None,
        dataset: Dataset | None = None,
        base: str = BASE,
        max_bytes: int | None = None,
    ) -> Answer:
        check_shape(sparql)
        text = with_values(sparql, bindings)
        store = self._store
        options: dict[str, Any] = {}
        if dataset is not None:
            default, named = list(dataset.default), list(dataset.named)
            options = {"default_graph": _names(default), "named_graphs": _names(named)}
        else:
            default, named = from_clauses(text)
        if len(default) > 1:  # Oxigraph would give a triple once per graph: merge them first
            store = self._merge(default, named, base)
            options = {"default_graph": ox.DefaultGraph(), "named_graphs": _names(named, base)}
        try:
            result = store.query(text, prefixes=PREFIXES, base_iri=base, **options)
            return Answer.of(result, limit, max_bytes)
        except SyntaxError as err:
            raise QueryError(f"bad SPARQL: {syntax_error(str(err), text)}") from None
        except OSError as err:
            if any(t.keyword("SERVICE") for t in tokens(text)):
                # The endpoint's status, never its body: it is another service's to tell.
                status = str(err).split(" with payload")[0].splitlines()[0]
                raise ServiceError(f"a SERVICE endpoint failed: {status}") from None
            raise StoreError(f"{self.location}: cannot read the store: {err}") from None
        except (RuntimeError, ValueError) as err:
            raise QueryError(f"query failed: {err}") from None

    def _merge(self, default: list[str], named: list[str], base: str) -> ox.Store:
        """A store in memory whose default graph is the merge of the graphs ``default`` (each
        triple once), with the named graphs ``named``."""
        merged = ox.Store()
        for graph in _names(default, base):
            merged.extend(
                ox.Quad(q.subject, q.predicate, q.object)
                for q in self._store.quads_for_pattern(None, None, None, graph)
            )
        for graph in _names(named, base):
            merged.extend(self._store.quads_for_pattern(None, None, None, graph))
        return merged

    def update(self, sparql: str, dataset: Dataset | None = None, base: str = BASE) -> None:
        check_shape(sparql)
        if dataset is not None:
            try:
                sparql = with_using(sparql, list(dataset.default), list(dataset.named))
            except ValueError as err:
                raise QueryError(str(err)) from None
        try:
            self._update(with_articles(sparql, base), base)
        except QueryError as err:
            if str(err).startswith(_BAD_UPDATE):
                _check_alone(sparql, base)  # the update's own error, where its text has it
            raise
        self.pairs.rebuild()

    def _update(self, sparql: str, base: str = BASE) -> None:
        try:
            self._store.update(sparql, prefixes=PREFIXES, base_iri=base)
        except SyntaxError as err:
            raise QueryError(f"{_BAD_UPDATE}: {err}") from None
        except RuntimeError as err:
            raise QueryError(f"update failed: {err}") from None
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
        export(self._store, fmt, out, ox.DefaultGraph())

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


def _names(graphs: list[str], base: str = BASE) -> list[ox.NamedNode]:
    """Graph names, relative ones resolved against ``base``."""
    try:
        return [ox.NamedNode(urljoin(base, graph)) for graph in graphs]
    except ValueError as err:
        raise QueryError(f"bad graph name: {err}") from None


def _check_alone(sparql: str, base: str) -> None:
    """Raise the error of the update ``sparql`` run by itself on an empty store."""
    try:
        ox.Store().update(sparql, prefixes=PREFIXES, base_iri=base)
    except SyntaxError as err:
        raise QueryError(f"{_BAD_UPDATE}: {syntax_error(str(err), sparql)}") from None


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
