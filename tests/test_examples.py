"""Every example in the README and ``docs/`` runs, on the demo store (what ``kg demo`` builds).

- Each ``bash`` block runs in a shell, in a folder where ``kg demo`` ran, with a home of its
  own holding what the examples name (``~/news/2024/``, ``article.txt``, ``articles/``). A
  ``kg`` command that needs what a test cannot have (a SPARQL endpoint or Wikidata online: a
  URL or ``--online``) or should not start (a Dask cluster of four workers, which
  ``tests/test_parallel.py`` runs smaller) is parsed instead, its options and values checked.
  Not run: ``pip``, ``pytest`` and Dask's own programs; the ``jupyter nbconvert`` line is the
  command ``tests/test_notebook.py`` runs.
- Each ``sparql`` block answers on the demo store with rows (a federated one is parsed:
  ``tests/link/test_docs.py`` runs it against a stand-in of the Wikidata Query Service).
- Each ``python`` block runs in a fresh interpreter, in an empty folder (the SPARQLWrapper
  one against ``kg serve`` on the demo store).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from rdflib.plugins.sparql import prepareQuery
from typer.main import get_command

from kg.cli import app
from kg.knowledge import KnowledgeGraph
from kg.queries import named_queries
from tests.conftest import ROOT, SAMPLES
from tests.test_notebook import NBCONVERT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)
NOT_RUN = ("pip", "pytest", "dask")
SERVICE = re.compile(r"\w+://|--online\b|--executor dask")


def _blocks(language: str) -> list[tuple[str, str]]:
    return [
        (f"{doc.name} block {n}", text)
        for doc in DOCS
        for n, (kind, text) in enumerate(BLOCK.findall(doc.read_text(encoding="utf-8")), 1)
        if kind == language
    ]


def parses(args: list[str]) -> None:
    """Check that a ``kg`` command line parses (its command, options and values), without
    running it."""
    command = get_command(app)
    ctx = command.make_context("kg", list(args))
    while hasattr(command, "commands"):
        name, found, rest = command.resolve_command(ctx, [*ctx._protected_args, *ctx.args])
        assert found is not None and name is not None
        command, ctx = found, found.make_context(name, rest, parent=ctx)


def _commands(block: str) -> list[str]:
    """The block's commands, each whole (continued lines and quotes that span lines joined)."""
    commands, pending = [], ""
    for line in block.splitlines(keepends=True):
        pending += line
        try:
            shlex.split(pending, comments=True)
        except ValueError:  # a quotation still open
            continue
        if not pending.rstrip().endswith("\\"):
            commands.append(pending)
            pending = ""
    return [c for c in commands if shlex.split(c, comments=True)]


def _as_run(command: str) -> str:
    """The command as the test runs it: ``kg`` as it is, or checked only (``kg_check``), or
    not at all (``true``)."""
    parts = []
    for part in command.split("&&"):
        line = part.replace("\\\n", " ")
        words = [w for w in shlex.split(line, comments=True) if not re.match(r"\w+=", w)]
        program = words[0] if words else ""
        if program in NOT_RUN:
            parts.append(" true ")
        elif program == "jupyter":
            assert words[: len(NBCONVERT)] == NBCONVERT, (
                f"run this in tests/test_notebook.py: {part}"
            )
            parts.append(" true ")
        elif program == "kg" and SERVICE.search(part):
            parts.append(re.sub(r"(^|\s)kg(\s)", r"\1kg_check\2", part, count=1))
        else:
            parts.append(part)
    return "&&".join(parts)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A folder where ``kg demo`` ran, and the environment of the examples: a home holding
    ``~/news/2024/``, and ``article.txt``, ``articles/`` and a small gold set (``my-articles/``,
    ``my-gold/``) beside the demo store."""
    home = tmp_path_factory.mktemp("home")
    shutil.copytree(SAMPLES, home / "news" / "2024")
    folder = tmp_path_factory.mktemp("demo")
    shutil.copy(SAMPLES / "cn-kz-state-visit.txt", folder / "article.txt")
    (folder / "articles").mkdir()
    shutil.copy(SAMPLES / "kz-uz-commission.txt", folder / "articles")
    shutil.copytree(ROOT / "tests" / "data" / "train" / "articles", folder / "my-articles")
    shutil.copytree(ROOT / "tests" / "data" / "train" / "gold", folder / "my-gold")
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(ROOT), "PY": sys.executable}
    for name in ("KG_STORE", "KG_KB_PATH", "KG_ONLINE"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "kg", "demo"], cwd=folder, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return folder, env


SHELL = """set -e
kg() { "$PY" -m kg "$@"; }
kg_check() { "$PY" -c 'import sys; from tests.test_examples import parses; parses(sys.argv[1:])' "$@"; }
"""


@pytest.mark.parametrize(("where", "block"), _blocks("bash"), ids=lambda x: str(x)[:40])
def test_every_shell_example_runs(demo, where, block):
    folder, env = demo
    script = SHELL + "".join(_as_run(c) for c in _commands(block))
    done = subprocess.run(
        ["sh", "-c", script], cwd=folder, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{where}:\n{block}\n{done.stderr}"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("where", "query"), _blocks("sparql"), ids=lambda x: str(x)[:40])
def test_every_sparql_example_answers(demo, where, query):
    if "SERVICE" in query:
        prepareQuery(query)
        return
    folder, _ = demo
    subprocess.run(
        [sys.executable, "-m", "kg", "enrich"],  # the docs' queries of Wikidata's facts
        cwd=folder,
        env=demo[1],
        check=True,
        capture_output=True,
    )
    with KnowledgeGraph(folder / "kg-store", read_only=True) as graph:
        assert graph.query(query).rows, f"{where} found nothing:\n{query}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(("where", "code"), _blocks("python"), ids=lambda x: str(x)[:40])
def test_every_python_example_runs(demo, tmp_path, where, code):
    folder, env = demo
    server = None
    if "127.0.0.1:8000" in code:
        port = _free_port()
        code = code.replace("127.0.0.1:8000", f"127.0.0.1:{port}")
        server = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--port", str(port)],
            cwd=folder,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        _wait_for(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D")
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(30)
    assert done.returncode == 0, f"{where}:\n{code}\n{done.stderr}"


def _wait_for(url: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"kg serve did not answer at {url}")


def test_the_readme_names_every_named_query():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [name for name in named_queries() if f"`{name}`" not in readme] == []
