"""The timeline's layout: events placed on a time axis by date, in lanes so that their
labels do not overlap, and the axis's ticks.

>>> from datetime import date
>>> items = [(date(2024, 1, 1), "a"), (date(2024, 1, 2), "b"), (date(2024, 12, 31), "c")]
>>> [(p.item, round(p.left), p.lane) for p in place(items, date(2024, 1, 1), date(2024, 12, 31))]
[('a', 0, 0), ('b', 0, 1), ('c', 100, 0)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = ["WIDTH", "Placed", "place", "ticks"]

WIDTH = 14.0  # percent of the axis an item's label takes (the page sets the axis's width)


@dataclass(frozen=True)
class Placed:
    """An item at ``left`` percent of the axis, in lane ``lane`` (0 at the top)."""

    item: Any
    left: float
    lane: int


def _at(day: date, first: date, last: date) -> float:
    span = (last - first).days
    return 50.0 if span <= 0 else 100.0 * (day - first).days / span


def place(items: Iterable[tuple[date, Any]], first: date, last: date) -> list[Placed]:
    """Items by date, each in the first lane where it starts after the previous label ends."""
    ends: list[float] = []
    placed = []
    for day, item in sorted(items, key=lambda pair: pair[0]):
        left = _at(day, first, last)
        lane = next((i for i, end in enumerate(ends) if end <= left), len(ends))
        if lane == len(ends):
            ends.append(0.0)
        ends[lane] = left + WIDTH
        placed.append(Placed(item, left, lane))
    return placed


def ticks(first: date, last: date) -> list[tuple[float, str]]:
    """The axis's ticks from ``first`` on: the first of each year, or of each month for a span
    under two years (percent, label).

    >>> [(round(at), label) for at, label in ticks(date(2023, 6, 1), date(2025, 7, 1))]
    [(28, '2024'), (76, '2025')]
    """
    months = (last.year - first.year) * 12 + last.month - first.month
    if months < 24:
        days = [
            date(first.year + (first.month - 1 + k) // 12, (first.month - 1 + k) % 12 + 1, 1)
            for k in range(months + 1)
        ]
        label = "%Y-%m"
    else:
        days = [date(year, 1, 1) for year in range(first.year, last.year + 1)]
        label = "%Y"
    return [(_at(day, first, last), day.strftime(label)) for day in days if day >= first]
