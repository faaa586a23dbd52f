"""HTML files: trafilatura's main text, title and date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sahelwatch.ingest._html import fragment_text

from ._support import ENGLISH, FRENCH, Read, article_html, only_document, only_rejection


def test_html_article_text_title_and_date(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        article_html("Herders killed near Ansongo", "2025-02-14T09:00:00Z", ENGLISH, LATER),
        encoding="utf-8",
    )
    document = only_document(read(path))
    assert ENGLISH in document.text
    assert "All rights reserved" not in document.text
    assert "Home" not in document.text
    assert document.title == "Herders killed near Ansongo"
    assert document.published == dt.date(2025, 2, 14)
    assert document.outlet == "Sahel Ledger"
    assert document.media_type == "text/html"
    assert document.raw == path.read_bytes()
    assert document.language == "en"


LATER = "Army units arrived the next morning and the regional governor promised an inquiry."


def test_html_without_date_has_no_date(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "page.htm"
    path.write_text(f"<html><body><article><p>{FRENCH}</p></article></body></html>", "utf-8")
    document = only_document(read(path))
    assert document.published is None
    assert document.language == "fr"


def test_html_without_text_is_malformed(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "empty-page.html"
    path.write_text("<html><head><title>x</title></head><body><div></div></body></html>", "utf-8")
    rejected = only_rejection(read(path))
    assert rejected.reason == "malformed"
    assert rejected.source == str(path)


def test_html_declared_charset_is_honoured(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "page.html"
    page = f"<html><head><meta charset='windows-1252'></head><body><p>{FRENCH}</p></body></html>"
    path.write_bytes(page.encode("cp1252"))
    document = only_document(read(path))
    assert "éleveurs" in document.text


def test_html_sniffed_when_extension_says_nothing(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "page"
    path.write_text(article_html("Market attack", "2025-02-14", ENGLISH), encoding="utf-8")
    document = only_document(read(path))
    assert document.media_type == "text/html"
    assert document.title == "Market attack"


def test_fragment_text_drops_tags_and_scripts() -> None:
    html = "<p>Gao &amp; <b>Ansongo</b></p><script>var x = 1;</script><ul><li>one</li></ul>"
    assert fragment_text(html) == "Gao & Ansongo\none"
