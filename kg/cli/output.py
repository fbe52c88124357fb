"""What the commands print: progress bars, problems and summaries, result tables, statistics."""

from __future__ import annotations

import re
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
from rich.table import Column, Table

__all__ = [
    "err",
    "out",
    "print_answer",
    "print_problems",
    "print_report",
    "print_stats",
    "print_table",
    "progress_bar",
    "say",
]

# No emoji codes: ":date:" in a property name or an article is text, not a calendar.
out = Console(emoji=False)
err = Console(stderr=True, emoji=False)


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


def print_table(result, limit: int | None = None) -> None:
    """The rows of a SELECT's answer (a ``QueryResult``) as a table."""
    # A column ?x with a ?xLabel beside it shows as its label only, headed x.
    names = result.variables
    shown = [i for i, v in enumerate(names) if f"{v}Label" not in names]
    table = Table(*(_heading(names[i], names) for i in shown), show_lines=False)
    rows = result.rows[:limit] if limit else result.rows
    for row in rows:
        table.add_row(*("" if row[i] is None else _short(row[i]) for i in shown))
    out.print(table)
    if limit and len(result.rows) > limit:
        out.print(f"... {len(result.rows) - limit} more rows")


def print_answer(answer, fmt: str) -> None:
    """A query's answer (an ``Answer``) in ``fmt`` (table, csv, tsv or json): SELECT rows as a
    table or as Oxigraph writes them; a graph as JSON-LD for json, else Turtle; an ASK as JSON
    for json, else true or false."""
    if answer.kind == "select" and fmt == "table":
        print_table(answer.result())
        return
    if answer.kind == "graph":
        fmt = "jsonld" if fmt == "json" else "turtle"
    elif answer.kind == "ask" and fmt != "json":
        out.print(str(bool(answer.boolean)).lower())
        return
    answer.write(fmt, sys.stdout.buffer)
    sys.stdout.buffer.flush()


def _heading(variable: str, variables: list[str]) -> str:
    """A column's heading in words: ``firstReported`` is "first reported", ``personLabel``
    beside ``person`` is "person"; acronyms stay (``aISO``: "a ISO").

    >>> _heading("personLabel", ["person", "personLabel"]), _heading("firstReported", [])
    ('person', 'first reported')
    """
    if variable.endswith("Label") and variable[:-5] in variables:
        variable = variable[:-5]
    words = re.findall(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z0-9]+|[A-Z]+", variable) or [variable]
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)


def _short(term) -> str:
    from rdflib import URIRef

    from kg.ontology import PREFIXES

    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if str(term).startswith(str(namespace)):
                return f"{prefix}:{str(term)[len(str(namespace)) :]}"
    return str(term)


def print_stats(counts: dict) -> None:
    """``kg stats``: the counts, then a table of each kind of count and of top entries."""
    out.print(
        f"[bold]{counts['articles']}[/bold] articles, [bold]{counts['triples']}[/bold] "
        f"triples ({counts['quads']} quads in all graphs) in {counts['store']}",
        highlight=False,
    )
    for title, column in (("entities", "type"), ("relations", "predicate")):
        table = Table(column, Column("count", justify="right"), title=title, title_justify="left")
        for name, n in counts[title].items():
            table.add_row(name, str(n))
        out.print(table)
    for kind, rows in counts.get("top", {}).items():
        if rows:
            table = Table(*rows[0], title=f"top {kind}", title_justify="left")
            for row in rows:
                table.add_row(*(str(x) for x in row.values()))
            out.print(table)
