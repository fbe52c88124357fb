"""Two processes on one store: queries keep answering while ``kg ingest`` writes, from the
latest snapshot, and a second writer is told who holds the store without waiting."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.ontology import KGO, KGR
from kg.store import OxigraphStore
from tests.conftest import ROOT, SAMPLES, write_articles

runner = CliRunner()
TOTAL = 480  # enough articles that the ingest writes them in several batches
# Article graphs, and graphs without a content hash (a half-written article would be one).
COUNTS = f"""SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(DISTINCT ?partial) AS ?partials)
WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), "{KGR}article/"))
  OPTIONAL {{ GRAPH ?g {{ ?s ?p ?o }} FILTER NOT EXISTS {{ GRAPH ?g {{ ?g <{KGO.contentHash}> ?h }} }}
             BIND(?g AS ?partial) }} }}"""


def _counts(store) -> tuple[int, int, str]:
    result = runner.invoke(app, ["query", COUNTS, "-f", "csv", "--store", str(store)])
    assert result.exit_code == 0, result.output
    graphs, partials = result.stdout.splitlines()[1].split(",")
    return int(graphs), int(partials), result.stderr


@pytest.mark.slow
def test_queries_answer_while_an_ingest_writes(tmp_path):
    folder = write_articles(tmp_path / "in", TOTAL)
    store = tmp_path / "store"
    assert (
        runner.invoke(app, ["ingest", str(SAMPLES / "more.jsonl"), "--store", str(store)]).exit_code
        == 0
    )
    first, _, _ = _counts(store)
    server = OxigraphStore(store, read_only=True)  # a long-running reader, as kg serve is
    ingest = subprocess.Popen(
        [sys.executable, "-m", "kg", "ingest", str(folder), "--store", str(store)],
        env={**os.environ, "PYTHONPATH": str(ROOT), "KG_SNAPSHOT_SECONDS": "0.2"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen, notes, refreshed = [], [], []
    try:
        while ingest.poll() is None:
            started = time.monotonic()
            graphs, partials, stderr = _counts(store)
            assert time.monotonic() - started < 10, "a query waited for the ingest"
            assert partials == 0, "a query saw a half-written article"
            seen.append(graphs)
            notes.append("is writing this store; reading it as of" in stderr)
            if server.refresh():
                refreshed.append(len(server.article_hashes()))
        assert ingest.wait() == 0, ingest.stderr.read()
    finally:
        ingest.kill()
        server.close()
    during = [n for n, noted in zip(seen, notes, strict=True) if noted]
    assert len(during) >= 3, f"too few queries while the ingest ran: {seen}"
    assert seen == sorted(seen) and first <= seen[0]
    assert len(set(during)) >= 2, f"the snapshots did not move on: {seen}"
    assert refreshed and refreshed == sorted(refreshed)
    assert _counts(store)[:2] == (first + TOTAL, 0)


def test_a_second_writer_is_told_who_holds_the_store_at_once(tmp_path):
    store = tmp_path / "store"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from kg.store import OxigraphStore; "
            f"s = OxigraphStore({str(store)!r}); print('holding', flush=True); sys.stdin.read()",
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        second = runner.invoke(app, ["ingest", str(SAMPLES), "--store", str(store)])
        assert time.monotonic() - started < 2
        assert second.exit_code == 1
        assert "being written by a kg process (" in second.output
        assert f"pid {holder.pid}" in second.output and "Traceback" not in second.output
        reading = runner.invoke(app, ["stats", "--store", str(store)])
        assert reading.exit_code == 0 and "0 articles" in reading.stdout
        assert "is writing this store; reading it as of" in reading.stderr
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert runner.invoke(app, ["ingest", str(SAMPLES), "--store", str(store)]).exit_code == 0


def test_old_snapshots_go_unless_a_reader_holds_them(tmp_path):
    from kg.store.snapshots import SNAPSHOTS, Reader, Writer

    folder = tmp_path / "store"
    writer = Writer(folder)
    writer.store.update("INSERT DATA { <http://e/a> <http://e/p> 1 }")
    writer.publish()
    reader = Reader(folder)
    held = reader.snapshot
    for n in range(3):
        writer.store.update(f"INSERT DATA {{ <http://e/b> <http://e/p> {n} }}")
        writer.publish()
    names = sorted(p.name for p in (folder / SNAPSHOTS).iterdir())
    assert len(names) == 2 and names[0] == held and len(reader.store) == 1
    reader.close()
    writer.close()  # nothing new to publish: the held snapshot goes at the next publish
    writer = Writer(folder)
    writer.store.update("INSERT DATA { <http://e/c> <http://e/p> 1 }")
    writer.wrote()
    writer.close()
    (newest,) = (folder / SNAPSHOTS).iterdir()
    reader = Reader(folder)
    assert reader.snapshot == newest.name and len(reader.store) == 5
    reader.close()
