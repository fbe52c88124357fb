"""Periods typed by users (``kg.dates.period``): what kg viz, kg export and the web app's
filters accept, and how they refuse the rest."""

from __future__ import annotations

from datetime import date

import pytest

from kg.dates import period
from kg.errors import KGError


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024-06-15", date(2024, 6, 15), date(2024, 6, 15)),
        (" 2024-12 ", date(2024, 12, 1), date(2024, 12, 31)),
    ],
)
def test_a_year_a_month_or_a_day(value, first, last):
    assert period(value) == (first, last)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2024-13", "there is no month 13"),
        ("2024-00", "there is no month 0"),
        ("2024-02-30", "February 2024 has 29 days"),
        ("2024-04-31", "April 2024 has 30 days"),
        ("2024-06-00", "June 2024 has 30 days"),
        ("0000", "there is no year 0"),
        ("2024-6", None),
        ("June 2024", None),
        ("2024/06/15", None),
        ("", None),
    ],
)
def test_anything_else_is_refused_by_name(value, problem):
    with pytest.raises(KGError) as refused:
        period(value)
    message = str(refused.value)
    assert message.startswith(f"bad date {value!r}: ")
    assert message.endswith("give YYYY, YYYY-MM or YYYY-MM-DD")
    if problem:
        assert problem in message
