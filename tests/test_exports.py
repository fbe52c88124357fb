"""GraphML, GEXF and CSV exports of the views, read back by networkx and csv."""

from __future__ import annotations

import csv

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KGError
from kg.exports import write_graph
from kg.views import full_graph, who_met_whom

KGR = "https://w3id.org/kgdt/id/"
ANN, BOB = KGR + "person/ann-alpha", KGR + "person/bob-beta"


@pytest.fixture(scope="module")
def people(world):
    return who_met_whom(world)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_read_back(people, tmp_path, fmt):
    path = tmp_path / f"people.{fmt}"
    write_graph(people, fmt, path)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == people.number_of_nodes()
    assert back.number_of_edges() == people.number_of_edges()
    assert back.nodes[ANN]["label"] == "Ann Alpha" and back.nodes[ANN]["wikidata"] == "Q42"
    assert back.nodes[ANN]["countries"] == "Alphaland"
    edge = back.edges[ANN, BOB]
    assert (edge["places"], edge["first"], edge["last"]) == (
        "Alpha City",
        "2023-05-09",
        "2023-05-09",
    )
    assert (
        edge["urls"] == "https://example.org/w1"
        and edge["events"] == "talks of Ann Alpha and Bob Beta"
    )
    assert edge["evidence"].startswith("Ann Alpha of Alphaland held talks")


def test_the_full_multigraph_exports(world, tmp_path):
    graph = full_graph(world)
    write_graph(graph, "graphml", tmp_path / "full.graphml")
    back = nx.read_graphml(tmp_path / "full.graphml", force_multigraph=True)
    assert back.number_of_edges() == graph.number_of_edges()
    assert {d["predicate"] for *_, d in back.edges(data=True)} >= {"met", "participant"}


def test_csv_nodes_and_edges(people, tmp_path):
    write_graph(people, "csv", tmp_path / "out")
    with open(tmp_path / "out" / "nodes.csv", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(tmp_path / "out" / "edges.csv", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    assert len(nodes) == 6 and len(edges) == 4
    bob = next(n for n in nodes if n["id"] == BOB)
    assert (bob["label"], bob["countries"], bob["degree"]) == ("Bob Beta", "Betaland", "2")
    assert {e["weight"] for e in edges} == {"1"}
    with open(tmp_path / "x", "wb") as stream, pytest.raises(KGError, match="give a folder"):
        write_graph(people, "csv", stream)


def test_cli_exports_a_filtered_view(explore_store, tmp_path):
    runner = CliRunner()
    out = tmp_path / "gamma.gexf"
    args = ["export", "-f", "gexf", "--view", "countries", "--country", "Gammaland", "-o", str(out)]
    result = runner.invoke(app, [*args, "--store", str(explore_store)])
    assert result.exit_code == 0, result.output
    graph = nx.read_gexf(out)
    assert {d["label"] for _, d in graph.nodes(data=True)} == {"Betaland", "Gammaland", "Deltaland"}
    result = runner.invoke(app, ["export", "-f", "csv", "--store", str(explore_store)])
    assert result.exit_code == 1 and "give a folder with --out" in result.output
    args = ["export", "-f", "turtle", "--since", "2024", "--store", str(explore_store)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "apply to graphml, gexf and csv" in result.output
