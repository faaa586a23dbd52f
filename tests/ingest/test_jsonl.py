"""JSON Lines: one article per line, a bad line rejected alone."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ._support import ENGLISH, FRENCH, Read, article_html, documents, only_rejection, rejections


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_jsonl_each_line_is_a_document(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "articles.jsonl"
    first = _line(
        id="a1",
        url="https://ex.org/1",
        title="Attack",
        text=ENGLISH,
        published="2025-02-14",
        outlet="Sahel Ledger",
        language="English",
    )
    second = _line(text=FRENCH)
    path.write_text(f"{first}\n\n{second}\n", encoding="utf-8")
    results = read(path)
    assert rejections(results) == []
    one, two = documents(results)
    assert (one.title, one.url, one.outlet) == ("Attack", "https://ex.org/1", "Sahel Ledger")
    assert one.published == dt.date(2025, 2, 14)
    assert one.language == "en"
    assert one.raw == f"{first}\n".encode()
    assert one.source == f"{path}:1"
    assert one.media_type == "application/jsonl"
    assert two.language == "fr"
    assert two.source == f"{path}:3"
    assert two.raw == f"{second}\n".encode()


def test_jsonl_malformed_line_is_rejected_and_others_go_on(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "articles.ndjson"
    lines = [_line(text=ENGLISH), '{"text": "unfinished', _line(text=FRENCH)]
    path.write_text("\n".join(lines), encoding="utf-8")
    results = read(path)
    assert [document.language for document in documents(results)] == ["en", "fr"]
    (rejected,) = rejections(results)
    assert rejected.reason == "malformed"
    assert rejected.source == f"{path}:2"
    assert "JSON" in rejected.detail


def test_jsonl_line_without_text_or_html_is_malformed(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(_line(title="No body") + "\n", encoding="utf-8")
    rejected = only_rejection(read(path))
    assert rejected.reason == "malformed"
    assert "text" in rejected.detail


def test_jsonl_line_that_is_not_an_object_is_malformed(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text('["a", "list"]\n', encoding="utf-8")
    assert only_rejection(read(path)).reason == "malformed"


def test_jsonl_field_of_wrong_type_is_malformed(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(_line(text=ENGLISH, title=["a", "b"]) + "\n", encoding="utf-8")
    rejected = only_rejection(read(path))
    assert rejected.reason == "malformed"
    assert "'title'" in rejected.detail


def test_jsonl_blank_text_is_empty(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(_line(text="   ") + "\n", encoding="utf-8")
    rejected = only_rejection(read(path))
    assert (rejected.reason, rejected.source) == ("empty", f"{path}:1")


def test_jsonl_html_field_is_extracted(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "articles.jsonl"
    html = article_html("Market attack", "2025-02-14", ENGLISH)
    path.write_text(_line(html=html, url="https://ex.org/2") + "\n", encoding="utf-8")
    (document,) = documents(read(path))
    assert ENGLISH in document.text
    assert "<p>" not in document.text
    assert document.title == "Market attack"
    assert document.published == dt.date(2025, 2, 14)


def test_jsonl_sniffed_when_extension_says_nothing(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "export.dat"
    path.write_text(_line(text=ENGLISH) + "\n" + _line(text=FRENCH) + "\n", encoding="utf-8")
    assert len(documents(read(path))) == 2
