"""The ``extract`` contract: the stable JSON shape other tools and the evaluation rely on.

Input line: ``{"id", "text", "published"?: "YYYY-MM-DD", "language"?, "title"?, "url"?}``.
Output line: ``{"id", "language", "events": [...], "places": [...], "rejected"?: "reason"}``.
Unknown values are ``null``, never guessed. Documented in the README; change it only additively.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sahelwatch.model import Document, EventReport, Extraction, PlaceMention

EVENT_FIELDS = (
    "event_type", "sub_event_type", "family", "plover_type", "plover_mode", "date",
    "date_start", "date_end", "date_precision", "actor1", "assoc_actor1", "actor2",
    "assoc_actor2", "inter1", "inter2", "civilian_targeting", "location", "geonameid",
    "country", "admin1", "admin2", "latitude", "longitude", "geo_precision", "radius_km",
    "fatalities", "fatalities_low", "fatalities_high", "fatalities_text", "displaced",
    "modality", "confidence", "evidence",
)  # fmt: skip


class ExtractRequest(BaseModel):
    """One input line of ``sahelwatch extract``."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    published: dt.date | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None


def parse_request(line: str) -> ExtractRequest | str:
    """The request on this line, or a one-line reason it cannot be read."""
    try:
        return ExtractRequest.model_validate_json(line)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "line"
        return f"{where}: {first['msg']}"


def request_id(line: str) -> str | None:
    """The id of a line that failed validation, when one can still be read."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        return None
    value = data.get("id") if isinstance(data, dict) else None
    return str(value) if value is not None else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def event_json(report: EventReport) -> dict[str, Any]:
    place, count = report.place, report.fatalities
    out: dict[str, Any] = {
        "event_type": report.event_type, "sub_event_type": report.sub_event_type,
        "family": report.family, "plover_type": report.plover_type,
        "plover_mode": report.plover_mode, "date": _iso(report.date.best),
        "date_start": _iso(report.date.start), "date_end": _iso(report.date.end),
        "date_precision": str(report.date.precision), "actor1": report.actor1,
        "assoc_actor1": report.assoc_actor1, "actor2": report.actor2,
        "assoc_actor2": report.assoc_actor2, "inter1": report.inter1, "inter2": report.inter2,
        "civilian_targeting": report.civilian_targeting, "location": report.location,
        "geonameid": place.geonameid if place else None, "country": report.country,
        "admin1": place.admin1 if place else None, "admin2": place.admin2 if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": report.geo_precision, "radius_km": report.radius_km,
        "fatalities": count.best if count else None,
        "fatalities_low": count.low if count else None,
        "fatalities_high": count.high if count else None,
        "fatalities_text": count.text if count else None,
        "displaced": report.displaced.best if report.displaced else None,
        "modality": str(report.modality), "confidence": report.confidence,
        "evidence": [{"start": span.start, "end": span.end} for span in report.evidence],
    }  # fmt: skip
    return out


def place_json(mention: PlaceMention) -> dict[str, Any]:
    place = mention.place
    return {
        "start": mention.span.start, "end": mention.span.end, "text": mention.text,
        "geonameid": place.geonameid if place else None, "name": place.name if place else None,
        "country": place.country if place else None,
        "feature_code": place.feature_code if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
    }  # fmt: skip


def extraction_json(request_id: str, extraction: Extraction) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": request_id,
        "language": extraction.document.language,
        "events": [event_json(report) for report in extraction.reports],
        "places": [place_json(mention) for mention in extraction.places],
    }
    if extraction.rejected is not None:
        out["rejected"] = extraction.rejected.reason
    return out


def rejected_json(request_id: str | None, document: Document | None, reason: str) -> dict[str, Any]:
    return {
        "id": request_id,
        "language": document.language if document else None,
        "events": [],
        "places": [],
        "rejected": reason,
    }
