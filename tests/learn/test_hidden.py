"""The hidden-rules reads that choose the model's settings: a seeded share of the rule names
an article's facts come from is hidden, their facts and what the candidates' features say of
them are gone, and the same seed hides the same names."""

from __future__ import annotations

import pytest

from kg.articles import read_articles
from kg.evaluate import load_gold
from kg.learn.features import _slot
from kg.training import Read, family, reads
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "train"


@pytest.fixture(scope="module")
def found() -> list[Read]:
    return reads(load_gold(DATA / "gold"), read_articles([str(DATA / "articles")]))


def _names(read: Read) -> set[str]:
    return {family(r.rule) for r in read.extraction.relations if r.rule}


def test_the_draw_is_seeded_and_grows_with_the_share(found):
    for read in found:
        names = _names(read)
        assert read.hidden(0.0, 0, "a") == frozenset()
        assert read.hidden(1.0, 0, "a") == names
        assert read.hidden(0.5, 0, "a") == read.hidden(0.5, 0, "a")
        assert read.hidden(0.3, 0, "a") <= read.hidden(0.6, 0, "a")
    # Other copies and seeds draw other names (over the articles, not always the same).
    draws = {r.extraction.article.id: r.hidden(0.5, 0, "a") for r in found}
    assert draws != {r.extraction.article.id: r.hidden(0.5, 0, "b") for r in found}
    assert draws != {r.extraction.article.id: r.hidden(0.5, 1, "a") for r in found}


def test_a_hidden_rule_leaves_no_fact_and_no_feature(found):
    read = max(found, key=lambda r: len(_names(r)))
    name = sorted(_names(read))[0]
    plain, hidden = read.example(), read.example({name})
    gone = {
        (r.subject, r.predicate, r.object)
        for r in read.extraction.relations
        if family(r.rule) == name
    }
    assert gone
    said = {(r["subject"], r["predicate"], r["object"]) for r in hidden.prediction["relations"]}
    assert said.isdisjoint(gone)
    assert {family(r.get("rule", "")) for r in hidden.prediction["relations"]} == _names(read) - {
        name
    }
    # The hidden facts that stay candidates carry no feature of a rule having said them.
    for k, c in enumerate(hidden.rows.candidates):
        if (c.subject, c.predicate, c.object) in gone:
            slots = set(hidden.rows.indices[hidden.rows.indptr[k] : hidden.rows.indptr[k + 1]])
            assert _slot(f"{c.predicate}|same") not in slots
    # ... and those that stand for a gold relation are now examples the model learns from.
    held = {
        (c.subject, c.predicate, c.object)
        for c, y in zip(hidden.rows.candidates, hidden.labels, strict=True)
        if y
    }
    assert held & gone
    # Hiding nothing is the plain read.
    assert read.example(frozenset()).rows.fingerprint() == plain.rows.fingerprint()
