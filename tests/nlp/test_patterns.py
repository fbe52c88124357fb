"""Every relation pattern (kg/nlp/patterns/*.json) on the examples it carries."""

from __future__ import annotations

import pytest

from kg.nlp.relations import load_patterns
from tests.conftest import facts

EXAMPLES = [
    pytest.param(pattern, example, id=f"{pattern.name}#{n}")
    for pattern in load_patterns()
    for n, example in enumerate(pattern.examples)
]


def test_every_pattern_has_an_example():
    assert all(p.examples for p in load_patterns() if not p.name.startswith("participant/")), [
        p.name for p in load_patterns() if not p.examples
    ]


@pytest.mark.parametrize(("pattern", "example"), EXAMPLES)
def test_pattern_example(rules, pattern, example):
    x = rules.extract(example["text"])
    asserted = facts(x, "asserted", aliases=True)
    for triple in example.get("expect", []):
        assert tuple(triple) in asserted, (triple, sorted(asserted))
    for triple in example.get("expect_not", []):
        assert tuple(triple) not in asserted, triple
    for status in ("planned", "negated"):
        for triple in example.get(status, []):
            assert tuple(triple) in facts(x, status, aliases=True), (status, triple)
            assert tuple(triple) not in asserted
