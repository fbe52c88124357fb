"""kg's import graph: no cycles, counting imports inside functions and through packages'
``__init__`` modules. The layers themselves are import-linter's contract (``lint-imports``,
in pyproject.toml), which ``.ci/run`` checks."""

from __future__ import annotations

import grimp
import networkx as nx


def test_no_import_cycles():
    graph = grimp.build_graph("kg")
    imports = nx.DiGraph(
        (module, imported)
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
    )
    cycles = [sorted(c) for c in nx.strongly_connected_components(imports) if len(c) > 1]
    assert cycles == []
