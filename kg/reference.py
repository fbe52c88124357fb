"""Documentation generated from the ontology itself: the reference page and the model diagram.

``reference()`` is the Markdown reference of ``ontologies/kg.ttl`` (classes, properties, labels,
comments, domains, ranges, alignments, CAMEO and PLOVER codes, topics), ``diagram()`` the core
model in Graphviz DOT. ``python -m kg.reference`` rewrites every generated file: the RDF/XML
and JSON-LD forms of the ontology, ``docs/ontology-reference.md``, ``docs/ontology.dot`` and,
where Graphviz is installed, ``docs/ontology.svg``.

>>> print(reference().splitlines()[0])
# kg ontology of diplomacy and trade
>>> diagram().startswith("digraph kg {")
True
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeGuard

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, SKOS, VANN, XSD
from rdflib.term import BNode, Node

from kg.ontology import KGO, ONTOLOGY_IRI, ontology, serialize

__all__ = ["GENERATED", "diagram", "diagram_digest", "reference", "write_generated"]

# Generated file (relative to the repository) -> what writes it.
GENERATED = {
    "ontologies/kg.rdf": lambda: serialize("xml"),
    "ontologies/kg.jsonld": lambda: serialize("jsonld"),
    "docs/ontology-reference.md": lambda: reference(),
    "docs/ontology.dot": lambda: diagram(),
}
_NS = str(KGO._NS)
_LINKS = {
    "kgo": None,
    "wd": "https://www.wikidata.org/wiki/{}",
    "wdt": "https://www.wikidata.org/wiki/Property:{}",
    "p": "https://www.wikidata.org/wiki/Property:{}",
}
_MATCHES = (
    (OWL.equivalentClass, "equivalent to"),
    (RDFS.subClassOf, "subclass of"),
    (OWL.equivalentProperty, "equivalent to"),
    (RDFS.subPropertyOf, "subproperty of"),
    (OWL.inverseOf, "inverse of"),
    (SKOS.exactMatch, "exact match"),
    (SKOS.closeMatch, "close match"),
    (SKOS.broadMatch, "broad match"),
    (SKOS.narrowMatch, "narrow match"),
    (SKOS.relatedMatch, "related match"),
)


def _g() -> Graph:
    return ontology()


def _ours(node: Node) -> TypeGuard[URIRef]:
    return isinstance(node, URIRef) and str(node).startswith(_NS)


def _name(node: Node) -> str:
    """A term as a prefixed name: ``kgo:Person``, ``schema:Person``, ``wd:Q5``."""
    assert isinstance(node, URIRef), node
    return _g().namespace_manager.normalizeUri(node)


def _link(node: Node) -> str:
    """A term as a Markdown link: to its section for kg's terms, to its page for others."""
    name = _name(node)
    if _ours(node):
        return f"[{name}](#{name.split(':', 1)[1]})"
    prefix, _, local = name.partition(":")
    url = template.format(local) if (template := _LINKS.get(prefix)) else str(node)
    return f"[{name}]({url})"


def _expression(node: Node, link=_link) -> str:
    """A class or data range: a named one, a union, an inverse or a datatype restriction."""
    g = _g()
    if isinstance(node, URIRef):
        return link(node)
    members = g.value(node, OWL.unionOf)
    if members is not None:
        return " or ".join(_expression(m, link) for m in Collection(g, members))
    inverse = g.value(node, OWL.inverseOf)
    if inverse is not None:
        return f"^{link(inverse)}"
    datatype = g.value(node, OWL.onDatatype)
    restrictions = g.value(node, OWL.withRestrictions)
    if datatype is not None and restrictions is not None:
        facets = []
        for facet in Collection(g, restrictions):
            for key, sign in ((XSD.minInclusive, "≥"), (XSD.maxInclusive, "≤")):
                if (value := g.value(facet, key)) is not None:
                    facets.append(f"{sign} {value}")
        return f"{link(datatype)} [{', '.join(facets)}]"
    return "(anonymous)"


def _text(node: Node, prop: URIRef) -> str:
    value = _g().value(node, prop)
    return str(value) if value is not None else ""


def _terms(kind: URIRef) -> list[URIRef]:
    return sorted((t for t in _g().subjects(RDF.type, kind) if _ours(t)), key=str)


def _class_tree() -> Iterator[tuple[int, URIRef]]:
    """kg's classes depth-first under their first kg superclass, siblings by name."""
    g = _g()
    classes = _terms(OWL.Class)

    def parent(c: URIRef) -> URIRef | None:
        supers = sorted(s for s in g.objects(c, RDFS.subClassOf) if _ours(s))
        return supers[0] if supers else None

    def walk(node: URIRef | None, depth: int) -> Iterator[tuple[int, URIRef]]:
        for c in classes:
            if parent(c) == node:
                yield depth, c
                yield from walk(c, depth + 1)

    return walk(None, 0)


def _rows(term: Node) -> list[tuple[str, str]]:
    """The facts of a term's section, as (what, value) pairs."""
    g = _g()
    rows: list[tuple[str, str]] = [("IRI", f"`{term}`")]
    if (term, RDF.type, OWL.Class) in g:
        subs = sorted(s for s in g.subjects(RDFS.subClassOf, term) if _ours(s))
        if subs:
            rows.append(("subclasses", ", ".join(map(_link, subs))))
    kinds = [
        label
        for kind, label in (
            (OWL.SymmetricProperty, "symmetric"),
            (OWL.FunctionalProperty, "functional"),
        )
        if (term, RDF.type, kind) in g
    ]
    if kinds:
        rows.append(("characteristics", ", ".join(kinds)))
    for prop, label in ((RDFS.domain, "domain"), (RDFS.range, "range")):
        values = list(g.objects(term, prop))
        if values:
            rows.append((label, ", ".join(_expression(v) for v in values)))
    chain = g.value(term, OWL.propertyChainAxiom)
    if chain is not None:
        rows.append(("implied by the chain", " / ".join(map(_expression, Collection(g, chain)))))
    for prop, label in _MATCHES:
        values = sorted(g.objects(term, prop), key=str)
        if values:
            rows.append((label, ", ".join(_expression(v) for v in values)))
    for prop, label in (
        (KGO.cameo, "CAMEO"),
        (KGO.plover, "PLOVER"),
        (KGO.ploverMode, "PLOVER mode"),
    ):
        codes = sorted(str(v) for v in g.objects(term, prop))
        if codes:
            rows.append((label, ", ".join(codes)))
    return rows


def _section(term: Node, level: str = "###") -> list[str]:
    local = str(term)[len(_NS) :]
    lines = [
        f'<a id="{local}"></a>',
        f"{level} {_name(term)} — {_text(term, RDFS.label)}",
        "",
        _text(term, RDFS.comment),
        "",
        "| | |",
        "| --- | --- |",
    ]
    lines += [f"| {what} | {value} |" for what, value in _rows(term)]
    return [*lines, ""]


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def reference() -> str:
    """The Markdown reference page of the ontology."""
    g = _g()
    onto = URIRef(ONTOLOGY_IRI)
    classes = list(_class_tree())
    objects, datas, notes = (
        _terms(OWL.ObjectProperty),
        _terms(OWL.DatatypeProperty),
        _terms(OWL.AnnotationProperty),
    )
    lines = [
        f"# {_text(onto, DCTERMS.title)}",
        "",
        "<!-- Generated from ontologies/kg.ttl by `python -m kg.reference`; do not edit. -->",
        "",
        *_table(
            ("", ""),
            [
                ("IRI", f"`{onto}`"),
                ("version", f"{_text(onto, OWL.versionInfo)} (`{_text(onto, OWL.versionIRI)}`)"),
                (
                    "prefix",
                    f"`{_text(onto, VANN.preferredNamespacePrefix)}:` "
                    f"`{_text(onto, VANN.preferredNamespaceUri)}`",
                ),
                ("license", _text(onto, DCTERMS.license)),
                ("creators", _text(onto, DCTERMS.creator)),
                ("source", "`ontologies/kg.ttl` (also `kg.rdf`, `kg.jsonld`; `kg ontology`)"),
                ("shapes", "`ontologies/shapes.ttl` (`kg validate`)"),
            ],
        ),
        *_text(onto, DCTERMS.description).split("\n"),
        "",
        "![The core model](ontology.svg)",
        "",
        f"{len(classes)} classes, {len(objects)} object properties, {len(datas)} datatype "
        f"properties, {len(notes)} annotation properties, and a scheme of "
        f"{len(list(g.subjects(SKOS.topConceptOf, KGO.Topics)))} topics.",
        "",
        "## Classes",
        "",
    ]
    lines += [f"{'  ' * depth}- {_link(c)} — {_text(c, RDFS.label)}" for depth, c in classes]
    lines.append("")
    for _, c in classes:
        lines += _section(c)
    for title, terms in (
        ("Object properties", objects),
        ("Datatype properties", datas),
        ("Annotation properties", notes),
    ):
        lines += [f"## {title}", ""]
        for term in terms:
            lines += _section(term)
    lines += ["## Fact statuses", "", "The individuals of kgo:FactStatus.", ""]
    for status in sorted(g.subjects(RDF.type, KGO.FactStatus), key=str):
        lines += _section(status)
    lines += ["## Topics", "", _text(KGO.Topics, SKOS.definition), ""]
    topics = sorted(
        g.subjects(SKOS.topConceptOf, KGO.Topics), key=lambda c: _text(c, SKOS.notation)
    )
    lines += _table(
        ("concept", "notation", "label", "definition"),
        (
            (
                f'<a id="{str(c)[len(_NS) :]}"></a>`{_name(c)}`',
                f"`{_text(c, SKOS.notation)}`",
                _text(c, SKOS.prefLabel),
                _text(c, SKOS.definition),
            )
            for c in topics
        ),
    )
    lines += ["## Alignments", "", "Every link from a kg term to another vocabulary.", ""]
    lines += _table(
        ("kg term", "relation", "term"),
        (
            (_link(term), label, _expression(other))
            for term in sorted({s for s in g.subjects() if _ours(s)}, key=str)
            for prop, label in _MATCHES
            for other in sorted(g.objects(term, prop), key=str)
            if not (isinstance(other, URIRef) and _ours(other))
        ),
    )
    lines += ["## Event data codes", ""]
    lines += _table(
        ("kg term", "CAMEO", "PLOVER", "PLOVER mode"),
        (
            (
                _link(term),
                ", ".join(sorted(str(v) for v in g.objects(term, KGO.cameo))),
                _text(term, KGO.plover),
                ", ".join(sorted(str(v) for v in g.objects(term, KGO.ploverMode))),
            )
            for term in sorted(set(g.subjects(KGO.plover, None)), key=str)
        ),
    )
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------
# The diagram
# ---------------------------------------------------------------------------------------------

_NODES = (
    KGO.Actor,
    KGO.Person,
    KGO.Country,
    KGO.Organization,
    KGO.Delegation,
    KGO.Place,
    KGO.Event,
    KGO.Agreement,
    KGO.Position,
    KGO.TradeFlow,
    KGO.NewsArticle,
    KGO.Assertion,
    KGO.FactStatus,
    SKOS.Concept,
)


def _node_of(cls: Node) -> list[URIRef]:
    """The diagram nodes a class or union stands for."""
    g = _g()
    if isinstance(cls, URIRef) and cls in _NODES:
        return [cls]
    if isinstance(cls, BNode) and (members := g.value(cls, OWL.unionOf)) is not None:
        return [n for m in Collection(g, members) for n in _node_of(m)]
    supers = [s for s in g.objects(cls, RDFS.subClassOf) if _ours(s)]
    return _node_of(supers[0]) if supers else []


def _local(node: Node) -> str:
    return _name(node).split(":", 1)[1]


def _label(node: URIRef) -> str:
    g = _g()
    title = "Topic (skos:Concept)" if node == SKOS.Concept else _local(node)
    plain, grouped = [], []
    for sub in sorted((s for s in g.subjects(RDFS.subClassOf, node) if s not in _NODES), key=str):
        deeper = sorted(_local(s) for s in g.subjects(RDFS.subClassOf, sub))
        if deeper:
            grouped.append(f"{_local(sub)}: {', '.join(deeper)}")
        else:
            plain.append(_local(sub))
    attributes = sorted(
        _local(p)
        for p in _terms(OWL.DatatypeProperty)
        if node in [n for d in g.objects(p, RDFS.domain) for n in _node_of(d)]
    )
    rows = [f'<TR><TD BGCOLOR="#dbe8f6"><B>{title}</B></TD></TR>']
    chunks = grouped + [", ".join(plain[i : i + 3]) for i in range(0, len(plain), 3)]
    rows += [f"<TR><TD><I>{chunk}</I></TD></TR>" for chunk in chunks]
    if attributes:
        left = '<BR ALIGN="LEFT"/>'
        rows.append(f'<TR><TD ALIGN="LEFT">{left.join(attributes)}{left}</TD></TR>')
    return '<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0">' + "".join(rows) + "</TABLE>>"


def diagram() -> str:
    """The core model in Graphviz DOT: kg's main classes, their subclasses and attributes, and
    the object properties between them (without the inverses kg does not write)."""
    g = _g()
    edges = set()
    for p in _terms(OWL.ObjectProperty):
        if (p, OWL.inverseOf, None) in g:
            continue
        for domain in g.objects(p, RDFS.domain):
            for rng in g.objects(p, RDFS.range):
                for a in _node_of(domain):
                    for b in _node_of(rng):
                        edges.add((_local(a), _local(b), _local(p)))
    body = [
        "digraph kg {",
        '  graph [rankdir=TB, fontname="Helvetica", nodesep=0.4, ranksep=0.9];',
        '  node [shape=plaintext, fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=10, color="#555555"];',
    ]
    body += [f"  {_local(n)} [label={_label(n)}];" for n in _NODES]
    body += [
        f"  {_local(c)} -> {_local(s)} [arrowhead=empty, style=dashed];"
        for c in _NODES
        for s in sorted(g.objects(c, RDFS.subClassOf), key=str)
        if s in _NODES
    ]
    body += [f'  {a} -> {b} [label="{p}"];' for a, b, p in sorted(edges)]
    body.append("}")
    text = "\n".join(body) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return text.replace(
        "digraph kg {", f'digraph kg {{\n  comment="kg ontology diagram {digest}";', 1
    )


def diagram_digest(dot: str) -> str:
    """The digest that ``diagram()`` writes into its DOT and Graphviz copies into the SVG."""
    return dot.split('comment="kg ontology diagram ', 1)[1].split('"', 1)[0]


def write_generated(root: Path) -> list[Path]:
    """Rewrite every generated file under the repository ``root``; the SVG needs Graphviz."""
    written = []
    for relative, make in GENERATED.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make(), encoding="utf-8")
        written.append(path)
    if shutil.which("dot"):
        svg = root / "docs" / "ontology.svg"
        subprocess.run(
            ["dot", "-Tsvg", "-o", str(svg), str(root / "docs" / "ontology.dot")], check=True
        )
        written.append(svg)
    return written


if __name__ == "__main__":
    for path in write_generated(Path(__file__).resolve().parent.parent):
        print(f"wrote {path}")
