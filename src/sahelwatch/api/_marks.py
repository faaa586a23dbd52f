"""A document's text cut into segments, each with the marks (evidence, places, assessments)
that cover it: what the API returns and the document page renders as highlighted text."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from sahelwatch.model import Assessment, EventReport, PlaceMention


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of the text and what it is: ``evidence`` (of a report, in an event), ``place``
    (a toponym and what it resolved to) or ``assessment``."""

    start: int
    end: int
    kind: str
    event_id: str | None = None
    report_id: str | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    start: int
    marks: tuple[int, ...]  # indexes into the marks list


def document_marks(
    text: str,
    reports: Sequence[tuple[str, EventReport]],
    places: Sequence[PlaceMention],
    assessments: Sequence[Assessment],
) -> list[Mark]:
    """Every mark of a document, in text order, clipped to the text."""
    marks = [
        Mark(span.start, span.end, "evidence", event_id, report.id, report.sub_event_type)
        for event_id, report in reports
        for span in report.evidence
    ]
    for mention in places:
        label = None if mention.place is None else f"{mention.place.name}, {mention.place.country}"
        marks.append(Mark(mention.span.start, mention.span.end, "place", label=label))
    for assessment in assessments:
        marks += [
            Mark(s.start, s.end, "assessment", label=assessment.kind) for s in assessment.evidence
        ]
    size = len(text)
    clipped = [
        Mark(
            max(0, min(m.start, size)),
            max(0, min(m.end, size)),
            m.kind,
            m.event_id,
            m.report_id,
            m.label,
        )
        for m in marks
    ]
    return sorted((m for m in clipped if m.end > m.start), key=lambda m: (m.start, -m.end, m.kind))


def segments(text: str, marks: Sequence[Mark]) -> list[Segment]:
    """The text cut at every mark boundary; each piece lists the marks covering it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    found = []
    for start, end in itertools.pairwise(cuts):
        covering = tuple(i for i, m in enumerate(marks) if m.start <= start and m.end >= end)
        found.append(Segment(text[start:end], start, covering))
    return found
