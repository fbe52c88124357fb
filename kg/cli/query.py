"""``kg query``, ``kg stats`` and ``kg path``: questions to the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from kg.cli.app import StoreOption, handled, open_for_reading
from kg.cli.output import out, print_answer, print_stats
from kg.errors import KGError

__all__ = ["path", "query", "stats"]


@handled
def query(
    sparql: Annotated[
        str | None, typer.Argument(help="SPARQL query text.", show_default=False)
    ] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the query from a file.")] = None,
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="Run a named query (see --list).")
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="table, csv, tsv or json (SPARQL 1.1 results JSON)."),
    ] = "table",
    list_names: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    store: StoreOption = None,
) -> None:
    """Run SPARQL over the store (the union of all article graphs)."""
    from kg.queries import describe, named_queries, named_query

    if list_names:
        listing = Table.grid(padding=(0, 2))
        listing.add_column(style="bold", no_wrap=True)
        listing.add_column()
        for query_name in named_queries():
            listing.add_row(query_name, describe(query_name))
        out.print(listing, highlight=False)
        return
    given = [x for x in (sparql, file, name) if x]
    if len(given) != 1:
        raise KGError("give exactly one of: a SPARQL query, --file FILE or --name NAME")
    if fmt not in {"table", "csv", "tsv", "json"}:
        raise KGError(f"unknown format {fmt!r}; choose table, csv, tsv or json")
    if file:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as error:
            raise KGError(f"{file}: cannot be read ({error.strerror})") from None
    elif name:
        text = named_query(name)
    else:
        assert sparql is not None  # exactly one of the three was given
        text = sparql
    target = open_for_reading(store)
    try:
        print_answer(target.answer(text), fmt)
    finally:
        target.close()


@handled
def stats(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    top: Annotated[
        int, typer.Option("--top", metavar="N", help="How many top entries of each kind (0: none).")
    ] = 5,
    store: StoreOption = None,
) -> None:
    """Counts of articles, triples, entities by type and relations by predicate, and the top
    entries: the people who met the most others, brokers between them, the pairs with the most
    meetings, the most active countries and pairs of countries, the busiest of each year."""
    from kg.stats import stats as compute

    target = open_for_reading(store)
    try:
        counts = compute(target, top)
    finally:
        target.close()
    if fmt == "json":
        sys.stdout.write(json.dumps(counts, indent=2) + "\n")
        return
    print_stats(counts)


@handled
def path(
    a: Annotated[str, typer.Argument(help="A person (a name or an IRI).", show_default=False)],
    b: Annotated[str, typer.Argument(help="Another person.", show_default=False)],
    store: StoreOption = None,
) -> None:
    """The shortest chain of meetings between two people, with the evidence of each link."""
    from kg.analytics import chain

    target = open_for_reading(store)
    try:
        hops = chain(target, a, b)
    finally:
        target.close()
    names = [hops[0].source, *(hop.target for hop in hops)] if hops else []
    out.print(" → ".join(names), highlight=False, markup=False)
    for n, hop in enumerate(hops, 1):
        out.print(f"{n}. {hop.source} met {hop.target}", highlight=False, markup=False)
        for fact in hop.facts:
            where = ", ".join(fact.places)
            head = " · ".join(x for x in (fact.date or "undated", where, fact.title) if x)
            out.print(f"   {head} <{fact.url or fact.article}>", highlight=False, markup=False)
            for sentence in fact.evidence[:2]:
                out.print(f'     "{sentence}"', highlight=False, markup=False)
