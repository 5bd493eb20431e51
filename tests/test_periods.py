"""Partial dates keep their precision; periods answer "may it hold then?" and "did two
claims certainly overlap?"."""

from __future__ import annotations

import datetime as dt

import pytest

from hkweb3.graph.periods import PartialDate, Period


@pytest.mark.parametrize(("value", "text", "precision", "earliest", "latest"), [
    ("2023", "2023", "year", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    (2024, "2024", "year", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ("2024-02", "2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    (" 2023-04-14 ", "2023-04-14", "day", dt.date(2023, 4, 14), dt.date(2023, 4, 14)),
    (dt.date(2019, 10, 1), "2019-10-01", "day", dt.date(2019, 10, 1), dt.date(2019, 10, 1)),
])
def test_a_partial_date_keeps_its_precision(value, text, precision, earliest, latest):
    date = PartialDate.parse(value)
    assert (str(date), date.precision, date.earliest, date.latest) == (
        text, precision, earliest, latest)


def test_first_and_last_days_are_those_of_the_edtf_library():
    """The standard library reads the three forms; the EDTF library, which read them before
    (1-3 ms a date), gives the same days for every year and month of four centuries."""
    from edtf import parse_edtf

    texts = [f"{year}" for year in range(1850, 2250)]
    texts += [f"{year}-{month:02d}" for year in range(1850, 2250) for month in range(1, 13)]
    for text in texts:
        parsed = parse_edtf(text)
        theirs = (dt.date(*parsed.lower_strict()[:3]), dt.date(*parsed.upper_strict()[:3]))
        date = PartialDate.parse(text)
        assert (date.earliest, date.latest) == theirs, text


@pytest.mark.parametrize("text", ["2023-13", "2023-00", "2023-02-30", "0000", "20x3", "2023-1",
                                  "2023-W05", "２０２３", "2023-04-14T10:00"])
def test_anything_but_the_three_forms_is_refused(text):
    with pytest.raises(ValueError, match="is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"):
        PartialDate.parse(text)


@pytest.mark.parametrize("value", ["2023-13", "2023-02-30", "23", "2023/04", "~", "", True,
                                   "2023-04-14T10:00"])
def test_what_is_not_a_partial_date_is_refused(value):
    with pytest.raises(ValueError, match="is not a date"):
        PartialDate.parse(value)


def test_a_fact_may_hold_on_a_day_unless_its_dates_rule_it_out():
    licence = Period.of({"since": "2023-08"})
    assert not licence.holds_on(dt.date(2023, 7, 31))
    assert licence.holds_on(dt.date(2023, 8, 1)) and licence.holds_on(dt.date(2030, 1, 1))
    ended = Period.of({"since": "2019", "until": "2023"})
    assert ended.holds_on(dt.date(2023, 12, 31)) and not ended.holds_on(dt.date(2024, 1, 1))
    assert Period().holds_on(dt.date(1990, 1, 1))  # nothing says when: kept
    assert licence.meets(dt.date(2023, 1, 1), dt.date(2023, 8, 1))
    assert not licence.meets(None, dt.date(2023, 7, 31))


def test_overlap_is_certain_overlap():
    def period(since=None, until=None, current=None):
        return Period.of({"since": since, "until": until, "current": current})

    assert period("2019", "2023-03").overlaps(period("2023-02"))
    assert not period("2019", "2023-03").overlaps(period("2023-04"))
    assert not period(until="2023").overlaps(period("2023"))  # the same year: may follow
    assert period().overlaps(period("2023"))  # an undated claim may cover any time
    assert not period("2019", current=False).overlaps(period("2020"))  # over, date unknown
