"""Languages: declared ones normalised, others detected among ingest.languages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from sahelwatch.errors import SettingsError
from sahelwatch.ingest import read_sources
from sahelwatch.ingest._language import normalise_language
from sahelwatch.settings import Settings

from ._support import ENGLISH, FRENCH, GERMAN, SPANISH, Read, only_document, only_rejection


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (FRENCH, "fr")])
def test_language_detected(tmp_path: Path, read: Read, text: str, code: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    assert only_document(read(path)).language == code


@pytest.mark.parametrize("text", [SPANISH, GERMAN])
def test_language_outside_settings_is_rejected(tmp_path: Path, read: Read, text: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    rejected = only_rejection(read(path))
    assert rejected.reason == "language"
    assert "ingest.languages" in rejected.detail
    assert rejected.document_id is not None


def test_language_restricted_to_settings(tmp_path: Path, read: Read, settings: Settings) -> None:
    path = tmp_path / "report.txt"
    path.write_text(FRENCH, encoding="utf-8")
    rejected = only_rejection(read(path, settings=replace(settings, languages=("en",))))
    assert rejected.reason == "language"
    assert "French" in rejected.detail


def test_language_declared_wins_over_detection(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "report.txt"
    path.write_text(f"---\nlanguage: fr_FR\n---\n{ENGLISH}", encoding="utf-8")
    assert only_document(read(path)).language == "fr"


def test_language_declared_outside_settings_is_rejected(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "report.txt"
    path.write_text(f"---\nlanguage: es\n---\n{SPANISH}", encoding="utf-8")
    rejected = only_rejection(read(path))
    assert rejected.reason == "language"
    assert "'es'" in rejected.detail


def test_language_undetectable_text_is_rejected(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "numbers.txt"
    path.write_text("12 345 678 -- 2024 / 2025 = 0.99", encoding="utf-8")
    assert only_rejection(read(path)).reason == "language"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("English", "en"),
        ("en-US", "en"),
        ("EN", "en"),
        ("fra", "fr"),
        ("Français", "fr"),
        ("arabic", "ar"),
        ("klingon", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_language_forms(value: str | None, code: str | None) -> None:
    assert normalise_language(value) == code


def test_language_unknown_setting_raises(settings: Settings) -> None:
    with pytest.raises(SettingsError):
        read_sources([], replace(settings, languages=("en", "klingon")))


def test_language_unknown_fallback_encoding_raises(settings: Settings) -> None:
    with pytest.raises(SettingsError):
        read_sources([], replace(settings, fallback_encodings=("no-such-codec",)))
