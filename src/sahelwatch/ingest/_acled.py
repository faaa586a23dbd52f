"""ACLED-format CSV: one draft per row, the ``notes`` column as text.

The header must name ``notes`` and ``event_date``; ``source`` becomes the outlet. Rows are
located as ``file.csv:LINE``, LINE being the line the row starts on (the header is line 1).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence

from sahelwatch.ingest._dates import parse_date
from sahelwatch.ingest._decode import decode, split_lines
from sahelwatch.ingest._draft import Draft, clean_field, reject
from sahelwatch.model import Rejected

MEDIA_TYPE = "text/csv"
REQUIRED = ("notes", "event_date")


def read_acled(data: bytes, source: str, fallbacks: tuple[str, ...]) -> Iterator[Draft | Rejected]:
    """Every row of an ACLED-format CSV file: a draft or a rejection each."""
    decoded = decode(data, source, fallbacks)
    if isinstance(decoded, Rejected):
        yield decoded
        return
    lines = split_lines(data, decoded)
    reader = csv.reader(text for text, _ in lines)
    try:
        header = [name.strip().lower() for name in next(reader, [])]
    except csv.Error as error:
        yield reject("malformed", f"the CSV header cannot be read: {error}", source)
        return
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        names = " and ".join(repr(name) for name in missing)
        yield reject("malformed", f"not an ACLED-format CSV: no {names} column", source)
        return
    read = reader.line_num
    while True:
        located = f"{source}:{read + 1}"
        try:
            row = next(reader, None)
        except csv.Error as error:
            yield reject("malformed", f"the CSV cannot be read from here on: {error}", located)
            return
        if row is None:
            return
        raw = b"".join(line for _, line in lines[read : reader.line_num])
        read = reader.line_num
        if any(cell.strip() for cell in row):
            yield _row_draft(header, row, raw, located)


def _row_draft(
    header: Sequence[str], row: Sequence[str], raw: bytes, source: str
) -> Draft | Rejected:
    if len(row) != len(header):
        detail = f"the row has {len(row)} fields where the header has {len(header)}"
        return reject("malformed", detail, source)
    fields = dict(zip(header, row, strict=True))
    return Draft(
        text=fields["notes"],
        raw=raw,
        source=source,
        media_type=MEDIA_TYPE,
        outlet=clean_field(fields.get("source")),
        published=parse_date(fields["event_date"]),
    )
