"""The ``export`` stage: events as ACLED-column CSV and GeoJSON.

The first 31 CSV columns are ACLED's, in ACLED's order, holding only values ACLED knows: an
extension event (a forced expulsion, an outbreak) appears there as its nearest ACLED type
(Strategic developments / Other). The extension columns that follow keep what ACLED cannot say.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import IO, Any

from sahelwatch.countries import Countries
from sahelwatch.model import Document, Event, EventReport
from sahelwatch.pack import EventType

__all__ = [
    "ACLED_COLUMNS",
    "EXTENSION_COLUMNS",
    "event_row",
    "write_csv",
    "write_geojson",
]

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
EXTENSION_COLUMNS = (
    "family", "ext_event_type", "ext_sub_event_type", "plover_type", "plover_mode",
    "plover_intensity", "modality", "date_start", "date_end", "date_precision", "geonameid",
    "country_iso2", "radius_km", "fatalities_low", "fatalities_high", "fatalities_text",
    "injured", "displaced", "displaced_text", "confidence", "coder", "report_count",
    "document_ids", "urls", "evidence", "review_status", "corrected",
)  # fmt: skip
# Fields an analyst may correct that are copied to the row as they are.
_PLAIN_CORRECTIONS = (
    "disorder_type", "modality", "actor1", "actor2", "admin1", "location", "latitude",
    "longitude", "geo_precision", "fatalities",
)  # fmt: skip


def _time_precision(report: EventReport) -> int | None:
    start, end = report.date.start, report.date.end
    if start is None or end is None:
        return None
    days = (end - start).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def event_row(
    event: Event,
    documents: Mapping[str, Document],
    types: Mapping[str, EventType],
    countries: Countries,
    corrections: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """One export row: ACLED's columns, then the extension's, with analyst corrections laid over.

    ``corrections`` maps a corrected field to the analyst's value (as ``Store.corrections``
    returns them); the machine's values stay in the store and on the event page.
    """
    lead = event.lead
    kind = types.get(lead.sub_event_type)
    docs = [documents[r.doc_id] for r in event.reports if r.doc_id in documents]
    place = lead.place
    country = countries.find(lead.country) or countries.find(place.country if place else None)
    date = lead.date.best
    notes = " ".join(
        documents[r.doc_id].text[s.start : s.end].strip()
        for r in event.reports
        if r.doc_id in documents
        for s in r.evidence
    )
    row: dict[str, Any] = {
        "event_id_cnty": f"{country.iso3 if country else 'XXX'}{event.id[:8].upper()}",
        "event_date": date.isoformat() if date else None,
        "year": date.year if date else None,
        "time_precision": _time_precision(lead),
        "disorder_type": kind.disorder_type if kind else lead.disorder_type,
        "event_type": kind.acled_event_type if kind else lead.event_type,
        "sub_event_type": kind.acled_sub_event_type if kind else lead.sub_event_type,
        "actor1": lead.actor1, "assoc_actor_1": lead.assoc_actor1, "inter1": lead.inter1,
        "actor2": lead.actor2, "assoc_actor_2": lead.assoc_actor2, "inter2": lead.inter2,
        "interaction": lead.interaction,
        "civilian_targeting": "Civilian targeting" if lead.civilian_targeting else None,
        "iso": country.iso_numeric if country else None,
        "region": country.acled_region if country else None,
        "country": country.name if country else None,
        "admin1": place.admin1 if place else None, "admin2": place.admin2 if place else None,
        "admin3": None, "location": lead.location,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": lead.geo_precision,
        "source": "; ".join(sorted({d.outlet for d in docs if d.outlet})) or None,
        "source_scale": None, "notes": notes or None,
        "fatalities": lead.fatalities.best if lead.fatalities else 0,
        "tags": None, "timestamp": None,
    }  # fmt: skip
    row.update(_extension(event, lead, docs))
    row["country_iso2"] = country.iso2 if country else None
    return _corrected(row, corrections or {}, types, countries)


def _corrected(
    row: dict[str, Any],
    corrections: Mapping[str, Any],
    types: Mapping[str, EventType],
    countries: Countries,
) -> dict[str, Any]:
    fields = sorted(field for field in corrections if field != "status")
    row["review_status"] = corrections.get("status", "unreviewed")
    row["corrected"] = ";".join(fields) or None
    for field in _PLAIN_CORRECTIONS:
        if field in corrections:
            row[field] = corrections[field]
    if "event_date" in corrections:
        day = corrections["event_date"]
        row["event_date"], row["year"] = day, int(day[:4]) if day else None
    if "sub_event_type" in corrections:
        sub = corrections["sub_event_type"]
        kind = types.get(sub)
        row["ext_sub_event_type"] = sub
        row["sub_event_type"] = kind.acled_sub_event_type if kind else sub
        if kind is not None:
            row["event_type"], row["ext_event_type"] = kind.acled_event_type, kind.event_type
            row["family"], row["disorder_type"] = kind.family, kind.disorder_type
    if "event_type" in corrections:
        value = row["ext_event_type"] = corrections["event_type"]
        if any(kind.acled_event_type == value for kind in types.values()):
            row["event_type"] = value
    if "family" in corrections:
        row["family"] = corrections["family"]
    if "country" in corrections:
        country = countries.find(corrections["country"])
        row["country"] = country.name if country else corrections["country"]
        row["iso"] = country.iso_numeric if country else None
        row["region"] = country.acled_region if country else None
        row["country_iso2"] = country.iso2 if country else None
    return row


def _extension(event: Event, lead: EventReport, docs: list[Document]) -> dict[str, Any]:
    count = lead.fatalities
    return {
        "family": lead.family, "ext_event_type": lead.event_type,
        "ext_sub_event_type": lead.sub_event_type, "plover_type": lead.plover_type,
        "plover_mode": lead.plover_mode, "plover_intensity": lead.intensity,
        "modality": str(lead.modality),
        "date_start": lead.date.start.isoformat() if lead.date.start else None,
        "date_end": lead.date.end.isoformat() if lead.date.end else None,
        "date_precision": str(lead.date.precision),
        "geonameid": lead.place.geonameid if lead.place else None,
        "radius_km": lead.radius_km,
        "fatalities_low": count.low if count else None,
        "fatalities_high": count.high if count else None,
        "fatalities_text": count.text if count else None,
        "injured": lead.injured.best if lead.injured else None,
        "displaced": lead.displaced.best if lead.displaced else None,
        "displaced_text": lead.displaced.text if lead.displaced else None,
        "confidence": lead.confidence, "coder": lead.coder,
        "report_count": len(event.reports),
        "document_ids": ";".join(sorted({r.doc_id for r in event.reports})),
        "urls": ";".join(sorted({d.url for d in docs if d.url})) or None,
        "evidence": json.dumps([
            {"document": r.doc_id, "start": s.start, "end": s.end}
            for r in event.reports for s in r.evidence
        ]),
    }  # fmt: skip


def _cell(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else value


def write_csv(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """Write rows with ACLED's columns first; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=(*ACLED_COLUMNS, *EXTENSION_COLUMNS))
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
        count += 1
    return count


def write_geojson(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """Write a GeoJSON FeatureCollection (events without coordinates have a null geometry)."""
    features = [
        {
            "type": "Feature",
            "id": row["event_id_cnty"],
            "geometry": (
                {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
                if row["latitude"] is not None and row["longitude"] is not None
                else None
            ),
            "properties": dict(row),
        }
        for row in rows
    ]
    json.dump(
        {"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1
    )
    return len(features)
