"""EDTF periods as evidence's `as_of` writes them: the first and last day each covers, and how
a reader says them.

Level 0 of EDTF (ISO 8601) only: a year (``2023``), a month (``2023-06``), a day
(``2023-06-01``), or an interval of two of those (``2022/2024``) whose start or end may be open
(``2022/..``, ``../2021``). The model's pattern admits nothing else, so parsing here never has to
guess; a text the pattern would refuse raises ValueError.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

OPEN = ".."
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTHS = tuple(calendar.month_name)  # fixed English names: briefs are written in English


@dataclass(frozen=True)
class Period:
    """The days an EDTF text covers, both ends included; ``None`` for an open end."""

    text: str
    start: dt.date | None
    end: dt.date | None

    def ends_before(self, other: Period) -> bool:
        """Whether this period is over before ``other`` begins (an open end never is)."""
        return self.end is not None and other.start is not None and self.end < other.start

    @property
    def phrase(self) -> str:
        """How a card says it: "as of June 2023", "from 2022 to 2024", "since 2022", "until 2021"."""
        if "/" not in self.text:
            return f"as of {_readable_date(self.text)}"
        first, last = self.text.split("/")
        if first == OPEN:
            return f"until {_readable_date(last)}"
        if last == OPEN:
            return f"since {_readable_date(first)}"
        return f"from {_readable_date(first)} to {_readable_date(last)}"


def parse_period(text: str) -> Period:
    """The period an `as_of` text names; ValueError if it is not EDTF level 0."""
    if "/" not in text:
        first, last = _date_range(text)
        return Period(text, first, last)
    first_text, last_text = text.split("/", 1)
    if first_text == OPEN and last_text == OPEN:
        raise ValueError(f"'{text}' is open at both ends")
    start = None if first_text == OPEN else _date_range(first_text)[0]
    end = None if last_text == OPEN else _date_range(last_text)[1]
    if start is not None and end is not None and end < start:
        raise ValueError(f"'{text}' ends before it starts")
    return Period(text, start, end)


def _date_range(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a year, month or day."""
    found = _DATE.match(text)
    if not found:
        raise ValueError(f"'{text}' is not a year, month or day (2023, 2023-06, 2023-06-01)")
    year, month, day = (int(part) if part else None for part in found.groups())
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        if not 1 <= month <= 12:
            raise ValueError(f"'{text}' has no month {month:02d}")
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' is not a day of the calendar") from None
    return date, date


def _readable_date(text: str) -> str:
    year, month, day = (int(part) if part else None for part in _DATE.match(text).groups())
    if month is None:
        return str(year)
    if day is None:
        return f"{_MONTHS[month]} {year}"
    return f"{day} {_MONTHS[month]} {year}"


def as_of_phrase(text: str) -> str:
    """The phrase for an `as_of` text; a text that is no valid date is shown as written."""
    period = period_or_none(text)
    return period.phrase if period is not None else f"as of {text}"


def period_or_none(text: str | None) -> Period | None:
    """The period, or None for no text or one that is not a valid date (the schema reports it)."""
    if text is None:
        return None
    try:
        return parse_period(text)
    except ValueError:
        return None
