"""Regenerate kg's shipped relations model from the project's development set.

Trains on ``../shared/eval/dev`` (the gold) and the corpus articles they annotate, with the
fixed seed, and writes ``data/models/relations/`` (manifest.json, weights.npz) and the
feature rows ``kg train --with-bundled`` adds (dev-rows.npz: numbers, no sentences). Run it
whenever the rules change: the test suite fails while the shipped model is older than the
rules.

    python scripts/train_relations_model.py [--gold DIR] [--articles DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's kg, whose shipped model this is

from kg.articles import read_articles  # noqa: E402
from kg.evaluate import load_gold  # noqa: E402
from kg.learn.model import SHIPPED  # noqa: E402
from kg.training import BUNDLED, save_rows, train  # noqa: E402

SHARED = ROOT.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "eval" / "dev")
    parser.add_argument("--articles", type=Path, default=SHARED / "corpus" / "articles")
    args = parser.parse_args()
    if not args.gold.is_dir():
        sys.exit(f"{args.gold}: no gold folder (the project's shared development set)")
    started = time.perf_counter()
    gold = load_gold(args.gold)
    paths = [str(args.articles / f"{g['article']}.txt") for g in gold]
    result = train(gold, read_articles(paths))
    print(result.table())
    result.model.save(SHIPPED, shipped=True)
    save_rows(result.examples, BUNDLED)
    sizes = ", ".join(
        f"{p.name} {p.stat().st_size / 1e6:.2f} MB" for p in sorted(SHIPPED.iterdir())
    )
    print(f"wrote {SHIPPED} ({sizes}) in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
