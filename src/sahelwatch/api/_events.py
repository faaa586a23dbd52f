"""``/api/events``: list (JSON, GeoJSON, CSV) with filters and cursors, one event with its
evidence and history, and the analyst's corrections, merges and splits."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from sahelwatch.api._auth import Analyst, Reader
from sahelwatch.api._errors import ConflictError, InvalidParameterError, NotFoundError
from sahelwatch.api._params import MAX_LIMIT, Filters, ReviewStatus
from sahelwatch.api._serialize import SUMMARY_FIELDS, csv_text, event_json, geojson, summary_json
from sahelwatch.api._state import store_of
from sahelwatch.model import Document, Modality
from sahelwatch.store import Store

router = APIRouter(prefix="/api/events", tags=["events"])


def _fields(value: str | None) -> tuple[str, ...]:
    if value is None or not value.strip():
        return SUMMARY_FIELDS
    names = tuple(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
    unknown = [name for name in names if name not in SUMMARY_FIELDS]
    if unknown:
        raise InvalidParameterError(
            "fields", f"unknown {', '.join(unknown)}; use {', '.join(SUMMARY_FIELDS)}"
        )
    return names if "id" in names else ("id", *names)


def _next_link(request: Request, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
    return f"{request.url.path}?{urlencode([*params, ('cursor', cursor)])}"


@router.get("", summary="Events matching the filters, newest first")
def list_events(
    request: Request,
    _: Reader,
    query: Filters,
    cursor: Annotated[str | None, Query(description="next_cursor of the page before.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    output: Annotated[Literal["json", "geojson", "csv"], Query(alias="format")] = "json",
    fields: Annotated[str | None, Query(description="Comma-separated columns to return.")] = None,
) -> Response:
    """Consolidated events (analyst corrections applied), newest first, undated last.

    Pages are keyset pages: follow `next` (also in the `Link` header) until it is null.
    `total` counts the matches on the first page (null on the following ones), exactly up to
    10,000; past that `total_exact` is false (`/api/aggregates` counts any number exactly).
    """
    names = _fields(fields)
    try:
        page = store_of(request).event_page(query, cursor, limit, count=cursor is None)
    except ValueError as exc:
        raise InvalidParameterError("cursor", str(exc)) from None
    rows = [summary_json(summary, names) for summary in page.events]
    following = _next_link(request, page.next_cursor)
    headers = (
        {"X-Total-Count": str(page.total)} if page.total is not None and page.total_exact else {}
    )
    if following is not None:
        headers |= {"Link": f'<{following}>; rel="next"', "X-Next-Cursor": str(page.next_cursor)}
    paging = {"total": page.total, "total_exact": page.total_exact, "next_cursor": page.next_cursor}
    paging["next"] = following
    if output == "csv":
        return Response(
            csv_text(rows, names), media_type="text/csv; charset=utf-8", headers=headers
        )
    if output == "geojson":
        body = geojson(rows) | paging
        return JSONResponse(body, media_type="application/geo+json", headers=headers)
    return JSONResponse({"events": rows} | paging, headers=headers)


def documents_of(store: Store, doc_ids: set[str]) -> dict[str, Document]:
    found = {doc_id: store.document(doc_id) for doc_id in sorted(doc_ids)}
    return {doc_id: doc for doc_id, doc in found.items() if doc is not None}


def event_body(store: Store, event_id: str) -> dict[str, Any]:
    review = store.event_review(event_id)
    if review is None:
        target = store.merged_into(event_id)
        if target is not None:
            raise NotFoundError(f"event {event_id} was merged into event {target}")
        raise NotFoundError(f"no event {event_id}")
    documents = documents_of(store, {report.doc_id for report in review.event.reports})
    return event_json(review, documents)


@router.get("/{event_id}", summary="One event with its reports, sources, evidence and history")
def get_event(request: Request, _: Reader, event_id: str) -> dict[str, Any]:
    return event_body(store_of(request), event_id)


class EventPatch(BaseModel):
    """Fields to correct (null: unknown); ``status`` confirms or dismisses the event."""

    model_config = ConfigDict(extra="forbid")

    event_date: dt.date | None = None
    family: str | None = None
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    modality: Modality | None = None
    actor1: str | None = None
    actor2: str | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    geo_precision: int | None = Field(default=None, ge=1, le=3)
    fatalities: int | None = Field(default=None, ge=0)
    status: ReviewStatus | None = None
    note: str | None = Field(default=None, max_length=2000, description="Why (kept in history).")


def _check_taxonomy(request: Request, changes: dict[str, Any]) -> None:
    from sahelwatch.api._state import app_state

    types = app_state(request).types
    allowed = {
        "family": {t.family for t in types.values()},
        "event_type": {t.event_type for t in types.values()}
        | {t.acled_event_type for t in types.values()},
        "sub_event_type": set(types),
    }
    for field, values in allowed.items():
        if field in changes and changes[field] not in values:
            raise InvalidParameterError(field, f"must be one of {', '.join(sorted(values))}")


@router.patch("/{event_id}", summary="Correct fields of an event (analyst)")
def patch_event(
    request: Request, caller: Analyst, event_id: str, patch: EventPatch
) -> dict[str, Any]:
    """Each field given replaces the machine's value, now and after any recoding; the change
    is kept in the event's history with who, when, before and after."""
    changes = {name: getattr(patch, name) for name in patch.model_fields_set if name != "note"}
    if not changes:
        raise InvalidParameterError("body", "name at least one field to correct")
    changes = {k: v.value if isinstance(v, Modality) else v for k, v in changes.items()}
    _check_taxonomy(request, changes)
    store = store_of(request)
    try:
        found = store.correct_event(event_id, changes, caller.author, patch.note)
    except ValueError as exc:
        field, _, message = str(exc).partition(": ")
        raise InvalidParameterError(field, message or str(exc)) from None
    if not found:
        raise NotFoundError(f"no event {event_id}")
    return event_body(store, event_id)


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    into: str = Field(description="The event that stays.")
    events: list[str] = Field(min_length=1, max_length=100, description="Events merged into it.")
    note: str | None = Field(default=None, max_length=2000)


@router.post("/merge", summary="Merge events into one (analyst)")
def merge_events(request: Request, caller: Analyst, body: MergeRequest) -> dict[str, Any]:
    store = store_of(request)
    try:
        store.merge_events(body.into, body.events, caller.author, body.note)
    except LookupError as exc:
        raise NotFoundError(str(exc).strip("'\"")) from None
    except ValueError as exc:
        raise ConflictError(str(exc)) from None
    return event_body(store, body.into)


class ReportRef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document_id: str
    report_id: str


class SplitRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event: str = Field(description="The event to split.")
    reports: list[ReportRef] = Field(min_length=1, description="Reports moved to a new event.")
    note: str | None = Field(default=None, max_length=2000)


@router.post("/split", summary="Move reports of an event to a new event (analyst)", status_code=201)
def split_event(request: Request, caller: Analyst, body: SplitRequest) -> dict[str, Any]:
    store = store_of(request)
    keys = [(ref.document_id, ref.report_id) for ref in body.reports]
    try:
        new_id = store.split_event(body.event, keys, caller.author, body.note)
    except LookupError as exc:
        raise NotFoundError(str(exc).strip("'\"")) from None
    except ValueError as exc:
        raise ConflictError(str(exc)) from None
    return {"event": event_body(store, body.event), "new_event": event_body(store, new_id)}
