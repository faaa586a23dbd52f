"""Which reader a source goes to: by file extension or content type, else by its first bytes."""

from __future__ import annotations

import codecs
import enum
import re


class Kind(enum.Enum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    JSONL = "jsonl"
    FEED = "feed"
    CSV = "csv"
    UNSUPPORTED = "unsupported"


_BY_SUFFIX = {
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".md": Kind.MARKDOWN,
    ".markdown": Kind.MARKDOWN,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".jsonl": Kind.JSONL,
    ".ndjson": Kind.JSONL,
    ".xml": Kind.FEED,
    ".rss": Kind.FEED,
    ".atom": Kind.FEED,
    ".csv": Kind.CSV,
}
_UNSUPPORTED_SUFFIXES = frozenset(
    [
        ".pdf",
        ".doc",
        ".docx",
        ".odt",
        ".rtf",
        ".epub",
        ".xls",
        ".xlsx",
        ".ods",
        ".ppt",
        ".pptx",
        ".zip",
        ".gz",
        ".bz2",
        ".xz",
        ".7z",
        ".tar",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".tif",
        ".tiff",
        ".mp3",
        ".mp4",
        ".wav",
        ".ogg",
        ".webm",
        ".exe",
        ".so",
        ".dll",
        ".sqlite",
        ".db",
    ]
)
_BY_CONTENT_TYPE = {
    "text/plain": Kind.TEXT,
    "text/markdown": Kind.MARKDOWN,
    "text/html": Kind.HTML,
    "application/xhtml+xml": Kind.HTML,
    "application/rss+xml": Kind.FEED,
    "application/atom+xml": Kind.FEED,
    "application/rdf+xml": Kind.FEED,
    "application/xml": Kind.FEED,
    "text/xml": Kind.FEED,
    "application/jsonl": Kind.JSONL,
    "application/x-ndjson": Kind.JSONL,
    "application/jsonlines": Kind.JSONL,
    "text/csv": Kind.CSV,
}
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_HTML_MARKS = (b"<!doctype html", b"<html", b"<head", b"<body")
_ACLED_HEADER = re.compile(rb"(?=.*\bnotes\b)(?=.*\bevent_date\b).*,")


def kind_of_suffix(suffix: str) -> Kind | None:
    """The reader for a file extension; ``None`` when the extension says nothing."""
    suffix = suffix.lower()
    if suffix in _UNSUPPORTED_SUFFIXES:
        return Kind.UNSUPPORTED
    return _BY_SUFFIX.get(suffix)


def kind_of_content_type(media_type: str | None) -> Kind | None:
    """The reader for an HTTP media type; ``None`` when it says nothing useful."""
    if media_type is None:
        return None
    if media_type.startswith(("image/", "audio/", "video/")) or media_type == "application/pdf":
        return Kind.UNSUPPORTED
    return _BY_CONTENT_TYPE.get(media_type)


def sniff(data: bytes) -> Kind:
    """Guess the reader from the first bytes; plain text when nothing else fits."""
    head = data[:4096].removeprefix(codecs.BOM_UTF8).lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith(_FEED_ROOTS):
        return Kind.HTML if b"<html" in head and not _has_feed_root(head) else Kind.FEED
    if head.startswith(b"<") and any(mark in head for mark in _HTML_MARKS):
        return Kind.HTML
    if head.startswith(b"{"):
        return Kind.JSONL
    if _ACLED_HEADER.match(head.split(b"\n", 1)[0]):
        return Kind.CSV
    return Kind.TEXT


def _has_feed_root(head: bytes) -> bool:
    return any(root in head for root in _FEED_ROOTS)
