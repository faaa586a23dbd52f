"""ACLED-format CSV: one document per row, the notes as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ._support import ENGLISH, Read, documents, only_rejection, rejections

HEADER = "event_id_cnty,event_date,event_type,country,location,source,notes,fatalities\r\n"
ROW_1 = (
    "MLI001,2024-07-27,Battles,Mali,Tinzaouaten,Local Radio,Fighting broke out near the well.,0\r\n"
)
ROW_2 = (
    "MLI002,27 July 2024,Violence against civilians,Mali,Ansongo,Sahel Ledger,"
    f'"{ENGLISH}\r\nIt was the second such raid this month.",3\r\n'
)


def test_acled_rows_become_documents(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "acled.csv"
    path.write_bytes((HEADER + ROW_1 + ROW_2).encode("utf-8"))
    results = read(path)
    assert rejections(results) == []
    first, second = documents(results)
    assert first.text == "Fighting broke out near the well."
    assert first.published == dt.date(2024, 7, 27)
    assert first.outlet == "Local Radio"
    assert first.title is None
    assert first.media_type == "text/csv"
    assert first.raw == ROW_1.encode("utf-8")
    assert first.source == f"{path}:2"
    assert second.text.startswith(ENGLISH)
    assert second.published == dt.date(2024, 7, 27)
    assert second.raw == ROW_2.encode("utf-8")
    assert second.source == f"{path}:3"


def test_acled_csv_without_notes_is_malformed(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "other.csv"
    path.write_text("name,event_date,count\nGao,2024-07-27,3\n", encoding="utf-8")
    rejected = only_rejection(read(path))
    assert rejected.reason == "malformed"
    assert "'notes'" in rejected.detail
    assert rejected.source == str(path)


def test_acled_row_with_wrong_field_count_is_rejected(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(HEADER + "MLI003,2024-07-28,Battles\r\n" + ROW_1, encoding="utf-8")
    results = read(path)
    (rejected,) = rejections(results)
    assert (rejected.reason, rejected.source) == ("malformed", f"{path}:2")
    assert len(documents(results)) == 1


def test_acled_row_with_empty_notes_is_empty(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(HEADER + "MLI004,2024-07-28,Battles,Mali,Gao,Radio, ,0\r\n", encoding="utf-8")
    rejected = only_rejection(read(path))
    assert (rejected.reason, rejected.source) == ("empty", f"{path}:2")
