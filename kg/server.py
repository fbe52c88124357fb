"""``kg serve``: a local web app over the store, with a SPARQL 1.1 Protocol endpoint.

Pages: ``/`` the network (who-met-whom, full or countries, with filters), ``/search`` over
entity names, ``/entity`` (its facts, events and evidence sentences with their articles, its
Wikidata link), ``/article``, ``/queries`` (the named queries and a query form) and
``/static/*`` (the page's own files: everything works offline).

``/sparql`` takes queries by GET or POST (form or ``application/sparql-query``) and answers
SELECT and ASK as SPARQL JSON, XML, CSV or TSV, and CONSTRUCT and DESCRIBE as Turtle,
JSON-LD, N-Triples or RDF/XML, by the ``Accept`` header or a ``format`` parameter. Updates
(``update=`` or ``application/sparql-update``) are refused unless the server was started
with writes allowed, and then need the token (``Authorization: Bearer TOKEN``, or Basic with
the token as password).

Safety: the server binds to 127.0.0.1 unless told otherwise and answers only requests for
the host it serves (no DNS rebinding); every query runs in a worker process stopped at the
time limit (``kg.store.querypool``) and results are cut at a row limit (the header
``X-KG-Truncated: true`` says so); request bodies are limited; values from the user reach
SPARQL only as bound terms, and pages escape everything and forbid inline scripts (CSP).
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import networkx as nx
from rdflib import BNode, Literal, URIRef
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from kg.analytics import MEASURES
from kg.errors import KGError, QueryError
from kg.names import search as search_names
from kg.ontology import KGR
from kg.queries import describe, named_queries
from kg.rdf import PREFIXES
from kg.store.querypool import Answer, QueryPool, QueryTimeout
from kg.views import TYPES, VIEWS, View
from kg.viz import asset, network_data, templates

__all__ = ["Settings", "create_app", "serve"]

MAX_BODY = 10 * 1024 * 1024
LOOPBACK = ("127.0.0.1", "localhost", "::1")
_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' "
    "data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_STATIC_TYPES = {".js": "text/javascript", ".css": "text/css"}
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
_WEB = re.compile(r"^https?://", re.I)
_QID = re.compile(r"^Q\d+$")
_KGO = "https://w3id.org/kgdt/ontology#"
_WD = "http://www.wikidata.org/entity/"

_PREFIXES = """
PREFIX kgo: <https://w3id.org/kgdt/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
"""
_ENTITY = (
    _PREFIXES
    + """
SELECT DISTINCT ?what ?value WHERE {
  { ?entity rdfs:label ?value BIND ("label" AS ?what) }
  UNION { ?entity a ?value BIND ("type" AS ?what) }
  UNION { ?entity skos:altLabel ?value BIND ("alias" AS ?what) }
  UNION { ?entity owl:sameAs ?value BIND ("same" AS ?what) }
}
"""
)
_FACTS = (
    _PREFIXES
    + """
SELECT ?p ?other ?otherLabel ?outgoing ?evidence ?status ?article ?date ?title ?url WHERE {
  GRAPH ?article {
    { ?statement rdf:subject ?entity ; rdf:object ?other . BIND (true AS ?outgoing) }
    UNION { ?statement rdf:object ?entity ; rdf:subject ?other . BIND (false AS ?outgoing) }
    ?statement rdf:predicate ?p ; kgo:evidence ?evidence .
    OPTIONAL { ?statement kgo:status ?status }
    OPTIONAL { ?other rdfs:label ?otherLabel }
    OPTIONAL { ?article dct:date ?date }
    OPTIONAL { ?article dct:title ?title }
    OPTIONAL { ?article schema:url ?url }
  }
}
ORDER BY ?date ?article ?p
"""
)
_EVENTS = (
    _PREFIXES
    + """
SELECT DISTINCT ?event ?label ?cls ?day ?placeLabel ?article WHERE {
  GRAPH ?article {
    ?event kgo:participant ?entity ; rdfs:label ?label .
    OPTIONAL { ?event a ?cls . FILTER (?cls != kgo:Event) }
    OPTIONAL { ?event kgo:date ?day }
    OPTIONAL { ?event kgo:heldIn/rdfs:label ?placeLabel }
  }
}
ORDER BY ?day ?label
"""
)
_ARTICLE = (
    _PREFIXES
    + """
SELECT ?id ?title ?date ?url ?publisher ?dateline WHERE {
  GRAPH ?article {
    ?article a kgo:NewsArticle .
    OPTIONAL { ?article dct:identifier ?id }
    OPTIONAL { ?article dct:title ?title }
    OPTIONAL { ?article dct:date ?date }
    OPTIONAL { ?article schema:url ?url }
    OPTIONAL { ?article dct:publisher/rdfs:label ?publisher }
    OPTIONAL { ?article kgo:dateline/rdfs:label ?dateline }
  }
}
"""
)
_ARTICLE_FACTS = (
    _PREFIXES
    + """
SELECT ?s ?sLabel ?p ?o ?oLabel ?evidence ?status WHERE {
  GRAPH ?article { ?statement a kgo:Assertion ; rdf:subject ?s ; rdf:predicate ?p ;
                              rdf:object ?o ; kgo:evidence ?evidence .
                   OPTIONAL { ?statement kgo:status ?status }
                   OPTIONAL { ?s rdfs:label ?sLabel }
                   OPTIONAL { ?o rdfs:label ?oLabel } }
}
"""
)
_ARTICLE_ENTITIES = (
    _PREFIXES
    + """
SELECT DISTINCT ?entity ?label ?type WHERE {
  VALUES ?type { kgo:Person kgo:Country kgo:Place kgo:Organization kgo:Delegation kgo:Event
                 kgo:Agreement }
  GRAPH ?article { ?entity kgo:mentionedIn ?article ; a ?type ; rdfs:label ?label }
}
ORDER BY ?type ?label
"""
)


@dataclass(frozen=True)
class Settings:
    """How ``kg serve`` runs: the store, the limits, and the token that allows updates
    (``None``: the server is read-only)."""

    store: str
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 2
    token: str | None = None

    @property
    def hosts(self) -> list[str]:
        """The host names the server answers to."""
        if self.host in ("0.0.0.0", "::"):
            return ["*"]
        return list(dict.fromkeys([self.host, *LOOPBACK]))


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _web(url: object) -> str | None:
    return str(url) if url is not None and _WEB.match(str(url)) else None


def _text(term: object) -> str | None:
    return None if term is None else str(term)


def _iri(value: str | None) -> URIRef:
    """A user-given IRI as a term; ``QueryError`` when it is not one (it is bound, never
    pasted, and Oxigraph refuses invalid IRIs)."""
    if not value or not _WEB.match(value) or any(c in value for c in '<>"{}|^`\\ \n'):
        raise QueryError(f"not an IRI: {value!r}")
    return URIRef(value)


# --- SPARQL protocol -------------------------------------------------------------------


def _negotiate(accept: str | None, offered: list[str]) -> str | None:
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


def _serialize(answer: Answer, media: str) -> bytes:
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


def _offered(kind: str, asked: str | None) -> list[str]:
    """The media types a result may be sent as; a ``format`` parameter narrows them."""
    offered = list(_GRAPHS) if kind == "graph" else list(_RESULTS)
    if kind == "ask":
        offered = [m for m in offered if _RESULTS[m] in ("json", "xml")]
    if asked:
        wanted = _SHORT["graph" if kind == "graph" else "results"].get(asked.lower(), asked.lower())
        if wanted in offered:
            return [wanted]
    return offered


async def _body(request: Request) -> bytes:
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BODY:
            raise _Refusal(413, f"request body over {MAX_BODY // (1024 * 1024)} MB")
    return bytes(data)


class _Refusal(Exception):
    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, dict(headers or {})


def _authorized(request: Request, token: str) -> bool:
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


async def _protocol_request(request: Request) -> tuple[str | None, str | None, dict]:
    """(query, update, parameters) of a SPARQL protocol request."""
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    query = update = None
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            text = (await _body(request)).decode("utf-8")
        except UnicodeDecodeError:
            raise _Refusal(400, "the request body is not UTF-8") from None
        if media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif media == "application/sparql-query":
            query = text
        elif media == "application/sparql-update":
            update = text
        else:
            raise _Refusal(
                415,
                "send application/x-www-form-urlencoded, application/sparql-query or "
                "application/sparql-update",
            )
    elif "update" in params:
        raise _Refusal(405, "send updates with POST", {"Allow": "POST"})
    query = query or (params.get("query") or [None])[0]
    update = update or (params.get("update") or [None])[0]
    if any(name in params for name in _DATASET_PARAMS):
        raise _Refusal(
            400,
            "this endpoint queries the union of all article graphs; name an article's graph "
            "with GRAPH <...> in the query instead of default-graph-uri or named-graph-uri",
        )
    return query, update, params


def _cell(term, label) -> dict:
    """A result cell of the query page: text, and a link for kg's own IRIs."""
    if term is None:
        return {"text": ""}
    if label is not None:
        text = str(label)
    elif isinstance(term, URIRef):
        text = next(
            (f"{p}:{term[len(ns) :]}" for p, ns in PREFIXES.items() if term.startswith(str(ns))),
            str(term),
        )
    else:
        text = str(term)
    if not (isinstance(term, URIRef) and str(term).startswith(str(KGR))):
        return {"text": text}
    rest = str(term)[len(str(KGR)) :]
    kind = "article" if rest.startswith("article/") and rest.count("/") == 1 else "entity"
    return {"text": text, "href": f"/{kind}?" + urlencode({"iri": str(term)})}


# --- the app ---------------------------------------------------------------------------


class _App:
    """The routes of one server, around its query pool."""

    def __init__(self, settings: Settings, pool: QueryPool):
        self.settings = settings
        self.pool = pool

    def page(self, name: str, status: int = 200, **context) -> HTMLResponse:
        html = templates().get_template(name).render(served=True, **context)
        return HTMLResponse(html, status_code=status)

    def error(self, status: int, title: str, message: str, **context) -> HTMLResponse:
        return self.page("error.html", status, title=title, message=message, **context)

    # The network

    def home(self, request: Request) -> HTMLResponse:
        p = request.query_params
        try:
            depth = int(p.get("depth") or 2)
        except ValueError:
            depth = -1
        spec = View(
            p.get("view") or None,
            p.get("since") or None,
            p.get("until") or None,
            p.get("country") or None,
            tuple(p.getlist("type")),
            p.get("focus") or None,
            depth,
        )
        size = p.get("size") or "degree"
        status, note = 200, None
        try:
            graph = spec.graph(self.pool)
            data = network_data(graph, f"kg: {spec.title}", size if size in MEASURES else "degree")
        except KGError as err:
            status, note = 400 if not isinstance(err, QueryTimeout) else 503, str(err)
            data = network_data(nx.Graph(), f"kg: {spec.title}")
        if note:
            data["note"] = note
        data["links"] = {"entity": "/entity?iri=", "article": "/article?iri="}
        form = {
            "view": spec.kind,
            "focus": spec.focus,
            "depth": depth if depth >= 0 else 2,
            "since": spec.since,
            "until": spec.until,
            "country": spec.country,
            "types": spec.types,
            "size": size,
        }
        return self.page(
            "network.html",
            status,
            title=data["heading"],
            data=data,
            form=form,
            views=list(VIEWS),
            types=TYPES,
            measures=MEASURES,
        )

    def search(self, request: Request) -> HTMLResponse:
        q = (request.query_params.get("q") or "").strip()[:200]
        matches = search_names(self.pool, q) if q else []
        return self.page("search.html", title=f"kg: {q}", q=q, matches=matches)

    # Entities and articles

    def entity(self, request: Request) -> HTMLResponse:
        iri = _iri(request.query_params.get("iri"))
        about: dict[str, set[str]] = {}
        for what, value in self.pool.query(_ENTITY, {"entity": iri}).rows:
            about.setdefault(str(what), set()).add(str(value))
        if "label" not in about:
            return self.error(404, "Not found", f"The store has no entity {iri}.")
        entity = {
            "iri": str(iri),
            "label": min(about["label"]),
            "types": sorted(_local(t) for t in about.get("type", ()) if t.startswith(_KGO)),
            "aliases": sorted(about.get("alias", set()) - about["label"]),
            "wikidata": sorted(
                _local(x)
                for x in about.get("same", ())
                if x.startswith(_WD) and _QID.match(_local(x))
            ),
        }
        facts = [
            {
                "predicate": _local(r["p"]),
                "other": str(r["other"]),
                "other_label": _text(r["otherLabel"]) or _local(r["other"]),
                "outgoing": bool(r["outgoing"].toPython()),
                "evidence": str(r["evidence"]),
                "status": _local(r["status"]) if r["status"] is not None else None,
                "article": str(r["article"]),
                "article_id": _local(r["article"]),
                "date": _text(r["date"]),
                "title": _text(r["title"]),
                "url": _web(r["url"]),
            }
            for r in self.pool.query(_FACTS, {"entity": iri}).dicts()
        ]
        events: dict[str, dict] = {}
        for r in self.pool.query(_EVENTS, {"entity": iri}).dicts():
            event = events.setdefault(
                str(r["event"]),
                {
                    "iri": str(r["event"]),
                    "label": str(r["label"]),
                    "cls": "Event",
                    "date": _text(r["day"]),
                    "places": [],
                    "article": str(r["article"]),
                },
            )
            if r["cls"] is not None and str(r["cls"]).startswith(_KGO):
                event["cls"] = _local(r["cls"])
            if r["placeLabel"] is not None and str(r["placeLabel"]) not in event["places"]:
                event["places"].append(str(r["placeLabel"]))
        return self.page(
            "entity.html",
            title=f"kg: {entity['label']}",
            entity=entity,
            facts=facts,
            events=list(events.values()),
        )

    def article(self, request: Request) -> HTMLResponse:
        iri = _iri(request.query_params.get("iri"))
        rows = self.pool.query(_ARTICLE, {"article": iri}).dicts()
        if not rows:
            return self.error(404, "Not found", f"The store has no article {iri}.")
        row = rows[0]
        article = {
            "iri": str(iri),
            "id": _text(row["id"]) or _local(iri),
            "title": _text(row["title"]),
            "date": _text(row["date"]),
            "url": _web(row["url"]),
            "publisher": _text(row["publisher"]),
            "dateline": _text(row["dateline"]),
        }
        facts = [
            {
                "s": str(r["s"]),
                "s_label": _text(r["sLabel"]) or _local(r["s"]),
                "predicate": _local(r["p"]),
                "o": str(r["o"]),
                "o_label": _text(r["oLabel"]) or _local(r["o"]),
                "evidence": str(r["evidence"]),
                "status": _local(r["status"]) if r["status"] is not None else None,
            }
            for r in self.pool.query(_ARTICLE_FACTS, {"article": iri}).dicts()
        ]
        entities = [
            {"iri": str(r["entity"]), "label": str(r["label"]), "type": _local(r["type"])}
            for r in self.pool.query(_ARTICLE_ENTITIES, {"article": iri}).dicts()
        ]
        return self.page(
            "article.html",
            title=f"kg: {article['title'] or article['id']}",
            article=article,
            facts=facts,
            entities=entities,
        )

    # Queries

    def queries(self, request: Request) -> HTMLResponse:
        p = request.query_params
        named = named_queries()
        name = p.get("name")
        query = named.get(name) if name else p.get("query")
        context = {"query": query, "table": None, "answer": None, "error": None}
        status = 200
        if name and name not in named:
            context["error"], status = f"no named query {name!r}", 404
        elif query and query.strip():
            try:
                answer = self.pool.run(query, limit=self.settings.max_rows)
                context.update(self._shown(answer, query))
            except KGError as err:
                context["error"] = str(err)
                status = 503 if isinstance(err, QueryTimeout) else 400
        return self.page(
            "queries.html",
            status,
            title="kg: queries",
            named=[(n, describe(n), text) for n, text in named.items()],
            timeout=f"{self.settings.timeout:g}",
            max_rows=self.settings.max_rows,
            **context,
        )

    def _shown(self, answer: Answer, query: str) -> dict:
        result = answer.result
        if result.kind == "ask":
            return {"answer": "true" if result.boolean else "false"}
        if result.kind == "graph":
            return {"answer": _serialize(answer, "text/turtle").decode("utf-8")}
        # A column ?x with an ?xLabel beside it shows the label, linked to x's page.
        names = result.variables
        label_of = {
            i: names.index(f"{v}Label") for i, v in enumerate(names) if f"{v}Label" in names
        }
        shown = [i for i in range(len(names)) if i not in label_of.values()]
        rows = [
            [_cell(row[i], row[label_of[i]] if i in label_of else None) for i in shown]
            for row in result.rows
        ]
        downloads = [
            (label, "/sparql?" + urlencode({"query": query, "format": form}))
            for label, form in (("CSV", "csv"), ("TSV", "tsv"), ("JSON", "json"), ("XML", "xml"))
        ]
        return {
            "table": {"columns": [names[i] for i in shown], "rows": rows},
            "truncated": answer.truncated,
            "downloads": downloads,
        }

    # The SPARQL endpoint

    async def sparql(self, request: Request) -> Response:
        query, update, params = await _protocol_request(request)
        if update is not None:
            return await self._update(request, update)
        if not query or not query.strip():
            raise _Refusal(400, "give a SPARQL query (the query parameter)")
        answer = await run_in_threadpool(self.pool.run, query, None, self.settings.max_rows)
        asked = (params.get("format") or params.get("output") or [None])[0]
        media = _negotiate(request.headers.get("accept"), _offered(answer.result.kind, asked))
        if media is None:
            raise _Refusal(406, f"cannot answer as {request.headers.get('accept')}")
        headers = {"X-KG-Result-Limit": str(self.settings.max_rows)}
        if answer.truncated:
            headers["X-KG-Truncated"] = "true"
        body = await run_in_threadpool(_serialize, answer, media)
        charset = "" if media.endswith("+xml") else "; charset=utf-8"
        return Response(body, media_type=None, headers={**headers, "Content-Type": media + charset})

    async def _update(self, request: Request, update: str) -> Response:
        token = self.settings.token
        if token is None:
            raise _Refusal(
                403,
                "this server is read-only; start it with --allow-writes and a token to accept "
                "updates",
            )
        if not _authorized(request, token):
            raise _Refusal(401, "updates need the token", {"WWW-Authenticate": 'Bearer realm="kg"'})
        await run_in_threadpool(self.pool.update, update)
        return Response(status_code=204)

    # Static files

    def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        try:
            text = asset(name)
        except KeyError:
            return PlainTextResponse("not found", status_code=404)
        return Response(
            text,
            media_type=_STATIC_TYPES[Path(name).suffix],
            headers={"Cache-Control": "max-age=3600"},
        )


def create_app(settings: Settings, pool: QueryPool | None = None) -> Starlette:
    """The web app of ``kg serve``. It starts a ``QueryPool`` over ``settings.store`` (or
    uses ``pool``) and stops it when the app shuts down."""
    pool = pool or QueryPool(
        settings.store, settings.workers, settings.timeout, writable=settings.token is not None
    )
    routes = _App(settings, pool)

    async def errors(request: Request, exc: Exception) -> Response:
        if isinstance(exc, _Refusal):
            status, message, headers = exc.status, exc.message, exc.headers
        elif isinstance(exc, QueryTimeout):
            status, message, headers = 503, str(exc), {"Retry-After": "5"}
        elif isinstance(exc, QueryError):
            status, message, headers = 400, str(exc), {}
        else:
            status, message, headers = 500, str(exc), {}
        if request.url.path == "/sparql":
            return PlainTextResponse(message, status_code=status, headers=headers)
        titles = {400: "Bad request", 404: "Not found", 503: "Too slow or busy"}
        page = routes.error(status, titles.get(status, "Error"), message)
        page.headers.update(headers)
        return page

    async def secure(request: Request, call_next) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        yield
        pool.close()

    app = Starlette(
        routes=[
            Route("/", routes.home),
            Route("/search", routes.search),
            Route("/entity", routes.entity),
            Route("/article", routes.article),
            Route("/queries", routes.queries),
            Route("/sparql", routes.sparql, methods=["GET", "POST"]),
            Route("/static/{name}", routes.static),
        ],
        middleware=[
            Middleware(TrustedHostMiddleware, allowed_hosts=settings.hosts),
            Middleware(BaseHTTPMiddleware, dispatch=secure),
        ],
        exception_handlers={_Refusal: errors, KGError: errors},
        lifespan=lifespan,
    )
    app.state.pool = pool
    return app


def serve(settings: Settings, announce=print) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    app = create_app(settings)
    mode = "reads and updates with the token" if settings.token else "read-only"
    announce(
        f"kg serve: http://{settings.host}:{settings.port}/ ({mode}; store {settings.store}; "
        f"queries stop after {settings.timeout:g} s and {settings.max_rows} rows). Ctrl-C stops."
    )
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
