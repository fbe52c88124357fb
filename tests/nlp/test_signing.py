"""Who signed what and who headed which side: signatories, the agreements they signed, the
delegations and their heads, on short articles written for these tests. Each case says what
the extraction must give and must not give."""

from __future__ import annotations

import pytest

from tests.conftest import facts

CASES = [
    pytest.param(
        "The Chilean side was chaired by Foreign Minister Alberto Vargas and the Peruvian "
        "side was headed by Trade Minister Rosa Quispe.",
        [
            ("Chilean side", "headedBy", "Alberto Vargas"),
            ("Peruvian side", "headedBy", "Rosa Quispe"),
            ("Chilean side", "represents", "Chile"),
            ("Peruvian side", "represents", "Peru"),
            ("Rosa Quispe", "represents", "Peru"),
        ],
        [
            ("Chilean side", "headedBy", "Rosa Quispe"),
            ("Rosa Quispe", "represents", "Chile"),
        ],
        id="a-side-someone-heads-is-a-delegation-each-with-its-own-head",
    ),
    pytest.param(
        "The Kenyan side, led by Deputy President Amos Kiprono, raised the issue of tariffs.",
        [("Kenyan side", "headedBy", "Amos Kiprono")],
        [],
        id="a-side-led-by-someone",
    ),
]


@pytest.mark.parametrize(("text", "must", "must_not"), CASES)
def test_signing_and_heading(pipeline, text, must, must_not):
    x = pipeline.extract(text)
    found = facts(x, aliases=True)
    for triple in must:
        assert triple in found, (triple, sorted(found))
    for triple in must_not:
        assert triple not in found, triple


def test_a_side_no_one_heads_stays_the_country(pipeline):
    x = pipeline.extract("The Kenyan side raised the issue of tariffs with Uganda.")
    assert not [e for e in x.entities if e.type == "Delegation"]
    assert "Kenya" in {e.label for e in x.entities if e.type == "Country"}
