"""Where extraction runs: in this process, in local worker processes, or on a Dask cluster.

An executor turns a stream of articles into a stream of ``Extracted`` (an article's named
graph as N-Triples, or why extracting it failed), in the order of the articles. Articles go
out in chunks of ``Pipeline.batch_size``, a few chunks per worker at a time, so memory stays
bounded however long the stream. Each worker loads the spaCy model once. Whatever runs the
extraction, the caller writes the store, from one place.

>>> from kg.pipeline import Pipeline
>>> from kg.articles import parse_text
>>> with open_executor() as executor:
...     [x] = executor.map(Pipeline(), [parse_text("a1", "Askar Mamin met Roman Golovchenko.")])
>>> x.article, x.iri, "/ontology#met>" in x.ntriples
('a1', 'https://w3id.org/kgdt/id/article/a1', True)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from kg.errors import KGError
from kg.iris import article_iri
from kg.pipeline import Pipeline
from kg.rdf import to_graph
from kg.store import ntriples
from kg.types import Article
from kg.workers import LOCK, chunks, in_order, on_pool, pool, worker_pipeline

__all__ = [
    "EXECUTORS",
    "DaskExecutor",
    "Executor",
    "Extracted",
    "InProcess",
    "Processes",
    "extract_graphs",
    "open_executor",
]

EXECUTORS = ("local", "dask")


@dataclass(frozen=True)
class Extracted:
    """One article after extraction: its named graph (``iri``) as N-Triples, or the message
    saying why extracting it failed (``error``)."""

    article: str
    iri: str
    ntriples: str = ""
    error: str | None = None


def extract_graphs(pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Extracted]:
    """Each article's graph, parsed in batches. An article whose extraction raises (a bug in
    kg) is reported as failed and the rest go on; a ``KGError`` (no model, ...) stops all."""
    items = iter(articles)
    for batch in iter(lambda: list(itertools.islice(items, pipeline.batch_size)), []):
        done = 0
        try:
            for extraction in pipeline.extract_many(batch):
                yield _extracted(extraction.article, to_graph(extraction))
                done += 1
        except KGError:
            raise
        except Exception:  # find the article at fault: the rest of the batch one by one
            for article in batch[done:]:
                try:
                    yield _extracted(article, pipeline.graph(article))
                except KGError:
                    raise
                except Exception as error:
                    yield Extracted(
                        article.id,
                        str(article_iri(article.id)),
                        error=f"{article.source or article.id}: extraction failed "
                        f"({type(error).__name__}: {error}); this is a bug in kg, please "
                        f"report it with this article",
                    )


def _extracted(article: Article, graph) -> Extracted:
    return Extracted(article.id, str(graph.identifier), ntriples(graph))


class Executor(Protocol):
    """Runs extraction somewhere; a context manager that releases its workers on exit."""

    def map(self, pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Extracted]:
        """The extraction of each article, in order."""
        ...

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...


class _Context:
    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the workers."""


class InProcess(_Context):
    """Extraction in this process."""

    def map(self, pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Extracted]:
        return extract_graphs(pipeline, articles)


class Processes(_Context):
    """Extraction in ``workers`` local processes, each with its own copy of the model."""

    def __init__(self, workers: int):
        self.workers = workers

    def map(self, pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Extracted]:
        found = chunks(articles, pipeline.batch_size)
        yield from on_pool(pool(pipeline, self.workers), _run, found, 2 * self.workers)


def _run(chunk: list[Article], pipeline: Pipeline | None = None) -> list[Extracted]:
    with LOCK:
        return list(extract_graphs(pipeline or worker_pipeline(), chunk))


class DaskExecutor(_Context):
    """Extraction on a Dask cluster: the scheduler at ``scheduler`` (``tcp://host:8786``), or
    a cluster of ``workers`` local processes when there is none; or an existing ``client``.

    The workers need the same kg (and spaCy model) installed as this process.
    """

    def __init__(self, scheduler: str | None = None, workers: int = 2, client: Any = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise KGError(
                "the Dask executor needs dask.distributed; install it with `pip install 'kg[dask]'`"
            ) from None
        self._owned: list[Any] = []
        if client is None:
            if scheduler:
                try:
                    client = Client(scheduler, timeout="10s")
                except (OSError, TimeoutError) as err:
                    raise KGError(
                        f"cannot reach the Dask scheduler at {scheduler} ({err}); start one "
                        f"with `dask scheduler` and workers with `dask worker {scheduler}`"
                    ) from None
            else:
                cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
                )
                client = Client(cluster)
                self._owned.append(cluster)
            self._owned.insert(0, client)
        self.client = client

    def map(self, pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Extracted]:
        shared = self.client.scatter(pipeline, broadcast=True)
        workers = max(1, len(self.client.scheduler_info()["workers"]))

        def submit(chunk: list[Article]):
            return self.client.submit(_run, chunk, shared, pure=False)

        yield from in_order(submit, chunks(articles, pipeline.batch_size), 2 * workers)

    def close(self) -> None:
        for owned in self._owned:
            owned.close()


def open_executor(name: str = "local", workers: int = 1, scheduler: str | None = None):
    """The executor ``name`` (``local`` or ``dask``) with ``workers`` processes (``local``,
    or a local Dask cluster) or the Dask scheduler at ``scheduler``."""
    if name not in EXECUTORS:
        raise KGError(f"unknown executor {name!r}; choose {' or '.join(EXECUTORS)}")
    if workers < 1:
        raise KGError(f"--workers must be at least 1, not {workers}")
    if name == "dask":
        return DaskExecutor(scheduler, workers)
    if scheduler:
        raise KGError("--scheduler is for --executor dask; add --executor dask")
    return Processes(workers) if workers > 1 else InProcess()
