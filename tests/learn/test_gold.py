"""``kg check-gold`` and the gold files ``kg train`` and ``kg eval`` read."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KGError
from kg.evaluate import load_gold
from tests.conftest import ROOT

runner = CliRunner()
DATA = ROOT / "tests" / "data" / "train"


@pytest.mark.parametrize(
    ("folder", "files"), [(DATA, 8), (ROOT / "data" / "stress", 40)], ids=["test", "stress"]
)
def test_the_bundled_gold_sets_have_no_problems(folder, files):
    result = runner.invoke(
        app, ["check-gold", str(folder / "gold"), "--articles", str(folder / "articles")]
    )
    assert result.exit_code == 0, result.output
    assert f"{files} files, 0 problems" in result.output


def test_each_problem_on_its_own_line(tmp_path):
    bad = {
        "article": "other-name",
        "entities": {
            "E1": {"type": "Person", "name": "Murat Nurtleu", "aliases": "Nurtleu"},
            "E2": {"type": "City", "name": "Astana", "wikidata": "232"},
            "E3": {"type": "Country", "name": "Kazakhstan", "positions": [{"title": "x"}]},
        },
        "relations": [["E1", "met", "E3"], ["E1", "chaired", "E3"], ["E1", "met", "E3"]],
    }
    (tmp_path / "kz-tj-ministers.json").write_text(json.dumps(bad), encoding="utf-8")
    result = runner.invoke(app, ["check-gold", str(tmp_path), "--articles", str(DATA / "articles")])
    assert result.exit_code == 1
    lines = [line.split(": ", 1)[1] for line in result.stdout.splitlines()]
    assert lines == [
        "article 'other-name' is not the file's name 'kz-tj-ministers'",
        "E1: aliases is not a list of strings",
        "E2: type 'City' is not one of Person, Country, Place, Organization, Delegation, Event, Agreement",
        "E2: wikidata '232' is not a QID such as Q232 (or null)",
        "E3: positions are for people only",
        "E3: neither the name nor an alias of 'Kazakhstan' is in the article",
        'relation ["E1", "met", "E3"]: Person met Country breaks the signature (Person met Person)',
        'relation ["E1", "chaired", "E3"]: unknown predicate \'chaired\'',
        'relation ["E1", "met", "E3"]: Person met Country breaks the signature (Person met Person)',
        'relation ["E1", "met", "E3"] is listed twice',
    ]
    assert "1 files, 10 problems" in result.output


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[1, 2]", "not a JSON object"),
        ('{"entities": {}, "relations": []}', 'no "article" id'),
        (
            '{"article": "a", "entities": {}, "relations": [["E1", "met", "E2"]]}',
            'relation ["E1", "met", "E2"] names an entity the file does not define',
        ),
    ],
)
def test_a_file_that_is_no_gold_file_is_refused_by_name(tmp_path, content, problem):
    (tmp_path / "a.json").write_text(content, encoding="utf-8")
    with pytest.raises(KGError, match=r"a\.json: not a gold file") as error:
        load_gold(tmp_path)
    assert problem in str(error.value)
