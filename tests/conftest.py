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
