"""SPARQL in worker processes that can be stopped: the time limit of ``kg serve``.

A query running in pyoxigraph cannot be cancelled, so each query runs in a worker process
that holds the store open (cut off the network, where Linux allows, unless it may reach
the endpoints of ``services``); a query that overruns the time limit has its worker killed
and a fresh one started, and the caller gets ``QueryTimeout``. The time limit covers the
whole exchange, to the last part of the answer the caller takes. A SERVICE or LOAD to a host
not in ``services`` is refused before any worker sees it (``kg.store.guard``). Read-only
pools open the store's latest snapshot and move to a newer one before each query, so they
see what ``kg ingest`` adds meanwhile; a writable pool has one worker, the store's only
writer.

What one query may cost: its answer is cut to a row limit and refused (``AnswerTooLarge``)
past ``max_bytes`` before it leaves the worker, and a worker may grow by ``memory`` bytes
beyond what it holds at rest (on Linux, ``RLIMIT_DATA``: an engine that asks for more is
stopped, and the caller gets ``AnswerTooLarge`` too); a query that builds a huge value
(chained ``CONCAT``) never reaches the server's own process.

``stream`` is the result path of ``/sparql``: the worker answers the query (cut at the row
limit), says what kind of answer it has and whether it was cut, then writes it whole in the
format the caller chooses (``kg.store.results``, Oxigraph's own serializers; at most
``max_bytes``, so a refusal comes before anything is sent) and sends it in chunks of
``CHUNK`` bytes, which the server passes on as they come, never holding a whole answer.

A ``QueryPool`` answers ``query`` like a ``Store``, so the views run on it unchanged.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import queue
import re
import resource
import signal
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

from rdflib.term import Node

from kg.errors import AnswerTooLarge, KGError, QueryError, ServiceError, StoreError
from kg.store.base import BASE, Dataset
from kg.store.guard import check_reach, isolate_network
from kg.store.registry import open_store
from kg.store.results import Answer, NotXML, QueryResult, megabytes
from kg.store.sparqltext import PREFIXES

__all__ = ["CHUNK", "MAX_BYTES", "QueryPool", "QueryTimeout", "Stream", "query_memory"]

CHUNK = 64 * 1024  # bytes of a serialized answer sent at a time
MAX_BYTES = 50 * 1024**2  # the largest answer a query may have, by default
_MEMORY = 128 * 1024**2  # the least a worker may grow by for one query
_START_SECONDS = 60.0  # for a worker to import kg and open the store
_ERRORS = {
    error.__name__: error
    for error in (QueryError, StoreError, NotXML, ServiceError, AnswerTooLarge)
}


class QueryTimeout(QueryError):
    """A query ran out of time (its worker was stopped) or no worker was free in time."""


def query_memory(max_bytes: int | None) -> int:
    """What a worker may grow by for one query whose answer may have ``max_bytes``: room for
    the engine's work, the answer's rows and its serialization."""
    return max(_MEMORY, 4 * (max_bytes or 0))


def _out_of_memory(memory: int) -> AnswerTooLarge:
    return AnswerTooLarge(
        f"the query needed more memory than one query may have ({megabytes(memory)}); "
        f"narrow it (a LIMIT, more specific patterns, shorter values)"
    )


def _data(pid: int | str = "self") -> int | None:
    """The data a process holds (Linux's ``VmData``: its heap and private mappings, what
    ``RLIMIT_DATA`` limits), in bytes; ``None`` where the system does not say."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmData:\s+(\d+) kB", status, re.MULTILINE)
    return int(found[1]) * 1024 if found else None


def _limit_memory(extra: int) -> int | None:
    """Let this process's data grow by at most ``extra`` bytes from now on, and leave no
    core dump when it is stopped for it; its data now, or ``None`` where the system cannot
    limit it."""
    now = _data()
    if now is None:
        return None
    hard = resource.getrlimit(resource.RLIMIT_DATA)[1]
    wanted = now + extra if hard == resource.RLIM_INFINITY else min(now + extra, hard)
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
        resource.setrlimit(resource.RLIMIT_DATA, (wanted, hard))
    except (OSError, ValueError):
        return None
    return now


def _give_back_memory() -> None:
    """Return the memory a query freed to the system (glibc keeps it otherwise)."""
    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
    if trim is not None:
        trim(0)


def _error(error: Exception, memory: int) -> tuple:
    if isinstance(error, KGError):
        return ("error", type(error).__name__, str(error))
    if isinstance(error, MemoryError):
        return ("error", "AnswerTooLarge", str(_out_of_memory(memory)))
    # A failure of the store, not of the request.
    return ("error", "StoreError", f"the store failed: {error}")


def _stream(conn, answer: Answer, max_bytes: int | None, memory: int) -> None:
    """The worker's side of ``QueryPool.stream``: the answer's kind, then its serialization
    in the format asked for (at most ``max_bytes``, written whole to a file first), in
    chunks."""
    conn.send(("head", answer.kind, answer.truncated))
    request = conn.recv()
    if request[0] != "write":
        return
    with tempfile.TemporaryFile() as spool:
        try:
            answer.write(request[1], spool, max_bytes)
        except Exception as error:
            conn.send(_error(error, memory))
            return
        spool.seek(0)
        while chunk := spool.read(CHUNK):
            conn.send(("chunk", chunk))
    conn.send(("end",))


def _serve(conn, store, request: tuple, max_bytes: int | None, memory: int) -> None:
    """Answer one request (its answer is gone when this returns)."""
    kind, sparql, bindings, limit, options = request
    try:
        if kind == "update":
            store.update(sparql, **options)
            reply: tuple = ("ok", None)
        else:
            store.refresh()
            answer = store.answer(sparql, bindings, limit, max_bytes=max_bytes, **options)
            if kind == "stream":
                _stream(conn, answer, max_bytes, memory)
                return
            reply = ("ok", answer if kind == "run" else answer.result())
    except Exception as error:
        reply = _error(error, memory)
    conn.send(reply)


def _work(
    conn, location: str, writable: bool, offline: bool, max_bytes: int | None, memory: int
) -> None:
    """A worker's loop: leave the network, open the store, limit its memory, then answer
    requests until told to stop."""
    os.environ["RUST_BACKTRACE"] = "0"  # an engine out of memory logs one line
    isolated = offline and isolate_network()
    try:
        store = open_store(location, read_only=not writable)
    except KGError as error:
        with contextlib.suppress(OSError):  # the pool may have given up on this worker
            conn.send(("error", "StoreError", str(error)))
        return
    conn.send(("ready", isolated, _limit_memory(memory)))
    try:
        while True:
            try:
                request = conn.recv()
            except EOFError:  # the server is gone
                break
            if request[0] == "close":
                break
            _serve(conn, store, request, max_bytes, memory)
            _give_back_memory()
    finally:
        store.close()


class _Worker:
    def __init__(
        self, context, location: str, writable: bool, offline: bool, max_bytes: int | None
    ):
        self.conn, child = context.Pipe()
        self.memory = query_memory(max_bytes)
        self.process = context.Process(
            target=_work,
            args=(child, location, writable, offline, max_bytes, self.memory),
            daemon=True,
            name="kg-query",
        )
        self.process.start()
        child.close()
        self.ready = self.isolated = False
        self.rest: int | None = None  # its data at rest, where its memory is limited

    def ask(self, request: tuple, deadline: float):
        """Send ``request`` and wait until ``deadline`` for the reply (``None`` if late)."""
        if not self.ready:
            self._started()
        try:
            self.conn.send(request)
        except (EOFError, OSError):
            raise self._stopped() from None
        return self.receive(deadline)

    def receive(self, deadline: float):
        """The worker's next message, if it comes before ``deadline`` (``None`` if late)."""
        left = deadline - time.monotonic()
        try:
            late = left <= 0 or not self.conn.poll(left)
            return None if late else self.conn.recv()
        except (EOFError, OSError):
            raise self._stopped() from None

    def _stopped(self) -> KGError:
        """The error of a worker that stopped: a query out of memory (an engine that cannot
        allocate aborts) or, for the log, its exit code."""
        self.process.join(1)
        if self.rest is not None and self.process.exitcode == -signal.SIGABRT:
            return _out_of_memory(self.memory)
        return StoreError(f"the query worker stopped (exit code {self.process.exitcode})")

    def _started(self) -> None:
        try:
            first = self.conn.recv() if self.conn.poll(_START_SECONDS) else None
        except (EOFError, OSError):
            first = ("error", "", str(self._stopped()))
        if first is None:
            raise StoreError("the query worker did not start in time")
        if first[0] == "error":
            raise StoreError(first[2])
        self.ready, self.isolated, self.rest = True, first[1], first[2]

    def worn(self) -> bool:
        """Whether the worker holds more than half a query's memory beyond what it held at
        rest (what freed memory it keeps, a store's caches): the next query would have less
        room than it should."""
        now = _data(self.process.pid) if self.rest is not None else None
        return now is not None and self.rest is not None and now > self.rest + self.memory // 2

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
    cut to that many rows; an answer over ``max_bytes`` is refused (``AnswerTooLarge``), as
    is a query that needs more memory than ``query_memory(max_bytes)``. ``writable`` gives one
    worker that may update the store; ``services`` the hosts a SERVICE or LOAD may name
    (``host`` or ``host:port``)."""

    def __init__(
        self,
        location: str,
        workers: int = 2,
        timeout: float = 10.0,
        writable: bool = False,
        services: frozenset[str] = frozenset(),
        max_bytes: int | None = MAX_BYTES,
    ):
        if location == ":memory:":
            raise StoreError("a memory store lives in one process: give a store folder")
        self.location = location
        self.timeout = timeout
        self.writable = writable
        self.services = services
        self.max_bytes = max_bytes
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
        self.limited = first.rest is not None  # whether a worker's memory is limited

    def _spawn(self) -> _Worker:
        offline = not self.services and "://" not in self.location
        worker = _Worker(self._context, self.location, self.writable, offline, self.max_bytes)
        with self._lock:
            self._workers.append(worker)
        return worker

    def _ask(self, request: tuple):
        self.check(request[1])
        worker, deadline = self._take()
        reply = self._reply(worker, deadline, request)
        self._give_back(worker)
        return _unpacked(reply)

    def check(self, sparql: str, base: str = BASE) -> None:
        """Refuse, before any worker sees it, a query shaped to crash the engine or asking
        for a host not in ``services`` (``kg.store.guard``)."""
        check_reach(sparql, self.services, base, PREFIXES)

    def _take(self) -> tuple[_Worker, float]:
        """An idle worker, and the deadline of a request that starts now."""
        deadline = time.monotonic() + self.timeout
        try:
            return self._idle.get(timeout=self.timeout), deadline
        except queue.Empty:
            raise QueryTimeout(
                f"the server is busy: no query worker was free within {self.timeout:g} s"
            ) from None

    def _reply(self, worker: _Worker, deadline: float, request: tuple | None = None):
        """The worker's reply to ``request`` (or its next message); a worker that fails or is
        late is replaced, and the caller gets the error."""
        try:
            reply = worker.ask(request, deadline) if request else worker.receive(deadline)
        except BaseException:
            self._replace(worker)
            raise
        if reply is None:
            self._replace(worker)
            raise QueryTimeout(
                f"the query ran longer than the time limit of {self.timeout:g} s and was "
                f"stopped; narrow it (a LIMIT, more specific patterns)"
            )
        return reply

    def _give_back(self, worker: _Worker) -> None:
        """Make a worker that answered idle again, or replace it if it is worn."""
        if worker.worn():
            self._replace(worker, kill=False)
        else:
            self._idle.put(worker)

    def _replace(self, worker: _Worker, kill: bool = True) -> None:
        worker.stop(kill=kill)
        with self._lock:
            self._workers.remove(worker)
            closed = self._closed
        if not closed:
            self._idle.put(self._spawn())

    def run(
        self, sparql: str, bindings: Mapping[str, Node] | None = None, limit: int | None = None
    ) -> Answer:
        """Run a query; its answer (``kg.store.results``) with its rows cut to ``limit``."""
        return self._ask(("run", sparql, dict(bindings or {}), limit, {}))

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run a query, as ``Store.query`` (within the time limit, no row limit)."""
        return self._ask(("query", sparql, dict(bindings or {}), None, {}))

    def stream(
        self,
        sparql: str,
        limit: int | None = None,
        dataset: Dataset | None = None,
        base: str = BASE,
    ) -> Stream:
        """Run a query (over ``dataset`` if given, see ``Store.answer``) whose answer is to be
        serialized (see the module docstring); the ``Stream`` holds its worker until it is
        closed."""
        self.check(sparql, base)
        worker, deadline = self._take()
        request: tuple = ("stream", sparql, {}, limit, {"dataset": dataset, "base": base})
        try:
            head = _unpacked(self._reply(worker, deadline, request))
        except KGError as error:
            if worker in self._workers:  # an error of the query: the worker is fine
                self._give_back(worker)
            raise error from None
        return Stream(self, worker, deadline, head[1], head[2])

    def update(self, sparql: str, dataset: Dataset | None = None, base: str = BASE) -> None:
        """Run a SPARQL update, as ``Store.update`` (a writable pool only)."""
        if not self.writable:
            raise StoreError("this store is open for reading only")
        self._ask(("update", sparql, None, None, {"dataset": dataset, "base": base}))

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


class Stream:
    """A query's answer in its worker, to be serialized: its ``kind`` (select, ask, graph)
    and whether it was ``truncated`` at the row limit are known; ``start(fmt)`` has it written
    (``NotXML`` and the like come now, before anything is sent), ``chunks`` gives the bytes as
    the worker sends them, and ``close`` gives the worker back (or stops it, mid-answer).
    ``deadline`` (``time.monotonic``) is when the query's time is up, the last part sent or
    not; ``close`` may come from another thread meanwhile."""

    def __init__(self, pool: QueryPool, worker: _Worker, deadline: float, kind: str, cut: bool):
        self.kind, self.truncated, self.deadline = kind, cut, deadline
        self._pool = pool
        self._worker: _Worker | None = worker
        self._started = self._done = False
        self._lock = threading.RLock()  # one exchange with the worker at a time

    def start(self, fmt: str) -> bytes:
        """Ask for the answer in ``fmt``; its first chunk (empty for an empty answer)."""
        self._started = True
        reply = self._next(("write", fmt))
        return reply[1] if reply[0] == "chunk" else b""

    def chunks(self, first: bytes) -> Iterator[bytes]:
        """``first``, then the rest of the answer as it comes."""
        if first:
            yield first
        while not self._done:
            reply = self._next()
            if reply[0] == "chunk":
                yield reply[1]

    def _next(self, request: tuple | None = None) -> tuple:
        with self._lock:
            if self._worker is None:
                raise StoreError("the answer was closed")
            try:
                reply = self._pool._reply(self._worker, self.deadline, request)
            except BaseException:
                self._worker = None  # replaced by the pool
                raise
            if reply[0] in ("end", "error"):
                self._done = True
                self.close()
        return _unpacked(reply)

    def close(self) -> None:
        """Give the worker back: at once if the answer is all sent or was never asked for;
        a worker stopped in the middle of an answer is replaced."""
        with self._lock:
            worker, self._worker = self._worker, None
        if worker is None:
            return
        if not self._done and not self._started:
            try:
                worker.conn.send(("drop",))
                self._done = True
            except OSError:
                pass
        if self._done:
            self._pool._give_back(worker)
        else:
            self._pool._replace(worker)


def _unpacked(reply: tuple):
    """A worker's reply: its value, or its error raised."""
    if reply[0] == "error":
        raise _ERRORS.get(reply[1], KGError)(reply[2])
    return reply[1] if reply[0] == "ok" else reply
