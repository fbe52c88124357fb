"""The exploring commands: kg viz with a focus and filters, kg path, kg stats --top."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def test_viz_focus_depth_and_filters(explore_store, tmp_path):
    out = tmp_path / "ego.html"
    args = ["viz", "--focus", "Askar Mamin", "--depth", "1", "-o", str(out)]
    result = runner.invoke(app, [*args, "--store", str(explore_store)])
    assert result.exit_code == 0, result.output
    assert "nodes" in result.output and "full graph around Askar Mamin (depth 1)" in out.read_text()
    args = ["viz", "--view", "countries", "--since", "2024-07", "--size-by", "betweenness"]
    result = runner.invoke(app, [*args, "-o", str(out), "--store", str(explore_store)])
    assert result.exit_code == 0 and "wrote" in result.output
    bad = runner.invoke(app, ["viz", "--focus", "Nobody Atall", "--store", str(explore_store)])
    assert bad.exit_code == 1 and "no entity named 'Nobody Atall'" in bad.output


def test_path_prints_the_chain_with_evidence(explore_store):
    result = runner.invoke(app, ["path", "Xi", "Li Qiang", "--store", str(explore_store)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Xi Jinping → Kassym-Jomart Tokayev → Li Qiang")
    assert "held talks with Kazakh President" in result.output
    none = runner.invoke(app, ["path", "Xi", "Askar Mamin", "--store", str(explore_store)])
    assert none.exit_code == 1 and "no chain of meetings" in none.output


def test_stats_shows_top_entries(explore_store):
    result = runner.invoke(
        app, ["stats", "-f", "json", "--top", "3", "--store", str(explore_store)]
    )
    top = json.loads(result.stdout)["top"]
    assert top["countries"][0] == ["Kazakhstan", 12]  # the samples, and Mamin in Minsk
    assert len(top["pairs"]) == 3
    table = runner.invoke(app, ["stats", "--store", str(explore_store)])
    assert "top country pairs" in table.output and "busiest pair" in table.output
