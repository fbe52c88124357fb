"""``kg serve``: the web app and SPARQL endpoint."""

from __future__ import annotations

import re
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
    max_bytes: Annotated[
        str,
        typer.Option(
            "--max-bytes",
            metavar="SIZE",
            help="The largest answer a query may have (e.g. 50MB, 500KB, 1GB); a larger one "
            "is refused (413).",
        ),
    ] = "50MB",
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
    size = _size(max_bytes)
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
        max_bytes=size,
        allowed_hosts=tuple(allowed_host or ()),
        services=frozenset(h.lower() for h in allow_service or ()),
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"note: listening on {host}: other machines can reach this server")
    run(settings, announce=lambda line: err.print(line, highlight=False, soft_wrap=True))


_UNITS = {
    "": 1,
    "B": 1,
    "KB": 1024,
    "K": 1024,
    "MB": 1024**2,
    "M": 1024**2,
    "GB": 1024**3,
    "G": 1024**3,
}


def _size(text: str) -> int:
    """A size such as ``50MB`` in bytes (KB, MB and GB are powers of 1024)."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    unit = found[2].upper() if found else ""
    if not found or unit not in _UNITS or float(found[1]) * _UNITS[unit] < 1:
        raise KGError(f"--max-bytes: give a size such as 50MB or 500KB, not {text!r}")
    return int(float(found[1]) * _UNITS[unit])
