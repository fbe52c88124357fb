"""The SPARQL 1.1 Protocol at ``/sparql``: queries by GET or POST, results in the format the
client asks for, updates only with the token.

Queries come by GET or POST (form or ``application/sparql-query``); SELECT and ASK are answered
as SPARQL JSON, XML, CSV or TSV, and CONSTRUCT and DESCRIBE as Turtle, JSON-LD, N-Triples or
RDF/XML, by the ``Accept`` header or a ``format`` parameter. Updates (``update=`` or
``application/sparql-update``) are refused unless the server was started with writes allowed,
and then need the token (``Authorization: Bearer TOKEN``, or Basic with the token as password).
"""

from __future__ import annotations

import contextlib
import json
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs

from rdflib import BNode, Literal, URIRef
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from kg.ontology import PREFIXES
from kg.server.security import Refusal, authorized, read_body
from kg.server.settings import Settings
from kg.store.querypool import Answer, QueryPool

__all__ = ["Endpoint", "media_types", "negotiate", "protocol_request", "serialize"]

# SELECT and ASK results, then graphs, by media type; the first is the default.
_RESULTS = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
}
_GRAPHS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}
# Short names of ``format`` (as SPARQLWrapper and browsers send it), by result kind.
_SHORT = {
    "results": {
        "json": "application/sparql-results+json",
        "xml": "application/sparql-results+xml",
        "csv": "text/csv",
        "tsv": "text/tab-separated-values",
    },
    "graph": {
        "turtle": "text/turtle",
        "ttl": "text/turtle",
        "json": "application/ld+json",
        "json-ld": "application/ld+json",
        "jsonld": "application/ld+json",
        "nt": "application/n-triples",
        "ntriples": "application/n-triples",
        "xml": "application/rdf+xml",
        "rdfxml": "application/rdf+xml",
    },
}
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


def _tsv_term(term) -> str:
    return "" if term is None else term.n3().replace("\t", "\\t")


def _xml(answer: Answer) -> bytes:
    ns = "http://www.w3.org/2005/sparql-results#"
    root = ET.Element("sparql", xmlns=ns)
    head = ET.SubElement(root, "head")
    result = answer.result
    if result.kind == "ask":
        ET.SubElement(root, "boolean").text = "true" if result.boolean else "false"
        return ET.tostring(root, encoding="utf-8", xml_declaration=True)
    for name in result.variables:
        ET.SubElement(head, "variable", name=name)
    results = ET.SubElement(root, "results")
    for row in result.rows:
        solution = ET.SubElement(results, "result")
        for name, term in zip(result.variables, row, strict=True):
            if term is None:
                continue
            binding = ET.SubElement(solution, "binding", name=name)
            if isinstance(term, URIRef):
                ET.SubElement(binding, "uri").text = str(term)
            elif isinstance(term, BNode):
                ET.SubElement(binding, "bnode").text = str(term)
            else:
                attrs = {}
                if isinstance(term, Literal) and term.language:
                    attrs["xml:lang"] = term.language
                elif isinstance(term, Literal) and term.datatype:
                    attrs["datatype"] = str(term.datatype)
                ET.SubElement(binding, "literal", attrs).text = str(term)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def serialize(answer: Answer, media: str) -> bytes:
    """A result in the media type ``media`` (one of the types ``media_types`` offers)."""
    result = answer.result
    if result.kind == "graph":
        for prefix, namespace in PREFIXES.items():
            result.graph.bind(prefix, namespace)
        return result.graph.serialize(format=_GRAPHS[media], encoding="utf-8")
    form = _RESULTS[media]
    if form == "json":
        return json.dumps(result.to_json(), ensure_ascii=False).encode("utf-8")
    if form == "xml":
        return _xml(answer)
    if form == "csv":
        return result.to_csv().encode("utf-8")
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def media_types(kind: str, asked: str | None) -> list[str]:
    """The media types a result may be sent as; a ``format`` parameter narrows them."""
    offered = list(_GRAPHS) if kind == "graph" else list(_RESULTS)
    if kind == "ask":
        offered = [m for m in offered if _RESULTS[m] in ("json", "xml")]
    if asked:
        wanted = _SHORT["graph" if kind == "graph" else "results"].get(asked.lower(), asked.lower())
        if wanted in offered:
            return [wanted]
    return offered


async def protocol_request(request: Request) -> tuple[str | None, str | None, dict]:
    """(query, update, parameters) of a SPARQL protocol request."""
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    query = update = None
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            text = (await read_body(request)).decode("utf-8")
        except UnicodeDecodeError:
            raise Refusal(400, "the request body is not UTF-8") from None
        if media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif media == "application/sparql-query":
            query = text
        elif media == "application/sparql-update":
            update = text
        else:
            raise Refusal(
                415,
                "send application/x-www-form-urlencoded, application/sparql-query or "
                "application/sparql-update",
            )
    elif "update" in params:
        raise Refusal(405, "send updates with POST", {"Allow": "POST"})
    query = query or (params.get("query") or [None])[0]
    update = update or (params.get("update") or [None])[0]
    if any(name in params for name in _DATASET_PARAMS):
        raise Refusal(
            400,
            "this endpoint queries the union of all article graphs; name an article's graph "
            "with GRAPH <...> in the query instead of default-graph-uri or named-graph-uri",
        )
    return query, update, params


class Endpoint:
    """The ``/sparql`` route of one server, around its query pool."""

    def __init__(self, settings: Settings, pool: QueryPool):
        self.settings = settings
        self.pool = pool

    async def sparql(self, request: Request) -> Response:
        query, update, params = await protocol_request(request)
        if update is not None:
            return await self._update(request, update)
        if not query or not query.strip():
            raise Refusal(400, "give a SPARQL query (the query parameter)")
        answer = await run_in_threadpool(self.pool.run, query, None, self.settings.max_rows)
        asked = (params.get("format") or params.get("output") or [None])[0]
        media = negotiate(request.headers.get("accept"), media_types(answer.result.kind, asked))
        if media is None:
            raise Refusal(406, f"cannot answer as {request.headers.get('accept')}")
        headers = {"X-KG-Result-Limit": str(self.settings.max_rows)}
        if answer.truncated:
            headers["X-KG-Truncated"] = "true"
        body = await run_in_threadpool(serialize, answer, media)
        charset = "" if media.endswith("+xml") else "; charset=utf-8"
        return Response(body, media_type=None, headers={**headers, "Content-Type": media + charset})

    async def _update(self, request: Request, update: str) -> Response:
        token = self.settings.token
        if token is None:
            raise Refusal(
                403,
                "this server is read-only; start it with --allow-writes and a token to accept "
                "updates",
            )
        if not authorized(request, token):
            raise Refusal(401, "updates need the token", {"WWW-Authenticate": 'Bearer realm="kg"'})
        await run_in_threadpool(self.pool.update, update)
        return Response(status_code=204)
