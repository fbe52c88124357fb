"""The app of ``kg serve``: its routes, its error pages and its lifespan, and ``serve``.

Safety: the server binds to 127.0.0.1 unless told otherwise and answers only requests for
the host it serves (no DNS rebinding); every query runs in a worker process stopped at the
time limit (``kg.store.querypool``) and results are cut at a row limit (the header
``X-KG-Truncated: true`` says so); request bodies are limited; values from the user reach
SPARQL only as bound terms, and pages escape everything and forbid inline scripts (CSP).
"""

from __future__ import annotations

import contextlib
import logging

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from kg.errors import KGError, QueryError, QueryRefused
from kg.server.pages import Pages
from kg.server.security import Refusal, middleware
from kg.server.settings import Settings
from kg.server.sparql import Endpoint
from kg.store.querypool import QueryPool, QueryTimeout

__all__ = ["create_app", "serve"]

_log = logging.getLogger("kg.server")


def create_app(settings: Settings, pool: QueryPool | None = None) -> Starlette:
    """The web app of ``kg serve``. It starts a ``QueryPool`` over ``settings.store`` (or
    uses ``pool``) and stops it when the app shuts down."""
    pool = pool or QueryPool(
        settings.store,
        settings.workers,
        settings.timeout,
        writable=settings.token is not None,
        services=settings.services,
    )
    pages, endpoint = Pages(settings, pool), Endpoint(settings, pool)

    async def errors(request: Request, exc: Exception) -> Response:
        link = None
        if isinstance(exc, Refusal):
            status, message, headers, link = exc.status, exc.message, exc.headers, exc.link
        elif isinstance(exc, QueryTimeout):
            status, message, headers = 503, str(exc), {"Retry-After": "5"}
        elif isinstance(exc, QueryRefused):
            status, message, headers = 403, str(exc), {}
        elif isinstance(exc, QueryError):
            status, message, headers = 400, str(exc), {}
        else:  # the store's own trouble: its path and causes are for the log, not the client
            _log.warning("%s %s: %s", request.method, request.url.path, exc)
            status, message, headers = 500, "the store could not answer; see the server's log", {}
        if request.url.path == "/sparql":
            if link:
                message = f"{message} {link}"
            return PlainTextResponse(message, status_code=status, headers=headers)
        titles = {400: "Bad request", 403: "Refused", 404: "Not found", 503: "Too slow or busy"}
        page = pages.error(status, titles.get(status, "Error"), message, link=link)
        page.headers.update(headers)
        return page

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        yield
        pool.close()

    app = Starlette(
        routes=[
            Route("/", pages.home),
            Route("/search", pages.search),
            Route("/entity", pages.entity),
            Route("/article", pages.article),
            Route("/queries", pages.queries),
            Route("/sparql", endpoint.sparql, methods=["GET", "POST"]),
            Route("/static/{name}", pages.static),
        ],
        middleware=middleware(settings, errors),
        exception_handlers={Refusal: errors, KGError: errors},
        lifespan=lifespan,
    )
    app.state.pool = pool
    return app


def serve(settings: Settings, announce=print) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    app = create_app(settings)
    mode = "reads and updates with the token" if settings.token else "read-only"
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    announce(
        f"kg serve: http://{host}:{settings.port}/ ({mode}; store {settings.store}; "
        f"queries stop after {settings.timeout:g} s and {settings.max_rows} rows). Ctrl-C stops."
    )
    pool: QueryPool = app.state.pool
    if not settings.services and not pool.isolated and "://" not in settings.store:
        announce(
            "note: this system cannot cut the query workers off the network (Linux user "
            "namespaces are off); SERVICE and LOAD are still refused"
        )
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
