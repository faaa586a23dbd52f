"""Generic actors named again once the geo stage has found the event's country: with the
country, and by the group ACLED credits the generic kind to in that country at the date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from factories import make_report
from sahelwatch.extract.actors import ActorNames
from sahelwatch.extract.located import requalify
from sahelwatch.model import DatePrecision, EventDate, EventReport
from sahelwatch.pack import load_region


def _rebels_on(day: dt.date | None, country: str = "LY") -> EventReport:
    precision = DatePrecision.DAY if day else DatePrecision.UNKNOWN
    report = make_report(
        country=country, actor1="Unidentified Armed Group", details=("actor1_template=rebels",)
    )
    return replace(report, date=EventDate(day, day, precision))


@pytest.mark.parametrize(
    ("day", "country", "actor1"),
    [
        (dt.date(2011, 4, 2), "LY", "Libyan Rebel Forces"),
        (dt.date(2007, 9, 1), "NE", "MNJ: Nigerien Movement for Justice"),
        (dt.date(2015, 4, 2), "LY", "Unidentified Armed Group (Libya)"),
        (None, "LY", "Unidentified Armed Group (Libya)"),
    ],
)
def test_requalify_names_a_generic_kind_by_the_group_of_its_country_at_the_date(
    day: dt.date | None, country: str, actor1: str
) -> None:
    names = ActorNames(load_region("sahel"))
    assert requalify(_rebels_on(day, country), names).actor1 == actor1


def test_requalify_an_undated_event_takes_the_group_at_publication() -> None:
    names = ActorNames(load_region("sahel"))
    undated = _rebels_on(None)
    assert requalify(undated, names, published=dt.date(2011, 4, 2)).actor1 == "Libyan Rebel Forces"
    later = dt.date(2015, 4, 2)
    assert requalify(undated, names, published=later).actor1 == "Unidentified Armed Group (Libya)"
    # a date of its own wins over the publication's
    dated = _rebels_on(later)
    assert requalify(dated, names, published=dt.date(2011, 4, 2)).actor1.endswith("(Libya)")
