"""Reads for the API and the dashboard: event summaries page by page, aggregates, places, actors.

Event summaries are the consolidated rows (analyst corrections included), newest first, read
with keyset pagination: a cursor names the last event of a page, so a page costs the same
however deep it is, and an event stored meanwhile never shifts the pages.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa

from sahelwatch.model import EventReport
from sahelwatch.store._queries import EventQuery, event_filters
from sahelwatch.store._rows import PLACE_COLUMNS, place_from_row, report_from_row
from sahelwatch.store.schema import UNDATED, actors, event_reports, events, places

Interval = Literal["day", "week", "month"]
GROUPS = {
    "family": events.c.family,
    "type": events.c.event_type,
    "sub_type": events.c.sub_event_type,
    "country": events.c.country_code,
    "admin1": events.c.admin1,
    "modality": events.c.modality,
}


@dataclass(frozen=True, slots=True)
class EventSummary:
    """An event's consolidated fields, the analyst's corrections applied (no reports)."""

    id: str
    event_date: dt.date | None
    family: str
    disorder_type: str | None
    event_type: str
    sub_event_type: str
    modality: str
    actor1: str | None
    actor2: str | None
    country: str | None
    country_code: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    confidence: float
    report_count: int
    document_count: int
    status: str
    corrected: tuple[str, ...]
    updated_at: dt.datetime


SUMMARY_FIELDS = tuple(EventSummary.__dataclass_fields__)
_COLUMNS = [events.c[name] for name in SUMMARY_FIELDS]


def summary_from_row(row: Any) -> EventSummary:
    values = {name: row[name] for name in SUMMARY_FIELDS}
    values["corrected"] = tuple(row["corrected"] or ())
    return EventSummary(**values)


# Matches counted at most: past it a count costs a scan of the table, for a number nobody reads
# to the unit (Elasticsearch's track_total_hits does the same). Aggregates count exactly.
COUNT_CAP = 10_000


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of event summaries; ``next_cursor`` is None on the last page.

    ``total`` counts the matches when asked, up to :data:`COUNT_CAP`; ``total_exact`` is false
    when there are more (``total`` is then the cap).
    """

    events: tuple[EventSummary, ...]
    next_cursor: str | None
    total: int | None
    total_exact: bool = True


def encode_cursor(summary: EventSummary) -> str:
    day = None if summary.event_date is None else summary.event_date.isoformat()
    raw = json.dumps([day, summary.id], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.date | None, str]:
    """The (date, id) a cursor names; ValueError if it is not one this store gave."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, event_id = json.loads(raw)
        if not isinstance(event_id, str) or not isinstance(day, str | None):
            raise TypeError(type(day).__name__)
        return (None if day is None else dt.date.fromisoformat(day)), event_id
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise ValueError(f"{cursor[:40]!r} is not a cursor given by this API") from None


def _after(cursor: str) -> sa.ColumnElement[bool]:
    """Events after the cursor in the order: date descending (undated last), then id."""
    day, event_id = decode_cursor(cursor)
    key = sa.tuple_(events.c.sort_date, events.c.id)
    return key < sa.tuple_(sa.literal(day or UNDATED, sa.Date), sa.literal(event_id))


def read_page(
    connection: sa.Connection, query: EventQuery, cursor: str | None, limit: int, count: bool
) -> EventPage:
    filters = event_filters(query)
    statement = sa.select(*_COLUMNS).where(*filters)
    if cursor is not None:
        statement = statement.where(_after(cursor))
    statement = statement.order_by(events.c.sort_date.desc(), events.c.id.desc())
    rows = connection.execute(statement.limit(limit + 1)).mappings().all()
    found = tuple(summary_from_row(row) for row in rows[:limit])
    total, exact = None, True
    if count:
        matches = sa.select(events.c.id).where(*filters).limit(COUNT_CAP + 1).subquery()
        total = connection.execute(sa.select(sa.func.count()).select_from(matches)).scalar_one()
        total, exact = min(total, COUNT_CAP), total <= COUNT_CAP
    following = encode_cursor(found[-1]) if len(rows) > limit and found else None
    return EventPage(found, following, total, exact)


@dataclass(frozen=True, slots=True)
class AggregateRow:
    """Events and fatalities in one period (None: all periods) and group (None: all)."""

    period: dt.date | None
    key: str | None
    events: int
    fatalities: int


def _period(dialect: str, interval: Interval) -> sa.ColumnElement[Any]:
    day = events.c.event_date
    if dialect == "postgresql":
        if interval == "day":
            return day
        return sa.cast(sa.func.date_trunc(interval, day), sa.Date)
    if interval == "day":
        return sa.func.date(day)
    if interval == "week":
        return sa.func.date(day, "-6 days", "weekday 1")  # the Monday on or before
    return sa.func.strftime("%Y-%m-01", day)


def aggregate(
    connection: sa.Connection, query: EventQuery, interval: Interval | None, by: str | None
) -> list[AggregateRow]:
    """Counts and fatalities per period and group; undated events are left out of periods."""
    keys: list[sa.ColumnElement[Any]] = []
    filters = event_filters(query)
    if interval is not None:
        keys.append(_period(connection.dialect.name, interval).label("period"))
        filters.append(events.c.event_date.is_not(None))
    if by is not None:
        keys.append(GROUPS[by].label("key"))
    statement = sa.select(
        *keys,
        sa.func.count().label("events"),
        sa.func.coalesce(sa.func.sum(events.c.fatalities), 0).label("fatalities"),
    ).where(*filters)
    if keys:
        statement = statement.group_by(*keys).order_by(*keys)
    rows = []
    for row in connection.execute(statement).mappings():
        period = row.get("period")
        if isinstance(period, str):
            period = dt.date.fromisoformat(period)
        elif isinstance(period, dt.datetime):
            period = period.date()
        rows.append(AggregateRow(period, row.get("key"), row["events"], int(row["fatalities"])))
    return rows


@dataclass(frozen=True, slots=True)
class PlaceCount:
    geonameid: int
    name: str
    country: str
    admin1: str | None
    latitude: float
    longitude: float
    feature_code: str
    events: int


def place_counts(
    connection: sa.Connection, q: str | None, country: str | None, limit: int
) -> list[PlaceCount]:
    """Places events are located at, most events first."""
    count = sa.func.count(sa.distinct(event_reports.c.event_id)).label("events")
    statement = (
        sa.select(places, count)
        .select_from(places.join(event_reports))
        .group_by(places.c.geonameid)
        .order_by(count.desc(), places.c.name)
        .limit(limit)
    )
    if q:
        name = sa.func.lower(places.c.name)
        statement = statement.where(name.contains(q.lower(), autoescape=True))
    if country:
        statement = statement.where(places.c.country == country.upper())
    found = []
    for row in connection.execute(statement).mappings():
        place = place_from_row(row)
        assert place is not None
        found.append(
            PlaceCount(
                place.geonameid, place.name, place.country, place.admin1, place.latitude,
                place.longitude, place.feature_code, row["events"],
            )
        )  # fmt: skip
    return found


@dataclass(frozen=True, slots=True)
class ActorCount:
    name: str
    inter: int | None
    reports: int


def actor_counts(connection: sa.Connection, q: str | None, limit: int) -> list[ActorCount]:
    """Actors named by stored reports, most named first."""
    statement = (
        sa.select(actors)
        .where(actors.c.seen > 0)
        .order_by(actors.c.seen.desc(), actors.c.name)
        .limit(limit)
    )
    if q:
        name = sa.func.lower(actors.c.name)
        statement = statement.where(name.contains(q.lower(), autoescape=True))
    return [
        ActorCount(row["name"], row["inter"], row["seen"])
        for row in connection.execute(statement).mappings()
    ]


def document_reports(connection: sa.Connection, doc_id: str) -> list[tuple[str, EventReport]]:
    """The reports coded from one document, with the event each is in, in text order."""
    statement = (
        sa.select(event_reports, *PLACE_COLUMNS)
        .select_from(event_reports.outerjoin(places))
        .where(event_reports.c.document_id == doc_id)
        .order_by(event_reports.c.id)
    )
    found = [
        (row["event_id"], report_from_row(row)) for row in connection.execute(statement).mappings()
    ]
    return sorted(found, key=lambda item: min((s.start for s in item[1].evidence), default=0))
