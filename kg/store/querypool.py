"""SPARQL in worker processes that can be stopped: the time limit of ``kg serve``.

A query running in pyoxigraph cannot be cancelled, so each query runs in a worker process
that holds the store open (cut off the network, where Linux allows, unless it may reach
the endpoints of ``services``); a query that overruns the time limit has its worker killed and a
fresh one started, and the caller gets ``QueryTimeout``. Results are cut to a row limit
before they leave the worker. A SERVICE or LOAD to a host not in ``services`` is refused
before any worker sees it (``kg.store.guard``). Read-only pools open the store's latest snapshot and move to a
newer one before each query, so they see what ``kg ingest`` adds meanwhile; a writable pool
has one worker, the store's only writer.

A ``QueryPool`` answers ``query`` like a ``Store``, so the views run on it unchanged.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import Graph
from rdflib.term import Node

from kg.errors import KGError, QueryError, StoreError
from kg.store.guard import check_reach, isolate_network
from kg.store.registry import open_store
from kg.store.results import QueryResult

__all__ = ["Answer", "QueryPool", "QueryTimeout"]

_START_SECONDS = 60.0  # for a worker to import kg and open the store


class QueryTimeout(QueryError):
    """A query ran out of time (its worker was stopped) or no worker was free in time."""


@dataclass
class Answer:
    """A query's result, and whether it was cut to the row limit."""

    result: QueryResult
    truncated: bool = False


def _cut(result: QueryResult, limit: int | None) -> Answer:
    if limit is None:
        return Answer(result)
    if result.kind == "select" and len(result.rows) > limit:
        result.rows = result.rows[:limit]
        return Answer(result, True)
    if result.kind == "graph" and result.graph is not None and len(result.graph) > limit:
        kept = Graph()
        for i, triple in enumerate(result.graph):
            if i == limit:
                break
            kept.add(triple)
        result.graph = kept
        return Answer(result, True)
    return Answer(result)


def _work(conn, location: str, writable: bool, offline: bool) -> None:
    """A worker's loop: leave the network, open the store, then answer requests until told
    to stop."""
    isolated = offline and isolate_network()
    try:
        store = open_store(location, read_only=not writable)
    except KGError as error:
        conn.send(("error", "StoreError", str(error)))
        return
    conn.send(("ready", isolated))
    try:
        while True:
            try:
                request = conn.recv()
            except EOFError:  # the server is gone
                break
            if request[0] == "close":
                break
            kind, sparql, bindings, limit = request
            try:
                if kind == "update":
                    store.update(sparql)
                    reply = ("ok", None)
                else:
                    store.refresh()
                    reply = ("ok", _cut(store.query(sparql, bindings), limit))
            except KGError as error:
                reply = ("error", type(error).__name__, str(error))
            except Exception as error:  # a failure of the store, not of the request
                reply = ("error", "StoreError", f"{type(error).__name__}: {error}")
            conn.send(reply)
    finally:
        store.close()


class _Worker:
    def __init__(self, context, location: str, writable: bool, offline: bool):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_work, args=(child, location, writable, offline), daemon=True, name="kg-query"
        )
        self.process.start()
        child.close()
        self.ready = False
        self.isolated = False

    def ask(self, request: tuple, timeout: float):
        """Send ``request`` and wait ``timeout`` seconds for the reply (``None`` if late)."""
        if not self.ready:
            self._started()
        try:
            self.conn.send(request)
            return self.conn.recv() if self.conn.poll(timeout) else None
        except (EOFError, OSError):
            raise StoreError(f"the query worker stopped (exit code {self._exit()})") from None

    def _exit(self) -> int | None:
        self.process.join(1)
        return self.process.exitcode

    def _started(self) -> None:
        try:
            first = self.conn.recv() if self.conn.poll(_START_SECONDS) else None
        except (EOFError, OSError):
            first = ("error", "", f"the query worker stopped (exit code {self._exit()})")
        if first is None:
            raise StoreError("the query worker did not start in time")
        if first[0] == "error":
            raise StoreError(first[2])
        self.ready, self.isolated = True, first[1]

    def stop(self, kill: bool = False) -> None:
        if not kill and self.process.is_alive():
            try:
                self.conn.send(("close",))
            except OSError:
                kill = True
            self.process.join(10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class QueryPool:
    """``workers`` processes answering SPARQL over the store at ``location`` (a folder or an
    endpoint URL), each query within ``timeout`` seconds and, for ``run`` with a ``limit``,
    cut to that many rows. ``writable`` gives one worker that may update the store;
    ``services`` the hosts a SERVICE or LOAD may name (``host`` or ``host:port``)."""

    def __init__(
        self,
        location: str,
        workers: int = 2,
        timeout: float = 10.0,
        writable: bool = False,
        services: frozenset[str] = frozenset(),
    ):
        if location == ":memory:":
            raise StoreError("a memory store lives in one process: give a store folder")
        self.location = location
        self.timeout = timeout
        self.writable = writable
        self.services = services
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["kg.store.querypool"])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        self._closed = False
        for _ in range(1 if writable else max(1, workers)):
            self._idle.put(self._spawn())
        first = self._idle.get()
        try:
            first._started()  # fail now, with the store's own message, if it cannot open
        finally:
            self._idle.put(first)
        self.isolated = first.isolated  # whether the workers are cut off the network

    def _spawn(self) -> _Worker:
        offline = not self.services and "://" not in self.location
        worker = _Worker(self._context, self.location, self.writable, offline)
        with self._lock:
            self._workers.append(worker)
        return worker

    def _ask(self, request: tuple):
        check_reach(request[1], self.services)
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(
                f"the server is busy: no query worker was free within {self.timeout:g} s"
            ) from None
        try:
            reply = worker.ask(request, self.timeout)
        except BaseException:
            self._replace(worker)
            raise
        if reply is None:
            self._replace(worker)
            raise QueryTimeout(
                f"the query ran longer than the time limit of {self.timeout:g} s and was "
                f"stopped; narrow it (a LIMIT, more specific patterns)"
            )
        self._idle.put(worker)
        if reply[0] == "error":
            raise {"QueryError": QueryError, "StoreError": StoreError}.get(reply[1], KGError)(
                reply[2]
            )
        return reply[1]

    def _replace(self, worker: _Worker) -> None:
        worker.stop(kill=True)
        with self._lock:
            self._workers.remove(worker)
            closed = self._closed
        if not closed:
            self._idle.put(self._spawn())

    def run(
        self, sparql: str, bindings: Mapping[str, Node] | None = None, limit: int | None = None
    ) -> Answer:
        """Run a query; its rows (or triples) cut to ``limit``."""
        return self._ask(("query", sparql, dict(bindings or {}), limit))

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run a query, as ``Store.query`` (within the time limit, no row limit)."""
        return self.run(sparql, bindings).result

    def update(self, sparql: str) -> None:
        """Run a SPARQL update (a writable pool only)."""
        if not self.writable:
            raise StoreError("this store is open for reading only")
        self._ask(("update", sparql, None, None))

    def close(self) -> None:
        """Stop the workers (a writer publishes its last snapshot first)."""
        with self._lock:
            self._closed = True
            workers, self._workers = self._workers, []
        for worker in workers:
            worker.stop()

    def __enter__(self) -> QueryPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
