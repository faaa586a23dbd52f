"""Read queries shared by the store's methods and by the coding writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from sahelwatch.model import EventReport
from sahelwatch.store._countries import country_code
from sahelwatch.store._rows import PLACE_COLUMNS, report_from_row
from sahelwatch.store._search import matches
from sahelwatch.store.schema import UNDATED, event_reports, events, places

# Ids per IN (...) list: far under SQLite's and PostgreSQL's parameter limits.
CHUNK = 500


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to read; every filter given must hold (``None`` means any).

    Filters apply to an event's consolidated fields, those of its lead report
    (:attr:`sahelwatch.model.Event.lead`) with an analyst's corrections applied:
    ``since``/``until`` (inclusive) to its ``date.start``. ``country`` is an ISO 3166 code or
    an English name in any case; ``event_type``, ``sub_event_type``, ``family``, ``modality``,
    ``status`` and ``admin1`` match exactly (as in ACLED's API); ``actor`` is a part of the
    name of actor 1 or 2, in any case; ``bbox`` is (west, south, east, north) in degrees;
    ``located`` keeps events with (True) or without (False) coordinates; ``q`` holds words
    that must all occur in the event's location, actors, types, source titles or evidence
    sentences, accents and case aside.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    event_type: str | None = None
    family: str | None = None
    modality: str | None = None
    limit: int | None = None
    offset: int = 0
    sub_event_type: str | None = None
    admin1: str | None = None
    actor: str | None = None
    min_fatalities: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    located: bool | None = None
    status: str | None = None
    q: str | None = None

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise ValueError(f"EventQuery.limit must not be negative, not {self.limit}")
        if self.offset < 0:
            raise ValueError(f"EventQuery.offset must not be negative, not {self.offset}")
        if self.bbox is not None:
            west, south, east, north = self.bbox
            if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
                raise ValueError(
                    "EventQuery.bbox must be west,south,east,north with west <= east and"
                    f" south <= north, in degrees, not {self.bbox}"
                )


ALL_EVENTS = EventQuery()


def chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def event_filters(query: EventQuery) -> list[sa.ColumnElement[bool]]:
    filters: list[sa.ColumnElement[bool]] = []
    # On sort_date (event_date, or UNDATED): its index also orders the API's pages.
    if query.since is not None:
        filters.append(events.c.sort_date >= max(query.since, UNDATED + dt.timedelta(days=1)))
    if query.until is not None:
        filters.append(events.c.sort_date.between(UNDATED + dt.timedelta(days=1), query.until))
    if query.country is not None:
        code = country_code(query.country)
        if code is not None:
            filters.append(events.c.country_code == code)
        else:
            filters.append(sa.func.lower(events.c.country) == query.country.strip().lower())
    for column, value in (
        (events.c.event_type, query.event_type),
        (events.c.sub_event_type, query.sub_event_type),
        (events.c.family, query.family),
        (events.c.modality, query.modality),
        (events.c.status, query.status),
    ):
        if value is not None:
            filters.append(column == str(value))
    return filters + _finer_filters(query)


def _finer_filters(query: EventQuery) -> list[sa.ColumnElement[bool]]:
    filters: list[sa.ColumnElement[bool]] = []
    if query.admin1 is not None:
        filters.append(events.c.admin1 == query.admin1.strip())
    if query.actor is not None and query.actor.strip():
        actor = query.actor.strip().lower()
        filters.append(
            sa.or_(
                sa.func.lower(events.c.actor1).contains(actor, autoescape=True),
                sa.func.lower(events.c.actor2).contains(actor, autoescape=True),
            )
        )
    if query.min_fatalities is not None:
        filters.append(events.c.fatalities >= query.min_fatalities)
    if query.bbox is not None:
        west, south, east, north = query.bbox
        filters.append(events.c.latitude.between(south, north))
        filters.append(events.c.longitude.between(west, east))
    if query.located is not None:
        located = events.c.latitude.is_not(None) & events.c.longitude.is_not(None)
        filters.append(located if query.located else ~located)
    if query.q is not None:
        filters += matches(events.c.search_text, query.q)
    return filters


def select_event_ids(query: EventQuery) -> sa.Select[str]:
    """Ids of the matching events, by date (undated last) then id."""
    return (
        sa.select(events.c.id)
        .where(*event_filters(query))
        .order_by(events.c.event_date.is_(None), events.c.event_date, events.c.id)
        .offset(query.offset or None)
        .limit(query.limit)
    )


def load_reports(
    connection: sa.Connection, event_ids: Iterable[str]
) -> dict[str, list[EventReport]]:
    """The reports of each event, in their order within the event."""
    grouped: dict[str, list[EventReport]] = {}
    for chunk in chunks(sorted(set(event_ids))):
        statement = (
            sa.select(event_reports, *PLACE_COLUMNS)
            .select_from(event_reports.outerjoin(places))
            .where(event_reports.c.event_id.in_(chunk))
            .order_by(
                event_reports.c.event_id,
                event_reports.c.seq,
                event_reports.c.document_id,
                event_reports.c.id,
            )
        )
        for row in connection.execute(statement).mappings():
            grouped.setdefault(row["event_id"], []).append(report_from_row(row))
    return grouped
