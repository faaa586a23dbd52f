"""Store.events with EventQuery filters, ordering and paging."""

from __future__ import annotations

import datetime as dt

import pytest

from factories import CODER, make_document, make_event, make_minimal_report, make_place, make_report
from sahelwatch.model import DatePrecision, EventDate, Extraction, Modality
from sahelwatch.store import EventQuery, Store


def _day(day: dt.date) -> EventDate:
    return EventDate(day, None, DatePrecision.DAY)


@pytest.fixture
def coded(store: Store) -> Store:
    """A store holding five events of one document:

    ========  ==========  ========  =======================  ============  ==========
    event     date        country   event type               family        modality
    ========  ==========  ========  =======================  ============  ==========
    strike    2024-08-01  Mali      Explosions/Remote viol.  conflict      reported
    expel     2024-10-20  Algeria   Strategic developments   displacement  reported
    battle    2024-07-21  Mali      Battles                  conflict      background
    azawad    2024-08-01  Azawad    Battles                  conflict      claimed
    undated   (none)      (none)    Health                   health        reported
    ========  ==========  ========  =======================  ============  ==========
    """
    doc = make_document()
    reports = [
        make_report(doc, id="strike", date=_day(dt.date(2024, 8, 1))),
        make_report(
            doc,
            id="expel",
            date=_day(dt.date(2024, 10, 20)),
            country="Algeria",
            event_type="Strategic developments",
            family="displacement",
            place=make_place(geonameid=1, name="Tin Zaouatine", country="DZ"),
        ),
        make_report(
            doc,
            id="battle",
            date=_day(dt.date(2024, 7, 21)),
            country=None,  # the place says Mali
            event_type="Battles",
            modality=Modality.BACKGROUND,
        ),
        make_report(
            doc,
            id="azawad",
            date=_day(dt.date(2024, 8, 1)),
            country="Azawad",
            place=None,
            event_type="Battles",
            modality=Modality.CLAIMED,
        ),
        make_minimal_report(doc.id, "undated"),
    ]
    events = [make_event(report, event_id=report.id) for report in reports]
    store.save_extraction(Extraction(doc, reports=tuple(reports)), events, CODER)
    return store


def ids(store: Store, query: EventQuery) -> list[str]:
    return [event.id for event in store.events(query)]


def test_events_orders_by_date_then_id_undated_last(coded: Store) -> None:
    assert ids(coded, EventQuery()) == ["battle", "azawad", "strike", "expel", "undated"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(since=dt.date(2024, 8, 1)), ["azawad", "strike", "expel"]),
        (EventQuery(until=dt.date(2024, 8, 1)), ["battle", "azawad", "strike"]),
        (EventQuery(since=dt.date(2024, 8, 2), until=dt.date(2024, 10, 20)), ["expel"]),
        (EventQuery(country="ML"), ["battle", "strike"]),
        (EventQuery(country="mali"), ["battle", "strike"]),
        (EventQuery(country="DZA"), ["expel"]),
        (EventQuery(country="ALGERIA"), ["expel"]),
        (EventQuery(country="azawad"), ["azawad"]),
        (EventQuery(country="Niger"), []),
        (EventQuery(event_type="Battles"), ["battle", "azawad"]),
        (EventQuery(family="displacement"), ["expel"]),
        (EventQuery(modality=Modality.BACKGROUND), ["battle"]),
        (EventQuery(modality="claimed"), ["azawad"]),
        (EventQuery(family="conflict", country="Mali", modality="reported"), ["strike"]),
        (EventQuery(limit=2), ["battle", "azawad"]),
        (EventQuery(limit=2, offset=3), ["expel", "undated"]),
        (EventQuery(offset=4), ["undated"]),
        (EventQuery(limit=0), []),
    ],
)
def test_events_filters(coded: Store, query: EventQuery, expected: list[str]) -> None:
    assert ids(coded, query) == expected


def test_events_returns_events_with_all_their_reports(coded: Store) -> None:
    (strike,) = [event for event in coded.events() if event.id == "strike"]

    assert strike.reports == (
        make_report(make_document(), id="strike", date=_day(dt.date(2024, 8, 1))),
    )


def test_event_query_refuses_negative_paging() -> None:
    with pytest.raises(ValueError, match="limit must not be negative"):
        EventQuery(limit=-1)
    with pytest.raises(ValueError, match="offset must not be negative"):
        EventQuery(offset=-5)
