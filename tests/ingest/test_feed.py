"""RSS and Atom feeds, from files and over HTTP through a mock transport."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from sahelwatch.settings import Settings

from ._support import (
    ENGLISH,
    FRENCH,
    LONG_ENGLISH,
    SPANISH,
    Read,
    article_html,
    documents,
    only_document,
    only_rejection,
    rejections,
)

FEED_URL = "https://news.example.org/feed.xml"
PAGE_URL = "https://news.example.org/ansongo"
PAGE_FOLLOW_UP = (
    "Army units reached the market the next morning and the governor ordered an inquiry."
)


def rss(*items: str, language: str = "en") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Sahel Ledger</title><link>https://news.example.org/</link>"
        f"<language>{language}</language>\n{''.join(items)}\n</channel></rss>\n"
    ).encode()


def item(title: str, link: str, description: str, date: str = "Fri, 14 Feb 2025 22:30 GMT") -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
        f"<description><![CDATA[<p>{description}</p>]]></description></item>\n"
    )


class Server:
    """A mock web server: URL -> response factory; it records every request."""

    def __init__(self, routes: dict[str, Callable[[httpx.Request], httpx.Response]]) -> None:
        self.routes = routes
        self.requested: list[str] = []

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requested.append(str(request.url))
        route = self.routes.get(str(request.url))
        return route(request) if route else httpx.Response(404)


def page(_: httpx.Request) -> httpx.Response:
    html = article_html("Herders killed at Ansongo market", "2025-02-14", ENGLISH, PAGE_FOLLOW_UP)
    return httpx.Response(200, html=html)


def test_feed_file_item_with_full_text_is_not_fetched(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "ledger.rss"
    path.write_bytes(rss(item("Cholera in Menaka", PAGE_URL, LONG_ENGLISH)))
    server = Server({})
    document = only_document(read(path, transport=server.transport()))
    assert server.requested == []
    assert document.text == LONG_ENGLISH
    assert document.title == "Cholera in Menaka"
    assert document.url == PAGE_URL
    assert document.outlet == "Sahel Ledger"
    assert document.published == dt.date(2025, 2, 14)
    assert document.language == "en"
    assert document.media_type == "application/rss+xml"
    assert document.source == f"{path}#1"
    assert document.raw.startswith(b"<item><title>Cholera in Menaka")
    assert document.raw.endswith(b"</item>")


def test_feed_short_item_has_its_page_fetched(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "ledger.xml"
    path.write_bytes(rss(item("Market attack", PAGE_URL, "Herders were killed near Ansongo.")))
    server = Server({PAGE_URL: page})
    document = only_document(read(path, transport=server.transport()))
    assert server.requested == [PAGE_URL]
    assert ENGLISH in document.text
    assert PAGE_FOLLOW_UP in document.text
    assert document.media_type == "text/html"
    assert document.raw == page(httpx.Request("GET", PAGE_URL)).content
    assert document.title == "Market attack"
    assert document.url == PAGE_URL


def test_feed_page_error_falls_back_to_summary(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "ledger.xml"
    path.write_bytes(rss(item("Market attack", PAGE_URL, ENGLISH)))
    server = Server({PAGE_URL: lambda _: httpx.Response(500)})
    document = only_document(read(path, transport=server.transport()))
    assert server.requested == [PAGE_URL]
    assert document.text == ENGLISH
    assert document.media_type == "application/rss+xml"


def test_feed_url_is_fetched_and_read(read: Read) -> None:
    feed = rss(item("Attaque à Ansongo", PAGE_URL, FRENCH), language="fr-FR")
    server = Server(
        {
            FEED_URL: lambda _: httpx.Response(
                200, content=feed, headers={"Content-Type": "application/rss+xml"}
            ),
            PAGE_URL: lambda _: httpx.Response(404),
        }
    )
    document = only_document(read(FEED_URL, transport=server.transport()))
    assert server.requested == [FEED_URL, PAGE_URL]
    assert document.text == FRENCH
    assert document.language == "fr"
    assert document.source == f"{FEED_URL}#1"


def test_feed_served_as_html_is_still_a_feed(read: Read) -> None:
    feed = rss(item("Cholera in Menaka", PAGE_URL, LONG_ENGLISH))
    served = httpx.Response(200, content=feed, headers={"Content-Type": "text/html"})
    server = Server({FEED_URL: lambda _: served})
    assert only_document(read(FEED_URL, transport=server.transport())).text == LONG_ENGLISH


def test_feed_url_server_error_is_fetch(read: Read) -> None:
    server = Server({FEED_URL: lambda _: httpx.Response(500)})
    rejected = only_rejection(read(FEED_URL, transport=server.transport()))
    assert (rejected.reason, rejected.source) == ("fetch", FEED_URL)
    assert "500" in rejected.detail


def test_feed_url_timeout_is_fetch(read: Read) -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    rejected = only_rejection(read(FEED_URL, transport=Server({FEED_URL: slow}).transport()))
    assert rejected.reason == "fetch"
    assert "fetch_timeout_s" in rejected.detail


def test_feed_url_unreachable_is_fetch(read: Read) -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    rejected = only_rejection(read(FEED_URL, transport=Server({FEED_URL: down}).transport()))
    assert rejected.reason == "fetch"


def test_feed_url_body_over_declared_limit_is_oversize(read: Read, settings: Settings) -> None:
    small = replace(settings, max_file_bytes=100)
    server = Server({FEED_URL: lambda _: httpx.Response(200, content=b"<rss>" + b" " * 500)})
    rejected = only_rejection(read(FEED_URL, settings=small, transport=server.transport()))
    assert rejected.reason == "oversize"


def test_feed_url_streamed_body_over_limit_is_oversize(read: Read, settings: Settings) -> None:
    def chunks() -> Iterator[bytes]:
        yield from [b"x" * 64] * 10

    small = replace(settings, max_file_bytes=100)
    server = Server({FEED_URL: lambda _: httpx.Response(200, content=chunks())})
    rejected = only_rejection(read(FEED_URL, settings=small, transport=server.transport()))
    assert rejected.reason == "oversize"


def test_feed_atom_entries_are_read(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "ledger.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Ledger</title>'
        "<id>urn:ledger</id><updated>2025-02-15T00:00:00Z</updated>"
        "<entry><title>Cholera in Menaka</title><id>urn:1</id>"
        f'<link href="{PAGE_URL}"/><updated>2025-02-14T10:00:00Z</updated>'
        f'<content type="html">&lt;p&gt;{LONG_ENGLISH}&lt;/p&gt;</content></entry></feed>',
        encoding="utf-8",
    )
    document = only_document(read(path, transport=Server({}).transport()))
    assert document.text == LONG_ENGLISH
    assert document.media_type == "application/atom+xml"
    assert document.published == dt.date(2025, 2, 14)
    assert document.raw.startswith(b"<entry>")


def test_feed_broken_xml_is_malformed(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<?xml version='1.0'?><rss><channel><title>Sahel", encoding="utf-8")
    assert only_rejection(read(path)).reason == "malformed"


def test_feed_other_xml_is_malformed(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text("<?xml version='1.0'?><urlset><url><loc>x</loc></url></urlset>", "utf-8")
    rejected = only_rejection(read(path))
    assert rejected.reason == "malformed"
    assert "RSS" in rejected.detail


def test_feed_without_items_is_empty(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "quiet.rss"
    path.write_bytes(rss())
    assert only_rejection(read(path)).reason == "empty"


@pytest.mark.parametrize("status", [301, 302])
def test_feed_url_redirect_is_followed(read: Read, status: int) -> None:
    moved = "https://news.example.org/rss"
    feed = rss(item("Cholera in Menaka", PAGE_URL, LONG_ENGLISH))
    server = Server(
        {
            FEED_URL: lambda _: httpx.Response(status, headers={"Location": moved}),
            moved: lambda _: httpx.Response(200, content=feed),
        }
    )
    assert len(documents(read(FEED_URL, transport=server.transport()))) == 1


def test_feed_item_in_other_language_is_rejected_alone(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "mixed.rss"
    path.write_bytes(
        rss(item("A", "urn:a", LONG_ENGLISH), item("B", "urn:b", SPANISH), language="")
    )
    results = read(path)
    assert len(documents(results)) == 1
    (rejected,) = rejections(results)
    assert (rejected.reason, rejected.source) == ("language", f"{path}#2")
