"""Conversion between domain objects and table rows (plain dicts keyed by column name).

Nothing here talks to the database: every function is a pure mapping, so the round trip of
each model field can be read in one place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sahelwatch.model import (
    Assessment,
    Count,
    DatePrecision,
    Document,
    Event,
    EventDate,
    EventReport,
    Modality,
    Place,
    PlaceMention,
    Rejected,
    Span,
)
from sahelwatch.store._countries import country_code, iso_numeric
from sahelwatch.store.schema import places

Row = Mapping[Any, Any]

PLACE_PREFIX = "place_"


def document_row(doc: Document, now: dt.datetime) -> dict[str, Any]:
    return {
        "id": doc.id,
        "raw": doc.raw,
        "text": doc.text,
        "title": doc.title,
        "url": doc.url,
        "outlet": doc.outlet,
        "published": doc.published,
        "language": doc.language,
        "source": doc.source,
        "media_type": doc.media_type,
        "ingested_at": now,
    }


def document_from_row(row: Row) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        raw=bytes(row["raw"]),
        language=row["language"],
        published=row["published"],
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        source=row["source"],
        media_type=row["media_type"],
    )


def reject_fingerprint(rejected: Rejected, document_id: str | None) -> str:
    """What makes two rejects identical: stage, reason, source and document."""
    key = "\x1f".join((rejected.stage, rejected.reason, rejected.source, document_id or ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def reject_row(rejected: Rejected, now: dt.datetime, coder: str | None = None) -> dict[str, Any]:
    return {
        "fingerprint": reject_fingerprint(rejected, rejected.document_id),
        "stage": rejected.stage,
        "reason": rejected.reason,
        "detail": rejected.detail,
        "source": rejected.source,
        "document_id": rejected.document_id,
        "coder": coder,
        "created_at": now,
    }


def reject_from_row(row: Row) -> Rejected:
    return Rejected(
        stage=row["stage"],
        reason=row["reason"],
        detail=row["detail"],
        source=row["source"],
        document_id=row["document_id"],
    )


def place_row(place: Place, now: dt.datetime) -> dict[str, Any]:
    return {
        "geonameid": place.geonameid,
        "name": place.name,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "feature_class": place.feature_class,
        "feature_code": place.feature_code,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "population": place.population,
        "alternate_names": list(place.alternate_names),
        "updated_at": now,
    }


def place_from_row(row: Row, prefix: str = "") -> Place | None:
    """The place in ``row`` (columns named ``prefix`` + column), None when the join found none."""
    if row[prefix + "geonameid"] is None:
        return None
    return Place(
        geonameid=row[prefix + "geonameid"],
        name=row[prefix + "name"],
        latitude=row[prefix + "latitude"],
        longitude=row[prefix + "longitude"],
        feature_class=row[prefix + "feature_class"],
        feature_code=row[prefix + "feature_code"],
        country=row[prefix + "country"],
        admin1=row[prefix + "admin1"],
        admin2=row[prefix + "admin2"],
        population=row[prefix + "population"],
        alternate_names=tuple(row[prefix + "alternate_names"]),
    )


PLACE_COLUMNS = tuple(column.label(PLACE_PREFIX + column.name) for column in places.c)


def time_precision(date: EventDate) -> int | None:
    """ACLED's time_precision: 1 a day, 2 a week or so, 3 a month or longer."""
    if date.start is None or date.precision is DatePrecision.UNKNOWN:
        return None
    if date.precision is DatePrecision.DAY:
        return 1
    if date.precision is DatePrecision.WEEK:
        return 2
    if date.precision is DatePrecision.RANGE and date.end is not None:
        return 2 if (date.end - date.start).days <= 6 else 3
    return 3


def _count_row(name: str, count: Count | None) -> dict[str, Any]:
    if count is None:
        return {name: None, f"{name}_low": None, f"{name}_high": None, f"{name}_text": None}
    return {
        name: count.best,
        f"{name}_low": count.low,
        f"{name}_high": count.high,
        f"{name}_text": count.text,
    }


def _count_from_row(row: Row, name: str) -> Count | None:
    if row[name] is None:
        return None
    return Count(row[name], row[f"{name}_low"], row[f"{name}_high"], row[f"{name}_text"] or "")


def _spans(spans: Sequence[Span]) -> list[list[int]]:
    return [[span.start, span.end] for span in spans]


def _spans_from(value: Sequence[Sequence[int]]) -> tuple[Span, ...]:
    return tuple(Span(int(start), int(end)) for start, end in value)


def report_country_code(report: EventReport) -> str | None:
    """ISO alpha-2 of the report's country; the place's country only when the report has none."""
    if report.country is not None:
        return country_code(report.country)
    return None if report.place is None else report.place.country


def report_row(report: EventReport, event_id: str, seq: int) -> dict[str, Any]:
    """The ``event_reports`` row of a report, placed at ``seq`` in event ``event_id``."""
    return {
        "document_id": report.doc_id,
        "id": report.id,
        "event_id": event_id,
        "seq": seq,
        **_acled_fields(report),
        **_extension_fields(report),
    }


def _acled_fields(report: EventReport) -> dict[str, Any]:
    place, code = report.place, report_country_code(report)
    return {
        "event_date": report.date.best,
        "year": None if report.date.best is None else report.date.best.year,
        "time_precision": time_precision(report.date),
        "disorder_type": report.disorder_type,
        "event_type": report.event_type,
        "sub_event_type": report.sub_event_type,
        "actor1": report.actor1,
        "assoc_actor1": report.assoc_actor1,
        "inter1": report.inter1,
        "actor2": report.actor2,
        "assoc_actor2": report.assoc_actor2,
        "inter2": report.inter2,
        "interaction": report.interaction,
        "civilian_targeting": report.civilian_targeting,
        "iso": iso_numeric(code),
        "country": report.country,
        "country_code": code,
        "admin1": None if place is None else place.admin1,
        "admin2": None if place is None else place.admin2,
        "location": report.location,
        "latitude": None if place is None else place.latitude,
        "longitude": None if place is None else place.longitude,
        "geo_precision": report.geo_precision,
        **_count_row("fatalities", report.fatalities),
    }


def _extension_fields(report: EventReport) -> dict[str, Any]:
    span = report.location_span
    return {
        "family": report.family,
        "plover_type": report.plover_type,
        "plover_mode": report.plover_mode,
        "intensity": report.intensity,
        "modality": report.modality.value,
        "date_start": report.date.start,
        "date_end": report.date.end,
        "date_precision": report.date.precision.value,
        "date_text": report.date.text,
        "location_start": None if span is None else span.start,
        "location_end": None if span is None else span.end,
        "geonameid": None if report.place is None else report.place.geonameid,
        "radius_km": report.radius_km,
        **_count_row("injured", report.injured),
        **_count_row("displaced", report.displaced),
        **_count_row("abducted", report.abducted),
        **_count_row("arrested", report.arrested),
        "diseases": list(report.diseases),
        "confidence": report.confidence,
        "coder": report.coder,
        "evidence": _spans(report.evidence),
        "details": list(report.details),
    }


def report_from_row(row: Row) -> EventReport:
    """The report in an ``event_reports`` row joined with :data:`PLACE_COLUMNS`."""
    has_span = row["location_start"] is not None
    return EventReport(
        id=row["id"],
        doc_id=row["document_id"],
        family=row["family"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        date=EventDate(
            row["date_start"],
            row["date_end"],
            DatePrecision(row["date_precision"]),
            row["date_text"],
        ),
        modality=Modality(row["modality"]),
        evidence=_spans_from(row["evidence"]),
        coder=row["coder"],
        disorder_type=row["disorder_type"],
        plover_type=row["plover_type"],
        plover_mode=row["plover_mode"],
        intensity=row["intensity"],
        actor1=row["actor1"],
        assoc_actor1=row["assoc_actor1"],
        actor2=row["actor2"],
        assoc_actor2=row["assoc_actor2"],
        inter1=row["inter1"],
        inter2=row["inter2"],
        civilian_targeting=row["civilian_targeting"],
        location=row["location"],
        location_span=Span(row["location_start"], row["location_end"]) if has_span else None,
        place=place_from_row(row, PLACE_PREFIX),
        country=row["country"],
        geo_precision=row["geo_precision"],
        radius_km=row["radius_km"],
        fatalities=_count_from_row(row, "fatalities"),
        injured=_count_from_row(row, "injured"),
        displaced=_count_from_row(row, "displaced"),
        abducted=_count_from_row(row, "abducted"),
        arrested=_count_from_row(row, "arrested"),
        diseases=tuple(row["diseases"]),
        confidence=row["confidence"],
        details=tuple(row["details"]),
    )


def event_row(event: Event, now: dt.datetime) -> dict[str, Any]:
    """The consolidated fields of an event: those of its lead report."""
    lead = event.lead
    place = lead.place
    return {
        "id": event.id,
        "lead_document_id": lead.doc_id,
        "lead_report_id": lead.id,
        "event_date": lead.date.best,
        "year": None if lead.date.best is None else lead.date.best.year,
        "family": lead.family,
        "disorder_type": lead.disorder_type,
        "event_type": lead.event_type,
        "sub_event_type": lead.sub_event_type,
        "modality": lead.modality.value,
        "actor1": lead.actor1,
        "actor2": lead.actor2,
        "country": lead.country,
        "country_code": report_country_code(lead),
        "admin1": None if place is None else place.admin1,
        "location": lead.location,
        "latitude": None if place is None else place.latitude,
        "longitude": None if place is None else place.longitude,
        "geo_precision": lead.geo_precision,
        "fatalities": None if lead.fatalities is None else lead.fatalities.best,
        "confidence": lead.confidence,
        "report_count": len(event.reports),
        "document_count": len({report.doc_id for report in event.reports}),
        "updated_at": now,
    }


def assessment_row(assessment: Assessment, seq: int) -> dict[str, Any]:
    return {
        "document_id": assessment.doc_id,
        "id": assessment.id,
        "seq": seq,
        "kind": assessment.kind,
        "text": assessment.text,
        "issuer": assessment.issuer,
        "parties": list(assessment.parties),
        "horizon": assessment.horizon,
        "evidence": _spans(assessment.evidence),
    }


def assessment_from_row(row: Row) -> Assessment:
    return Assessment(
        id=row["id"],
        doc_id=row["document_id"],
        kind=row["kind"],
        text=row["text"],
        evidence=_spans_from(row["evidence"]),
        issuer=row["issuer"],
        parties=tuple(row["parties"]),
        horizon=row["horizon"],
    )


def place_mention_row(doc_id: str, seq: int, mention: PlaceMention) -> dict[str, Any]:
    return {
        "document_id": doc_id,
        "seq": seq,
        "span_start": mention.span.start,
        "span_end": mention.span.end,
        "text": mention.text,
        "geonameid": None if mention.place is None else mention.place.geonameid,
        "rule": mention.rule,
    }


def place_mention_from_row(row: Row) -> PlaceMention:
    """The mention in a ``document_places`` row joined with :data:`PLACE_COLUMNS`."""
    return PlaceMention(
        span=Span(row["span_start"], row["span_end"]),
        text=row["text"],
        place=place_from_row(row, PLACE_PREFIX),
        rule=row["rule"],
    )


def actor_mentions(row: Row) -> Iterator[tuple[str, int | None]]:
    """Each actor an ``event_reports`` row names, with its inter code.

    Associated actors follow ACLED: several names in one field, separated by ``;``.
    """
    for name, inter in ((row["actor1"], row["inter1"]), (row["actor2"], row["inter2"])):
        if name and name.strip():
            yield name.strip(), inter
    for group in (row["assoc_actor1"], row["assoc_actor2"]):
        for name in (group or "").split(";"):
            if name.strip():
                yield name.strip(), None
