"""GraphML, GEXF and CSV exports of the views: read back by networkx and csv."""

from __future__ import annotations

import csv

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KGError
from kg.exports import write_graph
from kg.views import full_graph

XI = "https://w3id.org/kgdt/id/person/xi-jinping"
TOKAYEV = "https://w3id.org/kgdt/id/person/kassym-jomart-tokayev"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_read_back(people, tmp_path, fmt):
    path = tmp_path / f"people.{fmt}"
    write_graph(people, fmt, path)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == people.number_of_nodes()
    assert back.number_of_edges() == people.number_of_edges()
    assert back.nodes[XI]["label"] == "Xi Jinping" and back.nodes[XI]["wikidata"] == "Q15031"
    edge = back.edges[XI, TOKAYEV]
    assert edge["places"] == "Beijing" and edge["first"] == "2024-07-02"
    assert "Xi Jinping held talks" in edge["evidence"]


def test_the_full_multigraph_exports(sample_graph, tmp_path):
    graph = full_graph(sample_graph.store)
    write_graph(graph, "graphml", tmp_path / "full.graphml")
    back = nx.read_graphml(tmp_path / "full.graphml", force_multigraph=True)
    assert back.number_of_edges() == graph.number_of_edges()


def test_csv_nodes_and_edges(people, tmp_path):
    write_graph(people, "csv", tmp_path / "out")
    with open(tmp_path / "out" / "nodes.csv", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(tmp_path / "out" / "edges.csv", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    assert len(nodes) == people.number_of_nodes() and len(edges) == people.number_of_edges()
    xi = next(n for n in nodes if n["id"] == XI)
    assert xi["countries"] == "China" and xi["degree"] == "1"
    assert {e["weight"] for e in edges} == {"1"}
    with pytest.raises(KGError, match="give a folder"):
        write_graph(people, "csv", open(tmp_path / "x", "wb"))  # noqa: SIM115


def test_cli_exports_a_filtered_view(explore_store, tmp_path):
    runner = CliRunner()
    out = tmp_path / "cn.gexf"
    args = ["export", "-f", "gexf", "--view", "countries", "--country", "China", "-o", str(out)]
    result = runner.invoke(app, [*args, "--store", str(explore_store)])
    assert result.exit_code == 0, result.output
    graph = nx.read_gexf(out)
    assert {d["label"] for _, d in graph.nodes(data=True)} == {"China", "Kazakhstan"}
    result = runner.invoke(app, ["export", "-f", "csv", "--store", str(explore_store)])
    assert result.exit_code == 1 and "give a folder with --out" in result.output
    result = runner.invoke(
        app, ["export", "-f", "turtle", "--since", "2024", "--store", str(explore_store)]
    )
    assert result.exit_code == 1 and "apply to graphml, gexf and csv" in result.output
