"""Query parameters shared by the event endpoints, turned into an :class:`EventQuery`.

Types and ranges are checked by FastAPI (a bad value is a 422 naming the parameter); what
needs more than a type (a bounding box, a date range, a family of the taxonomy) is checked here.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import Depends, Query, Request

from sahelwatch.api._errors import InvalidParameterError
from sahelwatch.api._state import app_state
from sahelwatch.model import Modality
from sahelwatch.store import EventQuery

MAX_LIMIT = 10_000

# The values of store.REVIEW_STATUSES (a test checks that they agree).
ReviewStatus = Literal["unreviewed", "confirmed", "dismissed"]


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``west,south,east,north`` in degrees."""
    parts = value.split(",")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise InvalidParameterError(
            "bbox", "must be four numbers: west,south,east,north (degrees)"
        ) from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise InvalidParameterError(
            "bbox", "west <= east within -180..180 and south <= north within -90..90"
        )
    return west, south, east, north


def _text(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def event_query(
    request: Request,
    since: Annotated[dt.date | None, Query(description="First date, YYYY-MM-DD.")] = None,
    until: Annotated[dt.date | None, Query(description="Last date, YYYY-MM-DD.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    country: Annotated[str | None, Query(description="ISO 3166 code or English name.")] = None,
    admin1: Annotated[str | None, Query(description="First-level region, exactly (Kidal).")] = None,
    event_type: Annotated[str | None, Query(description="Event type, exactly.")] = None,
    sub_event_type: Annotated[str | None, Query(description="Sub-event type, exactly.")] = None,
    family: Annotated[str | None, Query(description="conflict, displacement, health...")] = None,
    actor: Annotated[str | None, Query(description="Part of actor 1 or 2's name.")] = None,
    modality: Annotated[Modality | None, Query(description="reported, background...")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, description="At least this many.")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Words in places, actors, sources.")
    ] = None,
    status: Annotated[ReviewStatus | None, Query(description="Analyst review status.")] = None,
    located: Annotated[
        bool | None, Query(description="With (true) or without coordinates.")
    ] = None,
) -> EventQuery:
    """The event filters of a request."""
    if since is not None and until is not None and until < since:
        raise InvalidParameterError("until", f"{until} is before since ({since})")
    family = _text(family)
    if family is not None:
        families = sorted({kind.family for kind in app_state(request).types.values()})
        if family not in families:
            raise InvalidParameterError("family", f"must be one of {', '.join(families)}")
    return EventQuery(
        since=since,
        until=until,
        bbox=None if bbox is None else parse_bbox(bbox),
        country=_text(country),
        admin1=_text(admin1),
        event_type=_text(event_type),
        sub_event_type=_text(sub_event_type),
        family=family,
        actor=_text(actor),
        modality=None if modality is None else modality.value,
        min_fatalities=min_fatalities,
        q=_text(q),
        status=status,
        located=located,
    )


Filters = Annotated[EventQuery, Depends(event_query)]
