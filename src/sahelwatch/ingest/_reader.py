"""The reader behind ``read_sources``: sources to drafts, drafts to documents.

One ``Reader`` serves one ``read_sources`` call: it owns the HTTP client and the language
detector, so nothing is shared between calls, threads or Dask tasks.
"""

from __future__ import annotations

import codecs
import posixpath
import urllib.parse
from collections.abc import Iterable, Iterator
from pathlib import Path

import httpx

from sahelwatch.errors import SettingsError
from sahelwatch.ingest._acled import read_acled
from sahelwatch.ingest._decode import check_binary
from sahelwatch.ingest._draft import Draft, clean_text, document_id, oversize, reject
from sahelwatch.ingest._feed import read_feed
from sahelwatch.ingest._fetch import Fetcher
from sahelwatch.ingest._html import read_html
from sahelwatch.ingest._jsonl import read_jsonl
from sahelwatch.ingest._kind import Kind, kind_of_content_type, kind_of_suffix, sniff
from sahelwatch.ingest._language import LanguageResolver, Refusal
from sahelwatch.ingest._text import MARKDOWN, PLAIN, read_text
from sahelwatch.ingest._walk import walk
from sahelwatch.model import Document, Rejected
from sahelwatch.settings import Settings

_SUPPORTED = "text, Markdown, HTML, JSONL, RSS/Atom or ACLED CSV"


class Reader:
    """Reads sources for one ``read_sources`` call."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None) -> None:
        for encoding in settings.fallback_encodings:
            try:
                codecs.lookup(encoding)
            except LookupError:
                raise SettingsError(
                    f"ingest.fallback_encodings names {encoding!r}, which Python does not know"
                ) from None
        self._settings = settings
        self._transport = transport
        self._languages = LanguageResolver(settings.languages)

    def read(self, sources: Iterable[str]) -> Iterator[Document | Rejected]:
        """Every document and rejection of every source, in order."""
        with Fetcher(self._settings, self._transport) as fetcher:
            for source in sources:
                for item in self._read_source(str(source), fetcher):
                    yield item if isinstance(item, Rejected) else self._finish(item)

    def _read_source(self, source: str, fetcher: Fetcher) -> Iterator[Draft | Rejected]:
        scheme = urllib.parse.urlsplit(source).scheme.lower()
        if scheme in ("http", "https"):
            yield from self._read_url(source, fetcher)
        elif len(scheme) > 1 and "://" in source:
            yield reject("unsupported", f"{scheme}:// URLs are not supported, only http(s)", source)
        else:
            for path in walk(source):
                if isinstance(path, Rejected):
                    yield path
                else:
                    yield from self._read_file(path, fetcher)

    def _read_file(self, path: Path, fetcher: Fetcher) -> Iterator[Draft | Rejected]:
        source, limit = str(path), self._settings.max_file_bytes
        try:
            size = path.stat().st_size
            if size > limit:
                yield oversize(size, limit, source)
                return
            data = path.read_bytes()
        except FileNotFoundError:
            yield reject("missing", "the file disappeared before it could be read", source)
            return
        except OSError as error:
            yield reject("unreadable", f"cannot be read: {error.strerror or error}", source)
            return
        kind = kind_of_suffix(path.suffix) or sniff(data)
        if kind is Kind.UNSUPPORTED:
            detail = f"{path.suffix} files are not supported; convert to {_SUPPORTED}"
            yield reject("unsupported", detail, source)
            return
        yield from self._parse(data, source, kind, fetcher)

    def _read_url(self, url: str, fetcher: Fetcher) -> Iterator[Draft | Rejected]:
        response = fetcher.fetch(url)
        if isinstance(response, Rejected):
            yield response
            return
        suffix = posixpath.splitext(urllib.parse.urlsplit(response.url).path)[1]
        kind = kind_of_content_type(response.content_type) or kind_of_suffix(suffix)
        sniffed = sniff(response.body)
        if kind is None or (kind in (Kind.HTML, Kind.TEXT) and sniffed is Kind.FEED):
            kind = sniffed
        if kind is Kind.UNSUPPORTED:
            detail = f"{response.content_type or suffix} is not supported; only {_SUPPORTED}"
            yield reject("unsupported", detail, url)
            return
        yield from self._parse(response.body, url, kind, fetcher, response.charset)

    def _parse(
        self,
        data: bytes,
        source: str,
        kind: Kind,
        fetcher: Fetcher,
        charset: str | None = None,
    ) -> Iterator[Draft | Rejected]:
        fallbacks = self._settings.fallback_encodings
        if not data.removeprefix(codecs.BOM_UTF8).strip():
            yield reject("empty", "no content: empty or only white space", source)
        elif kind is Kind.FEED:
            refusal = check_binary(data, source)
            yield from [refusal] if refusal else read_feed(data, source, fetcher, fallbacks)
        elif kind is Kind.HTML:
            yield from read_html(data, source, fallbacks, charset)
        elif kind is Kind.JSONL:
            yield from read_jsonl(data, source, fallbacks)
        elif kind is Kind.CSV:
            yield from read_acled(data, source, fallbacks)
        else:
            media_type = MARKDOWN if kind is Kind.MARKDOWN else PLAIN
            yield from read_text(data, source, fallbacks, media_type, charset)

    def _finish(self, draft: Draft) -> Document | Rejected:
        text = clean_text(draft.text)
        if not text:
            return reject("empty", "no text: empty or only white space", draft.source)
        identifier = document_id(text)
        language = self._languages.resolve(text, draft.language)
        if isinstance(language, Refusal):
            return reject("language", language.detail, draft.source, identifier)
        return Document(
            id=identifier,
            text=text,
            raw=draft.raw,
            language=language,
            published=draft.published,
            title=draft.title,
            url=draft.url,
            outlet=draft.outlet,
            source=draft.source,
            media_type=draft.media_type,
        )
