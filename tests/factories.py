"""Domain objects built by hand for tests: no models, no gazetteer, no database.

``make_report`` gives a realistic report with every field set (a drone strike on
Tinzaouaten told by :data:`TEXT`, evidence spans pointing into it); ``make_minimal_report``
one with only the required fields. Every factory takes keyword overrides, applied with
:func:`dataclasses.replace`, so a test states only what it is about::

    doc = make_document()
    report = make_report(doc, confidence=0.9, place=None)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from typing import Any

from sahelwatch.model import (
    Assessment,
    Count,
    DatePrecision,
    Document,
    Event,
    EventDate,
    EventReport,
    Extraction,
    Modality,
    Place,
    PlaceMention,
    Rejected,
    Span,
)

TEXT = (
    "Tinzaouaten, 2 September 2024. A series of drone strikes by the Malian army on the "
    "commune of Tinzaouaten in August destroyed the only pharmacy, killed several children "
    "and wounded at least two adults, local officials said. Hundreds of families fled "
    "towards the Algerian border. Analysts warn that tensions between Algeria and Mali "
    "could turn into open confrontation."
)
PUBLISHED = dt.date(2024, 9, 2)
CODER = "rules-0.1"


def document_id(text: str) -> str:
    """A stand-in for ingest's content hash: 16 hex digits of the text's SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def span_of(text: str, part: str, occurrence: int = 1) -> Span:
    """The span of the ``occurrence``-th ``part`` in ``text`` (ValueError if absent)."""
    start = -1
    for _ in range(occurrence):
        start = text.index(part, start + 1)
    return Span(start, start + len(part))


def make_document(text: str = TEXT, **overrides: Any) -> Document:
    document = Document(
        id=document_id(text),
        text=text,
        raw=b"\xef\xbb\xbf" + text.encode("utf-8") + b"\r\n",
        language="en",
        published=PUBLISHED,
        title="Drone strikes on Tinzaouaten",
        url="https://example.org/news/tinzaouaten-drones",
        outlet="Example News",
        source="/data/reports/tinzaouaten.txt",
        media_type="text/plain",
    )
    return dataclasses.replace(document, **overrides)


def make_place(**overrides: Any) -> Place:
    """Ti-n-Zaouâtene, Mali (GeoNames 2476086), with every field set."""
    place = Place(
        geonameid=2476086,
        name="Ti-n-Zaouâtene",
        latitude=19.95028,
        longitude=2.96694,
        feature_class="P",
        feature_code="PPL",
        country="ML",
        admin1="Kidal",
        admin2="Tessalit",
        population=2500,
        alternate_names=("Tinzaouaten", "Tin Zaouatene", "Tinzawatene", "تين زواتين"),
    )
    return dataclasses.replace(place, **overrides)


def make_report(document: Document | None = None, **overrides: Any) -> EventReport:
    """The drone strike of :data:`TEXT`, with every field of EventReport set."""
    doc = document or make_document()
    sentence = span_of(
        TEXT, "A series of drone strikes by the Malian army on the commune of Tinzaouaten"
    )
    report = EventReport(
        id="r1",
        doc_id=doc.id,
        family="conflict",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date=EventDate(dt.date(2024, 8, 1), dt.date(2024, 8, 31), DatePrecision.MONTH, "in August"),
        modality=Modality.REPORTED,
        evidence=(Span(sentence.start, span_of(TEXT, "local officials said.").end),),
        coder=CODER,
        disorder_type="Political violence",
        plover_type="ASSAULT",
        plover_mode="drone",
        intensity=-9.5,
        actor1="Military Forces of Mali (2021-)",
        assoc_actor1="Wagner Group; Africa Corps",
        actor2="Civilians (Mali)",
        assoc_actor2="Health Workers (Mali)",
        inter1=1,
        inter2=7,
        civilian_targeting=True,
        location="Tinzaouaten",
        location_span=span_of(TEXT, "Tinzaouaten", occurrence=2),
        place=make_place(),
        country="Mali",
        geo_precision=2,
        radius_km=25.0,
        fatalities=Count(3, 3, None, "killed several children"),
        injured=Count(2, 2, None, "wounded at least two adults"),
        displaced=Count(100, 100, 999, "Hundreds of families fled"),
        abducted=Count(12, None, None, "a dozen women"),
        arrested=Count(4, 4, None, "at least four suspects"),
        diseases=("malaria", "diphtheria"),
        confidence=0.85,
        details=("pharmacy destroyed", "series of strikes"),
    )
    return dataclasses.replace(report, **overrides)


def make_minimal_report(
    doc_id: str | None = None, report_id: str = "r1", **overrides: Any
) -> EventReport:
    """A report with only the fields EventReport requires (the others at their defaults)."""
    report = EventReport(
        id=report_id,
        doc_id=doc_id or make_document().id,
        family="health",
        event_type="Health",
        sub_event_type="Disease outbreak",
        date=EventDate.unknown(),
        modality=Modality.REPORTED,
        evidence=(),
        coder=CODER,
    )
    return dataclasses.replace(report, **overrides)


def make_assessment(document: Document | None = None, **overrides: Any) -> Assessment:
    """The analysts' warning of :data:`TEXT`."""
    doc = document or make_document()
    assessment = Assessment(
        id="a1",
        doc_id=doc.id,
        kind="warning",
        text="tensions between Algeria and Mali could turn into open confrontation",
        evidence=(span_of(TEXT, "Analysts warn that tensions between Algeria and Mali"),),
        issuer="Analysts",
        parties=("Algeria", "Mali"),
        horizon="unspecified",
    )
    return dataclasses.replace(assessment, **overrides)


def make_place_mention(**overrides: Any) -> PlaceMention:
    mention = PlaceMention(
        span=span_of(TEXT, "Tinzaouaten"),
        text="Tinzaouaten",
        place=make_place(),
        rule="gazetteer:exact",
    )
    return dataclasses.replace(mention, **overrides)


def make_event(*reports: EventReport, event_id: str | None = None) -> Event:
    """An event of ``reports``; its id defaults to ``e-`` + the first report's doc and id."""
    first = reports[0]
    return Event(event_id or f"e-{first.doc_id}-{first.id}", tuple(reports))


def make_extraction(document: Document | None = None, **overrides: Any) -> Extraction:
    """An extraction of :data:`TEXT` with one full report, an assessment and a place mention."""
    doc = document or make_document()
    extraction = Extraction(
        document=doc,
        reports=(make_report(doc),),
        assessments=(make_assessment(doc),),
        places=(
            make_place_mention(),
            make_place_mention(
                span=span_of(TEXT, "Algerian border"),
                text="Algerian border",
                place=None,
                rule="ner:unresolved",
            ),
        ),
    )
    return dataclasses.replace(extraction, **overrides)


def make_rejected(**overrides: Any) -> Rejected:
    rejected = Rejected(
        stage="ingest",
        reason="empty",
        detail="the file holds no text",
        source="/data/reports/empty.txt",
    )
    return dataclasses.replace(rejected, **overrides)
