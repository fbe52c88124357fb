"""kg's SPARQL, each query in a ``.rq`` file that starts with a comment saying what it answers.

The named queries, ``*.rq`` in this folder, are for users (``kg query --name``, ``--list``, the
query page); ``internal/*.rq`` are the queries kg's own modules run, where ``{name}`` marks a
value the module fills in (IRIs written by Oxigraph, a ``VALUES`` clause, a number).

>>> sorted(named_queries())[:3]
['agreements', 'country-agreements', 'delegations']
>>> print(internal_query("remote-quads", graphs="<http://e/g>"))
SELECT ?g ?s ?p ?o WHERE { VALUES ?g { <http://e/g> } GRAPH ?g { ?s ?p ?o } }
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from kg.errors import QueryError

__all__ = ["describe", "internal_query", "named_queries", "named_query"]

FOLDER = Path(__file__).parent
INTERNAL = FOLDER / "internal"
_KEY = re.compile(r"\{(\w+)\}")


@cache
def named_queries() -> dict[str, str]:
    """Every named query's SPARQL text, by name."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(FOLDER.glob("*.rq"))}


def named_query(name: str) -> str:
    """The SPARQL text of one named query."""
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; the named queries are: {', '.join(queries)}")
    return queries[name]


def describe(name: str) -> str:
    """The first comment line of a named query: what it answers."""
    first = named_query(name).splitlines()[0]
    return first.lstrip("# ").strip() if first.startswith("#") else ""


@cache
def _internal(name: str) -> str:
    lines = (INTERNAL / f"{name}.rq").read_text(encoding="utf-8").splitlines()
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "\n".join(lines).strip()


def internal_query(name: str, **values: str) -> str:
    """The SPARQL text of ``internal/<name>.rq`` without its heading comment, each
    ``{key}`` replaced by ``values[key]`` (in one pass: a value is never read for keys)."""
    return _KEY.sub(lambda key: values.get(key[1], key[0]), _internal(name))
