"""Where events took place and who went where: datelines, "here", visits, on short articles
written for these tests. Each case says what the extraction must give and must not give."""

from __future__ import annotations

import pytest

from tests.conftest import facts

CASES = [
    pytest.param(
        " date 2023-03-01 LIMA, March 1 (EFE) - Bolivian President Jorge Quispe arrived here "
        "on Monday for talks on trade with Peru.",
        [("Jorge Quispe", "visited", "Lima"), ("Jorge Quispe", "visited", "Peru")],
        [("Jorge Quispe", "visited", "Bolivia")],
        id="who-arrived-here-visited-the-dateline-city-and-its-country",
    ),
]


@pytest.mark.parametrize(("text", "must", "must_not"), CASES)
def test_places(pipeline, text, must, must_not):
    found = facts(pipeline.extract(text), aliases=True)
    for triple in must:
        assert triple in found, (triple, sorted(found))
    for triple in must_not:
        assert triple not in found, triple
