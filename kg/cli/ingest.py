"""``kg ingest`` and ``kg demo``: articles into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import (
    FollowLinksOption,
    ModelOption,
    OnlineOption,
    PathsArgument,
    RelationsModelOption,
    StoreOption,
    handled,
)
from kg.cli.output import err, out, print_report, print_stats, print_table, progress_bar
from kg.errors import KGError

__all__ = ["demo", "ingest"]


def _count_inputs(paths: list[str], follow_links: bool = False) -> int | None:
    """Number of articles, when known without reading them (no stdin, no JSON Lines)."""
    from kg.articles import _expand

    files = [p for p in _expand(paths, follow_links) if not isinstance(p, KGError)]
    if any(str(p) == "-" or str(p).endswith((".jsonl", ".ndjson")) for p in files):
        return None
    return len(files)


def _ingest(
    paths: list[str],
    store: str | None,
    model: str | None,
    force: bool,
    online: bool | None = None,
    executor: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    relations_model: str | None = None,
    follow_links: bool = False,
):
    from kg.executors import open_executor
    from kg.knowledge import KnowledgeGraph
    from kg.link import make_linker
    from kg.pipeline import Pipeline
    from kg.report import read

    pipeline = Pipeline(model, linker=make_linker(online), relations_model=relations_model)
    graph = KnowledgeGraph(store, pipeline)
    try:
        with open_executor(executor, workers, scheduler) as running, progress_bar() as progress:
            task = progress.add_task("ingesting", total=_count_inputs(paths, follow_links))
            # a missing path is reported, the rest ingested
            articles, report = read(paths, follow_links)
            report = graph.ingest_articles(
                articles, force, lambda name: progress.advance(task), report, running
            )
    finally:
        graph.close()
    return report


@handled
def ingest(
    paths: PathsArgument,
    store: StoreOption = None,
    model: ModelOption = None,
    relations_model: RelationsModelOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Re-extract articles already stored unchanged.")
    ] = False,
    online: OnlineOption = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            "-w",
            metavar="N",
            help="Processes that extract (each loads the model once).",
            min=1,
        ),
    ] = 1,
    executor: Annotated[
        str,
        typer.Option(
            "--executor", help="local (this machine) or dask (a Dask cluster: see --scheduler)."
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Address of the Dask scheduler, tcp://host:8786 (by default a local Dask "
            "cluster of --workers processes).",
            show_default=False,
        ),
    ] = None,
    follow_links: FollowLinksOption = False,
) -> None:
    """Read articles, extract their facts and store them (one named graph per article).

    Articles already stored with the same content are skipped; unreadable files are reported
    and the rest is still ingested. Articles are read as a stream and stored as they are
    extracted, so an interrupted ingest run again goes on where it stopped. Exit status 1
    when anything failed.
    """
    from kg.store import store_location

    report = _ingest(
        paths,
        store,
        model,
        force,
        online,
        executor,
        workers,
        scheduler,
        relations_model=relations_model,
        follow_links=follow_links,
    )
    print_report(report, store_location(store))
    if not report.ok:
        raise typer.Exit(1)


@handled
def demo(
    store: StoreOption = None,
    model: ModelOption = None,
    output: Annotated[
        Path, typer.Option("--out", "-o", metavar="FILE", help="HTML page to write.")
    ] = Path("kg-graph.html"),
) -> None:
    """The main job on the bundled sample articles: ingest them into the store, write the
    interactive graph and print a summary and the who-met-whom table."""
    from kg.knowledge import KnowledgeGraph
    from kg.resources import data_path
    from kg.stats import stats as compute
    from kg.store import store_location
    from kg.views import full_graph
    from kg.viz import write_html

    samples = data_path("samples")
    report = _ingest([str(samples)], store, model, force=False)
    print_report(report, store_location(store))
    with KnowledgeGraph(store, read_only=True) as graph:
        counts = compute(graph.store)
        page = write_html(full_graph(graph.store), output, heading="kg demo: sample articles")
        print_stats(counts)
        out.print("[bold]Who met whom[/bold]")
        print_table(graph.named("who-met-whom"))
    err.print(f"wrote {page}; open it in a browser")
    if not report.ok:
        raise typer.Exit(1)
