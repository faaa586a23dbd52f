"""Writing an event's consolidated row: the machine's fields, the analyst's over them, search text.

Every write of the ``events`` table after the reports changed goes through :func:`consolidate`,
inside the caller's transaction: coding, recoding, corrections, merges and splits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from sahelwatch.model import Event
from sahelwatch.store._corrections import apply_corrections
from sahelwatch.store._queries import chunks, load_reports
from sahelwatch.store._rows import event_row
from sahelwatch.store._search import search_text
from sahelwatch.store.schema import UNDATED, documents, event_corrections, events

EVENT_KEY = "event_key"


def load_corrections(
    connection: sa.Connection, event_ids: Iterable[str]
) -> dict[str, dict[str, Any]]:
    """The analyst's values per event and field."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(sorted(set(event_ids))):
        statement = sa.select(event_corrections).where(event_corrections.c.event_id.in_(chunk))
        for row in connection.execute(statement).mappings():
            found.setdefault(row["event_id"], {})[row["field"]] = row["value"]
    return found


def load_texts(
    connection: sa.Connection, doc_ids: Iterable[str]
) -> dict[str, tuple[str | None, str]]:
    found: dict[str, tuple[str | None, str]] = {}
    for chunk in chunks(sorted(set(doc_ids))):
        statement = sa.select(documents.c.id, documents.c.title, documents.c.text).where(
            documents.c.id.in_(chunk)
        )
        for row in connection.execute(statement):
            found[row.id] = (row.title, row.text)
    return found


def consolidated_row(
    event: Event,
    corrections: dict[str, Any],
    texts: dict[str, tuple[str | None, str]],
    now: dt.datetime,
) -> dict[str, Any]:
    """The ``events`` row of ``event``: lead report, analyst's corrections, search text."""
    row = apply_corrections(event_row(event, now), corrections)
    row["search_text"] = search_text(event, row, texts)
    row["sort_date"] = row["event_date"] or UNDATED
    return row


def consolidate(connection: sa.Connection, event_ids: set[str], now: dt.datetime) -> None:
    """Recompute the consolidated rows of ``event_ids``; delete those left without reports."""
    grouped = load_reports(connection, event_ids)
    corrections = load_corrections(connection, grouped)
    texts = load_texts(connection, (r.doc_id for reports in grouped.values() for r in reports))
    rows = []
    for event_id in sorted(grouped):
        row = consolidated_row(
            Event(event_id, tuple(grouped[event_id])), corrections.get(event_id, {}), texts, now
        )
        row[EVENT_KEY] = row.pop("id")
        rows.append(row)
    if rows:
        statement = sa.update(events).where(events.c.id == sa.bindparam(EVENT_KEY))
        connection.execute(statement, rows)
    empty = sorted(event_ids - set(grouped))
    for chunk in chunks(empty):
        connection.execute(sa.delete(events).where(events.c.id.in_(chunk)))
