"""Reads around the events: aggregates for charts, places, actors, analytic assessments."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from sahelwatch.api._auth import Reader
from sahelwatch.api._params import Filters
from sahelwatch.api._serialize import jsonable, source_json
from sahelwatch.api._state import store_of
from sahelwatch.store._browse import GROUPS

router = APIRouter(prefix="/api", tags=["catalog"])

Group = Literal["family", "type", "sub_type", "country", "admin1", "modality"]
assert set(GROUPS) == set(Group.__args__)  # type: ignore[attr-defined]


@router.get("/aggregates", summary="Events and fatalities per period and group")
def aggregates(
    request: Request,
    _: Reader,
    query: Filters,
    interval: Annotated[
        Literal["day", "week", "month"] | None,
        Query(description="Bucket by day, week (from Monday) or month; undated events left out."),
    ] = None,
    by: Annotated[Group | None, Query(description="Group by this field.")] = None,
) -> dict[str, Any]:
    rows = store_of(request).aggregate(query, interval, by)
    return {"interval": interval, "by": by, "rows": [jsonable(row) for row in rows]}


Limit = Annotated[int, Query(ge=1, le=1000)]
Text = Annotated[str | None, Query(max_length=200)]


@router.get("/places", summary="Places events are located at, most events first")
def places(
    request: Request, _: Reader, q: Text = None, country: Text = None, limit: Limit = 100
) -> dict[str, Any]:
    found = store_of(request).place_counts(q, country, limit)
    return {"places": [jsonable(place) for place in found]}


@router.get("/actors", summary="Actors the reports name, most named first")
def actors(request: Request, _: Reader, q: Text = None, limit: Limit = 100) -> dict[str, Any]:
    found = store_of(request).actor_counts(q, limit)
    return {"actors": [jsonable(actor) for actor in found]}


@router.get("/assessments", summary="Analytic warnings and recommendations, with their sources")
def assessments(
    request: Request,
    _: Reader,
    kind: Text = None,
    party: Annotated[str | None, Query(max_length=200, description="A party named.")] = None,
    limit: Limit = 100,
) -> dict[str, Any]:
    store = store_of(request)
    found = [
        a
        for a in store.assessments()
        if (kind is None or a.kind == kind)
        and (party is None or party.casefold() in (p.casefold() for p in a.parties))
    ][:limit]
    documents = {doc_id: store.document(doc_id) for doc_id in sorted({a.doc_id for a in found})}
    rows = []
    for assessment in found:
        row = jsonable(assessment)
        doc = documents.get(assessment.doc_id)
        row["source"] = None if doc is None else source_json(doc)
        row["evidence"] = [
            {
                "start": s.start,
                "end": s.end,
                "text": None if doc is None else doc.text[s.start : s.end],
            }
            for s in assessment.evidence
        ]
        rows.append(row)
    return {"assessments": rows}
