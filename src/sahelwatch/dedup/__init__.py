"""The ``dedup`` stage: clusters reports of the same real-world event into Events.

For now each report is its own event (identity); the clustering replaces this function
without touching the other stages.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sahelwatch.model import Event, EventReport

__all__ = ["merge_reports"]


def merge_reports(reports: Iterable[EventReport]) -> Iterator[Event]:
    """One Event per report (identity clustering); the event id is the report id."""
    for report in reports:
        yield Event(id=report.id, reports=(report,))
