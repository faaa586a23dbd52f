"""Plain text and Markdown files, with and without front matter."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sahelwatch.ingest._text import split_front_matter

from ._support import ENGLISH, FRENCH, Read, only_document


def test_text_plain_file_becomes_one_document(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "report.txt"
    path.write_text(f"\n  {ENGLISH}\n\n", encoding="utf-8")
    document = only_document(read(path))
    assert document.text == ENGLISH
    assert document.raw == path.read_bytes()
    assert document.source == str(path)
    assert document.media_type == "text/plain"
    assert document.language == "en"
    assert (document.title, document.url, document.outlet, document.published) == (None,) * 4


def test_text_front_matter_fills_metadata(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "---\n"
        'title: "Attack on a cattle market"\n'
        "url: https://news.example.org/ansongo\n"
        "outlet: Sahel Ledger\n"
        "published: 2025-02-14\n"
        "language: en-US\n"
        "tags: ignored, unknown key\n"
        "---\n"
        f"{ENGLISH}\n",
        encoding="utf-8",
    )
    document = only_document(read(path))
    assert document.text == ENGLISH
    assert document.title == "Attack on a cattle market"
    assert document.url == "https://news.example.org/ansongo"
    assert document.outlet == "Sahel Ledger"
    assert document.published == dt.date(2025, 2, 14)
    assert document.language == "en"


def test_text_front_matter_date_and_language_forms(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "rapport.txt"
    path.write_text(
        f"---\npublished: 14 février 2025\nlanguage: French\n---\n{FRENCH}", encoding="utf-8"
    )
    document = only_document(read(path))
    assert document.published == dt.date(2025, 2, 14)
    assert document.language == "fr"


def test_text_unparseable_date_is_none_not_file_time(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "report.txt"
    path.write_text(f"---\npublished: last Tuesday\n---\n{ENGLISH}", encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    assert only_document(read(path)).published is None


def test_text_without_closing_fence_keeps_everything(tmp_path: Path, read: Read) -> None:
    text = f"---\ntitle: not front matter\n{ENGLISH}"
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    document = only_document(read(path))
    assert document.text == text
    assert document.title is None


def test_text_markdown_takes_first_heading_as_title(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "report.md"
    path.write_text(f"# Market attack near Ansongo\n\n{ENGLISH}\n", encoding="utf-8")
    document = only_document(read(path))
    assert document.media_type == "text/markdown"
    assert document.title == "Market attack near Ansongo"
    assert document.text.startswith("# Market attack")


def test_text_crlf_and_decomposed_accents_are_normalised(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "rapport.txt"
    decomposed = FRENCH.replace("é", "e\u0301")
    path.write_bytes(decomposed.replace(" ; ", "\r\n").encode("utf-8"))
    document = only_document(read(path))
    assert "\r" not in document.text
    assert "é" in document.text
    assert document.raw == path.read_bytes()


def test_split_front_matter_reads_simple_pairs() -> None:
    meta, body = split_front_matter("---\nTitle: A: B\n# comment\nnot a pair\n---\nBody\n")
    assert dict(meta) == {"title": "A: B"}
    assert body == "Body\n"


def test_split_front_matter_absent_returns_text() -> None:
    assert split_front_matter("Body only") == ({}, "Body only")
