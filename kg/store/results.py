"""``QueryResult``: the answer to a SPARQL query, whatever the store, and its serializations.

>>> from rdflib import Literal
>>> QueryResult("select", ["n"], [(Literal(1),)]).to_json()["results"]
{'bindings': [{'n': {'type': 'literal', 'value': '1', 'datatype': 'http://www.w3.org/2001/XMLSchema#integer'}}]}
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

__all__ = ["QueryResult"]


@dataclass
class QueryResult:
    """The answer to a SPARQL query, whatever the store.

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

    def to_json(self) -> dict:
        """The SPARQL 1.1 Query Results JSON document of a SELECT or ASK result."""
        if self.kind == "ask":
            return {"head": {}, "boolean": bool(self.boolean)}
        bindings = []
        for row in self.rows:
            bindings.append(
                {
                    v: _term_json(t)
                    for v, t in zip(self.variables, row, strict=True)
                    if t is not None
                }
            )
        return {"head": {"vars": self.variables}, "results": {"bindings": bindings}}

    def to_csv(self, delimiter: str = ",") -> str:
        """The SELECT result as CSV (or TSV with ``delimiter="\\t"``)."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        writer.writerow(self.variables)
        for row in self.rows:
            writer.writerow(["" if t is None else str(t) for t in row])
        return out.getvalue()


def _python(term: Node | None) -> Any:
    if term is None:
        return None
    value = term.toPython() if isinstance(term, Literal) else str(term)
    return str(value) if isinstance(value, Literal) else value


def _term_json(term: Node) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    found: dict = {"type": "literal", "value": str(term)}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype:
        found["datatype"] = str(term.datatype)
    return found
