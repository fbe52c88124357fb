"""Trade figures: "trade turnover between Kazakhstan and Belarus amounted to $313.7 million in
the first 7 months of 2017, a 75.6% increase" becomes a ``TradeFlow`` between the two
countries with its amount, currency, period and change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.nlp.mentions import Mention

__all__ = ["TradeFigure", "find_trade"]

_TRADE = re.compile(
    r"\b(trade turnover|turnover|trade volume|volume of (?:mutual |bilateral )?trade|"
    r"(?:bilateral|mutual) trade|trade between|trade with)\b",
    re.I,
)
_SCALE = {
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
}
_AMOUNT = re.compile(
    r"(?P<cur>US\$|\$|€|£|USD|EUR)?\s?(?P<num>\d+(?:[.,]\d+)*)\s?"
    r"(?P<scale>thousand|million|mln|billion|bln|bn|trillion|m|b)?\b\s?(?P<cur2>dollars|USD|euros?)?",
    re.I,
)
_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
}
_CHANGE = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)", re.I)
_FALL = re.compile(r"\b(decrease|decline|drop|fall|fell|down|lower|decreased|declined)\b", re.I)


@dataclass(frozen=True)
class TradeFigure:
    """A trade figure found in a sentence, with the country mentions it is between."""

    partners: tuple[Mention, Mention]
    amount: float
    currency: str
    period: str | None
    change: float | None
    sentence: Span


def _amount(text: str) -> tuple[float, str] | None:
    for match in _AMOUNT.finditer(text):
        currency = (match["cur"] or match["cur2"] or "").lower()
        if not currency:
            continue
        number = float(match["num"].replace(",", ""))
        scale = _SCALE.get((match["scale"] or "").lower(), 1.0)
        return number * scale, _CURRENCY.get(currency, currency.upper())
    return None


def find_trade(
    doc: Doc, mentions: list[Mention], main_countries: Callable[[], list[Mention]]
) -> Iterator[TradeFigure]:
    """Trade figures in ``doc``; partners are the two countries named in the sentence, or the
    article's two main countries when it says "the two countries"."""
    for sent in doc.sents:
        if not _TRADE.search(sent.text):
            continue
        money = [e for e in sent.ents if e.label_ == "MONEY"]
        found = _amount(money[0].text) if money else None
        if found is None:
            continue
        countries: list[Mention] = []
        for m in mentions:
            if (
                m.type == "Country"
                and sent.start <= m.span.start < sent.end
                and all(c.entity != m.entity for c in countries)
            ):
                countries.append(m)
        if len(countries) < 2:
            countries = main_countries()
        if len(countries) < 2:
            continue
        change = None
        percent = _CHANGE.search(sent.text)
        if percent:
            change = float(percent[1]) * (-1 if _FALL.search(sent.text) else 1)
        dates = [e.text for e in sent.ents if e.label_ == "DATE"]
        yield TradeFigure(
            (countries[0], countries[1]),
            found[0],
            found[1],
            dates[0] if dates else None,
            change,
            sent,
        )
