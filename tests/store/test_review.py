"""Analyst review: corrections, confirmations, merges and splits, their audit, and recoding."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from factories import (
    CODER,
    make_document,
    make_event,
    make_extraction,
    make_minimal_report,
    make_report,
)
from sahelwatch.model import Count, Document, EventReport, Extraction
from sahelwatch.store import Author, EventQuery, Store

ANALYST = Author("amina", key_id=7)
OTHER_TEXT = "Gao, 3 March 2025. Shelling hit the market of Gao on Sunday, killing four people."


def save(store: Store, doc: Document, *reports: EventReport, coder: str = CODER) -> None:
    """Save a coding of ``doc`` where each report is its own event (id = report id)."""
    events = [make_event(report, event_id=report.id) for report in reports]
    store.save_extraction(Extraction(doc, reports=reports), events, coder)


@pytest.fixture
def doc(store: Store) -> Document:
    document = make_document()
    save(store, document, make_report(document, id="r1"), make_report(document, id="r2"))
    return document


def summary(store: Store, event_id: str) -> dict[str, object]:
    review = store.event_review(event_id)
    assert review is not None
    return dataclasses.asdict(review.summary)


def test_correct_event_lays_the_analyst_value_over_the_machine(store: Store, doc: Document) -> None:
    assert store.correct_event("r1", {"fatalities": 7, "actor2": None}, ANALYST)

    review = store.event_review("r1")
    assert review is not None
    assert (review.summary.fatalities, review.summary.actor2) == (7, None)
    assert review.summary.corrected == ("actor2", "fatalities")
    assert review.event.lead.fatalities == Count(3, 3, None, "killed several children")
    corrections = {c.field: (c.value, c.machine, c.author) for c in review.corrections}
    assert corrections == {
        "fatalities": (7, 3, "amina"),
        "actor2": (None, "Civilians (Mali)", "amina"),
    }


def test_correct_event_is_what_filters_see(store: Store, doc: Document) -> None:
    store.correct_event("r1", {"family": "displacement", "event_date": "2025-01-02"}, ANALYST)

    found = store.event_page(EventQuery(family="displacement")).events
    assert [(e.id, e.event_date) for e in found] == [("r1", dt.date(2025, 1, 2))]
    assert [e.id for e in store.events(EventQuery(since=dt.date(2025, 1, 1)))] == ["r1"]
    store.correct_event("r2", {"event_date": None}, ANALYST)
    assert [e.id for e in store.event_page().events] == ["r1", "r2"]  # undated last
    assert store.event_page(EventQuery(until=dt.date(2030, 1, 1))).total == 1


def test_correct_event_records_who_when_before_and_after(store: Store, doc: Document) -> None:
    store.correct_event("r1", {"fatalities": 7}, ANALYST, note="hospital toll")
    store.correct_event("r1", {"fatalities": 9}, Author("yacine", 8))
    store.correct_event("r1", {"status": "confirmed"}, ANALYST)

    review = store.event_review("r1")
    assert review is not None
    history = [(h.action, h.field, h.before, h.after, h.author, h.note) for h in review.history]
    assert history == [
        ("correct", "fatalities", 3, 7, "amina", "hospital toll"),
        ("correct", "fatalities", 7, 9, "yacine", None),
        ("confirm", "status", "unreviewed", "confirmed", "amina", None),
    ]
    assert all(h.at.tzinfo is not None for h in review.history)
    assert review.summary.status == "confirmed"


def test_correct_event_refuses_unknown_fields_and_bad_values(store: Store, doc: Document) -> None:
    for changes, message in [
        ({"coder": "me"}, "coder: not a field"),
        ({"fatalities": -1}, "fatalities: must be between"),
        ({"event_date": "yesterday"}, "event_date: 'yesterday' is not a date"),
        ({"modality": "rumoured"}, "modality: must be one of"),
        ({"country": "Atlantis"}, "country: 'Atlantis' is not"),
        ({"latitude": 91}, "latitude: must be between"),
        ({"status": "maybe"}, "status: must be one of"),
        ({"family": ""}, "family: must not be empty"),
        ({}, "no field to change"),
    ]:
        with pytest.raises(ValueError, match=message):
            store.correct_event("r1", changes, ANALYST)
    assert store.event_review("r1").history == ()  # type: ignore[union-attr]


def test_correct_event_on_a_missing_event_is_false(store: Store) -> None:
    assert store.correct_event("nope", {"fatalities": 1}, ANALYST) is False


def test_recoding_keeps_a_correction_and_takes_new_machine_values(
    store: Store, doc: Document
) -> None:
    store.correct_event("r1", {"fatalities": 7, "country": "DZ"}, ANALYST)

    recoded = make_report(doc, id="r1", fatalities=Count(12, 12, None, "twelve"), actor1="X")
    save(store, doc, recoded, make_report(doc, id="r2"), coder="rules-0.2")

    review = store.event_review("r1")
    assert review is not None
    assert (review.summary.fatalities, review.summary.country_code) == (7, "DZ")
    assert review.summary.actor1 == "X"
    assert review.event.reports == (recoded,)
    assert {c.field: c.machine for c in review.corrections}["fatalities"] == 12


def test_recoding_that_loses_a_reviewed_report_keeps_the_event(store: Store, doc: Document) -> None:
    store.correct_event("r1", {"status": "confirmed"}, ANALYST)

    save(store, doc, make_minimal_report(doc.id, "r9"), coder="rules-0.2")

    assert {e.id for e in store.events()} == {"r1", "r9"}
    review = store.event_review("r1")
    assert review is not None
    assert review.summary.status == "confirmed"
    assert review.event.reports == (make_report(doc, id="r1"),)


def test_merge_events_moves_the_reports_and_keeps_the_history(store: Store, doc: Document) -> None:
    other = make_document(OTHER_TEXT)
    save(store, other, make_report(other, id="g1"))
    store.correct_event("g1", {"fatalities": 4}, ANALYST)

    store.merge_events("r1", ["r2", "g1"], ANALYST, note="same strike")

    assert sorted(e.id for e in store.events()) == ["r1"]
    review = store.event_review("r1")
    assert review is not None
    keys = [(r.doc_id, r.id) for r in review.event.reports]
    assert keys == [(doc.id, "r1"), (doc.id, "r2"), (other.id, "g1")]
    assert (review.summary.report_count, review.summary.document_count) == (3, 2)
    (entry,) = review.history
    assert (entry.action, entry.after["merged"], entry.note) == (
        "merge",
        ["r2", "g1"],
        "same strike",
    )
    assert store.merged_into("g1") == "r1"
    assert store.merged_into("r1") is None


def test_merge_survives_recoding_of_every_document(store: Store, doc: Document) -> None:
    other = make_document(OTHER_TEXT)
    save(store, other, make_report(other, id="g1"))
    store.merge_events("r1", ["g1"], ANALYST)

    save(store, other, make_report(other, id="g1", actor1="Recoded"), coder="rules-0.2")
    save(store, doc, make_report(doc, id="r1"), make_report(doc, id="r2"), coder="rules-0.2")

    assert sorted(e.id for e in store.events()) == ["r1", "r2"]
    (merged,) = [e for e in store.events() if e.id == "r1"]
    assert [(r.doc_id, r.id, r.actor1) for r in merged.reports][1] == (other.id, "g1", "Recoded")


@pytest.mark.parametrize(
    ("target", "sources", "error", "message"),
    [
        ("r1", [], ValueError, "one or more other events"),
        ("r1", ["r1"], ValueError, "one or more other events"),
        ("r1", ["r2", "r2"], ValueError, "each once"),
        ("r1", ["nope"], LookupError, "no event nope"),
        ("nope", ["r1"], LookupError, "no event nope"),
    ],
)
def test_merge_events_refuses_impossible_merges(
    store: Store, doc: Document, target: str, sources: list[str], error: type, message: str
) -> None:
    with pytest.raises(error, match=message):
        store.merge_events(target, sources, ANALYST)
    assert sorted(e.id for e in store.events()) == ["r1", "r2"]


def test_split_event_moves_reports_to_a_new_event(store: Store, doc: Document) -> None:
    store.merge_events("r1", ["r2"], ANALYST)

    new_id = store.split_event("r1", [(doc.id, "r2")], ANALYST, note="two strikes")

    assert new_id.startswith("split-")
    events = {e.id: [r.id for r in e.reports] for e in store.events()}
    assert events == {"r1": ["r1"], new_id: ["r2"]}
    review = store.event_review(new_id)
    assert review is not None
    assert [(h.action, h.before) for h in review.history] == [("split_from", {"event": "r1"})]

    save(store, doc, make_report(doc, id="r1"), make_report(doc, id="r2"), coder="rules-0.2")
    assert {e.id: [r.id for r in e.reports] for e in store.events()} == events


@pytest.mark.parametrize(
    ("reports", "message"),
    [([], "not none or all"), ([("d", "x")], "not reports of event r1: d/x")],
)
def test_split_event_refuses_impossible_splits(
    store: Store, doc: Document, reports: list[tuple[str, str]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        store.split_event("r1", reports, ANALYST)


def test_split_event_cannot_move_every_report(store: Store, doc: Document) -> None:
    with pytest.raises(ValueError, match="not none or all"):
        store.split_event("r1", [(doc.id, "r1")], ANALYST)
    with pytest.raises(LookupError, match="no event nope"):
        store.split_event("nope", [(doc.id, "r1")], ANALYST)


def test_actor_counts_follow_recoding_with_pinned_reports(store: Store, doc: Document) -> None:
    store.correct_event("r1", {"status": "confirmed"}, ANALYST)
    before = {a.name: a.reports for a in store.actor_counts()}

    save(store, doc, make_report(doc, id="r1"), make_report(doc, id="r2"), coder="rules-0.2")

    assert {a.name: a.reports for a in store.actor_counts()} == before
    assert before["Military Forces of Mali (2021-)"] == 2


def test_full_extraction_round_trip_is_unchanged_by_review_tables(store: Store) -> None:
    extraction = make_extraction()
    event = make_event(*extraction.reports)
    store.save_extraction(extraction, [event], CODER)

    store.correct_event(event.id, {"status": "confirmed"}, ANALYST)

    assert store.events() == [event]


def test_corrections_returns_the_analyst_values_of_many_events(store: Store, doc: Document) -> None:
    store.correct_event("r1", {"fatalities": 7, "status": "confirmed"}, ANALYST)

    assert store.corrections(["r1", "r2", "missing"]) == {
        "r1": {"fatalities": 7, "status": "confirmed"}
    }
    assert store.corrections([]) == {}
