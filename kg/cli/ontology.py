"""``kg ontology`` and ``kg validate``: kg's vocabulary, and data checked against its shapes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import OutOption, StoreOption, handled
from kg.cli.output import err, out
from kg.errors import KGError

__all__ = ["ontology", "validate_command"]


@handled
def validate_command(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="An RDF file to check instead of the store (.ttl, .trig, .nq, .nt, .jsonld, "
            ".rdf).",
            show_default=False,
        ),
    ] = None,
    store: StoreOption = None,
    allow_warnings: Annotated[
        bool, typer.Option("--allow-warnings", help="Exit 0 when there are only warnings.")
    ] = False,
) -> None:
    """Check the store (or an RDF file) against kg's SHACL shapes (ontologies/shapes.ttl).

    Prints one line per violation or warning and a summary; exit status 1 on any.
    """
    from kg.store import open_store
    from kg.validate import read_rdf, render, store_graph, validate

    if file is not None and store is not None:
        raise KGError("give a FILE or --store, not both")
    if file is not None:
        data = read_rdf(file)
    else:
        target = open_store(store, read_only=True)
        try:
            data = store_graph(target)
        finally:
            target.close()
    report = validate(data)
    for line in render(report, data):
        out.print(line, highlight=False, markup=False, soft_wrap=True)
    if report.count("violation") or (report.results and not allow_warnings):
        raise typer.Exit(1)


@handled
def ontology(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="turtle, xml (RDF/XML), jsonld or ntriples; or markdown (the reference "
            "page) or dot (the diagram, for Graphviz).",
        ),
    ] = "turtle",
    output: OutOption = None,
) -> None:
    """Print or write kg's ontology of diplomacy and trade, or its documentation."""
    from kg.ontology import serialize
    from kg.reference import diagram, reference

    documents = {"markdown": reference, "dot": diagram}
    text = documents[fmt]() if fmt in documents else serialize(fmt)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise KGError(f"{output}: cannot be written ({error.strerror})") from None
    err.print(f"wrote {output}")
