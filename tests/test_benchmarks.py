"""The benchmark scripts still run: each in its quickest mode, on the sample articles."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parent.parent


def run(script: str, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
def test_extraction():
    out = run(
        "extraction.py",
        "--corpus",
        str(SAMPLES),
        "--limit",
        "3",
        "--repeat",
        "1",
        "--stages",
        "rdf,ingest",
    )
    for header in ("articles/s", "words/s", "vs spaCy", "peak RSS (MB)", "kg extract + RDF"):
        assert header in out


@pytest.mark.slow
def test_ingest_memory():
    out = run("ingest_memory.py", "--corpus", str(SAMPLES), "--articles", "8")
    assert "peak RSS (MB)" in out and "articles/s" in out
    assert "│        8 │      0 │" in out  # 8 ingested (the samples cycled), none failed


@pytest.mark.slow
def test_pages(tmp_path):
    out = run("pages.py", "--sizes", "2000", "--runs", "1", "--cache", str(tmp_path))
    rows = {
        cells[1].strip(): cells[2].strip()
        for cells in (line.split("│") for line in out.splitlines())
        if len(cells) > 3
    }
    for name in (
        "network",
        "network: full view",
        "network: countries view",
        "network of the country",
        "search",
        "person",
        "country",
        "article",
        "timeline",
        "query page",
    ):
        assert rows.get(name) == "200", out


@pytest.mark.slow
def test_queries(tmp_path):
    out = run("queries.py", "--sizes", "2000", "--runs", "1", "--cache", str(tmp_path))
    for header in ("summary (s)", "who-met-whom", "ego network", "meetings in a country"):
        assert header in out
    # Both stores, each with the summary of meeting pairs built, give the same number of pairs.
    rows = [line.split("│") for line in out.splitlines() if "oxigraph" in line or "rdflib" in line]
    pairs = {cells[2].strip(): cells[5].strip().split("(")[1] for cells in rows}
    assert pairs.keys() == {"oxigraph", "rdflib"} and len(set(pairs.values())) == 1
    assert int(pairs["oxigraph"].rstrip(")").replace(",", "")) > 0


def test_startup():
    out = run("startup.py", "--repeat", "1")
    for row in ("kg --help", "spaCy", "kg extract", "kg extract, first run", "CPU − spaCy"):
        assert row in out


@pytest.mark.slow
def test_amplify():
    out = run("amplify.py", "--attackers", "1", "--rounds", "1")
    assert "1 x 413" in out and "none failed" in out and "peak" in out


@pytest.mark.slow
def test_slowclients():
    out = run("slowclients.py", "--sockets", "50", "--seconds", "4")
    assert "50 slow sockets opened" in out and "no answer: 0 of" in out


@pytest.mark.parametrize("script", ["extraction.py", "ingest_memory.py"])
def test_missing_corpus(script, tmp_path):
    """A folder that does not exist is one clear line, not a traceback."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), "--corpus", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 1 and "no articles at" in done.stderr
    assert "Traceback" not in done.stderr
