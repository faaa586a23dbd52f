"""Sources: files, directories, URLs; content hashes make duplicates one id."""

from __future__ import annotations

from pathlib import Path

import httpx

from sahelwatch.ingest import document_id, read_sources
from sahelwatch.settings import Settings

from ._support import ENGLISH, FRENCH, LONG_ENGLISH, Read, documents, only_document, only_rejection


def test_walk_directory_recursively_sorted_skipping_hidden(tmp_path: Path, read: Read) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "deep" / "two.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "a.md").write_text(LONG_ENGLISH, encoding="utf-8")
    (tmp_path / "c.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / ".draft.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / ".git" / "notes.txt").write_text(ENGLISH, encoding="utf-8")
    sources = [document.source for document in documents(read(tmp_path))]
    assert sources == [str(tmp_path / name) for name in ("a.md", "b/deep/two.txt", "c.txt")]


def test_walk_missing_path_is_missing(tmp_path: Path, read: Read) -> None:
    rejected = only_rejection(read(tmp_path / "nowhere.txt"))
    assert (rejected.reason, rejected.source) == ("missing", str(tmp_path / "nowhere.txt"))


def test_walk_unsupported_extension(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    rejected = only_rejection(read(path))
    assert rejected.reason == "unsupported"
    assert ".pdf" in rejected.detail


def test_walk_unsupported_url_scheme(read: Read) -> None:
    assert only_rejection(read("ftp://example.org/report.txt")).reason == "unsupported"


def test_walk_identical_content_has_one_id(tmp_path: Path, read: Read) -> None:
    (tmp_path / "one.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "two.md").write_text(f"---\ntitle: Copy\n---\n\n{ENGLISH}\n", encoding="utf-8")
    (tmp_path / "three.txt").write_text(ENGLISH.replace(" ", "  \n", 3), encoding="utf-8")
    ids = {document.id for document in documents(read(tmp_path))}
    assert ids == {document_id(ENGLISH)}


def test_document_id_is_stable_over_whitespace_and_normal_form() -> None:
    assert document_id("Ségou  et\n Mopti") == document_id("Se\u0301gou et Mopti")
    assert document_id("Ségou et Mopti") != document_id("Ségou et Gao")
    assert len(document_id("Gao")) == 16


def test_walk_url_serving_html_is_a_document(read: Read) -> None:
    url = "https://news.example.org/ansongo"
    html = f"<html><head><title>Ansongo</title></head><body><p>{ENGLISH}</p></body></html>"
    transport = httpx.MockTransport(lambda _: httpx.Response(200, html=html))
    document = only_document(read(url, transport=transport))
    assert document.source == url
    assert document.url == url
    assert document.media_type == "text/html"


def test_walk_url_serving_text_uses_its_charset(read: Read) -> None:
    url = "https://news.example.org/note"
    body = FRENCH.encode("latin-1")
    headers = {"Content-Type": "text/plain; charset=iso-8859-1"}
    transport = httpx.MockTransport(lambda _: httpx.Response(200, content=body, headers=headers))
    assert only_document(read(url, transport=transport)).text == FRENCH


def test_walk_url_serving_pdf_is_unsupported(read: Read) -> None:
    headers = {"Content-Type": "application/pdf"}
    transport = httpx.MockTransport(lambda _: httpx.Response(200, content=b"%PDF", headers=headers))
    assert only_rejection(read("https://ex.org/r", transport=transport)).reason == "unsupported"


def test_read_sources_accepts_a_single_string(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "one.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    assert len(documents(read_sources(str(path), settings))) == 1
