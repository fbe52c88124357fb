"""The HTML pages of ``kg serve``: ``/`` the network (who-met-whom, full or countries, with
filters), ``/search`` over entity names, ``/entity`` (its facts, events and evidence sentences
with their articles, its Wikidata link), ``/article``, ``/queries`` (the named queries and a
query form) and ``/static/*`` (the pages' own files: everything works offline).

Values from the user reach SPARQL only as bound terms; the templates escape everything.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

import networkx as nx
from rdflib import URIRef
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from kg.analytics import MEASURES
from kg.errors import KGError, QueryError
from kg.names import search as search_names
from kg.ontology import KGR, PREFIXES
from kg.queries import describe, internal_query, named_queries
from kg.server.settings import Settings
from kg.server.sparql import serialize
from kg.store.querypool import Answer, QueryPool, QueryTimeout
from kg.views import TYPES, VIEWS, View
from kg.viz import asset, network_data, templates

__all__ = ["Pages"]

_STATIC_TYPES = {".js": "text/javascript", ".css": "text/css"}
_WEB = re.compile(r"^https?://", re.I)
_QID = re.compile(r"^Q\d+$")
_KGO = "https://w3id.org/kgdt/ontology#"
_WD = "http://www.wikidata.org/entity/"

_ENTITY = internal_query("page-entity")
_FACTS = internal_query("page-entity-facts")
_EVENTS = internal_query("page-entity-events")
_ARTICLE = internal_query("page-article")
_ARTICLE_FACTS = internal_query("page-article-facts")
_ARTICLE_ENTITIES = internal_query("page-article-entities")


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


class Pages:
    """The HTML pages of one server (and their static files), around its query pool."""

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
            return {"answer": serialize(answer, "text/turtle").decode("utf-8")}
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
