"""Store.save_extraction: round trips, replacing a coding, rollback, shared events."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from factories import (
    CODER,
    make_assessment,
    make_document,
    make_event,
    make_extraction,
    make_minimal_report,
    make_place,
    make_place_mention,
    make_rejected,
    make_report,
)
from sahelwatch.errors import StoreError
from sahelwatch.model import (
    Count,
    DatePrecision,
    Document,
    Event,
    EventDate,
    Extraction,
    Modality,
    Span,
)
from sahelwatch.store import EventQuery, Store


@pytest.fixture
def engine(db_url: str, store: Store) -> Iterator[sa.Engine]:
    """A plain engine on the store's database, to look at tables the API does not show."""
    engine = sa.create_engine(db_url)
    yield engine
    engine.dispose()


def snapshot(store: Store, doc: Document) -> tuple[object, ...]:
    """Everything the API shows about a store and one document."""
    stored = store.document(doc.id)
    coded = {d.id for d in store.documents_to_code(CODER)}
    return (
        store.events(),
        store.assessments(),
        store.place_mentions(doc.id),
        store.rejects(),
        store.counts(),
        stored,
        doc.id in coded,
    )


def test_save_extraction_round_trips_a_full_report(store: Store) -> None:
    extraction = make_extraction()
    event = make_event(*extraction.reports)

    store.save_extraction(extraction, [event], CODER)

    assert store.events() == [event]
    assert store.assessments() == list(extraction.assessments)
    assert store.place_mentions(extraction.document.id) == list(extraction.places)
    assert store.document(extraction.document.id) == extraction.document


def test_save_extraction_round_trips_minimal_and_varied_reports(store: Store) -> None:
    doc = make_document()
    reports = [
        make_minimal_report(doc.id, "r0"),
        make_minimal_report(
            doc.id,
            "r1",
            modality=Modality.BACKGROUND,
            date=EventDate(dt.date(2024, 7, 21), dt.date(2024, 7, 31), DatePrecision.RANGE),
            fatalities=Count(0, None, None, ""),
            location_span=Span(0, 11),
            civilian_targeting=False,
            inter1=3,
        ),
        *(
            make_minimal_report(doc.id, f"r-{modality.value}", modality=modality)
            for modality in Modality
        ),
        make_report(
            doc, id="r-day", date=EventDate(dt.date(2024, 10, 20), None, DatePrecision.DAY, "on")
        ),
    ]
    events = [make_event(report) for report in reports]

    store.save_extraction(Extraction(doc, reports=tuple(reports)), events, CODER)

    stored = {event.id: event for event in store.events()}
    assert stored == {event.id: event for event in events}


def test_save_extraction_stores_a_new_document_and_marks_it_coded(store: Store) -> None:
    doc = make_document()

    store.save_extraction(Extraction(doc), [], CODER)

    assert store.document(doc.id) == doc
    assert store.counts()["coded"] == 1
    assert list(store.documents_to_code(CODER)) == []


def test_save_extraction_replaces_the_previous_coding(store: Store) -> None:
    doc = make_document()
    first = make_extraction(
        doc,
        reports=(make_report(doc, id="r1"), make_report(doc, id="r2")),
        rejected=make_rejected(stage="extract", reason="partial", source="coder"),
    )
    store.save_extraction(first, [make_event(r) for r in first.reports], "rules-0.1")
    second = Extraction(
        doc,
        reports=(make_minimal_report(doc.id, "r3"),),
        places=(make_place_mention(rule="gazetteer:fuzzy"),),
    )
    new_event = make_event(*second.reports)

    store.save_extraction(second, [new_event], "rules-0.2")

    assert store.events() == [new_event]
    assert store.assessments() == []
    assert store.place_mentions(doc.id) == list(second.places)
    assert store.rejects() == []
    assert store.counts() == {
        "documents": 1,
        "coded": 1,
        "rejects": 0,
        "event_reports": 1,
        "events": 1,
        "assessments": 0,
    }
    assert [d.id for d in store.documents_to_code("rules-0.1")] == [doc.id]


def test_save_extraction_twice_stores_the_same_thing(store: Store) -> None:
    extraction = make_extraction()
    event = make_event(*extraction.reports)
    store.save_extraction(extraction, [event], CODER)
    before = snapshot(store, extraction.document)

    store.save_extraction(extraction, [event], CODER)

    assert snapshot(store, extraction.document) == before


def test_save_extraction_stores_its_reject_with_the_document(store: Store) -> None:
    doc = make_document()
    reject = make_rejected(stage="extract", reason="no_event", source=str(doc.source))

    store.save_extraction(Extraction(doc, rejected=reject), [], CODER)
    store.save_extraction(Extraction(doc, rejected=reject), [], CODER)

    assert store.rejects("extract") == [dataclasses.replace(reject, document_id=doc.id)]
    assert store.counts()["coded"] == 1


def test_save_extraction_leaves_ingest_rejects_alone(store: Store) -> None:
    doc = make_document()
    ingest = make_rejected(document_id=doc.id)
    store.add_documents([ingest])

    store.save_extraction(Extraction(doc), [], CODER)

    assert store.rejects() == [ingest]


def test_save_extraction_rolls_back_a_failing_save(store: Store) -> None:
    extraction = make_extraction()
    store.save_extraction(extraction, [make_event(*extraction.reports)], CODER)
    before = snapshot(store, extraction.document)
    doc = extraction.document
    bad = Extraction(
        doc,
        reports=(make_minimal_report(doc.id, "ok"), make_report(doc, id="bad", confidence=1.5)),
        assessments=(make_assessment(doc, id="a2"),),
    )

    with pytest.raises(StoreError, match="confidence") as raised:
        store.save_extraction(bad, [make_event(report) for report in bad.reports], "rules-0.2")

    assert "\n" not in str(raised.value)
    assert snapshot(store, doc) == before


def test_save_extraction_rolls_back_when_a_grouped_report_is_not_stored(store: Store) -> None:
    extraction = make_extraction()
    store.save_extraction(extraction, [make_event(*extraction.reports)], CODER)
    before = snapshot(store, extraction.document)
    stranger = make_minimal_report("unknown-document", "x1")
    event = make_event(*extraction.reports, stranger)

    with pytest.raises(StoreError, match="not stored"):
        store.save_extraction(extraction, [event], "rules-0.2")

    assert snapshot(store, extraction.document) == before


@pytest.mark.parametrize(
    "events",
    [
        pytest.param([], id="report-in-no-event"),
        pytest.param(
            [make_event(make_report(), event_id="e1"), make_event(make_report(), event_id="e2")],
            id="report-in-two-events",
        ),
        pytest.param(
            [make_event(make_report(), event_id="e1"), make_event(make_report(), event_id="e1")],
            id="events-sharing-an-id",
        ),
        pytest.param([Event("empty", ())], id="empty-event"),
    ],
)
def test_save_extraction_refuses_reports_not_in_exactly_one_event(
    store: Store, events: list[Event]
) -> None:
    with pytest.raises(ValueError, match="extraction of"):
        store.save_extraction(make_extraction(), events, CODER)

    assert store.counts()["documents"] == 0


def test_save_extraction_refuses_items_of_other_documents(store: Store) -> None:
    extraction = make_extraction(assessments=(make_assessment(doc_id="elsewhere"),))

    with pytest.raises(ValueError, match="other documents"):
        store.save_extraction(extraction, [make_event(*extraction.reports)], CODER)


def _code_two_documents(store: Store) -> tuple[Extraction, Extraction]:
    """Document a, then document b whose report dedup grouped with a's in one event."""
    a, b = make_document("first report"), make_document("second report")
    a1 = make_report(a, id="a1", confidence=0.5)
    b1 = make_report(b, id="b1", confidence=0.9, country="Niger", place=None)
    first, second = Extraction(a, reports=(a1,)), Extraction(b, reports=(b1,))
    store.save_extraction(first, [make_event(a1, event_id="ea")], CODER)
    store.save_extraction(second, [make_event(a1, b1, event_id="shared")], CODER)
    return first, second


def test_save_extraction_moves_other_documents_reports_into_its_events(store: Store) -> None:
    first, second = _code_two_documents(store)

    assert store.events() == [Event("shared", (first.reports[0], second.reports[0]))]


def test_save_extraction_consolidates_events_on_their_lead_report(store: Store) -> None:
    _code_two_documents(store)

    assert [event.id for event in store.events(EventQuery(country="Niger"))] == ["shared"]
    assert store.events(EventQuery(country="ML")) == []


def test_save_extraction_keeps_events_that_still_have_reports(store: Store) -> None:
    first, second = _code_two_documents(store)

    store.save_extraction(Extraction(second.document), [], CODER)

    assert store.events() == [Event("shared", first.reports)]
    assert [event.id for event in store.events(EventQuery(country="Mali"))] == ["shared"]
    store.save_extraction(Extraction(first.document), [], CODER)
    assert store.events() == []


def test_save_extraction_counts_actors_and_keeps_places(store: Store, engine: sa.Engine) -> None:
    doc = make_document()
    report = make_report(doc)
    store.save_extraction(Extraction(doc, reports=(report,)), [make_event(report)], CODER)
    store.save_extraction(Extraction(doc, reports=(report,)), [make_event(report)], CODER)
    other = make_document("other")
    again = make_report(other, assoc_actor1=None, actor2=None, assoc_actor2=None)
    store.save_extraction(Extraction(other, reports=(again,)), [make_event(again)], CODER)

    with engine.connect() as connection:
        actors = set(connection.execute(sa.text("SELECT name, inter, seen FROM actors")))
        places = list(connection.execute(sa.text("SELECT geonameid, name FROM places")))
    assert actors == {
        ("Military Forces of Mali (2021-)", 1, 2),
        ("Wagner Group", None, 1),
        ("Africa Corps", None, 1),
        ("Civilians (Mali)", 7, 1),
        ("Health Workers (Mali)", None, 1),
    }
    assert places == [(make_place().geonameid, make_place().name)]


def test_save_extraction_from_several_threads(store: Store) -> None:
    extractions = [make_extraction(make_document(f"report {n}")) for n in range(12)]

    def save(extraction: Extraction) -> None:
        store.save_extraction(extraction, [make_event(*extraction.reports)], CODER)

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(save, extractions))

    assert store.counts()["events"] == 12
    assert store.counts()["coded"] == 12
