"""Start-up: how long kg takes to answer, against bare spaCy reading the same article.

Each command runs in a fresh Python, ``--repeat`` times (5), the commands interleaved; the
table shows each command's best run, in wall-clock seconds and in CPU seconds (user and
system: steadier than the wall clock on a shared machine), and how much more each takes than
bare spaCy:

- python: an empty Python (the floor under everything);
- kg --help;
- spaCy: import spaCy, load kg's model and parse the article (the baseline);
- kg extract: ``kg extract ARTICLE``, with the knowledge base compiled (every run but the first);
- kg extract, first run: the same with an empty cache folder (``KG_CACHE``), which compiles it.

    python benchmarks/startup.py                 # kg's sample kz-uz-commission.txt
    python benchmarks/startup.py --repeat 1
    python benchmarks/startup.py --root ../old   # another checkout of kg, to compare
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, console, machine
from rich.table import Table

BASELINE = "spaCy"


def _commands(article: Path, model: str) -> dict[str, list[str]]:
    spacy = f"import spacy; spacy.load({model!r})(open({str(article)!r}).read())"
    kg = [sys.executable, "-m", "kg"]
    return {
        "python": [sys.executable, "-c", "pass"],
        "kg --help": [*kg, "--help"],
        BASELINE: [sys.executable, "-c", spacy],
        "kg extract": [*kg, "extract", str(article), "--out", os.devnull],
        "kg extract, first run": [*kg, "extract", str(article), "--out", os.devnull],
    }


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of ``command`` in the checkout timed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=env["PYTHONPATH"])
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--article", default=str(ROOT / "data/samples/kz-uz-commission.txt"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--root", default=str(ROOT), help="the kg checkout to time")
    args = parser.parse_args()
    article = Path(args.article).resolve()
    if not article.is_file():
        sys.exit(f"no article at {article}")
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "PYTHONPATH": args.root, "KG_CACHE": f"{scratch}/warm"}
        model = subprocess.run(
            [sys.executable, "-c", "from kg.nlp import default_model; print(default_model())"],
            capture_output=True,
            text=True,
            env=env,
            cwd=args.root,
            check=True,
        ).stdout.strip()
        commands = _commands(article, model)
        _run(commands["kg extract"], env)  # compiles what kg compiles, in the warm cache
        best: dict[str, tuple[float, float]] = {}
        for n in range(args.repeat):
            for name, command in commands.items():
                cold = {**env, "KG_CACHE": f"{scratch}/cold{n}"}
                wall, cpu = _run(command, cold if name.endswith("first run") else env)
                seen = best.get(name, (wall, cpu))
                best[name] = (min(wall, seen[0]), min(cpu, seen[1]))
    base = best[BASELINE]
    table = Table(title=f"Start-up, best of {args.repeat} ({article.name}, {model})")
    for column in ("command", "wall (s)", "CPU (s)", "wall − spaCy", "CPU − spaCy"):
        table.add_column(column, justify="left" if column == "command" else "right")
    for name, (wall, cpu) in best.items():
        table.add_row(
            name, f"{wall:.2f}", f"{cpu:.2f}", f"{wall - base[0]:+.2f}", f"{cpu - base[1]:+.2f}"
        )
    console.print(table)
    console.print(f"{machine()}; kg from {args.root}")


if __name__ == "__main__":
    main()
