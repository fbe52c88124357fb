"""Every command of the ``kg`` CLI through Typer's runner, and ``kg demo`` end to end."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from rdflib import Dataset
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import ROOT, SAMPLES

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    """A store folder with the samples ingested through the CLI."""
    path = tmp_path_factory.mktemp("cli") / "store"
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return str(path)


def test_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in (
        "demo",
        "ingest",
        "extract",
        "query",
        "viz",
        "export",
        "stats",
        "serve",
        "path",
    ):
        assert command in result.output
        sub = runner.invoke(app, [command, "--help"])
        assert (sub.exit_code == 0 and "--store" in sub.output) or command == "extract"


def test_ingest_reports_bad_files_and_keeps_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Shavkat Mirziyoyev met Emomali Rahmon in Dushanbe.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    result = runner.invoke(
        app,
        ["ingest", str(tmp_path), str(tmp_path / "missing.txt"), "--store", str(tmp_path / "s")],
    )
    assert result.exit_code == 1
    assert "bad.txt" in result.output and "missing.txt: no such file" in result.output
    assert "ingested 1" in result.output
    assert "Traceback" not in result.output
    again = runner.invoke(app, ["ingest", str(good), "--store", str(tmp_path / "s")])
    assert again.exit_code == 0 and "ingested 0, skipped 1" in again.output


def test_extract_json_follows_the_contract():
    result = runner.invoke(app, ["extract", str(SAMPLES / "kz-uz-commission.txt")])
    assert result.exit_code == 0, result.output
    (line,) = [x for x in result.stdout.splitlines() if x.strip()]
    obj = json.loads(line)
    assert obj["article"] == {
        "id": "kz-uz-commission",
        "source": str(SAMPLES / "kz-uz-commission.txt"),
        "date": "2023-10-13",
        "publisher": "Kazinform",
        "dateline": "Astana",
        "title": None,
    }
    ids = {e["id"] for e in obj["entities"]}
    for e in obj["entities"]:
        assert set(e) >= {"id", "label", "type", "class", "aliases", "wikidata", "iri"}
        assert e["type"] in {
            "Person",
            "Country",
            "Place",
            "Organization",
            "Delegation",
            "Event",
            "Agreement",
        }
    for r in obj["relations"]:
        assert r["subject"] in ids and r["object"] in ids
        assert 0 <= r["confidence"] <= 1 and r["evidence"]


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_extract_rdf_formats_parse(fmt):
    result = runner.invoke(app, ["extract", str(SAMPLES / "by-irkutsk-talks.txt"), "-f", fmt])
    assert result.exit_code == 0, result.output
    dataset = Dataset().parse(data=result.stdout, format=fmt)
    assert len(dataset) > 20


def test_query_text_named_file_and_formats(store, tmp_path):
    ask = runner.invoke(
        app, ["query", "ASK { ?a <https://w3id.org/kgdt/ontology#met> ?b }", "--store", store]
    )
    assert ask.exit_code == 0 and ask.stdout.strip() == "true"
    named = runner.invoke(app, ["query", "--name", "who-met-whom", "-f", "json", "--store", store])
    rows = json.loads(named.stdout)["results"]["bindings"]
    pairs = {frozenset((r["personLabel"]["value"], r["otherLabel"]["value"])) for r in rows}
    assert frozenset(("Jeyhun Bayramov", "Murat Nurtleu")) in pairs
    query_file = tmp_path / "q.rq"
    query_file.write_text(
        "SELECT ?n WHERE { ?p a <https://w3id.org/kgdt/ontology#Country> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?n }",
        encoding="utf-8",
    )
    csv_out = runner.invoke(
        app, ["query", "--file", str(query_file), "-f", "csv", "--store", store]
    )
    assert csv_out.stdout.splitlines()[0] == "n" and "Kazakhstan" in csv_out.stdout
    listing = runner.invoke(app, ["query", "--list"])
    assert "who-met-whom" in listing.stdout and "meetings" in listing.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "SELECT WHERE {"], "bad SPARQL"),
        (["query", "--name", "nope"], "no named query 'nope'"),
        (["query"], "give exactly one of"),
        (["export", "-f", "docx"], "unknown format 'docx'"),
        (["viz", "--view", "nope"], "unknown view 'nope'"),
    ],
)
def test_user_mistakes_give_one_line_and_status_1(store, args, message):
    result = runner.invoke(app, [*args, "--store", store])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stats", "--top", "abc"], "Invalid value for '--top': Input should be a valid integer"),
        (["stats", "--bogus"], "No such option: --bogus (see kg stats --help)"),
        (["stat"], "No such command 'stat'. Did you mean 'stats'? (see kg --help)"),
        (["extract"], "Missing argument 'PATH' (see kg extract --help)"),
        (["viz", "--since", "2024-13"], "bad date '2024-13': there is no month 13"),
        (["export", "-f", "csv", "--until", "2024-02-30"], "February 2024 has 29 days"),
        (["kb", "build", "--nope"], "No such option: --nope (see kg kb build --help)"),
    ],
)
def test_usage_mistakes_give_one_line_and_status_1(tmp_path, args, message):
    result = runner.invoke(app, args, prog_name="kg")
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and message in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert not (tmp_path / "kg-graph.html").exists()


def test_a_refused_value_is_named():
    result = runner.invoke(app, ["stats", "--top", "abc"], prog_name="kg")
    assert "got 'abc'" in result.output


def test_version_and_bare_help():
    from kg.resources import VERSION

    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout == f"kg {VERSION}\n"
    bare = runner.invoke(app, [], prog_name="kg")
    assert bare.exit_code == 0 and "Usage: kg [OPTIONS] COMMAND" in bare.stdout
    kb = runner.invoke(app, ["kb"], prog_name="kg")
    assert kb.exit_code == 0 and "build" in kb.stdout


HEAVY = ("spacy", "rdflib", "networkx", "pyoxigraph", "numpy", "httpx", "starlette", "jinja2")


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["stats", "--top", "abc"]])
def test_help_and_usage_mistakes_load_no_heavy_package(args):
    """kg --help, --version and a usage mistake answer at once: they import none of the
    packages the commands need (spaCy alone takes a second or more)."""
    code = (
        "import sys, kg.cli\n"
        f"sys.argv = ['kg', *{args!r}]\n"
        "try:\n    kg.cli.main()\n"
        "except SystemExit:\n    pass\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stderr.splitlines()[-1] == "[]", done.stderr


# What kg extract to JSON has no use for: RDF, graphs, the store, Wikidata, trained models'
# and web pages' libraries, and kg's modules that load them.
NOT_FOR_EXTRACT = ("rdflib", "networkx", "pyoxigraph", "httpx", "sklearn", "trafilatura")
KG_NOT_FOR_EXTRACT = ("kg.rdf", "kg.ontology", "kg.link.wikidata", "kg.store", "kg.views")


def _modules_loaded(code: str) -> set[str]:
    """The modules ``code`` (run in a new Python) has loaded when it ends."""
    code = (
        f"import atexit, sys\natexit.register(lambda: print(*sys.modules, file=sys.stderr))\n{code}"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    return set(done.stderr.splitlines()[-1].split())


def test_extract_loads_nothing_spacy_does_not_that_json_needs_not():
    """kg extract's start stays close to bare spaCy's (benchmarks/startup.py): beyond what
    spaCy itself loads to parse an article (httpx among it, through weasel), it loads no
    package for RDF, graphs, the store or Wikidata, nor kg's modules that use them."""
    from kg.nlp import default_model

    article = str(SAMPLES / "kz-uz-commission.txt")
    spacy = _modules_loaded(
        f"import spacy\nspacy.load({default_model()!r})(open({article!r}, encoding='utf-8').read())"
    )
    kg = _modules_loaded(
        f"import kg.cli\nsys.argv = ['kg', 'extract', {article!r}, '--out', {os.devnull!r}]\n"
        "kg.cli.main()"
    )
    beyond = kg - spacy
    assert "kg.extract" in beyond
    assert not {m.split(".")[0] for m in beyond} & set(NOT_FOR_EXTRACT), sorted(beyond)
    assert not beyond & set(KG_NOT_FOR_EXTRACT), sorted(beyond)


def _commands(group, path=("kg",)):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name), command


def test_help_names_values_not_python_types():
    from typer.main import get_command

    for path, command in _commands(get_command(app)):
        result = runner.invoke(app, [*path[1:], "--help"], prog_name="kg", terminal_width=100)
        assert result.exit_code == 0, path
        assert not re.search(r"<(bool|str|int|float|path|list\[\w+\])>", result.output), (
            path,
            result.output,
        )
        assert not re.search(r"\w \.(\s|$)", result.output), result.output  # "File to write ."
        for option in command.params:
            if option.param_type_name == "option" and not option.is_flag:
                name = max(option.opts, key=len)
                assert f"{name} {option.metavar}" in result.output, (path, name)
    extract = runner.invoke(app, ["extract", "--help"], prog_name="kg", terminal_width=100)
    assert "-o, --out FILE File to write [default: standard output]." in " ".join(
        extract.output.split()
    )
    assert "Usage: kg extract [OPTIONS] {PATH}..." in extract.output


def test_query_on_missing_store(tmp_path):
    result = runner.invoke(app, ["stats", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no store here yet" in result.output


def test_stats_json(store):
    result = runner.invoke(app, ["stats", "-f", "json", "--store", store])
    counts = json.loads(result.stdout)
    assert counts["articles"] == 7
    assert counts["entities"]["Person"] >= 10
    assert counts["relations"]["met"] >= 3
    pair = counts["top"]["pairs"][0]
    assert pair.keys() == {"person", "with", "meetings"} and " – " not in pair["person"]


def test_stats_table_reads_right(store):
    counts = json.loads(runner.invoke(app, ["stats", "-f", "json", "--store", store]).stdout)
    for kind in ("entities", "relations"):
        assert list(counts[kind].values()) == sorted(counts[kind].values(), reverse=True)
    table = runner.invoke(app, ["stats", "--store", store]).stdout
    assert "entitie " not in table
    headers = [line.split() for line in table.splitlines() if " count " in line]
    assert headers == [["┃", "type", "┃", "count", "┃"], ["┃", "predicate", "┃", "count", "┃"]]
    relations = table[table.index("relations") : table.index("top people")]
    rows = [line.split("│")[1].strip() for line in relations.splitlines() if "│" in line]
    assert rows == list(counts["relations"])


def test_who_met_whom_table_speaks_words(store):
    table = runner.invoke(
        app, ["query", "--name", "who-met-whom", "--store", store], terminal_width=140
    )
    (heading,) = [line for line in table.stdout.splitlines() if "articles" in line]
    assert [cell.strip() for cell in heading.split("┃")[1:-1]] == [
        "person",
        "other",
        "articles",
        "first reported",
        "last reported",
    ]


def test_the_named_queries_are_listed_in_columns():
    listing = runner.invoke(app, ["query", "--list"]).stdout.splitlines()
    named = [line for line in listing if not line.startswith(" ")]
    (start,) = {line.index(line.split()[1]) for line in named}  # descriptions in one column
    assert len(named) >= 11 and start > max(len(line.split()[0]) for line in named)
    assert all(line[:start].strip() == "" for line in listing if line.startswith(" "))


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "jsonld"])
def test_export(store, tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["export", "-f", fmt, "-o", str(path), "--store", store])
    assert result.exit_code == 0, result.output
    parse_as = {"jsonld": "json-ld"}.get(fmt, fmt)
    assert len(Dataset().parse(path, format=parse_as)) > 100


def test_viz_writes_an_offline_page(store, tmp_path):
    path = tmp_path / "g.html"
    result = runner.invoke(app, ["viz", "-o", str(path), "--view", "full", "--store", store])
    assert result.exit_code == 0, result.output
    html = path.read_text(encoding="utf-8")
    assert "vis.Network" in html
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?:", html)


def test_demo_end_to_end(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "kg-store").is_dir() and (tmp_path / "kg-graph.html").is_file()
    assert "Who met whom" in result.output and "Jeyhun Bayramov" in result.output
    assert "ingested 7" in result.output
    again = runner.invoke(app, ["demo"])
    assert again.exit_code == 0 and "ingested 0, skipped 7" in again.output


@pytest.mark.parametrize(
    "name", ["met-when-where", "country-agreements", "visits", "delegations", "trade", "topics"]
)
def test_the_example_queries_answer_on_the_samples(store, name):
    result = runner.invoke(app, ["query", "--name", name, "--store", store, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) > 1, f"{name} found nothing"


def test_the_federated_query_parses():
    from rdflib.plugins.sparql import prepareQuery

    from kg.queries import named_query

    text = named_query("trade-wikidata")
    assert "SERVICE <https://query.wikidata.org/sparql>" in text
    prepareQuery(text)
