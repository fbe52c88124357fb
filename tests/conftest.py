"""Shared fixtures: one spaCy pipeline and one store of the sample articles per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.knowledge import KnowledgeGraph
from kg.pipeline import Pipeline
from kg.resources import data_path

ROOT = Path(__file__).resolve().parent.parent
# The shared evaluation data sits beside the repository on development machines; KG_SHARED
# points elsewhere (a git worktree, another checkout).
SHARED = Path(os.environ.get("KG_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus" / "articles"
GOLD = SHARED / "eval" / "dev"
SAMPLES = data_path("samples")


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
