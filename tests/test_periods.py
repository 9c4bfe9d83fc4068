"""EDTF periods of evidence's `as_of`: the first and last day each text covers, and its words."""

from __future__ import annotations

import datetime as dt

import pytest

from argmap.core.periods import as_of_phrase, parse_period, period_or_none

D = dt.date


@pytest.mark.parametrize("text, start, end", [
    ("2023", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023-06", D(2023, 6, 1), D(2023, 6, 30)),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),  # a leap year's February
    ("2023-02", D(2023, 2, 1), D(2023, 2, 28)),
    ("2023-06-01", D(2023, 6, 1), D(2023, 6, 1)),
    ("2022/2024", D(2022, 1, 1), D(2024, 12, 31)),
    ("2022-03/2022-05-10", D(2022, 3, 1), D(2022, 5, 10)),
    ("2022/..", D(2022, 1, 1), None),
    ("../2021", None, D(2021, 12, 31)),
])
def test_a_period_covers_every_day_of_what_it_names(text, start, end):
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("text", ["2023-13", "2023-02-30", "2024/2022", "../..", "June 2023", "23", "2023-6"])
def test_what_is_no_date_is_refused(text):
    with pytest.raises(ValueError):
        parse_period(text)
    assert period_or_none(text) is None


@pytest.mark.parametrize("earlier, later, before", [
    ("2021", "2023-06", True),
    ("2023-05-31", "2023-06", True),
    ("2023-06", "2023-06-30", False),  # overlapping
    ("2022/2023", "2023-06", False),
    ("2021/..", "2023", False),  # an open end is never over
    ("../2021", "2022", True),
    ("2021", "../2023", False),  # an open start: nothing ends before it
])
def test_ends_before(earlier, later, before):
    assert parse_period(earlier).ends_before(parse_period(later)) is before


@pytest.mark.parametrize("text, words", [
    ("2023", "as of 2023"),
    ("2023-06", "as of June 2023"),
    ("2023-06-01", "as of 1 June 2023"),
    ("2022/2024", "from 2022 to 2024"),
    ("2022/..", "since 2022"),
    ("../2021-03", "until March 2021"),
    ("2023-13", "as of 2023-13"),  # not a date: shown as written
])
def test_phrases(text, words):
    assert as_of_phrase(text) == words
