"""``kg eval``: scores against gold annotations, the same as the shared scorer's."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.contract import to_json
from kg.evaluate import load_gold, score
from tests.conftest import CORPUS, GOLD, ROOT, SAMPLES

runner = CliRunner()
GOLD_SAMPLES = ROOT / "tests" / "data" / "gold"


def test_eval_on_a_sample_article():
    result = runner.invoke(
        app, ["eval", "--gold", str(GOLD_SAMPLES), str(SAMPLES / "kz-uz-commission.txt")]
    )
    assert result.exit_code == 0, result.output
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
    assert score(gold, {}).relations.recall == 0.0


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
