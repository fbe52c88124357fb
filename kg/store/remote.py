"""A store behind a SPARQL 1.1 endpoint: Virtuoso, Apache Jena Fuseki, GraphDB, Neptune, ...

``RemoteStore(url)`` sends queries to ``url``, updates to ``update`` (``KG_SPARQL_UPDATE``;
by default ``url`` too), and writes article graphs with the Graph Store Protocol at
``graph_store`` (``KG_GRAPH_STORE``) when there is one, else with SPARQL updates. A user and
password in the URL (``https://user:secret@host/sparql``) are sent with HTTP basic or, when
the server asks for it, digest authentication. kg counts, exports and replaces only its
article graphs (IRIs under ``https://w3id.org/kgdt/`` that hold their content hash) and its
summary of meeting pairs (``kg.store.pairs``), so the endpoint may hold other data; queries run
over the endpoint's default graph, which must be the union of its named graphs (Virtuoso,
GraphDB and Neptune do this by default; Fuseki with ``unionDefaultGraph``).

>>> query_form("PREFIX ex: <http://e/#> # who?\\nselect * { ?s ?p ?o }")
'SELECT'
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg.queries import internal_query
from kg.store import layout
from kg.store.base import (
    BASE,
    EXPORT_FORMATS,
    Dataset,
    batches,
    ntriples,
    replace_graph_update,
    with_values,
)
from kg.store.pairs import PAIRS_GRAPH, MeetingPairs
from kg.store.results import Answer, QueryResult, export
from kg.store.sparqltext import with_prefixes

__all__ = ["RemoteStore", "query_form"]

TIMEOUT = httpx.Timeout(600, connect=10)  # seconds to wait for an answer, to connect
PAGE = 5000  # rows per request where kg pages through results itself
_FORM = re.compile(
    r"(?:\s+|#[^\n]*|(?:PREFIX\s*[^\s:]*:|BASE)\s*<[^>]*>)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b",
    re.IGNORECASE,
)
_RDF_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
_EXPORT_BATCH = 20  # graphs per request when exporting


def query_form(sparql: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``: the form of a query, after its
    prologue; ``None`` when it is none of them."""
    found = _FORM.match(sparql)
    return found[1].upper() if found else None


class RemoteStore:
    """Article graphs in a SPARQL 1.1 endpoint (see the module docstring)."""

    def __init__(self, url: str, update: str | None = None, graph_store: str | None = None):
        parts = urlsplit(url)
        self.url = self.location = _without_user(url)
        self.update_url = _without_user(update or os.environ.get("KG_SPARQL_UPDATE") or url)
        graph_store = graph_store or os.environ.get("KG_GRAPH_STORE")
        self.graph_store = _without_user(graph_store) if graph_store else None
        self.pairs = MeetingPairs(self.query, self._update)
        self._session = httpx.Client(timeout=TIMEOUT)
        self._auth: httpx.Auth | None = None
        self._credentials = (parts.username, parts.password or "") if parts.username else None

    @property
    def note(self) -> None:
        """An endpoint is read as it is now: no note on how old the view is."""
        return None

    def refresh(self) -> bool:
        """An endpoint is read as it is now: there is no newer view to move to."""
        return False

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        return self.answer(sparql, bindings).result()

    def answer(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        limit: int | None = None,
        dataset: Dataset | None = None,
        base: str = BASE,
        max_bytes: int | None = None,
    ) -> Answer:
        """As ``Store.answer``; the endpoint resolves relative IRIs against its own base."""
        text = with_prefixes(with_values(sparql, bindings))
        form = {"query": text, **_dataset_form(dataset, "default-graph-uri", "named-graph-uri")}
        graph = query_form(text) in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph else "application/sparql-results+json"
        response = self._send("POST", self.url, "query", data=form, accept=accept)
        _check_complete(response)
        if graph:
            kind = response.headers.get("Content-Type", "").split(";")[0].strip()
            fmt = _RDF_TYPES.get(kind, ox.RdfFormat.N_TRIPLES)
            triples = (q.triple for q in ox.parse(response.content, fmt))
            return Answer.of(triples, limit, max_bytes)
        try:
            return _answer(json.loads(response.content), limit, max_bytes)
        except (ValueError, KeyError, TypeError) as err:
            raise StoreError(
                f"{self.url}: the endpoint's answer is not SPARQL JSON ({err})"
            ) from None

    def update(self, sparql: str, dataset: Dataset | None = None, base: str = BASE) -> None:
        """As ``Store.update``; the endpoint resolves relative IRIs against its own base."""
        self._update(sparql, _dataset_form(dataset, "using-graph-uri", "using-named-graph-uri"))
        self.pairs.rebuild()

    def _update(self, sparql: str, params: dict | None = None) -> None:
        self._send(
            "POST",
            self.update_url,
            "update",
            content=sparql.encode("utf-8"),
            content_type="application/sparql-update; charset=utf-8",
            params=params or None,
        )

    def replace_graph(self, graph: Graph) -> None:
        for _ in self.write_graphs([(str(graph.identifier), ntriples(graph))]):
            pass

    def write_graphs(self, graphs: Iterable[tuple[str, str]]) -> Iterator[str]:
        for batch, _ in batches(graphs):
            with self.pairs.updating([iri for iri, _ in batch]):
                for iri, triples in batch:
                    self._put(iri, triples)
                    yield iri

    def _put(self, iri: str, triples: str) -> None:
        if self.graph_store:
            self._send(
                "PUT",
                self.graph_store,
                "write",
                params={"graph": iri},
                content=triples.encode("utf-8"),
                content_type="application/n-triples",
            )
        else:
            self._update(replace_graph_update(iri, triples))

    def remove_graph(self, iri: str) -> None:
        with self.pairs.updating([iri]):
            if self.graph_store:
                self._send(
                    "DELETE", self.graph_store, "write", params={"graph": iri}, missing_ok=True
                )
            else:
                self._update(internal_query("drop-graph", graph=str(ox.NamedNode(iri))))

    def article_hashes(self) -> dict[str, str]:
        hashes: dict[str, str] = {}
        after = ""
        while True:
            rows = self.query(
                internal_query("remote-articles", after=_string(after), page=str(PAGE))
            ).rows
            hashes.update((str(g), str(h)) for g, h in rows)
            if len(rows) < PAGE:
                return hashes
            after = str(rows[-1][0])

    def export(self, out: BinaryIO, fmt: str) -> None:
        quads = (quad for graphs in self._batches() for quad in self._quads(graphs))
        if EXPORT_FORMATS[fmt].supports_datasets:
            export(quads, fmt, out, None)
            return
        merged = ox.Store()  # the default graph: the article graphs merged in memory
        merged.extend(
            ox.Quad(q.subject, q.predicate, q.object)
            for q in quads
            if isinstance(q.graph_name, ox.NamedNode) and layout.is_article(q.graph_name.value)
        )
        export(merged, fmt, out, ox.DefaultGraph())

    def _batches(self) -> Iterator[list[str]]:
        """The article graphs' IRIs, a few at a time, then the summary's."""
        graphs = sorted(self.article_hashes())
        for start in range(0, len(graphs), _EXPORT_BATCH):
            yield graphs[start : start + _EXPORT_BATCH]
        yield [str(PAIRS_GRAPH)]

    def _quads(self, graphs: list[str]) -> Iterator[ox.Quad]:
        names = " ".join(str(ox.NamedNode(g)) for g in graphs)
        response = self._send(
            "POST",
            self.url,
            "query",
            data={"query": internal_query("remote-quads", graphs=names)},
            accept="application/sparql-results+json",
        )
        _check_complete(response)
        solutions = ox.parse_query_results(response.content, ox.QueryResultsFormat.JSON)
        assert isinstance(solutions, ox.QuerySolutions)  # remote-quads is a SELECT
        for row in solutions:
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def __len__(self) -> int:
        return int(str(self.query(internal_query("remote-size")).rows[0][0]))

    def close(self) -> None:
        self._session.close()

    def _send(
        self,
        method: str,
        url: str,
        purpose: str,
        accept: str | None = None,
        content_type: str | None = None,
        missing_ok: bool = False,
        **kwargs,
    ) -> httpx.Response:
        """One HTTP request; ``purpose`` (query, update, write) words the errors."""
        headers = {}
        if accept:
            headers["Accept"] = accept
        if content_type:
            headers["Content-Type"] = content_type
        try:
            response = self._session.request(
                method, url, headers=headers, auth=self._auth, **kwargs
            )
            if response.status_code == 401 and self._credentials and not self._auth:
                # Answer the server's challenge; credentials go only where they are asked for.
                challenge = response.headers.get("WWW-Authenticate", "").lower()
                digest = challenge.startswith("digest")
                self._auth = (httpx.DigestAuth if digest else httpx.BasicAuth)(*self._credentials)
                response = self._session.request(
                    method, url, headers=headers, auth=self._auth, **kwargs
                )
        except httpx.TimeoutException:
            raise StoreError(f"{url}: the SPARQL endpoint did not answer in time") from None
        except httpx.TransportError as err:
            raise StoreError(f"{url}: cannot reach the SPARQL endpoint ({_reason(err)})") from None
        if response.is_success or (missing_ok and response.status_code == 404):
            return response
        raise _http_error(url, purpose, response)


def _dataset_form(dataset: Dataset | None, default: str, named: str) -> dict[str, list[str]]:
    """The protocol's parameters naming ``dataset``: ``default`` and ``named`` graphs."""
    if dataset is None:
        return {}
    return {default: list(dataset.default), named: list(dataset.named)}


def _answer(document: dict, limit: int | None, max_bytes: int | None) -> Answer:
    """The answer of a SPARQL JSON results document, in Oxigraph's terms."""
    if "boolean" in document:
        return Answer("ask", boolean=bool(document["boolean"]))
    variables = document["head"].get("vars", [])
    rows = (tuple(_term(b.get(v)) for v in variables) for b in document["results"]["bindings"])
    return Answer.cut("select", variables, rows, limit, max_bytes)


def _term(value: dict | None):
    """One term of SPARQL JSON as Oxigraph's, its lexical form as sent. Blank node labels that
    Oxigraph would not take (Virtuoso's ``nodeID://b1``) become their hash."""
    if value is None:
        return None
    kind, text = value["type"], value["value"]
    if kind == "uri":
        return ox.NamedNode(text)
    if kind == "bnode":
        try:
            return ox.BlankNode(text)
        except ValueError:
            return ox.BlankNode(hashlib.md5(text.encode("utf-8")).hexdigest())
    if "xml:lang" in value:
        return ox.Literal(text, language=value["xml:lang"])
    if "datatype" in value:
        return ox.Literal(text, datatype=ox.NamedNode(value["datatype"]))
    return ox.Literal(text)


def _without_user(url: str) -> str:
    parts = urlsplit(url)
    if not parts.username:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def _string(value: str) -> str:
    return str(ox.Literal(value))


def _check_complete(response: httpx.Response) -> None:
    """Virtuoso cuts long answers at ``ResultSetMaxRows`` and says so in a header only."""
    limit = response.headers.get("X-SPARQL-MaxRows")
    if limit:
        raise QueryError(
            f"the endpoint cut the answer at {limit} rows; raise its limit (Virtuoso: "
            f"ResultSetMaxRows in the [SPARQL] section of virtuoso.ini) or ask for less "
            f"with LIMIT and OFFSET"
        )


def _reason(err: Exception) -> str:
    text = str(err)
    for known in ("Connection refused", "Name or service not known", "timed out"):
        if known.lower() in text.lower():
            return known.lower()
    return text.rsplit(": ", 1)[-1].strip("')\"> ")[:200]


def _http_error(url: str, purpose: str, response: httpx.Response) -> Exception:
    status = response.status_code
    message = _message(response)
    if status in (401, 403):
        hint = "give a user and password in the URL (https://user:password@host/...)"
        if purpose != "query":
            hint += (
                '; a user allowed to write (on Virtuoso: GRANT SPARQL_UPDATE TO "SPARQL" for '
                "anonymous writes, or use the /sparql-auth endpoint with a user)"
            )
        return StoreError(f"{url}: the endpoint refused to {purpose} (HTTP {status}); {hint}")
    if status == 404:
        return StoreError(f"{url}: no SPARQL {purpose} endpoint here (HTTP 404)")
    if status in (400, 500) and purpose != "write":
        what = "bad SPARQL" if status == 400 else "query failed"
        if purpose == "update":
            what = "bad SPARQL update" if status == 400 else "update failed"
        return QueryError(f"{what}: {message}")
    return StoreError(f"{url}: the endpoint failed to {purpose} (HTTP {status}: {message})")


def _message(response: httpx.Response) -> str:
    """The first line of an error answer, without markup."""
    text = re.sub(r"<[^>]+>", " ", response.text or "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return (lines[0] if lines else response.reason_phrase or "no details")[:300]
