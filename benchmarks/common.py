"""What the benchmark scripts share: the articles they read, peak memory, a stage run in a
child process (so its peak memory is its own), and the machine they ran on."""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from kg.articles import read_articles
from kg.types import Article

__all__ = [
    "ROOT",
    "console",
    "corpus_folder",
    "load_articles",
    "machine",
    "peak_rss_mb",
    "run_stage",
    "stage_main",
]

ROOT = Path(__file__).resolve().parent.parent
# The shared corpus beside the repository, or beside the folder of worktrees it is in.
CORPUS_CANDIDATES = (
    ROOT.parent / "shared" / "corpus" / "articles",
    ROOT.parent.parent / "shared" / "corpus" / "articles",
)
SAMPLES = ROOT / "data" / "samples"
console = Console()
if not console.is_terminal:  # tables as wide as they need, in a file or a pipe
    console.width = 120


def corpus_folder(given: str | None) -> Path:
    """The folder of articles to read: ``given``, else the shared corpus, else kg's samples
    (with a note saying so)."""
    if given:
        folder = Path(given)
        if not folder.exists():
            sys.exit(f"no articles at {folder}; give a folder of .txt/.html/.jsonl articles")
        return folder
    for folder in CORPUS_CANDIDATES:
        if folder.is_dir():
            return folder
    console.print(
        f"[yellow]no corpus at {CORPUS_CANDIDATES[0]}; reading kg's samples ({SAMPLES}) "
        f"instead. Give --corpus FOLDER for a real benchmark.[/]"
    )
    return SAMPLES


def load_articles(folder: Path, limit: int | None = None) -> list[Article]:
    """The articles in ``folder`` (sorted by id), the first ``limit`` of them."""
    found = [a for a in read_articles([folder]) if isinstance(a, Article)]
    found.sort(key=lambda a: a.id)
    return found[:limit] if limit else found


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    """CPU, cores, memory and Python, in one line."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (OSError, ValueError):
        memory = 0
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GB RAM, Python {platform.python_version()}"


def run_stage(script: str, *args: str) -> dict:
    """Run ``script --stage ...args`` in a fresh Python and return the JSON it prints last."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(
        [sys.executable, script, "--stage", *args], capture_output=True, text=True, env=env
    )
    if done.returncode != 0:
        sys.exit(f"stage {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def stage_main(stages: dict[str, Callable[..., dict]], argv: list[str]) -> None:
    """In a child process: run the stage named by ``argv[0]`` with the rest as arguments and
    print its result, with the process's peak memory, as one JSON line."""
    result = stages[argv[0]](*argv[1:])
    print(json.dumps({**result, "peak_mb": peak_rss_mb()}))
