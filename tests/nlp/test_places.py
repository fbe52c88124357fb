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
    pytest.param(
        "President of Kenya meets leader of Peru in Geneva\n\nThe President of Kenya met with "
        "the leader of Peru on the sidelines of the 12th session of the Human Rights Council "
        "held in Geneva.\n\nKenyan President William Ruto and Peruvian President Dina Boluarte "
        "agreed to meet again.",
        [
            ("William Ruto", "met", "Dina Boluarte"),
            ("meeting between William Ruto and Dina Boluarte", "heldIn", "Geneva"),
        ],
        [],
        id="a-country-s-president-or-leader-is-the-one-the-article-names-later",
    ),
    pytest.param(
        "Kazakh President Kassym-Jomart Tokayev held talks with Peruvian President Dina "
        "Boluarte during the Astana International Forum on Thursday. Leaders also met at the "
        "Shanghai Cooperation Organisation summit.",
        [
            ("Astana International Forum", "heldIn", "Astana"),
            ("talks with Peruvian President Dina Boluarte", "heldIn", "Astana"),
        ],
        [("Shanghai Cooperation Organisation summit", "heldIn", "Shanghai")],
        id="a-forum-named-after-a-city-was-held-there-and-so-were-talks-during-it",
    ),
]


@pytest.mark.parametrize(("text", "must", "must_not"), CASES)
def test_places(pipeline, text, must, must_not):
    found = facts(pipeline.extract(text), aliases=True)
    for triple in must:
        assert triple in found, (triple, sorted(found))
    for triple in must_not:
        assert triple not in found, triple
