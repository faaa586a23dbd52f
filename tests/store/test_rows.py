"""Row conversion helpers and the country table (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from factories import make_document, make_minimal_report, make_place, make_rejected, make_report
from sahelwatch.model import DatePrecision, EventDate
from sahelwatch.store._countries import country_code, iso_numeric
from sahelwatch.store._rows import (
    actor_mentions,
    reject_fingerprint,
    report_country_code,
    report_row,
    time_precision,
)

AUGUST = (dt.date(2024, 8, 1), dt.date(2024, 8, 31))


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (EventDate(dt.date(2024, 10, 20), None, DatePrecision.DAY), 1),
        (EventDate(dt.date(2024, 10, 14), dt.date(2024, 10, 20), DatePrecision.WEEK), 2),
        (EventDate(dt.date(2024, 10, 20), dt.date(2024, 10, 26), DatePrecision.RANGE), 2),
        (EventDate(dt.date(2024, 10, 20), dt.date(2024, 10, 31), DatePrecision.RANGE), 3),
        (EventDate(*AUGUST, DatePrecision.MONTH), 3),
        (EventDate.unknown(), None),
    ],
)
def test_time_precision_follows_acled(date: EventDate, expected: int | None) -> None:
    assert time_precision(date) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ML", "ML"),
        ("ml", "ML"),
        ("MLI", "ML"),
        ("Mali", "ML"),
        ("  burkina faso ", "BF"),
        ("Democratic Republic of Congo", "CD"),
        ("Côte d'Ivoire", "CI"),
        ("Azawad", None),
        (None, None),
    ],
)
def test_country_code_reads_codes_and_names(text: str | None, expected: str | None) -> None:
    assert country_code(text) == expected


def test_iso_numeric_gives_acled_iso() -> None:
    assert (iso_numeric("ML"), iso_numeric("DZ"), iso_numeric("XK"), iso_numeric(None)) == (
        466,
        12,
        None,
        None,
    )


def test_report_country_code_prefers_the_report_over_its_place() -> None:
    # Twin border towns: the place is the Malian entry, the text says the Algerian side.
    report = make_report(country="Algeria", place=make_place(country="ML"))

    assert report_country_code(report) == "DZ"
    assert report_country_code(make_report(country=None)) == "ML"
    assert report_country_code(make_minimal_report()) is None


def test_report_row_fills_acled_columns() -> None:
    report = make_report(make_document())
    row = report_row(report, "e1", 0)

    assert (row["event_date"], row["year"], row["time_precision"]) == (AUGUST[0], 2024, 3)
    assert (row["iso"], row["country"], row["country_code"]) == (466, "Mali", "ML")
    assert (row["interaction"], row["admin1"], row["fatalities"]) == (17, "Kidal", 3)
    assert row["evidence"] == [[span.start, span.end] for span in report.evidence]
    place = make_place()
    assert (row["geonameid"], row["latitude"]) == (place.geonameid, place.latitude)


def test_actor_mentions_splits_associated_actors() -> None:
    row = report_row(make_report(), "e1", 0)

    assert list(actor_mentions(row)) == [
        ("Military Forces of Mali (2021-)", 1),
        ("Civilians (Mali)", 7),
        ("Wagner Group", None),
        ("Africa Corps", None),
        ("Health Workers (Mali)", None),
    ]


def test_reject_fingerprint_ignores_detail_but_not_document() -> None:
    reject = make_rejected()

    assert reject_fingerprint(reject, None) == reject_fingerprint(
        make_rejected(detail="told differently"), None
    )
    assert reject_fingerprint(reject, None) != reject_fingerprint(reject, "d1")
