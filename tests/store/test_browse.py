"""Store reads for the API: event pages with keyset cursors and the new filters, aggregates,
places, actors, reports per document, and the free-text search."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from factories import CODER, TEXT, make_document, make_event, make_place, make_report
from sahelwatch.model import Count, DatePrecision, EventDate, Extraction, Modality
from sahelwatch.store import EventQuery, Store


def _day(day: dt.date) -> EventDate:
    return EventDate(day, None, DatePrecision.DAY)


@pytest.fixture
def coded(store: Store) -> Store:
    """Six events of one document (the drone strike text):

    =====  ==========  =======  ============  ===========  ==========  =========================
    id     date        country  family        fatalities   place       actor1
    =====  ==========  =======  ============  ===========  ==========  =========================
    a      2024-08-01  ML       conflict      3            Tinzaouaten Military Forces of Mali
    b      2024-08-01  ML       conflict      0            Tinzaouaten Military Forces of Mali
    c      2024-08-05  DZ       displacement  (none)       (none)      Algerian authorities
    d      2024-09-16  ML       conflict      12           Ménaka      JNIM
    e      (none)      ML       health        3            Tinzaouaten Military Forces of Mali
    f      2024-09-30  NE       conflict      1            Agadez      FLA
    =====  ==========  =======  ============  ===========  ==========  =========================
    """
    doc = make_document()
    menaka = make_place(geonameid=2, name="Ménaka", admin1="Ménaka", latitude=15.9, longitude=2.4)
    agadez = make_place(geonameid=3, name="Agadez", country="NE", admin1="Agadez")
    reports = [
        make_report(doc, id="a", date=_day(dt.date(2024, 8, 1))),
        make_report(doc, id="b", date=_day(dt.date(2024, 8, 1)), fatalities=Count(0, 0, 0, "")),
        make_report(
            doc, id="c", date=_day(dt.date(2024, 8, 5)), country="Algeria", place=None,
            family="displacement", event_type="Displacement", sub_event_type="Forced expulsion",
            actor1="Algerian authorities", fatalities=None, modality=Modality.CLAIMED,
        ),
        make_report(
            doc, id="d", date=_day(dt.date(2024, 9, 16)), place=menaka, location="Ménaka",
            actor1="JNIM", fatalities=Count(12, 12, None, "a dozen"),
        ),
        make_report(doc, id="e", date=EventDate.unknown(), family="health"),
        make_report(
            doc, id="f", date=_day(dt.date(2024, 9, 30)), country="Niger", place=agadez,
            actor1="FLA", fatalities=Count(1, 1, 1, "one"),
        ),
    ]  # fmt: skip
    events = [make_event(report, event_id=report.id) for report in reports]
    store.save_extraction(Extraction(doc, reports=tuple(reports)), events, CODER)
    return store


def ids(store: Store, query: EventQuery) -> list[str]:
    return [event.id for event in store.event_page(query, limit=100).events]


def test_event_page_orders_newest_first_undated_last(coded: Store) -> None:
    page = coded.event_page()
    assert [e.id for e in page.events] == ["f", "d", "c", "b", "a", "e"]
    assert (page.total, page.next_cursor) == (6, None)


def test_event_page_walks_every_event_once_with_cursors(coded: Store) -> None:
    seen, cursor = [], None
    for _ in range(10):
        page = coded.event_page(cursor=cursor, limit=2)
        seen += [e.id for e in page.events]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == ["f", "d", "c", "b", "a", "e"]


def test_event_page_cursor_into_the_undated(coded: Store) -> None:
    page = coded.event_page(limit=5)
    assert page.next_cursor is not None
    rest = coded.event_page(cursor=page.next_cursor, limit=5)
    assert ([e.id for e in rest.events], rest.next_cursor) == (["e"], None)


@pytest.mark.parametrize("cursor", ["garbage", "W10", "WyJ4IiwgMV0", ""])
def test_event_page_refuses_a_cursor_it_did_not_give(coded: Store, cursor: str) -> None:
    with pytest.raises(ValueError, match="not a cursor"):
        coded.event_page(cursor=cursor)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(actor="forces of MALI"), ["b", "a", "e"]),
        (EventQuery(actor="JNIM"), ["d"]),
        (EventQuery(admin1="Kidal"), ["b", "a", "e"]),
        (EventQuery(admin1="kidal"), []),
        (EventQuery(admin1="Ménaka"), ["d"]),
        (EventQuery(min_fatalities=3), ["d", "a", "e"]),
        (EventQuery(min_fatalities=0), ["f", "d", "b", "a", "e"]),
        (EventQuery(sub_event_type="Forced expulsion"), ["c"]),
        (EventQuery(bbox=(2.0, 15.0, 3.0, 16.0)), ["d"]),
        (EventQuery(bbox=(-20.0, 0.0, 30.0, 30.0), since=dt.date(2024, 9, 1)), ["f", "d"]),
        (EventQuery(located=False), ["c"]),
        (EventQuery(located=True, family="health"), ["e"]),
        (EventQuery(modality="claimed"), ["c"]),
        (EventQuery(status="confirmed"), []),
        (EventQuery(q="menaka"), ["d"]),
        (EventQuery(q="MÉNAKA jnim"), ["d"]),
        (EventQuery(q="pharmacy"), ["f", "d", "c", "b", "a", "e"]),
        (EventQuery(q="expulsion algerian"), ["c"]),
        (EventQuery(q="100%"), []),
    ],
)
def test_event_page_filters(coded: Store, query: EventQuery, expected: list[str]) -> None:
    assert ids(coded, query) == expected
    assert coded.event_page(query).total == len(expected)


def test_event_query_refuses_a_bad_bbox() -> None:
    with pytest.raises(ValueError, match="bbox"):
        EventQuery(bbox=(10.0, 0.0, 5.0, 1.0))


def test_aggregate_by_week_and_family(coded: Store) -> None:
    rows = coded.aggregate(interval="week", by="family")
    assert [(r.period, r.key, r.events, r.fatalities) for r in rows] == [
        (dt.date(2024, 7, 29), "conflict", 2, 3),
        (dt.date(2024, 8, 5), "displacement", 1, 0),
        (dt.date(2024, 9, 16), "conflict", 1, 12),
        (dt.date(2024, 9, 30), "conflict", 1, 1),
    ]


@pytest.mark.parametrize(
    ("interval", "by", "expected"),
    [
        ("month", None, [(dt.date(2024, 8, 1), None, 3, 3), (dt.date(2024, 9, 1), None, 2, 13)]),
        ("day", "country", [
            (dt.date(2024, 8, 1), "ML", 2, 3), (dt.date(2024, 8, 5), "DZ", 1, 0),
            (dt.date(2024, 9, 16), "ML", 1, 12), (dt.date(2024, 9, 30), "NE", 1, 1),
        ]),
        (None, "family", [(None, "conflict", 4, 16), (None, "displacement", 1, 0),
                          (None, "health", 1, 3)]),
        (None, None, [(None, None, 6, 19)]),
    ],
)  # fmt: skip
def test_aggregate_intervals_and_groups(
    coded: Store, interval: str | None, by: str | None, expected: list[tuple[object, ...]]
) -> None:
    rows = coded.aggregate(interval=interval, by=by)  # type: ignore[arg-type]
    assert [(r.period, r.key, r.events, r.fatalities) for r in rows] == expected


def test_aggregate_applies_filters_and_refuses_unknown_groups(coded: Store) -> None:
    rows = coded.aggregate(EventQuery(country="NE"), by="admin1")
    assert [(r.key, r.events) for r in rows] == [("Agadez", 1)]
    with pytest.raises(ValueError, match="cannot group by 'colour'"):
        coded.aggregate(by="colour")


def test_place_counts_most_events_first(coded: Store) -> None:
    places = coded.place_counts()
    assert [(p.name, p.events) for p in places] == [
        ("Ti-n-Zaouâtene", 3),
        ("Agadez", 1),
        ("Ménaka", 1),
    ]
    assert [p.name for p in coded.place_counts(q="mén")] == ["Ménaka"]
    assert [p.name for p in coded.place_counts(country="ne")] == ["Agadez"]
    assert len(coded.place_counts(limit=1)) == 1


def test_actor_counts_most_named_first(coded: Store) -> None:
    actors = {a.name: (a.reports, a.inter) for a in coded.actor_counts()}
    assert actors["Civilians (Mali)"] == (6, 7)
    assert actors["Military Forces of Mali (2021-)"] == (3, 1)
    assert [a.name for a in coded.actor_counts(limit=2)] == ["Africa Corps", "Civilians (Mali)"]
    assert [a.name for a in coded.actor_counts(q="jni")] == ["JNIM"]


def test_document_reports_gives_each_report_with_its_event(coded: Store) -> None:
    found = coded.document_reports(make_document().id)
    assert sorted(event_id for event_id, _ in found) == ["a", "b", "c", "d", "e", "f"]
    assert all(report.id == event_id for event_id, report in found)
    assert coded.document_reports("nope") == []


def test_event_summary_holds_the_consolidated_fields(coded: Store) -> None:
    (summary,) = [e for e in coded.event_page().events if e.id == "d"]
    assert dataclasses.asdict(summary) | {"updated_at": None} == {
        "id": "d", "event_date": dt.date(2024, 9, 16), "family": "conflict",
        "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike", "modality": "reported",
        "actor1": "JNIM", "actor2": "Civilians (Mali)", "country": "Mali",
        "country_code": "ML", "admin1": "Ménaka", "location": "Ménaka", "latitude": 15.9,
        "longitude": 2.4, "geo_precision": 2, "fatalities": 12, "confidence": 0.85,
        "report_count": 1, "document_count": 1, "status": "unreviewed", "corrected": (),
        "updated_at": None,
    }  # fmt: skip
    assert "pharmacy" in TEXT


def test_optimize_refreshes_statistics_and_changes_nothing(coded: Store) -> None:
    before = coded.event_page()
    coded.optimize()
    assert coded.event_page() == before
