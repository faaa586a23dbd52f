"""The domain model: frozen dataclasses passed from stage to stage.

Every stage takes and yields these objects, never dicts; pydantic lives only at the
edges (API input, data-pack validation). Optional fields are ``None`` when unknown:
the coder never guesses.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class Modality(enum.StrEnum):
    """How the text presents an event (see DESIGN: *Modality matters*)."""

    REPORTED = "reported"
    BACKGROUND = "background"
    CLAIMED = "claimed"
    DENIED = "denied"
    THREATENED = "threatened"
    FORECAST = "forecast"
    RECOMMENDED = "recommended"


class DatePrecision(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    RANGE = "range"
    UNKNOWN = "unknown"


class MentionKind(enum.StrEnum):
    ACTOR = "actor"
    PLACE = "place"
    DATE = "date"
    COUNT = "count"
    TRIGGER = "trigger"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """One report as received.

    ``id`` is a hash of the normalised text, so the same content ingested twice (or from
    two files) is one document. ``raw`` keeps the bytes exactly as received.
    ``published`` is ``None`` when the source does not say: it is never guessed.
    """

    id: str
    text: str
    raw: bytes
    language: str | None
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str | None = None
    media_type: str = "text/plain"


@dataclass(frozen=True, slots=True)
class Rejected:
    """Input or content that could not be processed, kept and counted instead of lost.

    ``stage`` names the pipeline stage (``ingest``, ``nlp``, ``extract``...), ``reason`` is a
    short stable code (``empty``, ``binary``, ``oversize``, ``no_event``...) and ``detail`` the
    human sentence shown to users.
    """

    stage: str
    reason: str
    detail: str
    source: str
    document_id: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A piece of text some rule or model recognised, with the rule that found it."""

    doc_id: str
    span: Span
    text: str
    kind: MentionKind
    rule: str


@dataclass(frozen=True, slots=True)
class Affiliation:
    """Membership of an actor in a larger one over a validity period (open ends are None)."""

    parent: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """An entry of the actor dictionary."""

    id: str
    name: str
    inter: int
    country: str | None = None
    acled_name: str | None = None
    sector: str | None = None
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    affiliations: tuple[Affiliation, ...] = ()

    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias in every language."""
        return (self.name, *(alias for _, group in self.aliases for alias in group))


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry (GeoNames or the curated additions)."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country: str
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    alternate_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym found in a text and what it resolved to (``place`` is None when unresolved)."""

    span: Span
    text: str
    place: Place | None
    rule: str


@dataclass(frozen=True, slots=True)
class Count:
    """A number of people as the text gives it, with ACLED's best figure."""

    best: int
    low: int | None
    high: int | None
    text: str


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: a day, or a range with its precision."""

    start: dt.date | None
    end: dt.date | None
    precision: DatePrecision
    text: str | None = None

    @property
    def best(self) -> dt.date | None:
        """ACLED's event_date: the day itself, or the first day of a range."""
        return self.start

    @classmethod
    def unknown(cls) -> EventDate:
        return cls(None, None, DatePrecision.UNKNOWN)


@dataclass(frozen=True, slots=True)
class EventReport:
    """One event as one document tells it.

    ``event_type`` and ``sub_event_type`` are ACLED's names verbatim, or the extension's
    (family *displacement*, *health*, *strategic*, *diplomacy*). ``evidence`` points at
    the sentences that carry the event, ``coder`` says which rule or model coded it.
    """

    id: str
    doc_id: str
    family: str
    event_type: str
    sub_event_type: str
    date: EventDate
    modality: Modality
    evidence: tuple[Span, ...]
    coder: str
    disorder_type: str | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    intensity: float | None = None
    actor1: str | None = None
    assoc_actor1: str | None = None
    actor2: str | None = None
    assoc_actor2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    civilian_targeting: bool | None = None
    location: str | None = None
    location_span: Span | None = None
    place: Place | None = None
    country: str | None = None
    geo_precision: int | None = None
    radius_km: float | None = None
    fatalities: Count | None = None
    injured: Count | None = None
    displaced: Count | None = None
    abducted: Count | None = None
    arrested: Count | None = None
    diseases: tuple[str, ...] = ()
    confidence: float = 0.5
    details: tuple[str, ...] = ()

    @property
    def interaction(self) -> int | None:
        """ACLED's interaction code: the two inter codes, smaller first (10 x a + b)."""
        if self.inter1 is None:
            return None
        if self.inter2 is None:
            return self.inter1 * 10
        low, high = sorted((self.inter1, self.inter2))
        return 10 * low + high


@dataclass(frozen=True, slots=True)
class Event:
    """A real-world event: a cluster of reports and its consolidated fields."""

    id: str
    reports: tuple[EventReport, ...]

    @property
    def lead(self) -> EventReport:
        """The report whose fields stand for the event (the most confident one)."""
        return max(self.reports, key=lambda report: report.confidence)


@dataclass(frozen=True, slots=True)
class Assessment:
    """An analytic warning or recommendation: not an event, kept to be scored later."""

    id: str
    doc_id: str
    kind: str
    text: str
    evidence: tuple[Span, ...]
    issuer: str | None = None
    parties: tuple[str, ...] = ()
    horizon: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """All that the coder found in one document."""

    document: Document
    reports: tuple[EventReport, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    mentions: tuple[Mention, ...] = field(default=())
    rejected: Rejected | None = None
