"""``kg eval``: scores against gold annotations, the same as the shared scorer's."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.contract import to_json
from kg.errors import KGError
from kg.evaluate import load_gold, score
from tests.conftest import CORPUS, GOLD, ROOT, SAMPLES

runner = CliRunner()
GOLD_SAMPLES = ROOT / "tests" / "data" / "gold"


def test_eval_on_a_sample_article():
    result = runner.invoke(
        app, ["eval", "--gold", str(GOLD_SAMPLES), str(SAMPLES / "kz-uz-commission.txt")]
    )
    assert result.exit_code == 0, result.output
    assert "scored 1 article with gold: kz-uz-commission" in result.stderr
    assert "not scored" not in result.stderr
    lines = {line.split()[0]: line.split() for line in result.stdout.splitlines() if line}
    assert lines["headedBy"][1:4] == ["1.000", "1.000", "1.000"]
    relations = float(lines["relations"][-1])
    assert 0.5 < relations <= 1.0


def test_scores_count_what_they_should():
    gold = [json.loads((GOLD_SAMPLES / "kz-uz-commission.json").read_text(encoding="utf-8"))]
    perfect = {
        "article": {"id": "kz-uz-commission"},
        "entities": [
            {"id": k, "label": v["name"], "type": v["type"]} for k, v in gold[0]["entities"].items()
        ],
        "relations": [
            {"subject": s, "predicate": p, "object": o} for s, p, o in gold[0]["relations"]
        ],
    }
    scores = score(gold, {"kz-uz-commission": perfect})
    assert scores.relations.f1 == 1.0 and scores.entities.f1 == 1.0
    found = scores.to_json()  # what kg eval --json prints
    assert found["relations"] == {
        "tp": len(gold[0]["relations"]),
        "pred": len(gold[0]["relations"]),
        "gold": len(gold[0]["relations"]),
        "p": 1.0,
        "r": 1.0,
        "f": 1.0,
    }
    assert {"met", "entities", "positions", "linking"} <= found.keys()
    planned = dict(
        perfect,
        relations=[{"subject": "E1", "predicate": "met", "object": "E2", "status": "planned"}],
    )
    assert score(gold, {"kz-uz-commission": planned}).relations.tp == 0
    with pytest.raises(KGError, match="gold article 'kz-uz-commission' has no prediction"):
        score(gold, {})


def test_eval_says_what_it_scored_and_what_not(tmp_path):
    gold = tmp_path / "gold"
    shutil.copytree(GOLD_SAMPLES, gold)
    other = json.loads((gold / "kz-uz-commission.json").read_text(encoding="utf-8"))
    (gold / "not-given.json").write_text(json.dumps(dict(other, article="not-given")), "utf-8")
    articles = [str(SAMPLES / "kz-uz-commission.txt"), str(SAMPLES / "by-irkutsk-talks.txt")]
    result = runner.invoke(app, ["eval", "--gold", str(gold), *articles, "--json"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "scored 1 article with gold: kz-uz-commission",
        f"not scored, no gold file in {gold}: by-irkutsk-talks",
        "not scored, gold without its article: not-given",
    ]
    found = json.loads(result.stdout)
    assert found["articles"]["without_gold"] == ["by-irkutsk-talks"]
    assert found["articles"]["without_article"] == ["not-given"]
    assert list(found["articles"]["scored"]) == ["kz-uz-commission"]
    # The scores are those of the one article, not pulled down by the gold left without one.
    alone = runner.invoke(app, ["eval", "--gold", str(GOLD_SAMPLES), articles[0], "--json"])
    assert json.loads(alone.stdout)["relations"] == found["relations"]


def test_no_article_with_gold_is_an_error():
    result = runner.invoke(
        app, ["eval", "--gold", str(GOLD_SAMPLES), str(SAMPLES / "by-irkutsk-talks.txt")]
    )
    assert result.exit_code == 1
    assert (
        "no article given has a gold file" in result.output and "by-irkutsk-talks" in result.output
    )


@pytest.mark.slow
def test_same_numbers_as_the_shared_scorer(pipeline, tmp_path):
    scorer = GOLD.parent / "score.py"
    if not scorer.is_file() or not CORPUS.is_dir():
        pytest.skip("the shared evaluation set is not beside this checkout")
    gold = load_gold(GOLD)
    texts = [CORPUS / f"{g['article']}.txt" for g in gold]
    from kg.articles import read_articles

    predictions = {x.article.id: to_json(x) for x in pipeline.extract_many(read_articles(texts))}
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text(
        "".join(json.dumps(p) + "\n" for p in predictions.values()), encoding="utf-8"
    )
    shared = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(GOLD), "--pred", str(pred_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert score(gold, predictions).table().strip() == shared.strip()


def test_missing_gold_folder_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path), str(SAMPLES)])
    assert result.exit_code == 1 and "no gold files" in result.output
