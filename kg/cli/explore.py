"""``kg viz`` and ``kg export``: network views of the store as pages and files, and the store
as RDF."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import OutOption, StoreOption, checked_date, handled, open_for_reading
from kg.cli.output import err
from kg.errors import KGError

__all__ = ["export", "viz"]


ViewOption = Annotated[
    str | None,
    typer.Option(
        "--view",
        help="who-met-whom, full (entities and events) or countries "
        "[default: who-met-whom, or full with --focus]",
        show_default=False,
    ),
]


SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        callback=checked_date,
        help="Only facts dated from this day on (YYYY, YYYY-MM or YYYY-MM-DD).",
    ),
]


UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until",
        metavar="DATE",
        callback=checked_date,
        help="Only facts dated up to this day (inclusive).",
    ),
]


CountryOption = Annotated[
    str | None,
    typer.Option("--country", help="Only edges that touch this country or its people."),
]


TypeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--type", help="Only nodes of this type (Person, Country, Event, ...); repeatable."
    ),
]


FocusOption = Annotated[
    str | None,
    typer.Option(
        "--focus", metavar="NAME", help="Only the entities around this one (a name or an IRI)."
    ),
]


DepthOption = Annotated[
    int, typer.Option("--depth", metavar="N", help="How many edges from --focus.")
]


def _view(store, view, since, until, country, types, focus, depth):
    """The view the options ask for, read from the store, and its description."""
    from kg.views import View

    spec = View(view, since, until, country, tuple(types or ()), focus, depth)
    target = open_for_reading(store)
    try:
        return spec.graph(target), spec.title
    finally:
        target.close()


@handled
def viz(
    output: Annotated[
        Path, typer.Option("--out", "-o", metavar="FILE", help="HTML file to write.")
    ] = Path("kg-graph.html"),
    view: ViewOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    country: CountryOption = None,
    types: TypeOption = None,
    focus: FocusOption = None,
    depth: DepthOption = 2,
    size_by: Annotated[
        str, typer.Option("--size-by", metavar="MEASURE", help="Node size: degree or betweenness.")
    ] = "degree",
    max_nodes: Annotated[
        int,
        typer.Option(
            "--max-nodes", metavar="N", help="Above this, show the most central nodes only."
        ),
    ] = 400,
    reports: Annotated[
        int,
        typer.Option(
            "--reports",
            metavar="N",
            help="Draw the view from the latest N reports that match the filters (0: from every "
            "report, which on a big store takes long and much memory).",
        ),
    ] = 100,
    store: StoreOption = None,
) -> None:
    """Write an interactive network page (works offline): click a node or an edge to see the
    facts and sentences behind it. On a store of more than --reports reports, the view is
    drawn from the latest that match (who-met-whom without filters: the pairs reported
    meeting most), and the page says so.

    kg viz --focus "Askar Mamin" --depth 2 draws the entities and events around one person.
    """
    from kg.views import Drawn, View
    from kg.viz import write_html

    if reports < 0:
        raise KGError(f"bad --reports {reports}: give 0 (every report) or more")
    spec = View(view, since, until, country, tuple(types or ()), focus, depth)
    target = open_for_reading(store)
    try:
        drawn = spec.draw(target, reports=reports) if reports else Drawn(spec.graph(target))
    finally:
        target.close()
    graph = drawn.graph
    path = write_html(
        graph,
        output,
        f"kg: {spec.title}",
        size_by=size_by,
        max_nodes=max_nodes,
        drawn_from=drawn.note,
    )
    err.print(
        f"wrote {path} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)"
        + (f": {drawn.note}" if drawn.note else ""),
        highlight=False,
    )


@handled
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="RDF: turtle, trig, nquads, ntriples, jsonld or xml; a network view: graphml, "
            "gexf (Gephi) or csv (nodes.csv and edges.csv in the --out folder).",
        ),
    ] = "trig",
    output: OutOption = None,
    view: ViewOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    country: CountryOption = None,
    types: TypeOption = None,
    focus: FocusOption = None,
    depth: DepthOption = 2,
    store: StoreOption = None,
) -> None:
    """Export the whole store as RDF, or a network view (--view and its filters, as for kg viz)
    as GraphML, GEXF or CSV."""
    from kg.exports import GRAPH_FORMATS, write_graph
    from kg.store import EXPORT_FORMATS

    if fmt in GRAPH_FORMATS:
        if fmt == "csv" and output is None:
            raise KGError("csv writes nodes.csv and edges.csv: give a folder with --out")
        graph, _ = _view(store, view, since, until, country, types, focus, depth)
        write_graph(graph, fmt, output or sys.stdout.buffer)
        return
    if fmt not in EXPORT_FORMATS:
        choices = ", ".join([*EXPORT_FORMATS, *GRAPH_FORMATS])
        raise KGError(f"unknown format {fmt!r}; choose {choices}")
    if view or since or until or country or types or focus:
        raise KGError("--view and its filters apply to graphml, gexf and csv, not to RDF")
    target = open_for_reading(store)
    try:
        if output:
            with open(output, "wb") as stream:
                target.export(stream, fmt)
        else:
            target.export(sys.stdout.buffer, fmt)
            sys.stdout.flush()
    finally:
        target.close()
