"""JSON Lines: one article object per line.

``{"id"?, "url"?, "title"?, "text" | "html", "published"?, "outlet"?, "language"?}``; other
keys are ignored. A bad line is one rejection (source ``file.jsonl:LINE``); the others go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from sahelwatch.ingest._dates import parse_date
from sahelwatch.ingest._decode import decode, split_lines
from sahelwatch.ingest._draft import Draft, clean_field, reject
from sahelwatch.ingest._html import extract_page, fragment_text
from sahelwatch.model import Rejected

MEDIA_TYPE = "application/jsonl"
_STRING_FIELDS = ("url", "title", "text", "html", "published", "outlet", "language")


def read_jsonl(data: bytes, source: str, fallbacks: tuple[str, ...]) -> Iterator[Draft | Rejected]:
    """Every non-blank line of a JSONL file: a draft or a rejection each."""
    decoded = decode(data, source, fallbacks)
    if isinstance(decoded, Rejected):
        yield decoded
        return
    for number, (line, raw) in enumerate(split_lines(data, decoded), start=1):
        if line.strip():
            yield read_record(line, raw, f"{source}:{number}")


def read_record(line: str, raw: bytes, source: str) -> Draft | Rejected:
    """One JSONL line."""
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as error:
        return reject("malformed", f"not valid JSON: {error.msg} at column {error.colno}", source)
    if not isinstance(record, dict):
        kind = type(record).__name__
        return reject("malformed", f"a line must hold a JSON object, not a {kind}", source)
    for key in _STRING_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            kind = type(record[key]).__name__
            return reject("malformed", f"field {key!r} must be a string, not a {kind}", source)
    if record.get("text") is None and record.get("html") is None:
        return reject("malformed", "the object has neither a 'text' nor an 'html' field", source)
    return _draft(record, raw, source)


def _draft(record: Mapping[str, str | None], raw: bytes, source: str) -> Draft:
    text, title, published = record.get("text"), record.get("title"), record.get("published")
    url = clean_field(record.get("url"))
    date = parse_date(published)
    html = record.get("html")
    if not (text and text.strip()) and html:
        page = extract_page(html, url)
        text = page.text if page else fragment_text(html)
        if page is not None:
            title, date = title or page.title, date or page.published
    return Draft(
        text=text or "",
        raw=raw,
        source=source,
        media_type=MEDIA_TYPE,
        title=clean_field(title),
        url=url,
        outlet=clean_field(record.get("outlet")),
        published=date,
        language=clean_field(record.get("language")),
    )
