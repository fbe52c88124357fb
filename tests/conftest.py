"""Shared fixtures: one spaCy pipeline and one store of the sample articles per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.knowledge import KnowledgeGraph
from kg.pipeline import Pipeline
from kg.resources import data_path
from kg.types import Extraction

ROOT = Path(__file__).resolve().parent.parent
# The shared evaluation data sits beside the repository on development machines; KG_SHARED
# points elsewhere (a git worktree, another checkout).
SHARED = Path(os.environ.get("KG_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus" / "articles"
GOLD = SHARED / "eval" / "dev"
SAMPLES = data_path("samples")


def facts(
    x: Extraction, status: str = "asserted", aliases: bool = False
) -> set[tuple[str, str, str]]:
    """The (subject, predicate, object) names of an extraction's relations of one status,
    ``met`` both ways; with ``aliases``, under every name of each entity."""
    names = {e.id: {e.label, *(e.aliases if aliases else ())} for e in x.entities}
    found = set()
    for r in x.relations:
        if r.status != status:
            continue
        for s in names[r.subject]:
            for o in names[r.object]:
                found.add((s, r.predicate, o))
                if r.predicate == "met":
                    found.add((o, r.predicate, s))
    return found


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The real pipeline with the default spaCy model."""
    return Pipeline()


@pytest.fixture(scope="session")
def sample_graph(pipeline: Pipeline) -> KnowledgeGraph:
    """An in-memory knowledge graph holding the bundled sample articles."""
    graph = KnowledgeGraph(":memory:", pipeline)
    report = graph.ingest([SAMPLES])
    assert report.ok, report.failed
    return graph


@pytest.fixture
def corpus() -> Path:
    """The shared news corpus, or a skip where this checkout has none."""
    if not CORPUS.is_dir():
        pytest.skip(
            f"the shared corpus is not here ({CORPUS}); it sits beside the repository "
            "only on development machines"
        )
    return CORPUS


@pytest.fixture(scope="session")
def store(sample_graph):
    """The store of the sample articles."""
    return sample_graph.store


@pytest.fixture(scope="session")
def people(store):
    """The who-met-whom view of the sample articles."""
    from kg.views import who_met_whom

    return who_met_whom(store)


# The exploration tests (views, pages, server, browser) share one store folder holding the
# samples and hostile articles, and one `kg serve` process over it.
HOSTILE = ROOT / "tests" / "data" / "hostile.jsonl"
HOSTILE_NAMES = (
    "<img src=x onerror=\"window.kgInjected='name1';alert('name1')\">Ivan Evilov",
    "Petr \"><script>window.kgInjected='name2';alert('name2')</script> Badov",
)
HOSTILE_SENTENCE = (
    "They met <script>window.kgInjected='s3'</script> & talked "
    "<img src=x onerror=\"window.kgInjected='s4'\"> at length."
)


def hostile_extraction():
    """An article whose names, title, URL and sentence carry script payloads."""
    from datetime import date

    from kg.types import Article, Entity, Extraction, Relation

    people = tuple(
        Entity(f"p{i}", name, "Person", "Person") for i, name in enumerate(HOSTILE_NAMES)
    )
    return Extraction(
        Article(
            "hostile-names",
            HOSTILE_SENTENCE,
            date=date(2024, 3, 2),
            url="javascript:window.kgInjected='url2'",
            title="<svg onload=\"window.kgInjected='title3'\">",
        ),
        people,
        (Relation("p0", "met", "p1", HOSTILE_SENTENCE, 0.9),),
    )


@pytest.fixture(scope="session")
def explore_store(tmp_path_factory, pipeline: Pipeline) -> Path:
    """A store folder with the samples and the hostile articles, closed for others to read."""
    from kg.rdf import to_graph

    folder = tmp_path_factory.mktemp("explore") / "store"
    with KnowledgeGraph(str(folder), pipeline) as graph:
        report = graph.ingest([SAMPLES, HOSTILE])
        assert report.ok, report.failed
        graph.store.replace_graph(to_graph(hostile_extraction()))
    return folder


@pytest.fixture(scope="session")
def kg_server(explore_store: Path):
    """One `kg serve` process over `explore_store` (read-only, queries stop after 3 s); its
    base URL."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "kg", "serve", "--store", str(explore_store)]
    command += ["--port", str(port), "--timeout", "3", "--max-rows", "50"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                with urllib.request.urlopen(url + "/static/kg.css", timeout=5):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"kg serve did not start: {server.stderr.read()}") from None
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
