"""One serialization module for kg query, kg export and /sparql: Oxigraph's own serializers,
the engine's terms reaching the client as they are."""

from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError
from kg.store import OxigraphStore, open_store
from kg.store.results import Answer, NotXML

runner = CliRunner()
XSD = "http://www.w3.org/2001/XMLSchema#"
# Terms rdflib would rewrite: a double's lexical form, a date's timezone, a duration.
TERMS = (
    f'"1"^^<{XSD}double>',
    f'"2024-01-01Z"^^<{XSD}date>',
    f'"PT0S"^^<{XSD}duration>',
    f'"1"^^<{XSD}decimal>',
)
DATA = (
    "INSERT DATA { "
    + " ".join(f"<http://e/s> <http://e/p{i}> {term} ." for i, term in enumerate(TERMS))
    + ' <http://e/s> <http://e/p9> "two\\nlines" . <http://e/s> <http://e/b> _:x . }'
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("results") / "store"
    store = OxigraphStore(path)
    store.update(DATA)
    store.close()
    return str(path)


def _query(folder: str, sparql: str, fmt: str) -> str:
    result = runner.invoke(app, ["query", sparql, "-f", fmt, "--store", folder])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_terms_are_written_as_the_engine_has_them(folder):
    select = "SELECT ?o WHERE { <http://e/s> ?p ?o FILTER (isLiteral(?o)) } ORDER BY STR(?p)"
    values = [
        b["o"]["value"] for b in json.loads(_query(folder, select, "json"))["results"]["bindings"]
    ]
    assert values == ["1", "2024-01-01Z", "PT0S", "1", "two\nlines"]
    tsv = _query(folder, select, "tsv").splitlines()
    assert tsv[0] == "?o" and len(tsv) == 6  # the newline stays within its row
    assert '"2024-01-01Z"^^<http://www.w3.org/2001/XMLSchema#date>' in tsv
    assert '"two\\nlines"' in tsv
    csv = _query(folder, "SELECT ?b WHERE { <http://e/s> <http://e/b> ?b }", "csv")
    assert csv.splitlines()[1].startswith("_:")  # a blank node in CSV says so


def test_the_export_keeps_lexical_forms(folder, tmp_path):
    path = tmp_path / "out.ttl"
    result = runner.invoke(app, ["export", "-f", "turtle", "-o", str(path), "--store", folder])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    for lexical in ('"1"^^xsd:double', '"2024-01-01Z"^^xsd:date', '"PT0S"^^xsd:duration'):
        assert lexical in text
    assert '"1"^^xsd:decimal' in text


def test_what_xml_cannot_carry_is_refused_never_altered():
    store = open_store(":memory:")
    store.update('INSERT DATA { <http://e/s> <http://e/p> "a\\u0001b" }')
    answer = store.answer("SELECT ?o WHERE { ?s ?p ?o }")
    out = io.BytesIO()
    with pytest.raises(NotXML, match=r"U\+0001.*JSON"):
        answer.write("xml", out)
    assert out.getvalue() == b""
    answer.write("json", out)
    assert json.loads(out.getvalue())["results"]["bindings"][0]["o"]["value"] == "a\x01b"
    graph = store.answer("CONSTRUCT WHERE { ?s ?p ?o }")
    with pytest.raises(NotXML):
        graph.write("xml", io.BytesIO())
    with pytest.raises(NotXML):
        store.export(io.BytesIO(), "xml")


def test_rows_are_cut_at_a_limit_and_say_so():
    store = open_store(":memory:")
    store.update("INSERT DATA { <http://e/a> <http://e/p> 1, 2, 3 }")
    assert Answer.of(store._store.query("SELECT ?o { ?s ?p ?o }"), 2).truncated
    cut = store.answer("SELECT ?o { ?s ?p ?o }", limit=3)
    assert len(cut.rows) == 3 and not cut.truncated
    ask = store.answer("ASK { ?s ?p 2 }")
    out = io.BytesIO()
    ask.write("xml", out)
    assert b"<boolean>true</boolean>" in out.getvalue()


def test_kg_prefixes_are_known_and_a_query_may_override_them():
    store = open_store(":memory:")
    store.update("INSERT DATA { <http://e/a> a kgo:Country ; rdfs:label 'A' }")
    assert store.query("ASK { ?c a kgo:Country ; rdfs:label ?n }").boolean
    mine = "PREFIX kgo: <http://e/> ASK { ?c a kgo:Country }"
    assert store.query(mine).boolean is False


def test_a_bad_query_is_one_readable_line():
    store = open_store(":memory:")
    with pytest.raises(QueryError) as bad:
        store.query("SELECT ?x WHERE {\n  ?x a kgx:Person }")
    assert str(bad.value) == (
        'bad SPARQL: unknown prefix kgx: (line 2, column 18, after "  ?x a kgx:Person")'
    )
    with pytest.raises(QueryError) as bad:
        store.query("SELECT * WHERE { ?s ?p ?o . ! }")
    assert "\n" not in str(bad.value) and "u{" not in str(bad.value)
    with pytest.raises(QueryError) as bad:
        store.update("INSERT DATA { <http://e/a> <http://e/b> }")
    assert str(bad.value).startswith("bad SPARQL update: expected")
    assert "line 1, column" in str(bad.value)
