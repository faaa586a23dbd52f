"""ACLED-format CSV rows, for training and measuring the coder on the user's own ACLED data.

The rows are read as given; nothing from them is stored in the package. :func:`split_rows`
splits a file into disjoint parts by a hash of each row's event id, so that a model is never
measured on the rows it learned from. :func:`primary_report` picks the event of a coded note
that stands for the row.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sahelwatch.errors import SourceError
from sahelwatch.model import Document, EventReport, Extraction, Modality

__all__ = ["AcledRow", "primary_report", "read_acled", "row_document", "split_rows"]

_REQUIRED = ("notes", "event_date", "event_type")
_FIRST = frozenset({Modality.REPORTED, Modality.CLAIMED})
_VIOLENT = frozenset({"conflict", "protest"})


@dataclass(frozen=True, slots=True)
class AcledRow:
    """The fields of an ACLED row the evaluation compares."""

    event_id: str
    event_date: dt.date
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    country: str
    latitude: float | None
    longitude: float | None
    fatalities: int
    notes: str


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def read_acled(path: Path) -> list[AcledRow]:
    """Every row of an ACLED-format CSV that has notes and a date."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise SourceError(f"cannot open {path}: {exc.strerror}") from exc
    with handle:
        reader = csv.DictReader(handle)
        header = {name.strip().lower() for name in reader.fieldnames or ()}
        missing = [name for name in _REQUIRED if name not in header]
        if missing:
            raise SourceError(f"{path} is not an ACLED-format CSV: no {', '.join(missing)} column")
        rows = [_row(record, number) for number, record in enumerate(reader, 2)]
    return [row for row in rows if row is not None]


def _row(record: dict[str, str], number: int) -> AcledRow | None:
    fields = {key.strip().lower(): (value or "").strip() for key, value in record.items() if key}
    try:
        date = dt.date.fromisoformat(fields["event_date"][:10])
    except ValueError:
        return None
    if not fields["notes"]:
        return None
    return AcledRow(
        event_id=fields.get("event_id_cnty") or f"row{number}",
        event_date=date,
        event_type=fields["event_type"],
        sub_event_type=fields.get("sub_event_type", ""),
        actor1=fields.get("actor1", ""),
        actor2=fields.get("actor2", ""),
        country=fields.get("country", ""),
        latitude=_float(fields.get("latitude", "")),
        longitude=_float(fields.get("longitude", "")),
        fatalities=int(_float(fields.get("fatalities", "")) or 0),
        notes=fields["notes"],
    )


def bucket(row: AcledRow, parts: int = 100) -> int:
    """A stable number in ``[0, parts)`` from the row's event id."""
    digest = hashlib.sha256(row.event_id.encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % parts


def split_rows(
    rows: Iterable[AcledRow], train_share: float = 0.5
) -> tuple[list[AcledRow], list[AcledRow]]:
    """(train, test): disjoint, by a hash of the event id (the same split on every run)."""
    train: list[AcledRow] = []
    test: list[AcledRow] = []
    for row in rows:
        (train if bucket(row) < train_share * 100 else test).append(row)
    return train, test


def row_document(row: AcledRow) -> Document:
    """The row's notes as an English document published on the event date."""
    text = row.notes
    return Document(
        id=f"acled:{row.event_id}",
        text=text,
        raw=text.encode("utf-8"),
        language="en",
        published=row.event_date,
        source=row.event_id,
    )


def primary_report(extraction: Extraction) -> EventReport | None:
    """The event that stands for an ACLED row: the first one told as happening, of the kinds
    ACLED codes first (political violence and demonstrations, then the rest)."""
    reports = sorted(extraction.reports, key=lambda r: r.evidence[0].start if r.evidence else 0)
    happening = [r for r in reports if r.modality in _FIRST]
    chosen: Sequence[EventReport] = happening or reports
    violent = [r for r in chosen if r.family in _VIOLENT]
    return (violent or chosen)[0] if chosen else None
