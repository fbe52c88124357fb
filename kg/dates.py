"""Dates in article text resolved against the article's own date.

>>> resolve_date("on Friday", date(2017, 9, 22))
datetime.date(2017, 9, 22)
>>> resolve_date("on April 24", date(2018, 4, 25))
datetime.date(2018, 4, 24)
>>> resolve_date("21 September 2017", None)
datetime.date(2017, 9, 21)

A period typed by a user (``kg viz --since``, the web app's filters) is read by ``period``:

>>> period("2024-02")
(datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from kg.errors import KGError

__all__ = ["period", "resolve_date"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?:,?\s+(\d{{4}}))?", re.I
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0}


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_year(month: int, day: int, year: str | None, ref: date | None) -> date | None:
    if year:
        return _safe(int(year), month, day)
    if ref is None:
        return None
    found = _safe(ref.year, month, day)
    if found is not None and found - ref > timedelta(days=183):
        found = _safe(ref.year - 1, month, day)
    return found


def resolve_date(text: str, ref: date | None) -> date | None:
    """The calendar day ``text`` names, or None when it names no single day.

    Weekdays are the latest such day on or before ``ref`` ("on Friday" in a Friday article is
    that Friday); a day and month without a year take the year of ``ref``.
    """
    lowered = text.lower()
    if match := _ISO.search(text):
        return _safe(int(match[1]), int(match[2]), int(match[3]))
    if match := _MONTH_DAY.search(text):
        return _with_year(_MONTHS[match[1].lower()], int(match[2]), match[3], ref)
    if match := _DAY_MONTH.search(text):
        return _with_year(_MONTHS[match[2].lower()], int(match[1]), match[3], ref)
    if ref is None:
        return None
    for word, offset in _RELATIVE.items():
        if re.search(rf"\b{word}\b", lowered):
            return ref + timedelta(days=offset)
    for number, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", lowered):
            if re.search(r"\bnext\b", lowered):
                return ref + timedelta(days=(number - ref.weekday()) % 7 or 7)
            return ref - timedelta(days=(ref.weekday() - number) % 7)
    return None


def period(value: str) -> tuple[date, date]:
    """The first and last day of the year, month or day ``value`` writes as ``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD``.

    Raises ``KGError`` naming ``value`` when it is written otherwise or names no such day:

    >>> period("2024-13")
    Traceback (most recent call last):
    kg.errors.KGError: bad date '2024-13': there is no month 13; give YYYY, YYYY-MM or YYYY-MM-DD
    """
    fix = "give YYYY, YYYY-MM or YYYY-MM-DD"
    match = _PERIOD.fullmatch(value.strip())
    if not match:
        raise KGError(f"bad date {value!r}: {fix}")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        raise KGError(f"bad date {value!r}: there is no month {month}; {fix}")
    if year < 1:
        raise KGError(f"bad date {value!r}: there is no year 0; {fix}")
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    days = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, 1), date(year, month, days)
    if not 1 <= day <= days:
        raise KGError(
            f"bad date {value!r}: {calendar.month_name[month]} {year} has {days} days; {fix}"
        )
    return date(year, month, day), date(year, month, day)
