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
    pytest.param(
        "Chilean President Gabriel Boric arrived in Lima and met Peruvian President Dina "
        "Boluarte. The main result of the visit was the signing of an agreement on free trade. "
        "The presidents then witnessed the signing ceremony of cooperation documents between "
        "the ministries of the two countries.",
        [
            ("Chile", "signed", "agreement on free trade"),
            ("Peru", "signed", "agreement on free trade"),
            ("Chile", "signed", "cooperation documents"),
            ("Peru", "signed", "cooperation documents"),
        ],
        [("Gabriel Boric", "signed", "agreement on free trade")],
        id="the-signing-of-an-agreement-naming-no-one-was-by-the-two-sides",
    ),
    pytest.param(
        "Chilean President Gabriel Boric arrived in Lima and met Peruvian President Dina "
        "Boluarte. The two leaders oversaw the signing of six business deals.",
        [],
        [("Chile", "signed", "six business deals"), ("Peru", "signed", "six business deals")],
        id="business-deals-are-signed-by-companies-not-by-the-sides",
    ),
    pytest.param(
        "Chile and Peru signed 12 agreements on Monday. The agreements included a protocol on "
        "customs and a memorandum on mining.",
        [
            ("Chile", "signed", "protocol on customs"),
            ("Peru", "signed", "memorandum on mining"),
        ],
        [],
        id="who-signed-a-set-of-documents-signed-each-it-includes",
    ),
    pytest.param(
        "Alberto Vargas and Rosa Quispe signed a joint statement on Monday. Vargas later made a "
        "statement to the press.",
        [("Alberto Vargas", "signed", "joint statement")],
        [("Alberto Vargas", "signed", "statement")],
        id="a-joint-statement-is-a-document-a-statement-alone-is-not",
    ),
    pytest.param(
        "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima. The "
        "talks resulted in the signing of the meeting's protocol as well as the agreement on "
        "a joint mining company.",
        [
            ("Chile", "signed", "agreement on a joint mining company"),
            ("Peru", "signed", "agreement on a joint mining company"),
        ],
        [],
        id="each-agreement-of-a-list-signed-with-no-signatory-was-by-the-sides",
    ),
    pytest.param(
        "Chile and Peru signed a series of trade and investment deals on Monday during a visit "
        "to Lima by President Gabriel Boric, including agreements on two new copper smelters.",
        [
            ("Chile", "signed", "trade and investment deals"),
            ("Peru", "signed", "agreements on two new copper smelters"),
        ],
        [("Chile", "signed", "investment deals")],
        id="a-series-of-deals-and-what-it-includes-wherever-the-including-hangs",
    ),
    pytest.param(
        "Chilean President Gabriel Boric and Peruvian President Dina Boluarte witnessed the "
        "signing of a protocol on customs in Lima.",
        [
            ("signing of a protocol on customs", "participant", "Gabriel Boric"),
            ("Chile", "signed", "protocol on customs"),
        ],
        [
            ("signing of a protocol on customs", "participant", "Chile"),
            ("Gabriel Boric", "signed", "protocol on customs"),
        ],
        id="witnesses-take-part-in-a-signing-their-countries-sign",
    ),
]


@pytest.mark.parametrize(("text", "must", "must_not"), CASES)
def test_signing_and_heading(rules, text, must, must_not):
    x = rules.extract(text)
    found = facts(x, aliases=True)
    for triple in must:
        assert triple in found, (triple, sorted(found))
    for triple in must_not:
        assert triple not in found, triple


def test_a_side_no_one_heads_stays_the_country(pipeline):
    x = pipeline.extract("The Kenyan side raised the issue of tariffs with Uganda.")
    assert not [e for e in x.entities if e.type == "Delegation"]
    assert "Kenya" in {e.label for e in x.entities if e.type == "Country"}
