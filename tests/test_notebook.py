"""The notebook runs from top to bottom in a real kernel, as the README says to run it, and
shows its tables and charts."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import ROOT

nbformat = pytest.importorskip("nbformat", reason="nbformat (the dev extra) is missing")
# The README's command, which ``tests/test_examples.py`` holds to it.
NBCONVERT = ["jupyter", "nbconvert", "--to", "notebook", "--execute", "notebooks/explore.ipynb"]


@pytest.mark.slow
def test_notebook_runs_and_shows_tables_network_and_chart(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # charts show inline
    done = subprocess.run(
        [*NBCONVERT, "--output-dir", str(tmp_path)],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    notebook = nbformat.read(tmp_path / "explore.ipynb", as_version=4)
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    kinds = [set(o.get("data", {})) for o in outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in k for k in kinds)  # the chart
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("<iframe srcdoc=" in h and "vis.Network" in h for h in html)  # the network
    assert any("Kassym-Jomart Tokayev" in h and "<table" in h for h in html)  # the tables
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Xi Jinping met Kassym-Jomart Tokayev" in printed
