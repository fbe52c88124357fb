"""Trade figures (``kg.nlp.trade``): the amount, currency, period, change and the two
countries of each figure a text states."""

from __future__ import annotations

import pytest

from kg.nlp.trade import find_trade


def _figures(read, text: str) -> list[tuple]:
    r = read(text)
    main = [m for m in r.mentions if m.type == "Country"][:2]
    return [
        (f.amount, f.currency, f.period, f.change, tuple(p.text for p in f.partners))
        for f in find_trade(r.doc, r.mentions, lambda: main)
    ]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "Trade between Kazakhstan and Belarus reached $1.2 billion in 2023, up 12 percent.",
            (1.2e9, "USD", "2023", 12.0, ("Kazakhstan", "Belarus")),
        ),
        (
            "Trade turnover between Kazakhstan and Belarus amounted to $313.7 million in the "
            "first 7 months of 2017, a 75.6% increase.",
            (313.7e6, "USD", "the first 7 months of 2017", 75.6, ("Kazakhstan", "Belarus")),
        ),
    ],
)
def test_a_figure_and_its_countries(read, text, figure):
    assert _figures(read, text) == [figure]


def test_no_figure_without_trade(read):
    assert _figures(read, "Kazakhstan and Belarus signed a memorandum worth $2 million.") == []
