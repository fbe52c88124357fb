"""``kg extract`` in worker processes (``kg.workers``): the output of one process, in the
order of the articles; a few articles stay in this process; how many workers by default."""

from __future__ import annotations

import multiprocessing

import pytest
from typer.testing import CliRunner

from kg import workers
from kg.cli import app
from kg.contract import to_json
from kg.errors import KGError
from kg.workers import CHUNK, WORKERS, default_workers, extractions
from tests.conftest import write_articles

runner = CliRunner()


def test_kg_extract_in_two_workers_writes_what_one_process_writes(tmp_path):
    folder = write_articles(tmp_path / "articles", 2 * CHUNK + 3)  # three chunks, the last short
    lines = {}
    for n in (1, 2):
        result = runner.invoke(app, ["extract", str(folder), "--workers", str(n)])
        assert result.exit_code == 0, result.output
        assert not multiprocessing.active_children()  # the workers joined, none left to wake
        lines[n] = result.stdout.splitlines()
    assert lines[2] == lines[1]
    assert len(lines[1]) == 2 * CHUNK + 3
    assert [line.split('"id": "')[1][:4] for line in lines[1][:3]] == ["a000", "a001", "a002"]


def test_a_chunk_of_articles_or_fewer_is_extracted_in_this_process(monkeypatch, pipeline):
    def no_pool(*args):
        raise AssertionError("no worker process for one chunk of articles")

    monkeypatch.setattr(workers, "pool", no_pool)
    texts = [f"Minister Aibek Nurlanov{n} met Ambassador Pierre Dupont{n}." for n in range(CHUNK)]
    found = list(extractions(pipeline, texts, 4))
    assert [to_json(x) for x in found] == [to_json(x) for x in pipeline.extract_many(texts)]


def test_a_model_that_fails_in_the_workers_is_one_line_of_error(tmp_path):
    folder = write_articles(tmp_path / "articles", CHUNK + 1)
    result = runner.invoke(app, ["extract", str(folder), "--workers", "2", "-m", "no_such_model"])
    assert result.exit_code == 1
    assert "spaCy model 'no_such_model' is not installed" in result.output
    assert "Traceback" not in result.output


def test_workers_by_default_one_per_core_at_most_four_or_as_the_environment_says(monkeypatch):
    monkeypatch.delenv(WORKERS, raising=False)
    assert 1 <= default_workers() <= 4
    monkeypatch.setenv(WORKERS, "3")
    assert default_workers() == 3
    for bad in ("0", "two", "-1"):
        monkeypatch.setenv(WORKERS, bad)
        with pytest.raises(KGError, match=WORKERS):
            default_workers()


def test_a_bad_number_of_workers_in_the_environment_is_one_line_of_error(tmp_path, monkeypatch):
    folder = write_articles(tmp_path / "articles", 1)
    monkeypatch.setenv(WORKERS, "many")
    result = runner.invoke(app, ["extract", str(folder)])
    assert result.exit_code != 0
    assert f"{WORKERS}='many'" in result.output
    assert "Traceback" not in result.output
