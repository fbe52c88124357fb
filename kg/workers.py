"""Extraction in local worker processes, each with its own copy of the spaCy model.

Articles go out in chunks, a few chunks per worker at a time, and their extractions come
back in the order of the articles, so memory stays bounded however long the stream. Parsing
and the rules both run in the workers: on a machine of two cores, two workers extract a
corpus in about two thirds of the time one process takes. A stream of one chunk or less
is extracted in this process, which spares it the workers' start-up (each loads the model).

>>> from kg.pipeline import Pipeline
>>> [x.article.id for x in extractions(Pipeline(), ["Askar Mamin met Roman Golovchenko."], 2)]
['text']
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from kg.errors import KGError
from kg.pipeline import Pipeline
from kg.types import Article, Extraction

__all__ = [
    "CHUNK",
    "LOCK",
    "WORKERS",
    "chunks",
    "default_workers",
    "extractions",
    "in_order",
    "on_pool",
    "pool",
    "worker_pipeline",
]

CHUNK = 16  # articles a worker takes at a time: few, so that the workers end together
WORKERS = "KG_WORKERS"  # the environment variable that sets how many by default
_MOST = 4  # workers by default at most, whatever the cores: each holds a model
Item = TypeVar("Item")


def default_workers() -> int:
    """How many processes extract by default: ``$KG_WORKERS``, else one per core kg may
    use (at most four)."""
    wanted = os.environ.get(WORKERS, "").strip()
    if wanted:
        if not wanted.isdigit() or int(wanted) < 1:
            raise KGError(f"{WORKERS}={wanted!r}: give a number of worker processes, 1 or more")
        return int(wanted)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, _MOST))


def extractions(
    pipeline: Pipeline, articles: Iterable[Article | str], workers: int
) -> Iterator[Extraction]:
    """The extraction of each article, in order: in ``workers`` processes, or in this one
    when ``workers`` is 1 or the articles fill one chunk at most."""
    items = iter(articles)
    first = list(itertools.islice(items, CHUNK + 1))
    if workers <= 1 or len(first) <= CHUNK:
        yield from pipeline.extract_many(itertools.chain(first, items))
        return
    found = chunks(itertools.chain(first, items), CHUNK)
    yield from on_pool(pool(pipeline, workers), _extract, found, 2 * workers)


def pool(pipeline: Pipeline, workers: int) -> ProcessPoolExecutor:
    """``workers`` fresh processes, each with the pipeline (``worker_pipeline``); Ctrl-C is
    the caller's to handle."""
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start,
        initargs=(pickle.dumps(pipeline),),
    )


_PIPELINE: Pipeline | None = None  # a worker process's pipeline, set when it starts
LOCK = threading.Lock()  # one extraction at a time per process, whatever its threads


def _start(pipeline: bytes) -> None:
    global _PIPELINE
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _PIPELINE = pickle.loads(pipeline)


def worker_pipeline() -> Pipeline:
    """The pipeline of this worker process (see ``pool``)."""
    assert _PIPELINE is not None, "a worker process has its pipeline from its start"
    return _PIPELINE


def _extract(chunk: list[Article | str]) -> list[Extraction]:
    with LOCK:
        return list(worker_pipeline().extract_many(chunk))


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """The items in lists of ``size`` (the last may be shorter)."""
    found = iter(items)
    return iter(lambda: list(itertools.islice(found, size)), [])


def on_pool(
    running: ProcessPoolExecutor,
    work: Callable[[list[Item]], Any],
    parts: Iterable[list[Item]],
    window: int,
) -> Iterator[Any]:
    """The items of ``work(part)`` for each part, run on ``running`` in order (``in_order``),
    and the pool shut down after: at once on an error, Ctrl-C or a caller that stopped
    reading; else with its idle workers joined, which leaves the interpreter's exit no pool
    to wake (waking one whose pipe was closed printed "Bad file descriptor")."""
    try:
        yield from in_order(lambda part: running.submit(work, part), parts, window)
    except BaseException:
        running.shutdown(wait=False, cancel_futures=True)
        raise
    running.shutdown(wait=True)


def in_order(
    submit: Callable[[list[Item]], Any], parts: Iterable[list[Item]], window: int
) -> Iterator[Any]:
    """The items of the results of ``submit(part)`` (futures of lists) for each part, in
    order, with at most ``window`` parts at work or waiting to be collected."""
    pending: deque = deque()
    for part in parts:
        pending.append(submit(part))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
