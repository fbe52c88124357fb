"""The model kg ships: small, current with the rules (retrained whenever they change, by
``scripts/train_relations_model.py``), and its bundled rows hold numbers, no text."""

from __future__ import annotations

import hashlib
import json

import numpy
import pytest
import spacy

from kg.articles import read_articles
from kg.evaluate import load_gold
from kg.learn import load_model
from kg.learn.features import schema_hash
from kg.learn.model import MANIFEST, SHIPPED
from kg.training import BUNDLED, bundled_rows, examples, rules_fingerprint
from tests.conftest import CORPUS, GOLD

RETRAIN = "the rules changed since the shipped relations model was trained: run python scripts/train_relations_model.py and commit data/models/relations"
MANIFEST_DATA = json.loads((SHIPPED / MANIFEST).read_text(encoding="utf-8"))


def test_the_shipped_model_is_small_and_loads():
    assert sum(p.stat().st_size for p in SHIPPED.iterdir()) < 3_000_000
    model = load_model(SHIPPED)
    assert model.manifest["feature_schema"] == schema_hash()
    assert model.thresholds and all(0 < t < 1 for t in model.thresholds.values())


@pytest.fixture
def spacy_model() -> str:
    name = MANIFEST_DATA["spacy_model"]
    if not spacy.util.is_package(name):
        pytest.skip(f"the shipped model read parses of {name}, which is not installed")
    return name


def test_the_shipped_model_is_as_new_as_the_rules_on_the_samples(spacy_model):
    assert rules_fingerprint(spacy_model) == MANIFEST_DATA["rules_fingerprint"], RETRAIN


def test_the_shipped_model_is_as_new_as_the_rules_on_its_training_set(spacy_model):
    if not GOLD.is_dir() or not CORPUS.is_dir():
        pytest.skip("no ../shared/eval/dev here (a fresh clone): the samples' check stands")
    gold = load_gold(GOLD)
    found = examples(gold, read_articles([str(CORPUS / f"{g['article']}.txt") for g in gold]))
    assert len(found) == MANIFEST_DATA["articles"]
    digest = hashlib.sha256()
    for e in found:
        digest.update(e.rows.fingerprint())
    assert digest.hexdigest() == MANIFEST_DATA["rows_fingerprint"], RETRAIN


def test_the_bundled_rows_are_numbers_only():
    with numpy.load(BUNDLED, allow_pickle=False) as npz:
        kinds = {name: npz[name].dtype.kind for name in npz.files}
        texts = npz["texts"]
    assert set(kinds) == {"indptr", "indices", "values", "labels", "group", "texts", "schema"}
    assert all(kind in "iuf" for name, kind in kinds.items() if name not in {"texts", "schema"})
    assert all(len(t) == 64 and set(t) <= set("0123456789abcdef") for t in texts)  # digests
    rows = bundled_rows()
    assert rows["articles"] == MANIFEST_DATA["articles"]
    assert len(rows["labels"]) == len(rows["indptr"]) - 1
