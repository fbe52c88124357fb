"""Check kg graphs against the SHACL shapes of ``ontologies/shapes.ttl`` with pyshacl.

The ontology is mixed into the data so that a class includes its subclasses (a ``kgo:Talks``
is a ``kgo:Event``). ``validate(graph)`` gives a ``Report`` of readable results; ``read_rdf``
and ``store_graph`` give the graph of an RDF file or of a whole store.

>>> from rdflib import Graph
>>> validate(Graph()).conforms
True
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import RDFS, Dataset, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import BNode, Node

from kg.errors import KGError
from kg.ontology import PREFIXES, ontology
from kg.resources import ontology_path
from kg.store import Store

__all__ = ["RDF_FORMATS", "Report", "Result", "read_rdf", "shapes", "store_graph", "validate"]

# rdflib parser names by file suffix; the first three hold named graphs.
RDF_FORMATS = {
    ".trig": "trig",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".ttl": "turtle",
    ".nt": "nt",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}
_SEVERITY: dict[Node, str] = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


@dataclass(frozen=True)
class Result:
    """One SHACL result: how bad, about which node, along which property, and why."""

    severity: str
    focus: Node
    path: str
    value: Node | None
    message: str


@dataclass(frozen=True)
class Report:
    """The results of validating a graph of ``triples`` triples, worst first."""

    results: tuple[Result, ...]
    triples: int

    @property
    def conforms(self) -> bool:
        """True when there is no result at all, warnings included (as SHACL defines it)."""
        return not self.results

    def count(self, severity: str) -> int:
        """The number of results of one severity."""
        return sum(r.severity == severity for r in self.results)

    def summary(self) -> str:
        """One line: what was checked and what was found."""
        if self.conforms:
            return f"conforms: {self.triples} triples, no violations or warnings"
        found = [
            f"{n} {severity}{'s' if n > 1 else ''}"
            for severity in ("violation", "warning", "info")
            if (n := self.count(severity))
        ]
        return f"does not conform: {', '.join(found)} in {self.triples} triples"


@cache
def shapes() -> Graph:
    """The SHACL shapes graph, parsed once (treat it as read-only)."""
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


def _short(node: Node, data: Graph) -> str:
    """A node as ``kgr:person/askar-mamin ("Askar Mamin")``."""
    if not isinstance(node, URIRef):
        return node.n3()
    text = node.n3()
    for prefix, namespace in PREFIXES.items():
        if node.startswith(str(namespace)):
            text = f"{prefix}:{node[len(str(namespace)) :]}"
            break
    label = data.value(node, RDFS.label)
    return f'{text} ("{label}")' if label is not None else text


def _path(path: Node | None, shapes_graph: Graph) -> str:
    """A property path as text: ``kgo:met``, ``^kgo:holdsPosition`` or ``rdfs:subClassOf+``."""
    if path is None:
        return ""
    if isinstance(path, BNode):
        for key, mark in ((SH.inversePath, "^{}"), (SH.oneOrMorePath, "{}+")):
            inner = shapes_graph.value(path, key)
            if inner is not None:
                return mark.format(_path(inner, shapes_graph))
    return shapes_graph.namespace_manager.normalizeUri(str(path))


def validate(data: Graph) -> Report:
    """Validate ``data`` (not changed) against the shapes, with the ontology mixed in."""
    import pyshacl

    shapes_graph = shapes()
    # A plain union, not pyshacl's ont_graph: that deep-copies named individuals, and the
    # topic concepts, which name each other through their scheme, make it explode.
    mixed = Graph()
    mixed += data
    mixed += ontology()
    _, results_graph, _ = pyshacl.validate(
        mixed, shacl_graph=shapes_graph, inference="none", inplace=True
    )
    assert isinstance(results_graph, Graph)
    order = list(_SEVERITY.values())
    results = []
    for result, severity in results_graph.subject_objects(SH.resultSeverity):
        focus = results_graph.value(result, SH.focusNode)
        assert focus is not None  # every SHACL result names its focus node
        value = results_graph.value(result, SH.value)
        message = results_graph.value(result, SH.resultMessage)
        results.append(
            Result(
                severity=_SEVERITY[severity],
                focus=focus,
                path=_path(results_graph.value(result, SH.resultPath), shapes_graph),
                value=value,
                message=str(message) if message is not None else "",
            )
        )
    results.sort(key=lambda r: (order.index(r.severity), str(r.focus), r.path, r.message))
    return Report(tuple(results), len(data))


def render(report: Report, data: Graph) -> list[str]:
    """The report as lines of text: one per result, then the summary."""
    lines = []
    for r in report.results:
        where = _short(r.focus, data) + (f"  {r.path}" if r.path else "")
        value = ""
        if r.value is not None and r.value != r.focus:
            value = f" (value: {_short(r.value, data)})"
        lines.append(f"{r.severity}: {where}: {r.message}{value}")
    return [*lines, report.summary()]


def read_rdf(path: Path) -> Graph:
    """The triples of an RDF file, all its graphs merged; the format is known by the suffix."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KGError(
            f"{path}: unknown RDF format; use one of the suffixes {', '.join(RDF_FORMATS)}"
        )
    if not path.is_file():
        raise KGError(f"{path}: no such file")
    dataset = Dataset()
    try:
        dataset.parse(path, format=fmt)
    except Exception as error:  # rdflib's parsers raise many kinds of errors
        raise KGError(f"{path}: not valid {fmt} ({error})") from None
    return _merged(dataset)


def store_graph(store: Store) -> Graph:
    """The triples of a whole store, all article graphs merged."""
    buffer = io.BytesIO()
    store.export(buffer, "nquads")
    dataset = Dataset()
    dataset.parse(data=buffer.getvalue(), format="nquads")
    return _merged(dataset)


def _merged(dataset: Dataset) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph
