"""kg's SPARQL in ``kg/queries``: each query says what it answers, declares only kg's prefixes,
and is run by kg; internal queries stay off the named list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.ontology import NAMESPACES
from kg.queries import FOLDER, INTERNAL, internal_query, named_queries

QUERIES = sorted([*FOLDER.glob("*.rq"), *INTERNAL.glob("*.rq")])
PACKAGE = FOLDER.parent


def test_there_are_named_and_internal_queries():
    assert len(list(FOLDER.glob("*.rq"))) >= 11 and len(list(INTERNAL.glob("*.rq"))) >= 30


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_each_query_says_what_it_answers_with_kgs_prefixes(path: Path):
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# ") and len(first) > 20, "a first comment line saying what it answers"
    for prefix, iri in re.findall(r"^PREFIX\s+(\w*):\s*<([^>]*)>", text, re.M):
        assert str(NAMESPACES.get(prefix)) == iri, f"PREFIX {prefix}: is not kg.ontology's"


def test_internal_queries_are_not_named_and_each_is_used():
    assert not set(named_queries()) & {p.stem for p in INTERNAL.glob("*.rq")}
    code = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    unused = [p.stem for p in INTERNAL.glob("*.rq") if f'"{p.stem}"' not in code]
    assert not unused


def test_values_are_filled_in_once():
    text = internal_query(
        "replace-graph", graph="<http://e/g>", triples='<http://e/s> <http://e/p> "{graph}" .\n'
    )
    assert text == (
        "DROP SILENT GRAPH <http://e/g> ;\n"
        'INSERT DATA { GRAPH <http://e/g> {\n<http://e/s> <http://e/p> "{graph}" .\n} }'
    )
