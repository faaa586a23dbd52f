"""Writing what the coder found in one document: the body of ``Store.save_extraction``.

Everything here runs inside the caller's one transaction. A document's coding is owned by
that document: saving it again first forgets what the previous coding wrote (its reports,
assessments, place mentions and coding rejects), then writes the new one. Reports of
*other* documents appear in ``events`` only because deduplication grouped them with this
document's; they are moved into those events, never rewritten.

What an analyst did is kept (see :mod:`sahelwatch.store._review`). A report an analyst
*pinned* to an event (by reviewing, merging or splitting it) stays in that event: recoding
updates its values in place, and when the new coding no longer finds it, it is kept as it
was. The machine's events are written without their pinned reports (an event left with none
is not written), and every consolidated row is written with the analyst's corrections laid
over the machine's values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence

import sqlalchemy as sa

from sahelwatch.errors import StoreError
from sahelwatch.model import Event, Extraction, Place
from sahelwatch.store._dml import insert_for, insert_many, insert_new, upsert
from sahelwatch.store._events import consolidate, consolidated_row, load_corrections, load_texts
from sahelwatch.store._rows import (
    actor_mentions,
    assessment_row,
    document_row,
    place_mention_row,
    place_row,
    reject_row,
    report_row,
)
from sahelwatch.store.schema import (
    actors,
    assessments,
    document_places,
    documents,
    event_reports,
    events,
    places,
    rejects,
    report_pins,
)


def check_extraction(extraction: Extraction, coded_events: Sequence[Event]) -> None:
    """Raise ValueError unless each report of the document is in exactly one event."""
    doc_id = extraction.document.id
    foreign = [r.id for r in extraction.reports if r.doc_id != doc_id]
    foreign += [a.id for a in extraction.assessments if a.doc_id != doc_id]
    if foreign:
        raise ValueError(f"extraction of {doc_id} holds items of other documents: {foreign}")
    if len({event.id for event in coded_events}) != len(coded_events):
        raise ValueError(f"extraction of {doc_id}: two events share an id")
    if any(not event.reports for event in coded_events):
        raise ValueError(f"extraction of {doc_id}: an event has no report")
    grouped = Counter(
        (r.doc_id, r.id) for event in coded_events for r in event.reports if r.doc_id == doc_id
    )
    reported = {(r.doc_id, r.id) for r in extraction.reports}
    if len(reported) != len(extraction.reports):
        raise ValueError(f"extraction of {doc_id}: two reports share an id")
    twice = sorted(key[1] for key, n in grouped.items() if n > 1)
    missing = sorted(key[1] for key in reported - set(grouped))
    extra = sorted(key[1] for key in set(grouped) - reported)
    if twice or missing or extra:
        raise ValueError(
            f"extraction of {doc_id}: reports in several events {twice}, in no event "
            f"{missing}, in events but not in the extraction {extra}"
        )


def save_extraction(
    connection: sa.Connection,
    extraction: Extraction,
    coded_events: Sequence[Event],
    coder: str,
    now: dt.datetime,
) -> None:
    """Replace the stored coding of ``extraction.document`` (see the module docstring)."""
    doc = extraction.document
    _lock_document(connection, extraction, now)
    pins = _pins(connection, doc.id, coded_events)
    before_actors, _ = _actor_counts(connection, doc.id)
    old_events = _forget_coding(connection, doc.id)
    placed = _place_reports(coded_events, pins)
    _upsert_places(connection, extraction, now)
    existed = _write_events(connection, extraction, placed, now)
    _write_own_reports(connection, doc.id, placed, coded_events, pins)
    moved_from = _move_foreign_reports(connection, doc.id, placed)
    _write_annotations(connection, extraction, coder, now)
    after_actors, inters = _actor_counts(connection, doc.id)
    _count_actors(connection, before_actors, after_actors, inters, now)
    # Events written whole above need no second pass unless they held other reports before.
    consolidate(connection, old_events | moved_from | existed | set(pins.values()), now)
    connection.execute(
        sa.update(documents).where(documents.c.id == doc.id).values(coded_at=now, coder=coder)
    )


ReportKey = tuple[str, str]


def _pins(
    connection: sa.Connection, doc_id: str, coded_events: Sequence[Event]
) -> dict[ReportKey, str]:
    """Where an analyst put this document's reports and the other reports grouped with them."""
    keys = {(r.doc_id, r.id) for event in coded_events for r in event.reports}
    found: dict[ReportKey, str] = {}
    statement = sa.select(report_pins).where(report_pins.c.document_id == doc_id)
    for row in connection.execute(statement).mappings():
        found[(row["document_id"], row["report_id"])] = row["event_id"]
    for other in sorted({key[0] for key in keys if key[0] != doc_id}):
        statement = sa.select(report_pins).where(report_pins.c.document_id == other)
        for row in connection.execute(statement).mappings():
            key = (row["document_id"], row["report_id"])
            if key in keys:
                found[key] = row["event_id"]
    return found


def _place_reports(
    coded_events: Sequence[Event], pins: Mapping[ReportKey, str]
) -> tuple[Event, ...]:
    """The machine's events, less the reports an analyst pinned elsewhere (none left: gone)."""
    placed = []
    for event in coded_events:
        free = tuple(r for r in event.reports if (r.doc_id, r.id) not in pins)
        if free:
            placed.append(Event(event.id, free))
    return tuple(placed)


def _write_events(
    connection: sa.Connection, extraction: Extraction, placed: Sequence[Event], now: dt.datetime
) -> set[str]:
    """Insert the consolidated rows of the new placed events; return the ids of those that
    existed already (their rows are recomputed from the stored reports afterwards)."""
    if not placed:
        return set()
    ids = [event.id for event in placed]
    document = extraction.document
    foreign = {r.doc_id for event in placed for r in event.reports} - {document.id}
    texts = load_texts(connection, foreign) | {document.id: (document.title, document.text)}
    corrections = load_corrections(connection, ids)
    rows = [consolidated_row(e, corrections.get(e.id, {}), texts, now) for e in placed]
    # No SELECT first: on a table growing faster than its statistics, PostgreSQL would scan it.
    statement = insert_for(connection, events).on_conflict_do_nothing().returning(events.c.id)
    inserted = set(connection.execute(statement, rows).scalars())
    return set(ids) - inserted


def _write_own_reports(
    connection: sa.Connection,
    doc_id: str,
    placed: Sequence[Event],
    coded_events: Sequence[Event],
    pins: Mapping[ReportKey, str],
) -> None:
    """Insert the document's new reports; pinned ones (kept) take the new values in place."""
    rows = [
        report_row(report, event.id, seq)
        for event in placed
        for seq, report in enumerate(event.reports)
        if report.doc_id == doc_id
    ]
    insert_many(connection, event_reports, rows)
    for event in coded_events:
        for report in event.reports:
            key = (report.doc_id, report.id)
            if report.doc_id != doc_id or key not in pins:
                continue
            values = report_row(report, pins[key], 0)
            for name in ("document_id", "id", "seq"):
                del values[name]
            connection.execute(
                sa.update(event_reports)
                .where(event_reports.c.document_id == doc_id, event_reports.c.id == report.id)
                .values(values)
            )


def _lock_document(connection: sa.Connection, extraction: Extraction, now: dt.datetime) -> None:
    """Store the document if it is new, and lock its row until the transaction ends.

    The lock (PostgreSQL; SQLite's write transaction already excludes other writers) makes
    two concurrent codings of one document run one after the other.
    """
    insert_new(connection, documents, document_row(extraction.document, now))
    lock = sa.select(documents.c.id).where(documents.c.id == extraction.document.id)
    connection.execute(lock.with_for_update())


def _actor_counts(connection: sa.Connection, doc_id: str) -> tuple[Counter[str], dict[str, int]]:
    """How many of the document's stored reports name each actor, and their inter codes."""
    columns = ("actor1", "inter1", "actor2", "inter2", "assoc_actor1", "assoc_actor2")
    rows = connection.execute(
        sa.select(*(event_reports.c[name] for name in columns)).where(
            event_reports.c.document_id == doc_id
        )
    ).mappings()
    counts: Counter[str] = Counter()
    inters: dict[str, int] = {}
    for row in rows:
        for name, inter in actor_mentions(row):
            counts[name] += 1
            if inter is not None:
                inters[name] = inter
    return counts, inters


def _forget_coding(connection: sa.Connection, doc_id: str) -> set[str]:
    """Delete what coding ``doc_id`` wrote, but its pinned reports; return the events it was in."""
    statement = sa.select(event_reports.c.event_id).where(event_reports.c.document_id == doc_id)
    old_events = set(connection.execute(statement).scalars())
    pinned = sa.select(report_pins.c.report_id).where(report_pins.c.document_id == doc_id)
    connection.execute(
        sa.delete(event_reports).where(
            event_reports.c.document_id == doc_id, event_reports.c.id.not_in(pinned)
        )
    )
    for table in (assessments, document_places):
        connection.execute(sa.delete(table).where(table.c.document_id == doc_id))
    connection.execute(
        sa.delete(rejects).where(rejects.c.document_id == doc_id, rejects.c.coder.is_not(None))
    )
    return old_events


def _upsert_places(connection: sa.Connection, extraction: Extraction, now: dt.datetime) -> None:
    """Store every place the coding refers to (the latest gazetteer entry wins)."""
    seen: dict[int, Place] = {}
    for report in extraction.reports:
        if report.place is not None:
            seen[report.place.geonameid] = report.place
    for mention in extraction.places:
        if mention.place is not None:
            seen[mention.place.geonameid] = mention.place
    rows = [place_row(seen[key], now) for key in sorted(seen)]  # sorted: no lock-order deadlock
    upsert(connection, places, rows, ["geonameid"], unless_same=["updated_at"])


def _move_foreign_reports(
    connection: sa.Connection, doc_id: str, coded_events: Sequence[Event]
) -> set[str]:
    """Put the other documents' reports into these events; return the events they left."""
    left: set[str] = set()
    for event in coded_events:
        for seq, report in enumerate(event.reports):
            if report.doc_id == doc_id:
                continue
            key = (event_reports.c.document_id == report.doc_id, event_reports.c.id == report.id)
            previous = connection.execute(sa.select(event_reports.c.event_id).where(*key))
            old_event = previous.scalar_one_or_none()
            if old_event is None:
                raise StoreError(
                    f"event {event.id} holds report {report.id} of document {report.doc_id},"
                    " which is not stored: save that document's extraction first"
                )
            connection.execute(
                sa.update(event_reports).where(*key).values(event_id=event.id, seq=seq)
            )
            left.add(old_event)
    return left


def _write_annotations(
    connection: sa.Connection, extraction: Extraction, coder: str, now: dt.datetime
) -> None:
    """Assessments, place mentions and the coding reject, if any."""
    doc_id = extraction.document.id
    rows = [assessment_row(a, seq) for seq, a in enumerate(extraction.assessments)]
    if rows:
        connection.execute(sa.insert(assessments), rows)
    rows = [place_mention_row(doc_id, seq, m) for seq, m in enumerate(extraction.places)]
    if rows:
        connection.execute(sa.insert(document_places), rows)
    if extraction.rejected is not None:
        rejected = extraction.rejected
        if rejected.document_id is None:
            rejected = dataclasses.replace(rejected, document_id=doc_id)
        insert_new(connection, rejects, reject_row(rejected, now, coder=coder))


def _count_actors(
    connection: sa.Connection,
    old: Counter[str],
    new: Counter[str],
    inters: Mapping[str, int],
    now: dt.datetime,
) -> None:
    """Adjust how many reports name each actor from the document's counts before and after."""
    rows = [
        {"name": name, "inter": inters.get(name), "seen": new[name] - old[name], "updated_at": now}
        for name in sorted(set(old) | set(new))
        if new[name] != old[name] or name in inters
    ]
    if not rows:
        return
    statement = insert_for(connection, actors)
    statement = statement.on_conflict_do_update(
        index_elements=["name"],
        set_={
            "seen": actors.c.seen + statement.excluded.seen,
            "inter": sa.func.coalesce(statement.excluded.inter, actors.c.inter),
            "updated_at": statement.excluded.updated_at,
        },
    )
    connection.execute(statement, rows)
