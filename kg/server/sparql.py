"""The SPARQL 1.1 Protocol at ``/sparql``: queries by GET or POST, results in the format the
client asks for, updates only with the token.

Queries come by GET or POST (form or ``application/sparql-query``); SELECT and ASK are answered
as SPARQL JSON, XML, CSV or TSV, and CONSTRUCT and DESCRIBE as Turtle, JSON-LD, N-Triples or
RDF/XML, by the ``Accept`` header or a ``format`` parameter. Updates (``update=`` or
``application/sparql-update``) are refused unless the server was started with writes allowed,
and then need the token (``Authorization: Bearer TOKEN``, or Basic with the token as password).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from kg.errors import KGError
from kg.server.security import LOG, Refusal, authorized, read_body
from kg.server.settings import Settings
from kg.store.base import Dataset
from kg.store.querypool import QueryPool, Stream
from kg.store.results import MEDIA_TYPES

__all__ = ["Endpoint", "ProtocolRequest", "media_types", "negotiate", "protocol_request"]

# The format of each media type a result may be sent as, by kind of result; the first is the
# default. application/json and application/xml are what some clients ask for SPARQL results.
_FORMATS = {
    kind: {media: fmt for fmt, media in types.items()} for kind, types in MEDIA_TYPES.items()
}
for _kind in ("select", "ask"):
    _FORMATS[_kind] |= {"application/json": "json", "application/xml": "xml"}
# Short names of ``format`` (as SPARQLWrapper and browsers send it), by result kind: kg's
# names of the formats, and a few more.
_SHORT = {
    "results": MEDIA_TYPES["select"],
    "graph": {
        **MEDIA_TYPES["graph"],
        "ttl": "text/turtle",
        "json": "application/ld+json",
        "json-ld": "application/ld+json",
        "nt": "application/n-triples",
        "rdfxml": "application/rdf+xml",
    },
}
_GRACE = 1.0  # seconds an answer may take to be sent once begun, past the time limit
_DIRECT = {"application/sparql-query": "query", "application/sparql-update": "update"}
_DATASET_PARAMS = (
    "default-graph-uri",
    "named-graph-uri",
    "using-graph-uri",
    "using-named-graph-uri",
)


def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """The offered media type the ``Accept`` header prefers (the first offered without one,
    ``None`` when it accepts none of them)."""
    if not accept or not accept.strip():
        return offered[0]
    ranges = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                with contextlib.suppress(ValueError):
                    q = float(value)
        ranges.append((media.lower(), q))
    best, best_q = None, 0.0
    for offer in offered:
        # The most specific range that matches decides the offer's quality.
        matches = [
            (media.count("*"), q)
            for media, q in ranges
            if media in (offer, "*/*") or (media.endswith("/*") and offer.startswith(media[:-1]))
        ]
        if matches:
            q = min(matches)[1]
            if q > best_q:
                best, best_q = offer, q
    return best


def media_types(kind: str, asked: str | None) -> list[str]:
    """The media types a result may be sent as; a ``format`` parameter narrows them."""
    offered = list(_FORMATS[kind])
    if asked:
        wanted = _SHORT["graph" if kind == "graph" else "results"].get(asked.lower(), asked.lower())
        if wanted in offered:
            return [wanted]
    return offered


@dataclass(frozen=True)
class ProtocolRequest:
    """What a SPARQL protocol request asks: a query or an update, the dataset it names, and
    its other parameters (``format``, ...) by name."""

    query: str | None
    update: str | None
    dataset: Dataset | None
    params: dict[str, list[str]]


async def protocol_request(request: Request) -> ProtocolRequest:
    """The query or update of a SPARQL protocol request and the dataset it names; ``Refusal``
    (4xx) for a request the protocol does not allow."""
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    if request.method == "POST":
        media, *options = request.headers.get("content-type", "").lower().split(";")
        media = media.strip()
        charset = [
            o.split("=", 1)[1].strip(' "') for o in options if o.strip().startswith("charset=")
        ]
        if charset and charset[0] not in ("utf-8", "utf8"):
            raise Refusal(415, f"send the request body in UTF-8, not {charset[0]}")
        try:
            text = (await read_body(request)).decode("utf-8")
        except UnicodeDecodeError:
            raise Refusal(400, "the request body is not UTF-8") from None
        if media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif media in _DIRECT:
            params.setdefault(_DIRECT[media], []).append(text)
        else:
            raise Refusal(
                415,
                "send application/x-www-form-urlencoded, application/sparql-query or "
                "application/sparql-update",
            )
    elif "update" in params:
        raise Refusal(405, "send updates with POST", {"Allow": "POST"})
    for name in ("query", "update"):
        if len(params.get(name, [])) > 1:
            raise Refusal(400, f"give one {name}, not {len(params[name])}")
    query, update = (params.get(name, [None])[0] for name in ("query", "update"))
    if query is not None and update is not None:
        raise Refusal(400, "give a query or an update, not both")
    default, named = ("using-graph-uri", "using-named-graph-uri")
    if update is None:
        default, named = ("default-graph-uri", "named-graph-uri")
    for other in set(_DATASET_PARAMS) - {default, named}:
        if other in params:
            raise Refusal(400, f"{other} is for {'queries' if update else 'updates'}")
    dataset = None
    if default in params or named in params:
        dataset = Dataset(tuple(params.get(default, ())), tuple(params.get(named, ())))
    return ProtocolRequest(query, update, dataset, params)


async def _parts(stream: Stream, first: bytes) -> AsyncIterator[bytes]:
    """The chunks of an answer as its worker sends them."""
    chunks = stream.chunks(first)
    while (chunk := await run_in_threadpool(next, chunks, None)) is not None:
        yield chunk


class _Answer(StreamingResponse):
    """An answer passed on as its worker sends it, within the query's time limit: a client
    that has not taken it all by then (or a worker that fails midway) has the answer cut
    short, the connection closed without its end, so it cannot pass for a whole one. The
    worker is given back at the end, or stopped if the answer was not all sent."""

    def __init__(self, stream: Stream, first: bytes, headers: dict[str, str]):
        super().__init__(_parts(stream, first), headers=headers)
        self.stream = stream

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # A server too busy to begin the answer before the query's time is up still sends it
        # (its worker waits a second more at most).
        until = max(self.stream.deadline, time.monotonic() + _GRACE)
        try:
            async with asyncio.timeout(until - time.monotonic()):
                await super().__call__(scope, receive, send)
        except (TimeoutError, KGError) as error:
            reason = str(error) or "the client did not take the answer within the time limit"
            LOG.warning("%s %s: answer cut short: %s", scope["method"], scope["path"], reason)
        finally:
            await run_in_threadpool(self.stream.close)


class Endpoint:
    """The ``/sparql`` route of one server, around its query pool."""

    def __init__(self, settings: Settings, pool: QueryPool):
        self.settings = settings
        self.pool = pool

    async def sparql(self, request: Request) -> Response:
        sent = await protocol_request(request)
        if sent.update is not None:
            return await self._update(request, sent.update, sent.dataset)
        if not sent.query or not sent.query.strip():
            raise Refusal(400, "give a SPARQL query (the query parameter)")
        stream = await run_in_threadpool(
            self.pool.stream, sent.query, self.settings.max_rows, sent.dataset
        )
        try:
            asked = next(iter(sent.params.get("format") or sent.params.get("output") or []), None)
            media = negotiate(request.headers.get("accept"), media_types(stream.kind, asked))
            if media is None:
                raise Refusal(406, f"cannot answer as {request.headers.get('accept')}")
            first = await run_in_threadpool(stream.start, _FORMATS[stream.kind][media])
        except BaseException:
            await run_in_threadpool(stream.close)
            raise
        headers = {"X-KG-Result-Limit": str(self.settings.max_rows)}
        if stream.truncated:
            headers["X-KG-Truncated"] = "true"
        charset = "" if media.endswith("+xml") else "; charset=utf-8"
        return _Answer(stream, first, {**headers, "Content-Type": media + charset})

    async def _update(self, request: Request, update: str, dataset: Dataset | None) -> Response:
        token = self.settings.token
        if token is None:
            raise Refusal(
                403,
                "this server is read-only; start it with --allow-writes and a token to accept "
                "updates",
            )
        if not authorized(request, token):
            raise Refusal(401, "updates need the token", {"WWW-Authenticate": 'Bearer realm="kg"'})
        await run_in_threadpool(self.pool.update, update, dataset)
        return Response(status_code=204)
