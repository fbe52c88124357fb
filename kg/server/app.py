"""The app of ``kg serve``: its routes, its error pages and its lifespan, and ``serve``.

Safety: the server binds to 127.0.0.1 unless told otherwise and answers only requests for
the host it serves (no DNS rebinding); every query runs in a worker process stopped at the
time limit (``kg.store.querypool``), results are cut at a row limit (the header
``X-KG-Truncated: true`` says so) and refused (413) past a limit of bytes or of the worker's
memory, and pass through the server in parts; request bodies are limited; values from the
user reach SPARQL only as bound terms, and pages escape everything and forbid inline scripts
(CSP).
"""

from __future__ import annotations

import contextlib
import logging
import time

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg.errors import KGError
from kg.server.connections import Limited, OncePerSecond, raise_file_limit
from kg.server.pages import Pages
from kg.server.security import LOG, Refusal, failure, middleware
from kg.server.settings import Settings
from kg.server.sparql import Endpoint
from kg.store.querypool import QueryPool
from kg.store.results import megabytes

__all__ = ["LOG", "RequestLog", "create_app", "serve"]

_TITLES = {
    400: "Bad request",
    401: "Token needed",
    403: "Refused",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    413: "Too large",
    415: "Unsupported media type",
    500: "Server error",
    503: "Too slow or busy",
}


class RequestLog:
    """ASGI middleware that logs one line per request: method, path, status and seconds."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            took = time.perf_counter() - started
            LOG.info("%s %s %d %.3fs", scope["method"], scope["path"], status, took)


def _browser(request: Request) -> bool:
    """Whether the client asked for HTML (a browser), not data (an API client)."""
    return "text/html" in request.headers.get("accept", "")


def create_app(settings: Settings, pool: QueryPool | None = None) -> Starlette:
    """The web app of ``kg serve``. It starts a ``QueryPool`` over ``settings.store`` (or
    uses ``pool``) and stops it when the app shuts down."""
    pool = pool or QueryPool(
        settings.store,
        settings.workers,
        settings.timeout,
        writable=settings.token is not None,
        services=settings.services,
        max_bytes=settings.max_bytes,
    )
    pages, endpoint = Pages(settings, pool), Endpoint(settings, pool)

    async def errors(request: Request, exc: Exception) -> Response:
        """Every 4xx and 5xx: a short page for a browser, one line for an API client."""
        link = None
        if isinstance(exc, Refusal):
            status, message, headers, link = exc.status, exc.message, exc.headers, exc.link
        elif isinstance(exc, HTTPException):
            status, message, headers = exc.status_code, exc.detail, dict(exc.headers or {})
            if status == 404 and message == "Not Found":
                message = f"nothing at {request.url.path}"
        elif isinstance(exc, KGError):
            (status, message), headers = failure(exc, request), {}
            if status == 503:
                headers["Retry-After"] = "5"
        else:
            LOG.exception("internal error on %s %s", request.method, request.url.path)
            status, message, headers = 500, "internal error (the server's log says more)", {}
        message = " ".join(str(message).split())
        if not _browser(request):
            if link:
                message = f"{message} {link}"
            return PlainTextResponse(message + "\n", status_code=status, headers=headers)
        page = pages.error(status, _TITLES.get(status, "Error"), message, link=link)
        page.headers.update(headers)
        return page

    async def sparql(request: Request) -> Response:
        """The query page for a browser (``Pages.wants_query_page``), else the protocol."""
        if pages.wants_query_page(request):
            return await run_in_threadpool(pages.query_page, request)
        return await endpoint.sparql(request)

    def queries(request: Request) -> Response:
        """The old query page's address: the query page, with the same parameters."""
        return RedirectResponse(request.url.replace(path="/sparql"), status_code=301)

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
            Route("/timeline", pages.timeline),
            Route("/queries", queries),
            Route("/sparql", sparql, methods=["GET", "POST"]),
            Route("/static/{name}", pages.static),
        ],
        middleware=[Middleware(RequestLog), *middleware(settings, errors)],
        exception_handlers={
            Refusal: errors,
            KGError: errors,
            HTTPException: errors,
            Exception: errors,
        },
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
        f"queries stop after {settings.timeout:g} s, {settings.max_rows} rows and "
        f"{megabytes(settings.max_bytes)}). Ctrl-C stops."
    )
    pool: QueryPool = app.state.pool
    if not settings.services and not pool.isolated and "://" not in settings.store:
        announce(
            "note: this system cannot cut the query workers off the network (Linux user "
            "namespaces are off); SERVICE and LOAD are still refused"
        )
    if not pool.limited:
        announce(
            "note: this system cannot limit a query worker's memory (Linux's RLIMIT_DATA); "
            "a query's answer is still limited in rows and bytes"
        )
    logging.basicConfig(format="%(asctime)s %(message)s", level=logging.WARNING)
    LOG.setLevel(logging.INFO)
    raise_file_limit()
    for name in ("uvicorn.error", "asyncio"):  # floods of bad or refused connections
        logging.getLogger(name).addFilter(OncePerSecond())
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level="warning",
        access_log=False,
        http=Limited,
    )
