"""Where events took place when their own sentences do not say (``kg.nlp.event_places``),
and places the parser hangs on a date, on short articles written for these tests. Each case
says what the rules must give and must not give."""

from __future__ import annotations

import pytest

from tests.conftest import facts

CASES = [
    pytest.param(
        "Presidents meet in Lima\n\nThe Government Palace in Lima hosted an official welcome "
        "ceremony for Bolivian President Jorge Quispe on Monday. Then the talks of the two "
        "presidents started, the statement said.",
        [("talks of the two presidents", "heldIn", "Lima")],
        [("talks of the two presidents", "heldIn", "Government Palace")],
        id="talks-told-right-after-a-placed-welcome-took-place-in-its-city",
    ),
    pytest.param(
        "Presidents meet in Lima\n\nThe Government Palace in Lima hosted an official welcome "
        "ceremony for Bolivian President Jorge Quispe on Monday.\n\nChilean Foreign Minister "
        "Luis Soto held talks with Argentine Foreign Minister Pablo Ruiz on trade.",
        [],
        [("talks with Argentine Foreign Minister Pablo Ruiz", "heldIn", "Lima")],
        id="talks-of-other-people-in-another-paragraph-stay-unplaced",
    ),
    pytest.param(
        "Commission meets\n\nThe 5th session of the Peru-Bolivia joint commission was held on "
        "3-4 May in Lima. The sides signed a memorandum.",
        [("5th session of the Peru-Bolivia joint commission", "heldIn", "Lima")],
        [],
        id="a-place-the-parser-hangs-on-the-date-is-where-the-session-was-held",
    ),
]


@pytest.mark.parametrize(("text", "must", "must_not"), CASES)
def test_event_places(rules, text, must, must_not):
    found = facts(rules.extract(text), aliases=True)
    for triple in must:
        assert triple in found, (triple, sorted(found))
    for triple in must_not:
        assert triple not in found, triple
