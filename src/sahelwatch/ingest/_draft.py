"""Drafts: what a format reader found, before the language is settled and an id is given."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from sahelwatch.model import Rejected

STAGE = "ingest"
_SPACE = re.compile(r"\s+")
_NEWLINE = re.compile(r"\r\n?")


@dataclass(frozen=True, slots=True)
class Draft:
    """One article as a format reader found it; ``language`` is the source's own, unchecked."""

    text: str
    raw: bytes
    source: str
    media_type: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None


def document_id(text: str) -> str:
    """The content hash: sha256 of the NFC text with whitespace collapsed, 16 hex digits."""
    normal = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def clean_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no surrounding blank space: the form every stage works on."""
    return _NEWLINE.sub("\n", unicodedata.normalize("NFC", text)).strip()


def clean_field(value: str | None) -> str | None:
    """A metadata value with surrounding space removed; ``None`` when nothing is left."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def reject(reason: str, detail: str, source: str, document_id: str | None = None) -> Rejected:
    """An ingest rejection; ``detail`` is kept to one line."""
    return Rejected(STAGE, reason, " ".join(detail.split()), source, document_id)


def oversize(size: int | None, limit: int, source: str) -> Rejected:
    """An ``oversize`` rejection; ``size`` is None when a stream went over without saying."""
    told = f"{size:,} bytes" if size is not None else "larger"
    return reject("oversize", f"{told}, over the {limit:,}-byte limit (ingest.max_file_mb)", source)
