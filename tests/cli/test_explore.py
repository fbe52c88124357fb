"""The exploring commands: kg viz with a focus and filters, kg path, kg stats --top."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def test_viz_focus_depth_and_filters(explore_store, tmp_path):
    out = tmp_path / "ego.html"
    args = ["viz", "--focus", "Bob Beta", "--depth", "1", "-o", str(out)]
    result = runner.invoke(app, [*args, "--store", str(explore_store)])
    assert result.exit_code == 0, result.output
    assert "full graph around Bob Beta (depth 1)" in out.read_text(encoding="utf-8")
    # Bob; Ann and Cy; Betaland and Gammaland; the talks, the meeting with Cy and the visit
    assert "(8 nodes, 11 edges)" in " ".join(result.output.split())
    args = ["viz", "--view", "countries", "--since", "2024-07", "--size-by", "betweenness"]
    result = runner.invoke(app, [*args, "-o", str(out), "--store", str(explore_store)])
    assert result.exit_code == 0 and "wrote" in result.output
    bad = runner.invoke(app, ["viz", "--focus", "Nobody Atall", "--store", str(explore_store)])
    assert bad.exit_code == 1 and "no entity named 'Nobody Atall'" in bad.output


def test_viz_of_a_store_of_more_reports_says_what_it_drew_from(explore_store, tmp_path):
    """Past --reports reports, kg viz draws from the latest that match (who-met-whom without
    filters: the summary of meeting pairs) and says so, on the page and in the terminal;
    --reports 0 draws from every report."""
    out = tmp_path / "full.html"
    where = ["-o", str(out), "--store", str(explore_store)]
    full = runner.invoke(app, ["viz", "--view", "full", "--reports", "2", *where])
    assert full.exit_code == 0, full.output
    said = " ".join(full.output.split())
    assert "Drawn from the latest 2 reports" in said and "earlier ones are left out." in said
    assert "Drawn from the latest 2 reports" in out.read_text(encoding="utf-8")
    pairs = runner.invoke(app, ["viz", "--reports", "2", *where])
    assert "pairs of people reported meeting most" in " ".join(pairs.output.split())
    every = runner.invoke(app, ["viz", "--view", "full", "--reports", "0", *where])
    assert every.exit_code == 0 and "Drawn from" not in every.output
    bad = runner.invoke(app, ["viz", "--reports", "-1", *where])
    assert bad.exit_code == 1 and "bad --reports -1" in bad.output


def test_path_prints_the_chain_with_evidence(explore_store):
    result = runner.invoke(app, ["path", "Ann", "Dee Delta", "--store", str(explore_store)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Ann Alpha → Bob Beta → Cy Gamma → Dee Delta")
    assert "2023-05-09 · Alpha City · Talks <https://example.org/w1>" in result.output
    assert '"Cy Gamma met Dee Delta."' in result.output
    none = runner.invoke(app, ["path", "Ann", "Eve", "--store", str(explore_store)])
    assert none.exit_code == 1 and "no chain of meetings" in none.output
    same = runner.invoke(app, ["path", "Ann", "Ann Alpha", "--store", str(explore_store)])
    assert same.exit_code == 1
    assert (
        same.output == "error: 'Ann' and 'Ann Alpha' are one person, Ann Alpha: give two people\n"
    )


def test_stats_shows_top_entries(explore_store):
    result = runner.invoke(
        app, ["stats", "-f", "json", "--top", "3", "--store", str(explore_store)]
    )
    top = json.loads(result.stdout)["top"]
    assert set(top) == {"people", "brokers", "pairs", "countries", "country pairs", "years"}
    assert len(top["pairs"]) == 3
    table = runner.invoke(app, ["stats", "--store", str(explore_store)])
    assert "top country pairs" in table.output and "busiest pair" in table.output
