"""Ingest many articles in one run into a fresh embedded store: articles/s and peak memory.

The corpus is cycled to reach ``--articles`` (each round gives the articles new ids, so none
is skipped as already stored). The target is 20,000 articles under 2 GB of peak memory.

    python benchmarks/ingest_memory.py                      # 20,000 articles (~15 min)
    python benchmarks/ingest_memory.py --articles 50        # a quick check
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import tempfile
import time
from collections.abc import Iterator

from common import console, corpus_folder, load_articles, machine, peak_rss_mb
from rich.table import Table

from kg.knowledge import KnowledgeGraph
from kg.types import Article

TARGET_MB = 2048


def cycled(articles: list[Article], count: int) -> Iterator[Article]:
    """``count`` articles: ``articles`` over and over, each round with new ids."""
    for n, article in enumerate(itertools.islice(itertools.cycle(articles), count)):
        yield dataclasses.replace(article, id=f"{article.id}--{n // len(articles)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000, help="how many to ingest")
    parser.add_argument("--corpus", help="a folder of articles (default: the shared corpus)")
    parser.add_argument("--every", type=int, default=1000, help="report progress every N")
    args = parser.parse_args()
    corpus = load_articles(corpus_folder(args.corpus))
    console.print(f"{machine()}\ningesting {args.articles} articles cycled from {len(corpus)}")
    done = 0

    def progress(_: str) -> None:
        nonlocal done
        done += 1
        if done % args.every == 0:
            rate = done / (time.perf_counter() - started)
            console.print(f"{done:>7} articles, {rate:.1f}/s, peak {peak_rss_mb():.0f} MB")

    with tempfile.TemporaryDirectory() as folder, KnowledgeGraph(f"{folder}/store") as kg:
        list(kg.pipeline.extract_many(corpus[:5]))  # warm up before the clock starts
        started = time.perf_counter()
        report = kg.ingest_articles(cycled(corpus, args.articles), progress=progress)
        seconds = time.perf_counter() - started
        quads = len(kg.store)
    peak = peak_rss_mb()
    table = Table(title="kg ingest into the embedded Oxigraph store")
    for column in ("articles", "failed", "quads", "seconds", "articles/s", "peak RSS (MB)"):
        table.add_column(column, justify="right")
    table.add_row(
        str(report.ingested),
        str(len(report.failed)),
        str(quads),
        f"{seconds:.0f}",
        f"{report.ingested / seconds:.1f}",
        f"{peak:.0f}",
    )
    console.print(table)
    verdict = "[green]under[/]" if peak < TARGET_MB else "[red]over[/]"
    console.print(f"peak memory {verdict} the target of {TARGET_MB} MB")


if __name__ == "__main__":
    main()
