"""``kg serve``: the web app and SPARQL endpoint."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.app import StoreOption, handled
from kg.cli.output import err
from kg.errors import KGError

__all__ = ["serve"]


@handled
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    allow_writes: Annotated[
        bool,
        typer.Option("--allow-writes", help="Accept SPARQL updates that carry --token."),
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="KG_TOKEN",
            help="The secret an update must send (Authorization: Bearer TOKEN).",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout", metavar="SECONDS", help="Seconds a query may run before it is stopped."
        ),
    ] = 10.0,
    max_rows: Annotated[
        int, typer.Option("--max-rows", metavar="N", help="Rows (or triples) a result is cut to.")
    ] = 10_000,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", metavar="N", help="Queries that may run at once (worker processes)."
        ),
    ] = 2,
    allow_service: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-service",
            help="A host (or host:port) that SERVICE and LOAD may reach, e.g. "
            "query.wikidata.org; repeat for more. Without it the server reaches no other host.",
            show_default=False,
        ),
    ] = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="Another name requests may be addressed to (a proxy's, a DNS name); repeat "
            "for more.",
            show_default=False,
        ),
    ] = None,
    store: StoreOption = None,
) -> None:
    """Start a local web app: the network, search, entity pages with their evidence, a query
    page and a SPARQL 1.1 endpoint at /sparql (read-only unless --allow-writes --token)."""
    from kg.server import Settings
    from kg.server import serve as run
    from kg.store import store_location

    if allow_writes and not token:
        raise KGError("--allow-writes needs a --token (or KG_TOKEN) that updates must send")
    if timeout <= 0 or max_rows <= 0 or workers <= 0:
        raise KGError("--timeout, --max-rows and --workers must be positive")
    location = store_location(store)
    if location == ":memory:":
        raise KGError("kg serve needs a store folder or endpoint, not :memory:")
    settings = Settings(
        location,
        host,
        port,
        timeout,
        max_rows,
        workers,
        token if allow_writes else None,
        allowed_hosts=tuple(allowed_host or ()),
        services=frozenset(h.lower() for h in allow_service or ()),
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"note: listening on {host}: other machines can reach this server")
    run(settings, announce=lambda line: err.print(line, highlight=False, soft_wrap=True))
