"""The notebook runs from top to bottom in a real kernel and shows its tables and charts."""

from __future__ import annotations

import os

import pytest

from tests.conftest import ROOT

nbformat = pytest.importorskip("nbformat", reason="nbformat (the dev extra) is missing")
nbclient = pytest.importorskip("nbclient", reason="nbclient (the dev extra) is missing")


@pytest.mark.slow
def test_notebook_runs_and_shows_tables_network_and_chart():
    notebook = nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    )
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # charts show inline
    client.execute(env={**env, "PYTHONPATH": str(ROOT)})
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    kinds = [set(o.get("data", {})) for o in outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in k for k in kinds)  # the chart
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("<iframe srcdoc=" in h and "vis.Network" in h for h in html)  # the network
    assert any("Kassym-Jomart Tokayev" in h and "<table" in h for h in html)  # the tables
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Xi Jinping met Kassym-Jomart Tokayev" in printed
