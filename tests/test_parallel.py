"""Extraction in worker processes and on a Dask cluster gives the graphs of a local run; the
stream stays bounded; an interrupted parallel ingest resumes."""

from __future__ import annotations

import io
import itertools
import pickle

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.articles import parse_text, read_articles
from kg.cli import app
from kg.errors import KGError
from kg.executors import DaskExecutor, InProcess, Processes, open_executor
from kg.knowledge import KnowledgeGraph
from kg.link import OfflineLinker
from kg.pipeline import Pipeline
from kg.store import OxigraphStore
from tests.conftest import SAMPLES

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
runner = CliRunner()


@pytest.fixture(scope="module")
def scheduler():
    """The address of a local Dask cluster of two worker processes."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    yield cluster.scheduler_address
    cluster.close()


def _dataset(store) -> Dataset:
    out = io.BytesIO()
    store.export(out, "nquads")
    return Dataset().parse(data=out.getvalue(), format="nquads")


def _assert_same(store, expected) -> None:
    got, want = _dataset(store), _dataset(expected)
    names = {g.identifier for g in want.graphs() if len(g)}
    assert names and names == {g.identifier for g in got.graphs() if len(g)}
    for name in names:
        assert isomorphic(got.graph(name), want.graph(name)), name


def test_worker_processes_give_the_graphs_of_a_local_run(sample_graph):
    graph = KnowledgeGraph(":memory:", Pipeline())
    with Processes(2) as executor:
        report = graph.ingest([SAMPLES], executor=executor)
    assert report.ok and report.ingested == len(sample_graph.store.article_hashes())
    _assert_same(graph.store, sample_graph.store)


@pytest.mark.slow
def test_dask_gives_the_graphs_of_a_local_run(scheduler, sample_graph, tmp_path):
    store = tmp_path / "store"
    done = runner.invoke(
        app,
        ["ingest", str(SAMPLES), "-s", str(store), "--executor", "dask", "--scheduler", scheduler],
    )
    assert done.exit_code == 0, done.output
    reader = OxigraphStore(store, read_only=True)
    _assert_same(reader, sample_graph.store)
    reader.close()


@pytest.mark.slow
def test_dask_without_a_scheduler_starts_a_local_cluster(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Askar Mamin met with Roman Golovchenko in Minsk on Friday.", "utf-8")
    done = runner.invoke(
        app, ["ingest", str(article), "--store", ":memory:", "--executor", "dask", "-w", "2"]
    )
    assert done.exit_code == 0 and "ingested 1, skipped 0, failed 0" in done.output


class _FaultyLinker(OfflineLinker):
    """A linker with a bug that shows on one article only."""

    def link(self, requests, article):
        if article.id == "by-irkutsk-talks":
            raise RuntimeError("a bug in the linker")
        return super().link(requests, article)


def test_an_article_that_fails_in_a_worker_fails_alone(scheduler):
    graph = KnowledgeGraph(":memory:", Pipeline(linker=_FaultyLinker()))
    with DaskExecutor(scheduler) as executor:
        report = graph.ingest([SAMPLES], executor=executor)
    (failure,) = report.failed
    assert "by-irkutsk-talks.txt: extraction failed (RuntimeError: a bug in the linker)" in failure
    assert report.ingested == len(list(read_articles([SAMPLES]))) - 1


def _endless(consumed: list[int]):
    for n in itertools.count():
        consumed.append(n)
        yield parse_text(f"a{n}", f"Askar Mamin met Roman Golovchenko on day {n}.")


@pytest.mark.slow
def test_the_stream_is_read_as_results_are_collected():
    consumed: list[int] = []
    pipeline = Pipeline(batch_size=4)
    with Processes(2) as executor:
        first = list(itertools.islice(executor.map(pipeline, _endless(consumed)), 10))
    assert [x.article for x in first] == [f"a{n}" for n in range(10)]
    assert len(consumed) <= 4 * (2 * 2 + 2)  # the chunks at work, and the one being cut


def _interrupted(articles, after: int):
    for n, article in enumerate(articles):
        if n == after:
            raise KeyboardInterrupt
        yield article


@pytest.mark.slow
def test_an_interrupted_parallel_ingest_resumes(pipeline, tmp_path):
    articles = list(read_articles([SAMPLES]))
    with KnowledgeGraph(tmp_path / "s", Pipeline()) as graph, Processes(2) as executor:
        with pytest.raises(KeyboardInterrupt):
            graph.ingest_articles(_interrupted(articles, 5), executor=executor)
        stored = graph.store.article_hashes()
        assert len(stored) <= 5
        again = graph.ingest_articles(articles, executor=executor)
    assert again.ok and again.ingested == len(articles) - len(stored)
    assert len(again.skipped) == len(stored)


def test_a_pipeline_travels_without_its_model():
    pipeline = Pipeline()
    pipeline.extract("Askar Mamin met Roman Golovchenko.")
    travelled = pickle.loads(pickle.dumps(pipeline))
    assert travelled._nlp is None and pipeline._nlp is not None
    assert travelled.extract("Askar Mamin met Roman Golovchenko.").relations


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("spark", 1, None), "unknown executor 'spark'"),
        (("local", 0, None), "at least 1"),
        (("local", 2, "tcp://x:8786"), "--scheduler is for --executor dask"),
    ],
)
def test_executor_mistakes_are_clear(args, message):
    with pytest.raises(KGError, match=message):
        open_executor(*args)


def test_one_worker_runs_in_this_process():
    assert isinstance(open_executor("local", 1), InProcess)
