"""networkx views as interactive network pages that work offline.

The nodes and edges are laid out with pyvis and drawn by vis-network, inlined from pyvis's
own copy (no CDN); ``kg serve`` serves the same page with its scripts as static files.
Colours show types (with a legend that hides and shows them), sizes the degree or
betweenness, edge widths the number of facts; tooltips carry the evidence sentences and a
click shows every fact with its source. An edge may instead say what it sums up (``about``)
and link to a page of its facts (``page``), as ``kg serve``'s first screen does. Above
``MAX_NODES`` the page keeps the most central nodes and says so; the layout is computed once,
then the physics stops.

Article text is untrusted: the view reaches the page as a JSON block read with
``JSON.parse`` and shown with ``textContent`` (vis-network shows string tooltips as text);
only http(s) URLs become links; a Content-Security-Policy lets no script run but the page's
own (by hash), so even a slip would not run injected code. pyvis's own template, which puts
titles, headings and menu options into ``innerHTML``, is not used.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import fields
from functools import cache
from importlib.resources import files
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from kg.analytics import MEASURES, centrality
from kg.bidi import controls, isolate, reveal
from kg.errors import KGError
from kg.views import edges_with_data

__all__ = ["COLORS", "MAX_NODES", "asset", "network_data", "render", "templates", "write_html"]

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
_LABEL = 40  # characters of a node's label drawn under it; the tooltip has it all
_EVIDENCE = 3  # facts quoted in an edge's tooltip
_VIS = Path(str(files("pyvis"))) / "templates" / "lib" / "vis-9.1.2"
_ASSETS = {
    "vis-network.min.js": _VIS / "vis-network.min.js",
    "vis-network.css": _VIS / "vis-network.css",
    "network.js": Path(__file__).parent / "static" / "network.js",
    "kg.css": Path(__file__).parent / "static" / "kg.css",
    "editor.js": Path(__file__).parent / "static" / "editor.js",
    "editor.LICENSE.txt": Path(__file__).parent / "static" / "editor.LICENSE.txt",
}
_INLINED = ("vis-network.min.js", "vis-network.css", "network.js", "kg.css")  # standalone pages
_WEB = re.compile(r"^https?://", re.I)
_QID = re.compile(r"^Q\d+$")


@cache
def asset(name: str) -> str:
    """The text of one of the pages' static files (``vis-network.min.js``, ``network.js``,
    ``vis-network.css``, ``kg.css``, the query page's ``editor.js`` and its licences);
    ``KeyError`` for any other name."""
    return _ASSETS[name].read_text(encoding="utf-8")


@cache
def templates() -> Environment:
    """The Jinja environment of kg's pages, escaping every value put into HTML; with the
    filters ``controls``, ``isolate`` and ``reveal`` (``kg.bidi``) for names that hide or turn
    text."""
    environment = Environment(
        loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
        autoescape=select_autoescape(["html"]),
    )
    environment.filters.update(controls=controls, isolate=isolate, reveal=reveal)
    return environment


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fact(fact) -> dict:
    found = {f.name: getattr(fact, f.name) for f in fields(fact)}  # asdict copies each tuple
    if not (fact.url and _WEB.match(fact.url)):
        found["url"] = None
    return found


def _caption(graph: nx.Graph, a: str, b: str, data: dict, mark=str) -> str:
    """An edge's caption; ``mark`` wraps each name (``isolate`` for a tooltip)."""
    name = {node: mark(graph.nodes[node]["label"]) for node in (a, b)}
    if data.get("predicate"):
        return f"{name[a]} —{data['predicate']}→ {name[b]}"
    if data.get("about"):
        return f"{name[a]} – {name[b]}: {data['about']}"
    kinds: dict[str, int] = {}
    for fact in data["facts"]:
        kinds[fact.kind] = kinds.get(fact.kind, 0) + 1
    counted = ", ".join(
        f"{n} {'meeting' if kind == 'met' else kind}{'s' if n > 1 else ''}"
        for kind, n in kinds.items()
    )
    return f"{name[a]} – {name[b]}: {counted}"


def _tooltip(caption: str, facts: list) -> str:
    lines = [caption]
    for fact in facts[:_EVIDENCE]:
        where = ", ".join(fact.places)
        head = " · ".join(x for x in (fact.date or "undated", where, fact.detail) if x)
        evidence = fact.evidence and isolate(_short(fact.evidence[0], 240))
        lines.append(f"{isolate(head)}: {evidence}" if evidence else isolate(head))
    if len(facts) > _EVIDENCE:
        lines.append(f"… and {len(facts) - _EVIDENCE} more (click the edge)")
    return "\n".join(lines)


def _trim(graph: nx.Graph, scores: dict, max_nodes: int) -> tuple[nx.Graph, str]:
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    if n <= max_nodes:
        return graph, f"{n} nodes, {m} edges." if n else "Nothing to show: no nodes in this view."
    keep = sorted(scores, key=lambda node: -scores[node])[:max_nodes]
    note = (
        f"Showing the {max_nodes} most central of {n} nodes; narrow the view (a focus, "
        f"dates, a country or types) to see the rest."
    )
    return graph.subgraph(keep).copy(), note


def network_data(
    graph: nx.Graph,
    heading: str = "kg",
    size_by: str = "degree",
    max_nodes: int = MAX_NODES,
    drawn_from: str | None = None,
) -> dict:
    """What the page draws, as JSON-ready data: heading, note (what the view was
    ``drawn_from`` when given, and what the page left out), legend, vis-network nodes, edges
    and options, and ``links`` (filled in by ``kg serve`` with its page addresses)."""
    if size_by not in MEASURES:
        raise KGError(f"unknown size {size_by!r}; choose {', '.join(MEASURES)}")
    scores = centrality(graph, size_by) if graph.number_of_nodes() else {}
    graph, note = _trim(graph, scores, max_nodes)
    # Directed so that pyvis keeps every edge without its quadratic duplicate check; the
    # arrows are set per edge below.
    net = Network(directed=True)
    for node, data in graph.nodes(data=True):
        kind = data.get("type", "Entity")
        label = str(data.get("label", node))
        countries = list(data.get("countries", ()))
        qid = data.get("wikidata")
        tip = [
            isolate(label),
            kind if data.get("cls", kind) == kind else f"{kind} ({data['cls']})",
        ]
        if countries:
            tip.append(", ".join(isolate(c) for c in countries))
        tip.append(f"{graph.degree(node)} links")
        net.add_node(
            node,
            label=isolate(_short(label, _LABEL)),  # drawn on a canvas: <bdi> cannot reach it
            full=label,
            title="\n".join(tip),
            color=COLORS.get(kind, "#7f7f7f"),
            value=round(scores.get(node, 0.0), 4),
            type=kind,
            cls=data.get("cls", kind),
            countries=countries,
            wikidata=qid if qid and _QID.match(qid) else None,
        )
    for i, (a, b, *_, data) in enumerate(edges_with_data(graph)):
        caption = _caption(graph, a, b, data)
        net.add_edge(
            a,
            b,
            id=i,
            width=1 + min(data.get("weight", 1), 8),
            title=_tooltip(_caption(graph, a, b, data, isolate), data["facts"]),
            caption=caption,
            predicate=data.get("predicate"),
            facts=[_fact(f) for f in data["facts"]],
            page=data.get("page"),
            arrows="to" if graph.is_directed() else "",
        )
    big = graph.number_of_nodes() > 150
    options = {
        "nodes": {"shape": "dot", "scaling": {"min": 8, "max": 36, "label": {"enabled": False}}},
        "edges": {"color": {"color": "#b5b5b5", "highlight": "#333"}, "smooth": False},
        "physics": {
            "solver": "forceAtlas2Based",
            "stabilization": {"iterations": 150 if big else 300, "updateInterval": 50},
        },
        "interaction": {"hover": True, "tooltipDelay": 150},
        "layout": {"randomSeed": 7, "improvedLayout": not big},
    }
    legend = {k: v for k, v in COLORS.items() if any(t == k for _, t in graph.nodes(data="type"))}
    return {
        "heading": heading,
        "note": f"{drawn_from} {note}" if drawn_from else note,
        "legend": legend,
        "nodes": net.nodes,
        "edges": net.edges,
        "options": options,
        "links": {},
    }


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def render(
    graph: nx.Graph,
    heading: str = "kg",
    size_by: str = "degree",
    max_nodes: int = MAX_NODES,
    drawn_from: str | None = None,
) -> str:
    """The standalone HTML page of a networkx view (see ``kg.views`` for its attributes),
    saying what it was ``drawn_from`` when given."""
    scripts = " ".join(f"'{_sha256(asset(s))}'" for s in ("vis-network.min.js", "network.js"))
    csp = (
        f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; "
        f"img-src data:; base-uri 'none'; form-action 'none'"
    )
    return (
        templates()
        .get_template("network.html")
        .render(
            title=heading,
            data=network_data(graph, heading, size_by, max_nodes, drawn_from),
            assets={name: asset(name) for name in _INLINED},
            csp=csp,
            served=False,
        )
    )


def write_html(graph: nx.Graph, path: str | Path, heading: str = "kg", **options) -> Path:
    """Write the page of ``graph`` to ``path`` (``options`` as for ``render``); return it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(graph, heading, **options), encoding="utf-8")
    return path
