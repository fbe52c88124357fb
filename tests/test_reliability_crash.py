"""A crash midway: ``kg ingest`` killed with SIGKILL leaves whole articles only, the store
opens, and running the ingest again stores the rest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from kg.articles import read_articles
from kg.errors import StoreError
from kg.iris import article_iri
from kg.knowledge import KnowledgeGraph
from kg.ontology import KGO
from kg.rdf import content_hash, to_graph
from kg.store import OxigraphStore
from kg.store.pairs import PAIRS_GRAPH
from tests.conftest import ROOT, write_articles

TOTAL = 400  # enough that the first batch written (a second of extraction) is not all
GRAPHS = f"""SELECT ?g (COUNT(*) AS ?n) (SAMPLE(?hash) AS ?h) WHERE {{
  GRAPH ?g {{ ?s ?p ?o OPTIONAL {{ ?g <{KGO.contentHash}> ?hash }} }}
  FILTER (?g != <{PAIRS_GRAPH}>)
}} GROUP BY ?g"""


def _stored(store) -> int:
    """Articles a reader sees now (0 while the store has no snapshot yet)."""
    try:
        reader = OxigraphStore(store, read_only=True)
    except StoreError:
        return 0
    try:
        return len(reader.article_hashes())
    finally:
        reader.close()


@pytest.mark.slow
def test_sigkill_midway_leaves_whole_articles_and_a_rerun_resumes(pipeline, tmp_path):
    folder = write_articles(tmp_path / "in", TOTAL)
    store = tmp_path / "store"
    ingest = subprocess.Popen(
        [sys.executable, "-m", "kg", "ingest", str(folder), "--store", str(store)],
        env={**os.environ, "PYTHONPATH": str(ROOT), "KG_SNAPSHOT_SECONDS": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _stored(store) < 5:
        assert ingest.poll() is None, "the ingest ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    ingest.send_signal(signal.SIGKILL)
    ingest.wait()

    articles = {str(article_iri(a.id)): a for a in read_articles([folder])}
    with KnowledgeGraph(store, pipeline, read_only=True) as graph:
        rows = graph.query(GRAPHS).rows
    stored = {str(g): (int(n), str(h) if h else None) for g, n, h in rows}
    assert 5 <= len(stored) < TOTAL, "the kill came too late to test anything"
    for iri, (triples, digest) in stored.items():
        article = articles[iri]
        expected = content_hash(article, pipeline.model_digest)
        assert digest == expected, f"{iri} has no or another content hash"
        assert triples == len(to_graph(pipeline.extract(article))), f"{iri} is not whole"

    with KnowledgeGraph(store, pipeline) as graph:
        report = graph.ingest([folder])
        assert report.ok and report.ingested == TOTAL - len(stored)
        assert report.skipped == [
            (articles[iri].id, "already stored, unchanged") for iri in sorted(stored)
        ]
        assert len(graph.store.article_hashes()) == TOTAL
        pairs = graph.named("who-met-whom").rows
    with KnowledgeGraph(":memory:", pipeline) as whole:  # the stale summary was rebuilt
        whole.ingest([folder])
        assert pairs == whole.named("who-met-whom").rows
