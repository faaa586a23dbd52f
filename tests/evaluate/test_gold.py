"""Scoring coded documents against gold JSONL in the seeds' format."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sahelwatch.evaluate.gold import read_gold, score_gold
from sahelwatch.model import (
    Assessment,
    DatePrecision,
    Document,
    EventDate,
    EventReport,
    Extraction,
    Modality,
    Span,
)  # fmt: skip
from sahelwatch.pack import load_region

GOLD = [
    {"doc": "a.txt", "id": "a1", "family": "displacement", "country": "Algeria",
     "modality": "reported", "date": "2024-10-20", "date_precision": "day",
     "sub_event_type": "Forced expulsion", "actor1": "Government of Algeria"},
    {"doc": "a.txt", "id": "a2", "family": "conflict", "country": "Mali",
     "modality": "background", "date": "2024-07-21/2024-07-31", "date_precision": "range",
     "fatalities": None},
    {"doc": "a.txt", "id": "a3", "family": "health", "country": "Algeria",
     "modality": "reported", "date_precision": "range"},
    {"doc": "a.txt", "id": "w1", "record": "warning", "issuer": "ICG"},
    {"doc": "b.txt", "id": "n", "record": "no_event"},
]  # fmt: skip


def report(
    family: str,
    sub: str,
    modality: Modality,
    start: dt.date,
    end: dt.date,
    precision: DatePrecision,
    country: str,
    actor1: str | None = None,
) -> EventReport:
    return EventReport(
        id=sub, doc_id="a", family=family, event_type="", sub_event_type=sub,
        date=EventDate(start, end, precision), modality=modality, evidence=(Span(0, 1),),
        coder="rules", country=country, actor1=actor1,
    )  # fmt: skip


def test_score_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in GOLD) + "\n", "utf-8")
    golds = read_gold(path)
    assert set(golds) == {"a.txt", "b.txt"} and golds["b.txt"].no_event
    day = dt.date(2024, 10, 20)
    reports = (
        report("displacement", "Forced expulsion", Modality.REPORTED, day, day,
               DatePrecision.DAY, "DZ", "Government of Algeria"),
        report("conflict", "Armed clash", Modality.REPORTED, dt.date(2024, 7, 21),
               dt.date(2024, 7, 31), DatePrecision.RANGE, "ML"),
        report("strategic", "Border fortification", Modality.REPORTED, day, day,
               DatePrecision.DAY, "DZ"),
    )  # fmt: skip
    document = Document(id="a", text="x", raw=b"x", language="en")
    warning = Assessment(id="w", doc_id="a", kind="warning", text="x", evidence=())
    extractions = {
        "a.txt": Extraction(document, reports=reports, assessments=(warning,)),
        "b.txt": Extraction(Document(id="b", text="y", raw=b"y", language="en")),
    }
    figures = score_gold(golds, extractions, load_region("sahel"))
    assert figures["gold_events"] == 3
    assert figures["events_found"] == round(2 / 3, 4)
    assert figures["recalled_as_new"] == 1  # the background clash coded as reported
    assert figures["recalled_as_new_ids"] == ["a.txt:a2"]
    assert figures["missed"] == ["a.txt:a3"]
    assert figures["extra_events"] == 1
    assert figures["actor1"] == 1.0
    assert figures["assessments_found"] == 1.0
    assert figures["no_event_right"] == 1.0
    assert figures["all_right"] == 0.5
    # what each matched event got wrong, with the gold's value and the coded one
    assert figures["wrong"] == ["a.txt:a2 modality: gold 'background', coded 'reported'"]
