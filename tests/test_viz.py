"""The network page: offline, escaped, trimmed above the threshold, and what it carries."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

import networkx as nx
import pytest

from kg.errors import KGError
from kg.views import Fact, who_met_whom
from kg.viz import network_data, render

PAYLOAD = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"


def _hostile() -> nx.Graph:
    graph = nx.Graph()
    graph.add_node(
        "a", label=PAYLOAD, type="Person", cls="Person", wikidata='Q1" onmouseover=x', countries=()
    )
    graph.add_node(
        "b", label="Li Qiang", type="Person", cls="Person", wikidata="Q17", countries=("China",)
    )
    fact = Fact(
        "met", "kgr:a1", "2024-01-01", PAYLOAD, "javascript:alert(3)", (PAYLOAD,), (PAYLOAD,)
    )
    graph.add_edge("a", "b", facts=[fact], weight=1)
    return graph


def _scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", page, flags=re.S)


def test_page_is_offline_and_runs_only_its_own_scripts():
    page = render(_hostile(), "heading " + PAYLOAD)
    fetched = re.findall(r"<(?:script|link)[^>]+(?:src|href)=\"([^\"]*)", page)
    assert fetched == ["data:,"]  # nothing is fetched: no CDN, no file beside the page
    assert "https://cdn" not in page and "unpkg" not in page
    csp = html.unescape(re.search(r'Content-Security-Policy" content="([^"]+)"', page).group(1))
    inline = _scripts(page)
    assert len(inline) == 2  # vis-network and the page's own script
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_article_text_reaches_the_page_as_json_text_only():
    page = render(_hostile(), "heading " + PAYLOAD)
    assert PAYLOAD not in page and "<img src=x" not in page
    assert "&lt;/script&gt;" in page  # the <title>, escaped
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    data = json.loads(block.group(1))
    assert data["heading"] == "heading " + PAYLOAD  # the text itself is intact
    node = next(n for n in data["nodes"] if n["id"] == "a")
    assert node["full"] == PAYLOAD and node["wikidata"] is None  # a bad QID is dropped
    fact = data["edges"][0]["facts"][0]
    assert fact["url"] is None and fact["evidence"] == [PAYLOAD]  # javascript: is no link


def test_large_views_keep_the_most_central_nodes_with_a_note():
    graph = nx.star_graph(30)
    nx.set_node_attributes(graph, "Person", "type")
    nx.set_node_attributes(graph, {n: f"p{n}" for n in graph}, "label")
    nx.set_edge_attributes(graph, [Fact("met", "kgr:a")], "facts")
    data = network_data(graph, max_nodes=10)
    assert len(data["nodes"]) == 10 and data["nodes"][0]["id"] == 0  # the hub stays
    assert "Showing the 10 most central of 31 nodes" in data["note"]
    assert data["options"]["physics"]["stabilization"]["iterations"] > 0


def test_view_data_carries_legend_sizes_and_tooltips(world):
    data = network_data(who_met_whom(world), size_by="betweenness")
    assert list(data["legend"]) == ["Person"]
    nodes = {n["full"]: n for n in data["nodes"]}
    assert nodes["Bob Beta"]["value"] == max(n["value"] for n in data["nodes"]) > 0
    assert nodes["Ann Alpha"]["value"] == 0
    assert nodes["Ann Alpha"]["wikidata"] == "Q42" and nodes["Ann Alpha"]["countries"] == [
        "Alphaland"
    ]
    edge = next(e for e in data["edges"] if e["caption"] == "Ann Alpha – Bob Beta: 1 meeting")
    shown = edge["title"].replace("\u2068", "").replace("\u2069", "")  # isolates (kg.bidi)
    assert "2023-05-09 · Alpha City: Ann Alpha of Alphaland held talks" in shown
    assert edge["title"].startswith("\u2068Ann Alpha\u2069 – \u2068Bob Beta\u2069")
    assert nodes["Ann Alpha"]["label"] == "\u2068Ann Alpha\u2069"  # on the canvas
    assert edge["facts"][0]["url"] == "https://example.org/w1"
    with pytest.raises(KGError, match="unknown size 'pagerank'"):
        network_data(who_met_whom(world), size_by="pagerank")
