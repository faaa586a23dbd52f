"""RSS and Atom feeds (feedparser): one draft per item.

An item that carries only a short summary has its link fetched and the page extracted; when
that fails the summary is used. Items are located as ``feed#N`` (N counts items from 1).
"""

from __future__ import annotations

import io
import json
import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import feedparser

from sahelwatch.ingest._dates import date_from_struct, parse_date
from sahelwatch.ingest._decode import decode
from sahelwatch.ingest._draft import Draft, clean_field, clean_text, reject
from sahelwatch.ingest._fetch import Fetched, Fetcher
from sahelwatch.ingest._html import MEDIA_TYPE as HTML_MEDIA_TYPE
from sahelwatch.ingest._html import Page, declared_charset, extract_page, fragment_text
from sahelwatch.ingest._kind import Kind, kind_of_content_type, sniff
from sahelwatch.model import Rejected

RSS = "application/rss+xml"
ATOM = "application/atom+xml"
# Items whose own text is shorter than this have their page fetched.
SHORT_SUMMARY = 400
_ENTRY = re.compile(rb"<((?:[\w.-]+:)?(?:item|entry))\b[^>]*>.*?</\1\s*>", re.S | re.I)


def read_feed(
    data: bytes, source: str, fetcher: Fetcher, fallbacks: tuple[str, ...]
) -> Iterator[Draft | Rejected]:
    """Every item of a feed: a draft or a rejection each."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never fetches it
    entries, version = parsed.get("entries", []), parsed.get("version") or ""
    if not entries:
        yield _refusal(parsed, version, source)
        return
    feed = _Feed(
        fetcher=fetcher,
        fallbacks=fallbacks,
        media_type=ATOM if version.startswith("atom") else RSS,
        outlet=clean_field(parsed.feed.get("title")),
        language=clean_field(parsed.feed.get("language")),
    )
    raws = [match[0] for match in _ENTRY.finditer(data)]
    for number, entry in enumerate(entries, start=1):
        raw = raws[number - 1] if len(raws) == len(entries) else _entry_bytes(entry)
        yield feed.draft(entry, raw, f"{source}#{number}")


def _refusal(parsed: Mapping[str, Any], version: str, source: str) -> Rejected:
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        return reject("malformed", f"not a readable RSS or Atom feed: {problem}", source)
    if not version:
        return reject("malformed", "XML, but not an RSS or Atom feed", source)
    return reject("empty", "the feed has no items", source)


@dataclass(frozen=True, slots=True)
class _Feed:
    """What every item of one feed shares."""

    fetcher: Fetcher
    fallbacks: tuple[str, ...]
    media_type: str
    outlet: str | None
    language: str | None

    def draft(self, entry: Mapping[str, Any], raw: bytes, located: str) -> Draft:
        """The item itself, or the page it links to when the item is only a short summary."""
        link = clean_field(entry.get("link"))
        text = _entry_text(entry)
        title = clean_field(entry.get("title"))
        published = parse_date(entry.get("published") or entry.get("updated")) or date_from_struct(
            entry.get("published_parsed") or entry.get("updated_parsed")
        )
        if len(text) < SHORT_SUMMARY and link and link.startswith(("http://", "https://")):
            fetched = self._fetch_page(link)
            if fetched is not None and len(fetched[1].text) > len(text):
                response, page = fetched
                return Draft(
                    text=page.text,
                    raw=response.body,
                    source=located,
                    media_type=HTML_MEDIA_TYPE,
                    title=title or page.title,
                    url=link,
                    outlet=self.outlet or page.outlet,
                    published=published or page.published,
                    language=self.language,
                )
        return Draft(
            text=text,
            raw=raw,
            source=located,
            media_type=self.media_type,
            title=title,
            url=link,
            outlet=self.outlet,
            published=published,
            language=self.language,
        )

    def _fetch_page(self, link: str) -> tuple[Fetched, Page] | None:
        """The item's page and its extracted text; ``None`` on any failure."""
        response = self.fetcher.fetch(link)
        if isinstance(response, Rejected):
            return None
        kind = kind_of_content_type(response.content_type) or sniff(response.body)
        if kind is not Kind.HTML:
            return None
        charset = response.charset or declared_charset(response.body)
        decoded = decode(response.body, link, self.fallbacks, charset)
        if isinstance(decoded, Rejected):
            return None
        page = extract_page(decoded.text, link)
        return (response, page) if page is not None else None


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The longest of the item's content blocks and summary, as plain text."""
    blocks = [*entry.get("content", []), entry.get("summary_detail") or {}]
    texts = [_block_text(block) for block in blocks if block.get("value")]
    return max(texts, key=len, default="")


def _block_text(block: Mapping[str, Any]) -> str:
    value = str(block["value"])
    if "html" in str(block.get("type", "text/html")):
        return fragment_text(value)
    return clean_text(value)


def _entry_bytes(entry: Mapping[str, Any]) -> bytes:
    """A stand-in for an item's bytes when they cannot be cut out of the feed."""
    keys = ("id", "title", "link", "published", "updated", "summary")
    fields = {key: entry[key] for key in keys if isinstance(entry.get(key), str)}
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")
