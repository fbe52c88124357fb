"""kg's cache folder and ``compiled``: built once, read after, rebuilt when what it was built
from changes, written whole when processes race, and never in the way when it cannot be
written."""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cache import compiled, digest, folder
from tests.conftest import ROOT


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("KG_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "compiled"


def test_the_folder_is_kg_cache_else_the_users():
    assert folder() == Path(os.environ["KG_CACHE"])
    env = {k: v for k, v in os.environ.items() if k not in ("KG_CACHE", "XDG_CACHE_HOME")}
    code = "from kg.cache import folder; print(folder())"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "HOME": "/home/someone"},
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert done.stdout.strip() == "/home/someone/.cache/kg"


def test_built_once_then_read(cache):
    built = []

    def build():
        built.append(1)
        return {"squares": [n * n for n in range(5)]}

    key = digest("squares", "5")
    assert compiled("squares", key, build) == {"squares": [0, 1, 4, 9, 16]}
    assert compiled("squares", key, build) == {"squares": [0, 1, 4, 9, 16]}
    assert built == [1]
    assert [p.name for p in cache.iterdir()] == [f"squares-{key}.pickle"]
    assert (cache / f"squares-{key}.pickle").stat().st_mode & 0o077 == 0  # the user's alone


def test_a_new_key_builds_anew_and_few_old_files_stay(cache):
    for n in range(7):
        assert compiled("squares", digest(str(n)), lambda n=n: n * n) == n * n
    assert len(list(cache.glob("squares-*.pickle"))) == 4
    assert compiled("squares", digest("6"), lambda: "built again") == 36


def test_digests_tell_parts_apart():
    assert digest("ab", "c") != digest("a", "bc")
    assert digest(b"x") == digest("x")


def test_a_damaged_file_is_built_anew(cache):
    key = digest("damaged")
    compiled("value", key, lambda: [1, 2, 3])
    (cache / f"value-{key}.pickle").write_bytes(b"\x80\x05not a pickle")
    assert compiled("value", key, lambda: [4, 5]) == [4, 5]
    assert compiled("value", key, lambda: "not again") == [4, 5]


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("KG_CACHE", str(blocker))
    assert compiled("value", digest("x"), lambda: 42) == 42
    assert compiled("value", digest("x"), lambda: 43) == 43  # nothing kept: built again


@pytest.mark.parametrize("collecting", [True, False])
def test_what_is_read_is_left_out_of_the_collectors_walks(cache, collecting):
    key = digest("kept")
    compiled("value", key, lambda: [[n] for n in range(1000)])
    frozen = gc.get_freeze_count()
    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        value = compiled("value", key, lambda: "not built again")
        assert gc.isenabled() is collecting  # the collector as it was
    finally:
        (gc.enable if was else gc.disable)()
    assert value == [[n] for n in range(1000)]
    assert gc.get_freeze_count() >= frozen + 1000  # read, then frozen


def _compile(cache: str, queue) -> None:
    os.environ["KG_CACHE"] = cache
    queue.put(compiled("big", digest("race"), lambda: list(range(200_000))) == list(range(200_000)))


def test_racing_processes_each_get_the_whole_value(tmp_path):
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_compile, args=(str(tmp_path), queue)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [queue.get(timeout=5) for _ in workers] == [True] * 4
    assert [p.name for p in (tmp_path / "compiled").iterdir()] == [
        f"big-{digest('race')}.pickle"
    ]  # one whole file, no temporary file left behind


def _namespace(script: str) -> subprocess.CompletedProcess:
    """Run ``script`` as root of new user and mount namespaces (a tiny tmpfs, a read-only
    bind mount, without real root); skip where the machine does not allow them."""
    if not shutil.which("unshare") or subprocess.run(["unshare", "-rm", "true"]).returncode:
        pytest.skip("this machine does not allow user namespaces (unshare -rm)")
    return subprocess.run(
        ["unshare", "-rm", "sh", "-uc", script],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


LOAD = f'"{sys.executable}" -c "from kg.kb import KnowledgeBase; print(len(KnowledgeBase.load()))"'


def test_the_knowledge_base_loads_on_a_full_disk_and_a_read_only_folder(tmp_path):
    from kg.kb import KnowledgeBase

    full, read_only = tmp_path / "full", tmp_path / "ro"
    full.mkdir()
    read_only.mkdir()
    result = _namespace(
        f"""
        mount -t tmpfs -o size=64k tmpfs {full}
        n=$(KG_CACHE={full} {LOAD}); echo "full $? $n"
        echo "left $(ls -A {full}/compiled | wc -l)"
        mount --bind {read_only} {read_only}
        mount -o remount,bind,ro {read_only}
        n=$(KG_CACHE={read_only} {LOAD}); echo "read-only $? $n"
        """
    )
    entries = len(KnowledgeBase.load())
    lines = result.stdout.splitlines()
    assert lines == [f"full 0 {entries}", "left 0", f"read-only 0 {entries}"], result
    assert result.stderr == "", result.stderr
