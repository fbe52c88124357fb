"""What ``kg serve`` refuses, and how: requests for other hosts, cross-site requests that
would run a query, bodies over the limit, updates without the token; and the headers that
keep pages from running anything but their own code.

Cross-site requests: any page a user opens can make the browser send requests to a local
server (``<img src>``, a form it submits itself, ``fetch`` in no-cors mode). Browsers say
where a request comes from (``Sec-Fetch-Site``, and ``Origin``); a request from another site
is refused unless it is a top-level navigation to a page that runs no query. A navigation
that would run one gets a page with a link to follow from this site instead. Clients that
are not browsers (SPARQLWrapper, rdflib, curl) send neither header and are served.
"""

from __future__ import annotations

import base64
import hmac
import logging
from collections.abc import Awaitable, Callable, Mapping
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg.errors import AnswerTooLarge, KGError, QueryError, QueryRefused, ServiceError
from kg.server.settings import Settings, normal_host
from kg.store.querypool import QueryTimeout
from kg.store.results import NotXML

__all__ = [
    "MAX_BODY",
    "QUIET_PAGES",
    "Guard",
    "Refusal",
    "authorized",
    "cross_site",
    "failure",
    "middleware",
    "read_body",
]

LOG = logging.getLogger("kg.server")
MAX_BODY = 10 * 1024 * 1024
# Pages that run no query when asked without parameters: another site may link to them.
QUIET_PAGES = ("/queries", "/sparql")
_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' "
    "data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", _CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class Refusal(Exception):
    """A request the server refuses: the HTTP status, the reason, headers to send, and a
    link (same-site) that does what was asked."""

    def __init__(
        self,
        status: int,
        message: str,
        headers: Mapping[str, str] | None = None,
        link: str | None = None,
    ):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, dict(headers or {})
        self.link = link


# The HTTP status of each kind of error a query may meet, the most specific first.
_STATUS = (
    (NotXML, 406),
    (ServiceError, 502),
    (QueryTimeout, 503),
    (AnswerTooLarge, 413),
    (QueryRefused, 403),
    (QueryError, 400),
)


def failure(error: KGError, request: Request) -> tuple[int, str]:
    """The HTTP status of ``error`` and what the client is told: a query's own trouble, or
    what a view or a name lookup says of what was asked (a plain ``KGError``), as it is; the
    store's (its paths, a worker's exit) only in the log."""
    for kind, status in _STATUS:
        if isinstance(error, kind):
            return status, str(error)
    if type(error) is KGError:
        return 400, str(error)
    LOG.warning("%s %s: %s", request.method, request.url.path, error)
    return 500, "the store could not answer (the server's log says why)"


async def read_body(request: Request) -> bytes:
    """The request's body; ``Refusal`` (413) once it passes ``MAX_BODY``."""
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BODY:
            raise Refusal(413, f"request body over {MAX_BODY // (1024 * 1024)} MB")
    return bytes(data)


def authorized(request: Request, token: str) -> bool:
    """Whether the request carries ``token`` (Bearer, or Basic with it as the password)."""
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() == "bearer":
        offered = value.strip()
    elif scheme.lower() == "basic":
        try:
            offered = base64.b64decode(value.strip()).decode("utf-8").partition(":")[2]
        except (ValueError, UnicodeDecodeError):
            return False
    else:
        return False
    return hmac.compare_digest(offered.encode("utf-8"), token.encode("utf-8"))


def host_name(header: str) -> str:
    """The host of a Host header, without its port (``[::1]:8000`` -> ``::1``)."""
    header = header.strip()
    if header.startswith("["):
        return normal_host(header[: header.find("]") + 1]) if "]" in header else ""
    return normal_host(header.rsplit(":", 1)[0] if header.count(":") == 1 else header)


def cross_site(headers: Headers) -> bool:
    """Whether a browser sent the request from another site (or another port: a page on
    another local server), by ``Sec-Fetch-Site``, or by ``Origin`` for older browsers."""
    site = headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = headers.get("origin")
    if origin is None:
        return False
    where = urlsplit(origin)
    return origin == "null" or where.netloc.lower() != headers.get("host", "").lower()


def _refusal(scope: Scope, hosts: frozenset[str]) -> Refusal | None:
    headers = Headers(scope=scope)
    if host_name(headers.get("host", "")) not in hosts:
        return Refusal(
            400,
            "this server answers only requests addressed to its own names; start it with "
            "--allowed-host NAME to add one",
        )
    if not cross_site(headers):
        return None
    path, method = scope["path"], scope["method"]
    if path.startswith("/static/") and method in ("GET", "HEAD"):
        return None
    navigation = headers.get("sec-fetch-mode") == "navigate" and method in ("GET", "HEAD")
    if navigation and path in QUIET_PAGES and not scope.get("query_string"):
        return None
    if navigation and headers.get("sec-fetch-dest", "document") == "document":
        query = scope.get("query_string", b"").decode("latin-1")
        return Refusal(
            403,
            "A page of another site sent you here, and this page runs a query on the "
            "graph. Open it from this site if you meant to:",
            link=path + (f"?{query}" if query else ""),
        )
    return Refusal(403, "cross-site requests are refused: send the request from this site")


Refuse = Callable[[Request, Refusal], Awaitable[Response]]


class Guard:
    """ASGI middleware: refuses requests for other hosts and cross-site requests that would
    run a query (answered by ``refuse``), and adds the security headers to every answer."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str], refuse: Refuse):
        self.app, self.hosts, self.refuse = app, hosts, refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                given = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in _HEADERS if k not in given]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        refusal = _refusal(scope, self.hosts)
        if refusal is None:
            await self.app(scope, receive, secured)
            return
        response = await self.refuse(Request(scope, receive), refusal)
        await response(scope, receive, secured)


def middleware(settings: Settings, refuse: Refuse) -> list[Middleware]:
    """The server's guards (``Guard``), answering refusals with ``refuse``."""
    return [Middleware(Guard, hosts=settings.hosts, refuse=refuse)]
