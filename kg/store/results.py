"""Query answers and their serializations: the one place where kg writes SPARQL results and RDF
(``kg query --format``, ``kg export``, ``/sparql``).

Every serialization is Oxigraph's own, fed with the engine's terms as they are: a literal's
lexical form (``"1"^^xsd:double``, ``"2024-01-01Z"^^xsd:date``, ``"PT0S"^^xsd:duration``)
reaches the client unchanged. kg's own modules read answers as rdflib terms (``QueryResult``).

- ``Answer``: a query's answer in Oxigraph's terms, cut at a row limit (``Answer.of``), which
  ``write`` sends in any of ``FORMATS`` of its kind; SELECT and ASK as SPARQL JSON, XML, CSV
  or TSV, CONSTRUCT and DESCRIBE as Turtle, N-Triples, JSON-LD or RDF/XML. With a limit of
  bytes, an answer larger than it raises ``AnswerTooLarge``: while its rows are read (their
  values alone pass it), or as it is written (``write``);
- ``export``: a store's graphs in one of ``EXPORT_FORMATS``;
- ``MEDIA_TYPES``: the media type of each format, for HTTP.

XML 1.0 cannot carry some characters (most controls below U+0020); Oxigraph would write them
raw, making the document unreadable, so an XML serialization holding one raises ``NotXML``,
never altering the term.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.update('INSERT DATA { <http://e/s> <http://e/p> "1"^^<http://www.w3.org/2001/XMLSchema#double> }')
>>> answer = Answer.of(store.query("SELECT ?o WHERE { ?s ?p ?o }"))
>>> out = io.BytesIO()
>>> answer.write("csv", out)
>>> out.getvalue().decode().split()
['o', '1']
>>> [type(term).__name__ for term in answer.result().rows[0]]  # for kg's own modules
['Literal']
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any, BinaryIO, overload

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import AnswerTooLarge, QueryError
from kg.store.sparqltext import PREFIXES

__all__ = [
    "EXPORT_FORMATS",
    "FORMATS",
    "MEDIA_TYPES",
    "Answer",
    "NotXML",
    "QueryResult",
    "export",
    "from_ox",
    "megabytes",
    "too_large",
]

# What each kind of answer may be written as, by kg's names for the formats.
FORMATS: dict[str, dict[str, ox.QueryResultsFormat | ox.RdfFormat]] = {
    "select": {
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
    },
    "graph": {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "jsonld": ox.RdfFormat.JSON_LD,
        "xml": ox.RdfFormat.RDF_XML,
    },
}
FORMATS["ask"] = {k: v for k, v in FORMATS["select"].items() if k in ("json", "xml")}
EXPORT_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
MEDIA_TYPES = {
    "select": {
        "json": "application/sparql-results+json",
        "xml": "application/sparql-results+xml",
        "csv": "text/csv",
        "tsv": "text/tab-separated-values",
    },
    "graph": {
        "turtle": "text/turtle",
        "ntriples": "application/n-triples",
        "jsonld": "application/ld+json",
        "xml": "application/rdf+xml",
    },
}
MEDIA_TYPES["ask"] = {k: MEDIA_TYPES["select"][k] for k in FORMATS["ask"]}
# What XML 1.0 cannot carry, as UTF-8 bytes: controls but tab, newline and return; U+FFFE/F.
_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")


class NotXML(QueryError):
    """The answer holds a character that XML 1.0 cannot carry."""


@dataclass
class QueryResult:
    """The answer to a SPARQL query as rdflib terms, for kg's own modules.

    ``kind`` is ``select``, ``ask`` or ``graph`` (CONSTRUCT and DESCRIBE). SELECT rows hold
    rdflib terms (``None`` where a variable is unbound).
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def dicts(self, terms: bool = False) -> list[dict[str, Any]]:
        """SELECT rows as dictionaries by variable name, of Python values: IRIs and strings as
        ``str``, numbers as ``int`` or ``Decimal``, dates as ``date``, ``None`` where unbound
        (a literal Python has no type for stays its text); with ``terms``, of rdflib terms.

        >>> from rdflib import XSD
        >>> day = Literal("2024-07-02", datatype=XSD.date)
        >>> QueryResult("select", ["n", "day", "who"], [(Literal(2), day, URIRef("http://e/a"))]).dicts()
        [{'n': 2, 'day': datetime.date(2024, 7, 2), 'who': 'http://e/a'}]
        """
        convert = (lambda term: term) if terms else _python
        return [
            {v: convert(t) for v, t in zip(self.variables, row, strict=True)} for row in self.rows
        ]


@dataclass
class Answer:
    """A query's answer in Oxigraph's terms: SELECT rows (tuples of terms, ``None`` where a
    variable is unbound), an ASK's boolean, or a graph's triples (in ``rows``); ``truncated``
    when rows were left out at a limit."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False

    @classmethod
    def of(
        cls,
        result: ox.QuerySolutions | ox.QueryBoolean | Iterable,
        limit: int | None = None,
        max_bytes: int | None = None,
    ) -> Answer:
        """The answer of an Oxigraph query result (a SELECT's solutions, an ASK's boolean, or
        the triples of a CONSTRUCT or DESCRIBE), its rows cut at ``limit``; ``AnswerTooLarge``
        once their values pass ``max_bytes``."""
        if isinstance(result, ox.QueryBoolean):
            return cls("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = (tuple(solution[v] for v in variables) for solution in result)
            return cls.cut("select", variables, rows, limit, max_bytes)
        return cls.cut("graph", [], result, limit, max_bytes)

    @classmethod
    def cut(
        cls,
        kind: str,
        variables: list[str],
        rows: Iterable,
        limit: int | None,
        max_bytes: int | None = None,
    ) -> Answer:
        """The answer of ``kind`` with the first ``limit`` of ``rows`` (all without one);
        ``AnswerTooLarge`` once their values pass ``max_bytes`` (any serialization of them
        is longer)."""
        first = islice(rows, None if limit is None else limit + 1)
        kept = list(first if max_bytes is None else _within(first, max_bytes))
        truncated = limit is not None and len(kept) > limit
        return cls(kind, variables, kept[:limit] if truncated else kept, truncated=truncated)

    def result(self) -> QueryResult:
        """The answer as rdflib terms."""
        if self.kind == "ask":
            return QueryResult("ask", boolean=self.boolean)
        if self.kind == "select":
            rows = [tuple(from_ox(term) for term in row) for row in self.rows]
            return QueryResult("select", list(self.variables), rows)
        graph = Graph()
        for t in self.rows:
            graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return QueryResult("graph", graph=graph)

    def write(self, fmt: str, out: BinaryIO, max_bytes: int | None = None) -> None:
        """Write the answer to ``out`` in ``fmt`` (one of ``FORMATS[self.kind]``) with
        Oxigraph's serializers: ``NotXML`` for an XML document that cannot carry it,
        ``AnswerTooLarge`` once it would pass ``max_bytes``. Either comes midway, ``out``
        holding a part, so a caller that must send all or nothing writes to a file first."""
        target = FORMATS[self.kind][fmt]
        xml = target in (ox.QueryResultsFormat.XML, ox.RdfFormat.RDF_XML)
        # pyoxigraph writes to any object with write(); its stub asks for IO[bytes].
        checked: BinaryIO = _Checked(out, xml, max_bytes)  # type: ignore[assignment]
        self._serialize(target, checked)

    def _serialize(self, target: ox.QueryResultsFormat | ox.RdfFormat, out: BinaryIO) -> None:
        if isinstance(target, ox.RdfFormat):  # a graph's formats
            ox.serialize(self.rows, out, target, prefixes=PREFIXES)
        elif self.kind == "ask":
            answer = b'{"head":{},"boolean":%s}' % (b"true" if self.boolean else b"false")
            ox.parse_query_results(answer, ox.QueryResultsFormat.JSON).serialize(out, target)
        else:  # Oxigraph re-reads the rows as it writes them in TSV, terms as they are
            # pyoxigraph reads any object with readinto(); its stub asks for IO[bytes].
            rows = _Rows(self.variables, self.rows)
            ox.parse_query_results(rows, ox.QueryResultsFormat.TSV).serialize(out, target)  # type: ignore[arg-type]


def _python(term: Node | None) -> Any:
    if term is None:
        return None
    value = term.toPython() if isinstance(term, Literal) else str(term)
    return str(value) if isinstance(value, Literal) else value


def too_large(max_bytes: int) -> AnswerTooLarge:
    """The error of an answer larger than ``max_bytes``."""
    return AnswerTooLarge(
        f"the answer is larger than {megabytes(max_bytes)}, the most one query may return; "
        f"ask for less (a LIMIT, fewer or shorter values)"
    )


def megabytes(size: int) -> str:
    """A number of bytes in MB, for people."""
    return f"{size / 1024**2:.4g} MB"


def _within(rows: Iterable, max_bytes: int) -> Iterator:
    """``rows`` as they come, until their values pass ``max_bytes`` (``AnswerTooLarge``)."""
    size = 0
    for row in rows:
        size += _size(row)
        if size > max_bytes:
            raise too_large(max_bytes)
        yield row


def _size(row) -> int:
    """The characters of the values in a row (a tuple of terms, or a triple): fewer than any
    serialization of them takes."""
    terms = (row.subject, row.predicate, row.object) if isinstance(row, ox.Triple) else row
    return sum(
        0 if t is None else _size(t) if isinstance(t, ox.Triple) else len(t.value) for t in terms
    )


class _Rows(io.RawIOBase):
    """SELECT rows as a SPARQL TSV document, made as it is read: each term as Oxigraph
    writes it in N-Triples, which TSV takes unchanged."""

    def __init__(self, variables: list[str], rows: list[tuple]):
        head = "\t".join(f"?{v}" for v in variables) + "\n"
        lines = ("\t".join("" if t is None else str(t) for t in row) + "\n" for row in rows)
        self._lines = chain([head], lines)
        self._pending = b""
        self._at = 0  # what of ``_pending`` was read: a long line is read in linear time

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while len(self._pending) - self._at < len(buffer):
            line = next(self._lines, None)
            if line is None:
                break
            self._pending = self._pending[self._at :] + line.encode("utf-8")
            self._at = 0
        n = min(len(buffer), len(self._pending) - self._at)
        buffer[:n] = memoryview(self._pending)[self._at : self._at + n]
        self._at += n
        return n


def export(
    dump: ox.Store | Iterable[ox.Quad], fmt: str, out: BinaryIO, graph: ox.DefaultGraph | None
) -> None:
    """Write a store (``dump`` an Oxigraph store, or its quads) to ``out`` in one of
    ``EXPORT_FORMATS``: all its graphs in a dataset format, else ``graph``'s triples."""
    target = EXPORT_FORMATS[fmt]
    # pyoxigraph writes to any object with write(); its stub asks for IO[bytes].
    guarded: BinaryIO = _Checked(out, xml=target == ox.RdfFormat.RDF_XML)  # type: ignore[assignment]
    if isinstance(dump, ox.Store):
        from_graph = None if target.supports_datasets else graph
        dump.dump(guarded, target, prefixes=PREFIXES, from_graph=from_graph)
    else:
        ox.serialize(dump, guarded, target, prefixes=PREFIXES)


class _Checked(io.RawIOBase):
    """A writer that passes on to ``out`` what is written, refusing what XML 1.0 cannot
    carry (``xml``: ``NotXML``) and what would pass ``max_bytes`` (``AnswerTooLarge``)."""

    def __init__(self, out: BinaryIO, xml: bool, max_bytes: int | None = None):
        self._out, self._xml, self._max = out, xml, max_bytes
        self._written = 0
        self._tail = b""  # a character may be split between two writes

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        data = bytes(data)
        self._written += len(data)
        if self._max is not None and self._written > self._max:
            raise too_large(self._max)
        if self._xml:
            _check_xml(self._tail + data)
            self._tail = data[-2:]
        return self._out.write(data)


def _check_xml(data: bytes) -> None:
    found = _NOT_XML.search(data)
    if found:
        char = found[0].decode("utf-8")
        raise NotXML(
            f"the answer holds U+{ord(char):04X}, which XML 1.0 cannot carry; ask for another "
            f"format (JSON: application/sparql-results+json, or Turtle and N-Triples for graphs)"
        )


@overload
def from_ox(term: None) -> None: ...
@overload
def from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node: ...
def from_ox(term):
    """A pyoxigraph term as an rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"not an RDF term: {term!r}")
