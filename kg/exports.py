"""A networkx view as files for the tools analysts use: GraphML and GEXF (Gephi, yEd,
Cytoscape) and CSV tables of nodes and edges.

Attributes become plain values: lists are joined with ``; `` (evidence sentences with
`` | ``), missing values are empty, and each edge gets its first and last date.

>>> import networkx as nx
>>> from kg.views import Fact
>>> g = nx.Graph()
>>> g.add_node("p1", label="Xi Jinping", type="Person", cls="Person", wikidata="Q15031",
...            countries=("China",))
>>> g.add_node("p2", label="Li Qiang", type="Person", cls="Person", wikidata=None, countries=())
>>> g.add_edge("p1", "p2", weight=1, facts=[Fact("met", "kgr:a1", "2024-07-03",
...            evidence=("They met.",), places=("Beijing",))])
>>> flat(g).edges["p1", "p2"]["places"], flat(g).nodes["p2"]["wikidata"]
('Beijing', '')
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from kg.errors import KGError
from kg.views import edges_with_data

__all__ = ["GRAPH_FORMATS", "flat", "write_graph"]

GRAPH_FORMATS = ("graphml", "gexf", "csv")
_NODE_COLUMNS = ("label", "type", "cls", "wikidata", "countries")
_EDGE_COLUMNS = (
    "predicate",
    "weight",
    "first",
    "last",
    "kinds",
    "articles",
    "urls",
    "places",
    "events",
    "evidence",
)


def _join(values, sep: str = "; ") -> str:
    return sep.join(dict.fromkeys(v for v in values if v))


def flat(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` whose attributes are strings and numbers only."""
    out = graph.__class__()
    for node, data in graph.nodes(data=True):
        out.add_node(
            node,
            label=str(data.get("label", node)),
            type=data.get("type") or "",
            cls=data.get("cls") or "",
            wikidata=data.get("wikidata") or "",
            countries=_join(data.get("countries", ())),
            degree=graph.degree(node),
        )
    for a, b, *key, data in edges_with_data(graph):
        facts = data.get("facts", [])
        dates = sorted(f.date for f in facts if f.date)
        attrs = {
            "predicate": data.get("predicate") or "",
            "weight": int(data.get("weight", len(facts))),
            "first": dates[0] if dates else "",
            "last": dates[-1] if dates else "",
            "kinds": _join(f.kind for f in facts),
            "articles": _join(f.article for f in facts),
            "urls": _join(f.url for f in facts),
            "places": _join(p for f in facts for p in f.places),
            "events": _join(f.event or f.detail for f in facts),
            "evidence": _join((s for f in facts for s in f.evidence), " | "),
        }
        out.add_edge(a, b, *key, **attrs)
    return out


def write_graph(graph: nx.Graph, fmt: str, out: str | Path | BinaryIO) -> None:
    """Write ``graph`` as ``graphml`` or ``gexf`` to a file or binary stream, or as ``csv``
    into the folder ``out`` (``nodes.csv`` and ``edges.csv``)."""
    if fmt not in GRAPH_FORMATS:
        raise KGError(f"unknown graph format {fmt!r}; choose {', '.join(GRAPH_FORMATS)}")
    plain = flat(graph)
    if fmt == "graphml":
        nx.write_graphml(plain, out)
    elif fmt == "gexf":
        nx.write_gexf(plain, out)
    else:
        if not isinstance(out, str | Path):
            raise KGError("csv writes two files, nodes.csv and edges.csv: give a folder with --out")
        _write_csv(plain, Path(out))


def _write_csv(graph: nx.Graph, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "nodes.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(("id", *_NODE_COLUMNS, "degree"))
        for node, data in graph.nodes(data=True):
            writer.writerow((node, *(data[c] for c in _NODE_COLUMNS), data["degree"]))
    with open(folder / "edges.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(("source", "target", *_EDGE_COLUMNS))
        for a, b, data in graph.edges(data=True):
            writer.writerow((a, b, *(data[c] for c in _EDGE_COLUMNS)))
