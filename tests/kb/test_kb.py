"""The knowledge base: the bundled files, users' own rows, ``kg kb build`` and its errors."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KnowledgeBaseError
from kg.kb import base
from kg.kb.base import TABLES, KnowledgeBase, _load, _load_configured, build, read_folder
from kg.link import LinkRequest, OfflineLinker
from kg.resources import data_path
from kg.types import Article

runner = CliRunner()
BUNDLED = data_path("wikidata")
# A made-up ministry (no such item exists under this id) and a real acronym of a real item.
MINISTRY = (
    "qid\tlabel\tcountry_qid\tkind\n"
    "Q999999999\tMinistry of Trade and Integration of Kazakhstan\tQ232\tministry\n"
)
ALIAS = "qid\tlabel\taliases\tacronyms\nQ4173083\tEurasian Economic Union\t\tEEU\n"
# A row may leave out its empty last fields.
SHORT = "qid\tlabel\taliases\tcountry_qid\tkind\tpopulation\nQ999999997\tNew Town\n"


@pytest.fixture
def mine(tmp_path):
    """A user's folder: a ministry and a town the base lacks (made up), and an acronym for an
    organization it has."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "government_bodies.tsv").write_text(MINISTRY, encoding="utf-8")
    (folder / "organizations.tsv").write_text(ALIAS, encoding="utf-8")
    (folder / "places.tsv").write_text(SHORT, encoding="utf-8")
    return folder


def test_the_bundled_base_is_whole_and_licensed():
    kb = KnowledgeBase.load()
    assert {e.type for e in kb.entries()} == {"Country", "Place", "Organization", "Person"}
    assert len(list(kb.entries("Country"))) == 197
    assert kb["Q527063"].label == "Askar Mamin"
    assert kb["Q35"].qid == "Q756617"  # Denmark's other QID finds the Kingdom of Denmark
    assert kb.points["Q484706"] == pytest.approx((49.8, 73.1), abs=0.1)  # Karaganda
    for name in ("LICENSE.md", "SOURCES.md"):
        assert (BUNDLED / name).is_file()
    licences = (BUNDLED / "LICENSE.md").read_text(encoding="utf-8")
    for table in TABLES:
        assert f"`{table}.tsv`" in licences, f"{table}.tsv has no licence line"


@pytest.mark.parametrize(
    ("name", "label"),
    [("NAM", "Namibia"), ("Nam", None), ("JAM", "Jamaica"), ("Jam", None), ("Viet Nam", "Vietnam")],
)
def test_a_short_acronym_names_its_country_only_in_capitals(name, label):
    found = [e.label for e in KnowledgeBase.load().lookup(name, ("Country",))]
    assert found == ([label] if label else []), found


def test_users_add_entities_and_names(mine, monkeypatch):
    monkeypatch.setenv("KG_KB_PATH", str(mine))
    kb = KnowledgeBase.load()
    assert kb["Q999999999"].country == "Q232"
    assert kb["Q999999997"].label == "New Town"
    assert kb["Q4173083"].acronyms == ("EAEU", "EEU")  # added to the bundled entry
    linker = OfflineLinker(kb)
    requests = [
        LinkRequest("o", "EEU", "Organization", "Organization"),
        LinkRequest(
            "m", "Ministry of Trade and Integration of Kazakhstan", "Organization", "Ministry"
        ),
    ]
    assert linker.link(requests, Article("a", "")) == {"o": "Q4173083", "m": "Q999999999"}
    monkeypatch.delenv("KG_KB_PATH")
    assert "Q999999999" not in KnowledgeBase.load()


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder, and no base loaded in this process yet."""
    monkeypatch.setenv("KG_CACHE", str(tmp_path / "cache"))
    _load.cache_clear()
    _load_configured.cache_clear()
    yield tmp_path / "cache" / "compiled"
    _load.cache_clear()
    _load_configured.cache_clear()


def _same(a: KnowledgeBase, b: KnowledgeBase) -> None:
    assert a.__dict__.keys() == b.__dict__.keys()
    for name, value in a.__dict__.items():
        assert value == b.__dict__[name], name


def test_the_compiled_base_is_the_base_in_its_files(fresh, monkeypatch):
    compiled = KnowledgeBase.load()
    assert [p.name[:3] for p in fresh.iterdir()] == ["kb-"]
    _load.cache_clear()
    _load_configured.cache_clear()

    def unread(folder):
        raise AssertionError(f"{folder} was read although the base is compiled")

    monkeypatch.setattr(base, "read_folder", unread)
    again = KnowledgeBase.load()
    assert again is not compiled
    monkeypatch.undo()
    _same(again, base._read((BUNDLED.resolve(),)))
    assert [e.qid for e in again.lookup("Republic of Kazakhstan")] == ["Q232"]


def test_an_edited_file_compiles_the_base_anew(fresh, mine, monkeypatch):
    monkeypatch.setenv("KG_KB_PATH", str(mine))
    assert "Q999999996" not in KnowledgeBase.load()
    with (mine / "places.tsv").open("a", encoding="utf-8") as tsv:
        tsv.write("Q999999996\tOther Town\n")
    _load.cache_clear()
    _load_configured.cache_clear()
    assert KnowledgeBase.load()["Q999999996"].label == "Other Town"
    assert len(list(fresh.glob("kb-*.pickle"))) == 2
    monkeypatch.delenv("KG_KB_PATH")
    assert "Q999999996" not in KnowledgeBase.load()
    assert len(list(fresh.glob("kb-*.pickle"))) == 3


def test_kb_build_reports_what_users_added(mine, tmp_path):
    report = build([mine])
    assert report.merged == 1
    assert report.folders[-1][1] == {"government_bodies": 1, "organizations": 1, "places": 1}
    result = runner.invoke(app, ["kb", "build", str(mine)])
    assert result.exit_code == 0, result.output
    assert "1 of your rows add names" in result.output
    assert "10605 entities" in result.output


def test_kb_build_names_names_that_became_ambiguous(tmp_path):
    folder = tmp_path / "clash"
    folder.mkdir()
    (folder / "organizations.tsv").write_text(
        "qid\tlabel\taliases\tacronyms\nQ999999998\tTest Union\t\tCIS\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["kb", "build", str(folder)])
    assert result.exit_code == 0, result.output
    assert "'CIS' names Q7779, Q999999998" in result.output


@pytest.mark.parametrize(
    ("table", "text", "problem"),
    [
        ("places.tsv", "qid\tlabel\n", r"lacks the column\(s\) aliases, country_qid"),
        (
            "places.tsv",
            "qid\tlabel\taliases\tcountry_qid\tkind\tpopulation\nQ1x\tA\t\t\tcity\t1\n",
            "'Q1x' is no Wikidata id",
        ),
        (
            "places.tsv",
            "qid\tlabel\taliases\tcountry_qid\tkind\tpopulation\nQ1\tA\t\tQ2\tcity\tmany\n",
            "population 'many' is not a whole number",
        ),
        (
            "people.tsv",
            "qid\tlabel\taliases\tpositions\tposition_qids\nQ1\tA\t\tPM@Q232@May 2019@\t\n",
            "'May 2019' is no date",
        ),
        ("coordinates.tsv", "qid\tlatitude\tlongitude\nQ1\t91\t0\n", "is no point"),
        (
            "countries.tsv",
            "qid\tlabel\taliases\tdemonyms\tiso2\tiso3\tcapital_qid\nQ1\t\t\t\t\t\t\n",
            "Q1 has no label",
        ),
    ],
)
def test_a_bad_row_is_one_clear_error(tmp_path, table, text, problem):
    (tmp_path / table).write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=problem) as caught:
        read_folder(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / table}:")
    result = runner.invoke(app, ["kb", "build", str(tmp_path)])
    assert (
        result.exit_code == 1 and f"{table}:" in result.output and "Traceback" not in result.output
    )


def test_a_missing_folder_is_one_clear_error(tmp_path):
    result = runner.invoke(app, ["kb", "build", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "no such knowledge-base folder" in result.output


def test_loading_the_knowledge_base(benchmark):
    """The bundled base loads in well under a second, read from its compiled form."""

    def load():
        _load.cache_clear()
        _load_configured.cache_clear()
        return KnowledgeBase.load()

    kb = benchmark.pedantic(load, rounds=3, iterations=1)
    assert len(kb) > 10_000
