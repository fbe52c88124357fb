"""Every command, option and web page kg offers is documented, read from the CLI and the app
themselves (as datasette's tests/test_docs.py does) rather than from a list kept by hand:
each command has a row in the README's command table and each page of ``kg serve`` a row
in its table of pages; each option appears in the README or docs/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from kg.cli import app
from kg.server import Settings, create_app
from kg.store import OxigraphStore
from kg.store.querypool import QueryPool

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = README + "".join(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("docs/*.md")))


def _commands(command, path: tuple[str, ...] = ("kg",)):
    """(name, command) of the CLI and every command and subcommand under it."""
    yield " ".join(path), command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


COMMANDS = dict(_commands(typer.main.get_command(app)))
LEAVES = [name for name, command in COMMANDS.items() if not hasattr(command, "commands")]
OPTIONS = [
    (name, option)
    for name, command in COMMANDS.items()
    for param in command.params
    if param.param_type_name == "option" and not param.hidden
    for option in param.opts + param.secondary_opts
    if option.startswith("--") and option != "--help"
]


def _mentioned(word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", DOCS) is not None


@pytest.mark.parametrize("name", LEAVES)
def test_every_command_has_a_row_in_the_readme_table(name):
    assert re.search(rf"^\| `{re.escape(name)}(?![\w-])", README, re.M), f"{name}: no row"


@pytest.mark.parametrize(("name", "option"), OPTIONS)
def test_every_option_is_documented(name, option):
    assert _mentioned(option), f"{name} {option} is documented nowhere"


@pytest.fixture(scope="module")
def routes(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("docs") / "store"
    OxigraphStore(folder).close()
    with QueryPool(str(folder), workers=1) as pool:
        return [route.path for route in create_app(Settings(str(folder)), pool).routes]


def test_every_page_of_kg_serve_is_documented(routes):
    """A row of the README's table of pages for each route, written as far as its first
    parameter: `/entity?iri=IRI`, `/static/NAME`."""
    assert "/sparql" in routes
    shown = {path: re.escape(path.split("{")[0]) for path in routes}
    assert [
        p for p, text in shown.items() if not re.search(f"^\\| `{text}[`?A-Z]", README, re.M)
    ] == []
