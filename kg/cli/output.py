"""What the commands print: progress bars, problems and summaries, result tables, statistics."""

from __future__ import annotations

import json
import sys

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

__all__ = [
    "err",
    "out",
    "print_problems",
    "print_report",
    "print_stats",
    "print_table",
    "progress_bar",
    "say",
]

out = Console()
err = Console(stderr=True)


def progress_bar() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def say(line: str) -> None:
    err.print(line, highlight=False, soft_wrap=True, markup=False)


def print_problems(report) -> None:
    """Each failure, warning and unusual skip of a report on its own line."""
    for message in report.failed:
        say(f"failed: {message}")
    for message in report.warnings:
        say(f"warning: {message}")
    for article_id, reason in report.skipped:
        if reason != "already stored, unchanged":
            say(f"skipped: {article_id}: {reason}")


def print_report(report, location: str) -> None:
    """The problems of an ingest, then a one-line summary."""
    from collections import Counter

    print_problems(report)
    reasons = Counter(reason for _, reason in report.skipped)
    line = f"ingested {report.ingested}, skipped {len(report.skipped)}, failed {len(report.failed)}"
    if reasons:
        line += f" (skipped: {'; '.join(f'{n} {reason}' for reason, n in sorted(reasons.items()))})"
    say(f"{line} -> {location}")
    if report.stopped:
        err.print(
            f"[red]error:[/red] {report.stopped}. The articles stored so far are whole; run the "
            f"command again to ingest the rest.",
            highlight=False,
            soft_wrap=True,
        )


def print_table(result, fmt: str, limit: int | None = None) -> None:
    from kg.store import QueryResult

    assert isinstance(result, QueryResult)
    if result.kind == "ask":
        out.print(
            json.dumps(result.to_json()) if fmt == "json" else str(bool(result.boolean)).lower()
        )
        return
    if result.kind == "graph":
        sys.stdout.write(result.graph.serialize(format="json-ld" if fmt == "json" else "turtle"))
        return
    if fmt == "json":
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
    elif fmt in {"csv", "tsv"}:
        sys.stdout.write(result.to_csv("," if fmt == "csv" else "\t"))
    else:
        # A column ?x with a ?xLabel beside it shows as its label only.
        shown = [i for i, v in enumerate(result.variables) if f"{v}Label" not in result.variables]
        table = Table(*(result.variables[i] for i in shown), show_lines=False)
        rows = result.rows[:limit] if limit else result.rows
        for row in rows:
            table.add_row(*("" if row[i] is None else _short(row[i]) for i in shown))
        out.print(table)
        if limit and len(result.rows) > limit:
            out.print(f"... {len(result.rows) - limit} more rows")


def _short(term) -> str:
    from rdflib import URIRef

    from kg.ontology import PREFIXES

    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if str(term).startswith(str(namespace)):
                return f"{prefix}:{str(term)[len(str(namespace)) :]}"
    return str(term)


def print_stats(counts: dict) -> None:
    out.print(
        f"[bold]{counts['articles']}[/bold] articles, [bold]{counts['triples']}[/bold] "
        f"triples in {counts['store']}",
        highlight=False,
    )
    for title, key in (("entities", "entities"), ("relations", "relations")):
        table = Table(title=title, title_justify="left")
        table.add_column(key[:-1] if key == "entities" else "predicate")
        table.add_column("count", justify="right")
        for name, n in counts[key].items():
            table.add_row(name, str(n))
        out.print(table)
    from kg.stats import TOP_COLUMNS

    for key, rows in counts.get("top", {}).items():
        if rows:
            table = Table(*TOP_COLUMNS[key], title=f"top {key}", title_justify="left")
            for row in rows:
                table.add_row(*(str(x) for x in row))
            out.print(table)
