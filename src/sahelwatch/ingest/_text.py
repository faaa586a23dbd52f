"""Plain text and Markdown, with optional front matter between two ``---`` lines.

Front matter is a few ``key: value`` lines (``title``, ``url``, ``outlet``, ``published``,
``language``); other keys are ignored. It is not YAML: no nesting, lists or multi-line values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from sahelwatch.ingest._dates import parse_date
from sahelwatch.ingest._decode import decode
from sahelwatch.ingest._draft import Draft, clean_field
from sahelwatch.model import Rejected

PLAIN = "text/plain"
MARKDOWN = "text/markdown"
_FENCE = re.compile(r"-{3,}[ \t]*")
_HEADING = re.compile(r"#\s+(.+?)\s*#*\s*")


def read_text(
    data: bytes,
    source: str,
    fallbacks: tuple[str, ...],
    media_type: str = PLAIN,
    charset: str | None = None,
) -> Iterator[Draft | Rejected]:
    """One text or Markdown file: one draft, or why there is none."""
    decoded = decode(data, source, fallbacks, charset)
    if isinstance(decoded, Rejected):
        yield decoded
        return
    meta, body = split_front_matter(decoded.text)
    title = clean_field(meta.get("title"))
    if title is None and media_type == MARKDOWN:
        title = _first_heading(body)
    yield Draft(
        text=body,
        raw=data,
        source=source,
        media_type=media_type,
        title=title,
        url=clean_field(meta.get("url")),
        outlet=clean_field(meta.get("outlet")),
        published=parse_date(meta.get("published")),
        language=clean_field(meta.get("language")),
    )


def split_front_matter(text: str) -> tuple[Mapping[str, str], str]:
    """The front matter keys (lower case) and the body; no front matter -> ``({}, text)``."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or not _FENCE.fullmatch(lines[0].rstrip("\r\n")):
        return {}, text
    for end, line in enumerate(lines[1:], start=1):
        if _FENCE.fullmatch(line.rstrip("\r\n")):
            return _read_pairs(lines[1:end]), "".join(lines[end + 1 :])
    return {}, text


def _read_pairs(lines: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for line in lines:
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon or not key or key.startswith("#"):
            continue
        pairs[key] = _unquote(value.strip())
    return pairs


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _first_heading(body: str) -> str | None:
    for line in body.splitlines():
        if line.strip():
            match = _HEADING.fullmatch(line.strip())
            return clean_field(match[1]) if match else None
    return None
