"""Scoring coded ACLED rows: event type (with the pre-2019 names), sub-event F1, country,
distance, fatalities, actor crosswalk, rows without an event, per class."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sahelwatch.evaluate.acled import RowResult, score_rows
from sahelwatch.learn.acled import AcledRow, primary_report, read_acled, split_rows
from sahelwatch.model import (
    Count,
    DatePrecision,
    Document,
    EventDate,
    EventReport,
    Extraction,
    Modality,
    Place,
    Span,
)  # fmt: skip
from sahelwatch.pack import RegionPack, load_region

DAY = dt.date(2020, 3, 1)


@pytest.fixture(scope="module")
def pack() -> RegionPack:
    return load_region("sahel")


def row(event_type: str, sub: str, actor1: str, fatalities: int = 0, **extra: object) -> AcledRow:
    values: dict[str, object] = {
        "event_id": f"X{abs(hash((event_type, sub, actor1)))}", "event_date": DAY,
        "event_type": event_type, "sub_event_type": sub, "actor1": actor1, "actor2": "",
        "country": "Mali", "latitude": 16.27, "longitude": -0.04, "fatalities": fatalities,
        "notes": "notes",
    }  # fmt: skip
    values.update(extra)
    return AcledRow(**values)  # type: ignore[arg-type]


def report(sub: str, actor1: str, fatalities: int | None = None, **extra: object) -> EventReport:
    values: dict[str, object] = {
        "id": "r", "doc_id": "d", "family": "conflict", "event_type": "",
        "sub_event_type": sub, "date": EventDate(DAY, DAY, DatePrecision.DAY),
        "modality": Modality.REPORTED, "evidence": (Span(0, 5),), "coder": "rules",
        "actor1": actor1, "country": "ML",
        "fatalities": Count(fatalities, None, None, "") if fatalities is not None else None,
        "place": Place(1, "Gao", 16.27, -0.04, "P", "PPLA", "ML"),
    }  # fmt: skip
    values.update(extra)
    return EventReport(**values)  # type: ignore[arg-type]


def test_score_rows_figures(pack: RegionPack) -> None:
    results = [
        RowResult(row("Battles", "Armed clash", "Military Forces of Mali (2013-)", 3),
                  report("Armed clash", "Military Forces of Mali", 3)),
        RowResult(row("Violence against civilians", "Attack", "Unidentified Armed Group (Mali)"),
                  report("Armed clash", "Unidentified Armed Group (Mali)", None)),
        RowResult(row("Riots/Protests", "", "Protesters (Mali)"),
                  report("Violent demonstration", "Rioters (Mali)", None)),
        RowResult(row("Protests", "Peaceful protest", "Protesters (Mali)"), None),
    ]  # fmt: skip
    figures = score_rows(results, pack)
    assert figures["n"] == 4
    assert figures["event_type_accuracy"] == 0.5  # a pre-2019 Riots/Protests is right as Riots
    assert figures["no_event_rate"] == 0.25
    assert figures["actor1_match"] == 0.5
    assert figures["fatalities_exact"] == 1.0
    assert figures["within_25km"] == 0.75
    assert figures["country_accuracy"] == 0.75
    assert figures["n_sub_event_type"] == 3
    assert 0 < figures["sub_event_type_weighted_f1"] < 1
    assert set(figures["per_class"]) == {"Battles", "Violence against civilians",
                                         "Riots/Protests", "Protests"}  # fmt: skip
    assert figures["per_sub_event_type"]["Armed clash"]["precision"] == 0.5


def test_score_rows_extension_type_counts_as_its_acled_type(pack: RegionPack) -> None:
    result = RowResult(row("Strategic developments", "Other", "Government of Algeria"),
                       report("Forced expulsion", "Government of Algeria"))  # fmt: skip
    figures = score_rows([result], pack)
    assert figures["event_type_accuracy"] == 1.0
    assert figures["sub_event_type_weighted_f1"] == 1.0


def test_read_acled_and_split(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    lines = ["event_id_cnty,event_date,event_type,sub_event_type,actor1,country,fatalities,notes"]
    lines += [f"T{n},2020-01-0{n % 9 + 1},Battles,Armed clash,A,Mali,{n},Invented note {n}."
              for n in range(40)]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", "utf-8")
    rows = read_acled(path)
    assert len(rows) == 40 and rows[3].fatalities == 3
    train, test = split_rows(rows)
    assert {r.event_id for r in train}.isdisjoint({r.event_id for r in test})
    assert 5 < len(train) < 35
    assert split_rows(rows) == (train, test)


def test_primary_report_prefers_the_first_violent_event_told_as_happening() -> None:
    document = Document(id="d", text="x", raw=b"x", language="en")
    background = report("Armed clash", "A", modality=Modality.BACKGROUND, evidence=(Span(0, 1),))
    flight = report("Flight", "B", family="displacement", evidence=(Span(1, 2),))
    attack = report("Attack", "C", evidence=(Span(2, 3),))
    extraction = Extraction(document, reports=(background, flight, attack))
    assert primary_report(extraction) is attack
    assert primary_report(Extraction(document)) is None
