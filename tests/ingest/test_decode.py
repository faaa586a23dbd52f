"""Bad input: each problem is one rejection with its reason code, and the run goes on."""

from __future__ import annotations

import codecs
import os
import random
from dataclasses import replace
from pathlib import Path

import pytest

from sahelwatch.ingest._decode import Decoded, decode, split_lines
from sahelwatch.model import Rejected
from sahelwatch.settings import Settings

from ._support import ENGLISH, FRENCH, Read, documents, only_document, only_rejection


def test_decode_random_bytes_are_binary(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(7).randbytes(4096))
    rejected = only_rejection(read(path))
    assert (rejected.reason, rejected.source) == ("binary", str(path))


def test_decode_control_bytes_without_nul_are_binary() -> None:
    noise = bytes(byte for byte in random.Random(3).randbytes(4096) if byte)
    rejected = decode(noise, "noise", ())
    assert isinstance(rejected, Rejected)
    assert rejected.reason == "binary"


def test_decode_empty_file_is_empty(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "nothing.txt"
    path.write_bytes(b"")
    assert only_rejection(read(path)).reason == "empty"


@pytest.mark.parametrize(
    "name", ["blank.txt", "blank.jsonl", "blank.csv", "blank.html", "blank.xml"]
)
def test_decode_whitespace_only_is_empty(tmp_path: Path, read: Read, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(codecs.BOM_UTF8 + b" \n\t \r\n ")
    assert only_rejection(read(path)).reason == "empty"


def test_decode_front_matter_only_is_empty(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "meta.md"
    path.write_text("---\ntitle: Nothing else\n---\n\n", encoding="utf-8")
    assert only_rejection(read(path)).reason == "empty"


def test_decode_oversize_file_is_rejected_unread(
    tmp_path: Path, read: Read, settings: Settings
) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    rejected = only_rejection(read(path, settings=replace(settings, max_file_bytes=50)))
    assert rejected.reason == "oversize"
    assert "50-byte limit" in rejected.detail


def test_decode_latin1_names_the_encoding(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "rapport.txt"
    path.write_bytes(FRENCH.encode("latin-1"))
    rejected = only_rejection(read(path))
    assert rejected.reason == "encoding"
    assert "latin-1" in rejected.detail
    assert "ingest.fallback_encodings" in rejected.detail


def test_decode_cp1252_names_the_encoding(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "rapport.txt"
    path.write_bytes(f"« {FRENCH} » – cœur".encode("cp1252"))
    rejected = only_rejection(read(path))
    assert rejected.reason == "encoding"
    assert "cp1252" in rejected.detail


def test_decode_utf16_with_bom_names_the_encoding(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(ENGLISH.encode("utf-16"))
    rejected = only_rejection(read(path))
    assert rejected.reason == "encoding"
    assert "UTF-16 (BOM)" in rejected.detail
    assert "convert" in rejected.detail


def test_decode_utf16_without_bom_is_encoding_not_binary(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(ENGLISH.encode("utf-16-le"))
    rejected = only_rejection(read(path))
    assert rejected.reason == "encoding"
    assert "UTF-16LE" in rejected.detail


def test_decode_broken_utf8_says_so(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "rapport.txt"
    path.write_bytes(FRENCH.encode("utf-8") + b" \xff " + FRENCH.encode("utf-8"))
    rejected = only_rejection(read(path))
    assert rejected.reason == "encoding"
    assert "mostly UTF-8" in rejected.detail


def test_decode_fallback_encoding_is_accepted(
    tmp_path: Path, read: Read, settings: Settings
) -> None:
    path = tmp_path / "rapport.txt"
    path.write_bytes(f"« {FRENCH} » – cœur".encode("cp1252"))
    fallback = replace(settings, fallback_encodings=("cp1252",))
    document = only_document(read(path, settings=fallback))
    assert document.text == f"« {FRENCH} » – cœur"
    assert document.raw == path.read_bytes()
    assert document.language == "fr"


def test_decode_fallback_utf16_is_accepted(tmp_path: Path, read: Read, settings: Settings) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(ENGLISH.encode("utf-16"))
    document = only_document(read(path, settings=replace(settings, fallback_encodings=("utf-16",))))
    assert document.text == ENGLISH


def test_decode_utf8_bom_is_fine(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(codecs.BOM_UTF8 + ENGLISH.encode("utf-8"))
    assert only_document(read(path)).text == ENGLISH


def test_decode_declared_charset_comes_before_fallbacks() -> None:
    decoded = decode("Ségou".encode("latin-1"), "page", ("utf-16",), declared="latin-1")
    assert decoded == Decoded("Ségou", "latin-1")


def test_decode_split_lines_keeps_bytes_as_received() -> None:
    data = codecs.BOM_UTF8 + b"un\r\ndeux\ntrois"
    assert split_lines(data, Decoded("un\r\ndeux\ntrois", "utf-8")) == [
        ("un\r\n", codecs.BOM_UTF8 + b"un\r\n"),
        ("deux\n", b"deux\n"),
        ("trois", b"trois"),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_decode_unreadable_file_is_unreadable(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    path.chmod(0)
    assert only_rejection(read(path)).reason == "unreadable"


def test_decode_bad_file_does_not_stop_the_run(tmp_path: Path, read: Read) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    results = read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert [type(result).__name__ for result in results] == ["Rejected", "Document"]
    assert len(documents(results)) == 1
