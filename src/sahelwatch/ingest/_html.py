"""HTML: the main text, title, date and site name of a page (trafilatura), or a fragment's text.

Trafilatura runs on the string it is given and never fetches anything; its Python warnings are
silenced here so they cannot leak into callers (its log records go to the ``trafilatura`` logger).
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

import trafilatura

from sahelwatch.ingest._dates import parse_date
from sahelwatch.ingest._decode import decode
from sahelwatch.ingest._draft import Draft, clean_field, clean_text, reject
from sahelwatch.model import Rejected

MEDIA_TYPE = "text/html"
# Only what the markup states: htmldate's "extensive search" guesses dates from the text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_HIDDEN = frozenset(("script", "style", "template", "noscript"))


@dataclass(frozen=True, slots=True)
class Page:
    """What trafilatura found in a page."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None


def read_html(
    data: bytes, source: str, fallbacks: tuple[str, ...], charset: str | None = None
) -> Iterator[Draft | Rejected]:
    """One HTML file or fetched page: one draft, or why there is none."""
    decoded = decode(data, source, fallbacks, charset or declared_charset(data))
    if isinstance(decoded, Rejected):
        yield decoded
        return
    url = source if source.startswith(("http://", "https://")) else None
    page = extract_page(decoded.text, url)
    if page is None:
        yield reject("malformed", "no article text could be extracted from the HTML", source)
        return
    yield Draft(
        text=page.text,
        raw=data,
        source=source,
        media_type=MEDIA_TYPE,
        title=page.title,
        url=page.url or url,
        outlet=page.outlet,
        published=page.published,
    )


def extract_page(html: str, url: str | None = None) -> Page | None:
    """The main text and metadata of a page; ``None`` when it has no extractable text."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                include_comments=False,
                date_extraction_params=_DATE_PARAMS,
                as_dict=True,
            )
        except (ValueError, TypeError):
            return None
    if not isinstance(result, dict):
        return None
    text = clean_text(result.get("text") or "")
    if not text:
        return None
    return Page(
        text=text,
        title=clean_field(result.get("title")),
        published=parse_date(result.get("date")),
        outlet=clean_field(result.get("sitename")),
        url=clean_field(result.get("url")),
    )


def fragment_text(html: str) -> str:
    """The text of an HTML fragment (a feed summary): tags dropped, one line per block."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return clean_text("\n".join(line for line in lines if line))


def declared_charset(data: bytes) -> str | None:
    """The charset a page's ``<meta>`` declares, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match[1].decode("ascii") if match else None


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)
