"""sahelwatch: turns crisis reports into structured, geolocated, source-linked event data.

The public surface is the domain model and one entry function per pipeline stage::

    ingest.read_sources -> nlp.parse_documents -> extract.extract_events
        -> geo.geocode -> dedup.merge_reports -> store.Store
"""

from sahelwatch.model import (
    Actor,
    Assessment,
    Count,
    DatePrecision,
    Document,
    Event,
    EventDate,
    EventReport,
    Extraction,
    Mention,
    Modality,
    Place,
    PlaceMention,
    Rejected,
    Span,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Assessment",
    "Count",
    "DatePrecision",
    "Document",
    "Event",
    "EventDate",
    "EventReport",
    "Extraction",
    "Mention",
    "Modality",
    "Place",
    "PlaceMention",
    "Rejected",
    "Span",
    "__version__",
]
