"""Publication dates."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from sahelwatch.ingest._dates import date_from_struct, parse_date


@pytest.mark.parametrize(
    "value",
    [
        "2025-03-04",
        "2025-03-04T23:30:00Z",
        "2025-03-04T23:30:00+01:00",
        "2025-03-04 08:00",
        "2025/03/04",
        "4 March 2025",
        "04-March-2025",
        "March 4, 2025",
        "Mar 4th, 2025",
        "4 mars 2025",
        "le 4 mars 2025",
        "Tue, 04 Mar 2025 23:30:00 -0500",
    ],
)
def test_parse_date_reads_common_forms(value: str) -> None:
    assert parse_date(value) == dt.date(2025, 3, 4)


@pytest.mark.parametrize(
    "value", [None, "", "  ", "yesterday", "2025-02-30", "13 Foo 2025", "2025"]
)
def test_parse_date_unreadable_is_none(value: str | None) -> None:
    assert parse_date(value) is None


def test_date_from_struct_takes_the_day() -> None:
    assert date_from_struct(time.strptime("2025-03-05", "%Y-%m-%d")) == dt.date(2025, 3, 5)
    assert date_from_struct(None) is None
