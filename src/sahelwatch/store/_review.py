"""Analyst review: corrections, confirmations, merges and splits, each with its audit entries.

Everything runs in the caller's one transaction. Every change writes ``audit_log`` rows (who,
when, what, before, after). Whatever an analyst touches is protected from recoding:

- a correction is a row of ``event_corrections``, laid over the machine's values each time the
  event is consolidated (:func:`~sahelwatch.store._events.consolidate`);
- the reports of an event an analyst corrected, confirmed, merged or split are *pinned* to it
  (``report_pins``): recoding leaves them in that event, and keeps them when the new coding
  no longer finds them, so the reviewed event and its corrections stay whole.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from sahelwatch.model import Event
from sahelwatch.store._browse import EventSummary, summary_from_row
from sahelwatch.store._corrections import STATUS, UNREVIEWED, column_value
from sahelwatch.store._dml import upsert
from sahelwatch.store._events import consolidate, load_corrections
from sahelwatch.store._queries import load_reports
from sahelwatch.store._rows import event_row
from sahelwatch.store.schema import (
    audit_log,
    event_corrections,
    event_reports,
    events,
    report_pins,
)

ReportKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Author:
    """Who makes a change: a key's name (or ``cli``) and the key's id."""

    name: str
    key_id: int | None = None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change, as the audit log keeps it."""

    id: int
    event_id: str | None
    action: str
    field: str | None
    before: Any
    after: Any
    author: str
    at: dt.datetime
    note: str | None


@dataclass(frozen=True, slots=True)
class Correction:
    """An analyst's value for a field, with the machine's value it replaces."""

    field: str
    value: Any
    machine: Any
    author: str
    at: dt.datetime


def audit(
    connection: sa.Connection,
    author: Author,
    now: dt.datetime,
    entries: Sequence[Mapping[str, Any]],
    note: str | None = None,
) -> None:
    """Write audit entries (each: event_id, action and optionally field, before, after)."""
    rows = [
        {
            "event_id": entry.get("event_id"),
            "action": entry["action"],
            "field": entry.get("field"),
            "before": entry.get("before"),
            "after": entry.get("after"),
            "author": author.name,
            "key_id": author.key_id,
            "at": now,
            "note": note,
        }
        for entry in entries
    ]
    if rows:
        connection.execute(sa.insert(audit_log), rows)


def event_exists(connection: sa.Connection, event_id: str) -> bool:
    statement = sa.select(events.c.id).where(events.c.id == event_id)
    return connection.execute(statement).first() is not None


def report_keys(connection: sa.Connection, event_id: str) -> list[ReportKey]:
    statement = (
        sa.select(event_reports.c.document_id, event_reports.c.id)
        .where(event_reports.c.event_id == event_id)
        .order_by(event_reports.c.seq, event_reports.c.document_id, event_reports.c.id)
    )
    return [(row.document_id, row.id) for row in connection.execute(statement)]


def _pin(
    connection: sa.Connection,
    keys: Sequence[ReportKey],
    event_id: str,
    author: Author,
    now: dt.datetime,
) -> None:
    rows = [
        {"document_id": doc, "report_id": rid, "event_id": event_id}
        | {"author": author.name, "pinned_at": now}
        for doc, rid in keys
    ]
    upsert(connection, report_pins, rows, ["document_id", "report_id"])


def correct(
    connection: sa.Connection,
    event_id: str,
    changes: Mapping[str, Any],
    author: Author,
    note: str | None,
    now: dt.datetime,
) -> bool:
    """Store checked ``changes`` (field -> value) of an event; False if there is no such event."""
    row = connection.execute(sa.select(events).where(events.c.id == event_id)).mappings().first()
    if row is None:
        return False
    current = load_corrections(connection, [event_id]).get(event_id, {})
    entries, rows = [], []
    for field, value in changes.items():
        if field in current and current[field] == value:
            continue
        action = "correct" if field != STATUS else {"confirmed": "confirm"}.get(value, "review")
        before = column_value(row, field) if field != STATUS else row[STATUS]
        entries.append(
            {"event_id": event_id, "action": action, "field": field}
            | {"before": before, "after": value}
        )
        rows.append(
            {"event_id": event_id, "field": field, "value": value}
            | {"author": author.name, "updated_at": now}
        )
    upsert(connection, event_corrections, rows, ["event_id", "field"])
    _pin(connection, report_keys(connection, event_id), event_id, author, now)
    consolidate(connection, {event_id}, now)
    audit(connection, author, now, entries, note)
    return True


def merge(
    connection: sa.Connection,
    target: str,
    sources: Sequence[str],
    author: Author,
    note: str | None,
    now: dt.datetime,
) -> None:
    """Move the reports of ``sources`` into ``target`` and delete the sources.

    LookupError names an event that does not exist; ValueError a merge that cannot be.
    The sources' corrections are dropped (the audit log keeps them); the target's stay.
    """
    if not sources or target in sources or len(set(sources)) != len(sources):
        raise ValueError("name one or more other events to merge, each once")
    for event_id in (target, *sources):
        if not event_exists(connection, event_id):
            raise LookupError(f"no event {event_id}")
    before = report_keys(connection, target)
    corrections = load_corrections(connection, sources)
    entries: list[dict[str, Any]] = []
    seq = len(before)
    for source in sources:
        moved = report_keys(connection, source)
        for doc, rid in moved:
            connection.execute(
                sa.update(event_reports)
                .where(event_reports.c.document_id == doc, event_reports.c.id == rid)
                .values(event_id=target, seq=seq)
            )
            seq += 1
        entries.append(
            {"event_id": source, "action": "merged_into", "after": {"event": target}}
            | {"before": {"reports": _keys(moved), "corrections": corrections.get(source, {})}}
        )
    connection.execute(
        sa.delete(event_corrections).where(event_corrections.c.event_id.in_(sources))
    )
    after = report_keys(connection, target)
    _pin(connection, after, target, author, now)
    consolidate(connection, {target, *sources}, now)
    entries.insert(
        0,
        {"event_id": target, "action": "merge", "before": {"reports": _keys(before)}}
        | {"after": {"reports": _keys(after), "merged": list(sources)}},
    )
    audit(connection, author, now, entries, note)


def split(
    connection: sa.Connection,
    event_id: str,
    keys: Sequence[ReportKey],
    author: Author,
    note: str | None,
    now: dt.datetime,
) -> str:
    """Move the reports ``keys`` of an event into a new event; return the new event's id.

    LookupError if there is no such event; ValueError if a report is not in the event, or if
    the split would leave either event without reports.
    """
    if not event_exists(connection, event_id):
        raise LookupError(f"no event {event_id}")
    current = report_keys(connection, event_id)
    wanted = list(dict.fromkeys(keys))
    strangers = [f"{doc}/{rid}" for doc, rid in wanted if (doc, rid) not in current]
    if strangers:
        raise ValueError(f"not reports of event {event_id}: {', '.join(strangers)}")
    if not wanted or len(wanted) == len(current):
        raise ValueError("a split must move some of the event's reports, not none or all")
    digest = hashlib.sha256(f"{event_id}|{wanted}|{now.isoformat()}".encode()).hexdigest()
    new_id = f"split-{digest[:16]}"
    reports = load_reports(connection, [event_id])[event_id]
    moved = [r for r in reports if (r.doc_id, r.id) in wanted]
    connection.execute(sa.insert(events).values(event_row(Event(new_id, tuple(moved)), now)))
    for seq, (doc, rid) in enumerate(wanted):
        connection.execute(
            sa.update(event_reports)
            .where(event_reports.c.document_id == doc, event_reports.c.id == rid)
            .values(event_id=new_id, seq=seq)
        )
    remaining = [key for key in current if key not in wanted]
    _pin(connection, wanted, new_id, author, now)
    _pin(connection, remaining, event_id, author, now)
    consolidate(connection, {event_id, new_id}, now)
    entries = [
        {"event_id": event_id, "action": "split", "before": {"reports": _keys(current)}}
        | {"after": {"reports": _keys(remaining), "new_event": new_id}},
        {"event_id": new_id, "action": "split_from", "before": {"event": event_id}}
        | {"after": {"reports": _keys(wanted)}},
    ]
    audit(connection, author, now, entries, note)
    return new_id


def _keys(keys: Sequence[ReportKey]) -> list[list[str]]:
    return [[doc, rid] for doc, rid in keys]


def history(connection: sa.Connection, event_id: str) -> list[AuditEntry]:
    """The audit entries of an event, oldest first."""
    statement = (
        sa.select(audit_log)
        .where(audit_log.c.event_id == event_id)
        .order_by(audit_log.c.at, audit_log.c.id)
    )
    return [
        AuditEntry(
            row["id"], row["event_id"], row["action"], row["field"], row["before"],
            row["after"], row["author"], row["at"], row["note"],
        )
        for row in connection.execute(statement).mappings()
    ]  # fmt: skip


def merged_into(connection: sa.Connection, event_id: str) -> str | None:
    """The event a deleted event was merged into, if it was."""
    statement = (
        sa.select(audit_log.c.after)
        .where(audit_log.c.event_id == event_id, audit_log.c.action == "merged_into")
        .order_by(audit_log.c.id.desc())
        .limit(1)
    )
    after = connection.execute(statement).scalar_one_or_none()
    target = after.get("event") if isinstance(after, dict) else None
    return target if isinstance(target, str) else None


def corrections_of(connection: sa.Connection, event: Event) -> list[Correction]:
    """The analyst's corrections of an event, with the machine's values they replace."""
    statement = sa.select(event_corrections).where(event_corrections.c.event_id == event.id)
    machine = event_row(event, dt.datetime.now(dt.UTC))
    found = []
    for row in connection.execute(statement.order_by(event_corrections.c.field)).mappings():
        field = row["field"]
        original = UNREVIEWED if field == STATUS else column_value(machine, field)
        found.append(Correction(field, row["value"], original, row["author"], row["updated_at"]))
    return found


def corrections_by_event(
    connection: sa.Connection, event_ids: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """The analyst's values per event, ``{event_id: {field: value}}``, for the given events."""
    found: dict[str, dict[str, Any]] = {}
    ids = list(dict.fromkeys(event_ids))
    for start in range(0, len(ids), 500):  # keep each IN list well under driver limits
        statement = sa.select(event_corrections).where(
            event_corrections.c.event_id.in_(ids[start : start + 500])
        )
        for row in connection.execute(statement).mappings():
            found.setdefault(row["event_id"], {})[row["field"]] = row["value"]
    return found


@dataclass(frozen=True, slots=True)
class EventReview:
    """All an event page shows: the consolidated fields, the reports as coded, the analyst's
    corrections with the machine values they replace, and the history."""

    summary: EventSummary
    event: Event
    corrections: tuple[Correction, ...]
    history: tuple[AuditEntry, ...]


def review(connection: sa.Connection, event_id: str) -> EventReview | None:
    row = connection.execute(sa.select(events).where(events.c.id == event_id)).mappings().first()
    if row is None:
        return None
    reports = load_reports(connection, [event_id]).get(event_id, [])
    event = Event(event_id, tuple(reports))
    return EventReview(
        summary_from_row(row),
        event,
        tuple(corrections_of(connection, event)) if reports else (),
        tuple(history(connection, event_id)),
    )
