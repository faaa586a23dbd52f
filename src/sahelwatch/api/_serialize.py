"""Domain objects and store records as JSON-ready dicts (dates as ISO strings).

The event summary keeps ACLED's names for the columns ACLED has (``event_date``,
``event_type``, ``sub_event_type``, ``actor1``, ``admin1``, ``location``, ``latitude``,
``fatalities``...), so a page of events reads like ACLED data with the extension beside it.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sahelwatch.model import Count, Document, EventReport, Place, Span
from sahelwatch.store import AuditEntry, Correction, EventReview, EventSummary
from sahelwatch.store._browse import SUMMARY_FIELDS

__all__ = [
    "SUMMARY_FIELDS",
    "csv_text",
    "document_json",
    "event_json",
    "geojson",
    "jsonable",
    "report_json",
    "source_json",
    "summary_json",
]


def jsonable(value: Any) -> Any:
    """Dates and datetimes as ISO strings, tuples as lists, dataclasses as dicts."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    return value


def _plain(value: Any) -> Any:
    """The JSON form of a summary value (dates, datetimes and tuples are all it holds)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return list(value) if isinstance(value, tuple) else value


def summary_json(summary: EventSummary, fields: Sequence[str] = SUMMARY_FIELDS) -> dict[str, Any]:
    return {name: _plain(getattr(summary, name)) for name in fields}


def _count(count: Count | None) -> dict[str, Any] | None:
    if count is None:
        return None
    return {"best": count.best, "low": count.low, "high": count.high, "text": count.text}


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    names = ("geonameid", "name", "country", "admin1", "admin2", "latitude", "longitude")
    return {name: getattr(place, name) for name in (*names, "feature_code")}


def _spans(spans: Iterable[Span], text: str | None) -> list[dict[str, Any]]:
    return [
        {"start": s.start, "end": s.end, "text": None if text is None else text[s.start : s.end]}
        for s in spans
    ]


def report_json(report: EventReport, text: str | None = None) -> dict[str, Any]:
    """A report as coded; evidence spans carry their text when the document text is given."""
    date = report.date
    body: dict[str, Any] = {
        "id": report.id,
        "document_id": report.doc_id,
        "date": {
            "start": jsonable(date.start),
            "end": jsonable(date.end),
            "precision": date.precision.value,
            "text": date.text,
        },
        "modality": report.modality.value,
        "place": _place(report.place),
        "location_span": None
        if report.location_span is None
        else _spans([report.location_span], text)[0],
        "evidence": _spans(report.evidence, text),
    }
    for name in (
        "family", "disorder_type", "event_type", "sub_event_type", "plover_type", "plover_mode",
        "intensity", "actor1", "assoc_actor1", "inter1", "actor2", "assoc_actor2", "inter2",
        "interaction", "civilian_targeting", "location", "country", "geo_precision",
        "radius_km", "confidence", "coder",
    ):  # fmt: skip
        body[name] = getattr(report, name)
    for name in ("fatalities", "injured", "displaced", "abducted", "arrested"):
        body[name] = _count(getattr(report, name))
    body["diseases"] = list(report.diseases)
    body["details"] = list(report.details)
    return body


def source_json(document: Document) -> dict[str, Any]:
    return {
        "document_id": document.id,
        "title": document.title,
        "url": document.url,
        "outlet": document.outlet,
        "published": jsonable(document.published),
        "language": document.language,
    }


def _correction(correction: Correction) -> dict[str, Any]:
    return jsonable(correction)  # type: ignore[no-any-return]


def _audit(entry: AuditEntry) -> dict[str, Any]:
    return jsonable(entry)  # type: ignore[no-any-return]


def event_json(review: EventReview, documents: Mapping[str, Document]) -> dict[str, Any]:
    """An event with its reports (evidence text included), sources, corrections and history."""
    body = summary_json(review.summary)
    body["reports"] = [
        report_json(r, documents[r.doc_id].text if r.doc_id in documents else None)
        for r in review.event.reports
    ]
    body["sources"] = [source_json(documents[d]) for d in sorted(documents)]
    body["corrections"] = [_correction(c) for c in review.corrections]
    body["history"] = [_audit(entry) for entry in review.history]
    return body


def document_json(document: Document) -> dict[str, Any]:
    body = source_json(document)
    body["id"] = body.pop("document_id")
    body |= {"source": document.source, "media_type": document.media_type}
    body["text"] = document.text
    return body


def geojson(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection; events without coordinates have a null geometry."""
    features = []
    for row in rows:
        lat, lon = row.get("latitude"), row.get("longitude")
        point = None
        if lat is not None and lon is not None:
            point = {"type": "Point", "coordinates": [lon, lat]}
        features.append({"type": "Feature", "id": row["id"], "geometry": point, "properties": row})
    return {"type": "FeatureCollection", "features": features}


def csv_text(rows: Iterable[dict[str, Any]], fields: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                key: ";".join(value) if isinstance(value, list) else "" if value is None else value
                for key, value in row.items()
            }
        )
    return out.getvalue()
