"""Named SPARQL queries: the ``*.rq`` files of this folder, by file stem.

>>> sorted(named_queries())[:3]
['agreements', 'country-agreements', 'delegations']
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kg.errors import QueryError

__all__ = ["describe", "named_queries", "named_query"]

FOLDER = Path(__file__).parent


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
