"""``kg enrich`` and ``kg kb build``: Wikidata facts about the store's entities, and the
knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import OnlineOption, StoreOption, handled
from kg.cli.output import err, out

__all__ = ["enrich", "kb_build"]


@handled
def enrich(store: StoreOption = None, online: OnlineOption = None) -> None:
    """Add Wikidata facts about the store's linked entities, in their own graph.

    Instance of, country, capital, ISO codes, positions held with dates, coordinates and
    official website, from the bundled knowledge base or (--online) from Wikidata, in
    Wikidata's vocabulary, into the named graph kgr:graph/wikidata (replaced each run).
    """
    from kg.enrich import ENRICHMENT_GRAPH
    from kg.enrich import enrich as describe
    from kg.link import online_enabled
    from kg.link.wikidata import WikidataClient
    from kg.store import open_store, store_location

    client = WikidataClient() if online_enabled(online) else None
    target = open_store(store)
    try:
        done = describe(target, client=client)
    finally:
        target.close()
        if client is not None:
            client.close()
    source = f"{done.online} from Wikidata, {done.from_kb} from the bundled base"
    err.print(
        f"described {done.entities} linked entities ({source}): {done.triples} triples "
        f"in <{ENRICHMENT_GRAPH}> of {store_location(store)}",
        highlight=False,
    )


@handled
def kb_build(
    folders: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FOLDER",
            help="Folders of your own TSV files (countries, places, organizations, "
            "government_bodies, people, positions, coordinates), added after "
            "$KG_KB_PATH.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check and compile the knowledge base as the linker will load it.

    Reports rows per folder, entries per type, your rows that add to known entities, and
    names that now name several entities (the linker leaves those unlinked). A bad row is
    an error naming its file and line.
    """
    from kg.kb import build

    report = build(folders or ())
    for folder, tables in report.folders:
        counts = ", ".join(f"{n} {table}" for table, n in tables.items())
        out.print(f"{folder}: {counts}", highlight=False)
    types = ", ".join(f"{n} {t}" for t, n in sorted(report.types.items()))
    out.print(
        f"[bold]{sum(report.types.values())}[/bold] entities ({types}); loaded in "
        f"{report.load_seconds:.2f} s, indexed in {report.index_seconds:.2f} s",
        highlight=False,
    )
    if report.merged:
        out.print(f"{report.merged} of your rows add names or positions to known entities")
    for name, qids in report.ambiguous:
        out.print(f"[yellow]ambiguous:[/yellow] {name!r} names {', '.join(qids)}", highlight=False)
