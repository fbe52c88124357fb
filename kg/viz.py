"""networkx views as interactive pyvis pages that work offline.

vis-network is inlined from pyvis's own copy (no CDN). All text from articles reaches the page
as JSON data inserted with ``textContent``, never as HTML, so names and sentences carrying
``<script>`` are shown, not run.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

__all__ = ["COLORS", "render", "write_html"]

COLORS = {
    "Person": "#1f77b4",
    "Country": "#d62728",
    "Place": "#2ca02c",
    "Organization": "#9467bd",
    "Delegation": "#8c564b",
    "Event": "#ff7f0e",
    "Agreement": "#e377c2",
}
MAX_NODES = 400


@cache
def _vis_assets() -> tuple[str, str]:
    lib = Path(str(files("pyvis"))) / "templates" / "lib" / "vis-9.1.2"
    return (
        (lib / "vis-network.min.js").read_text(encoding="utf-8"),
        (lib / "vis-network.css").read_text(encoding="utf-8"),
    )


@cache
def _template():
    env = Environment(
        loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
        autoescape=select_autoescape(["html"]),
    )
    return env.get_template("network.html")


def _edge_facts(data: dict) -> list[dict]:
    meetings = data.get("meetings") or []
    if meetings:
        return [
            {
                "text": f"{m.get('date') or 'undated'} - {m.get('article', '')}",
                "evidence": m.get("evidence"),
            }
            for m in meetings
        ]
    return [{"text": data.get("predicate", "")}]


def _trim(graph: nx.Graph) -> tuple[nx.Graph, str]:
    if graph.number_of_nodes() <= MAX_NODES:
        return graph, f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges."
    ranked = sorted(nx.degree_centrality(graph).items(), key=lambda kv: -kv[1])
    keep = [n for n, _ in ranked[:MAX_NODES]]
    note = (
        f"Showing the {MAX_NODES} most central of {graph.number_of_nodes()} nodes; "
        f"narrow the view (--focus, --since, --until) to see the rest."
    )
    return graph.subgraph(keep).copy(), note


def render(graph: nx.Graph, heading: str = "kg") -> str:
    """The HTML page of a networkx view (node attributes ``label``, ``type``, ``wikidata``)."""
    graph, note = _trim(graph)
    net = Network(directed=graph.is_directed(), cdn_resources="in_line")
    degree = dict(graph.degree())
    for node, data in graph.nodes(data=True):
        kind = data.get("type", "Entity")
        qid = data.get("wikidata")
        net.add_node(
            node,
            label=str(data.get("label", node)),
            title=f"{data.get('label', node)} ({kind})",
            color=COLORS.get(kind, "#7f7f7f"),
            size=10 + 4 * min(degree.get(node, 0), 10),
            type=kind,
            wikidata_url=f"https://www.wikidata.org/wiki/{qid}" if qid else None,
            facts=[{"text": f"{kind}" + (f", Wikidata {qid}" if qid else "")}],
        )
    for i, (a, b, data) in enumerate(graph.edges(data=True)):
        caption = (
            f"{graph.nodes[a].get('label', a)} - {data.get('predicate', 'met')} - "
            f"{graph.nodes[b].get('label', b)}"
        )
        net.add_edge(
            a,
            b,
            id=i,
            width=1 + min(data.get("weight", 1), 8),
            title=caption,
            caption=caption,
            facts=_edge_facts(data),
        )
    options = json.loads(net.options.to_json())
    options["physics"] = {"stabilization": {"iterations": 200}}
    options["interaction"] = {"hover": True}
    js, css = _vis_assets()
    data = {
        "heading": heading,
        "note": note,
        "legend": {
            k: v
            for k, v in COLORS.items()
            if any(d.get("type") == k for _, d in graph.nodes(data=True))
        },
        "nodes": net.nodes,
        "edges": net.edges,
        "options": options,
    }
    return _template().render(heading=heading, data=data, vis_js=js, vis_css=css)


def write_html(graph: nx.Graph, path: str | Path, heading: str = "kg") -> Path:
    """Write the page of ``graph`` to ``path`` and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(graph, heading), encoding="utf-8")
    return path
