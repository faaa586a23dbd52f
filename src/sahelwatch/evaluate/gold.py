"""Scoring the coder against gold JSONL in the format of ``shared/eval/seeds.gold.jsonl``.

A gold line is an event (``family``, ACLED type and sub-type, actors, ``country``, ``date`` and
``date_precision``, counts, ``modality``), a ``"record": "warning"`` or ``"recommendation"``
(an assessment), or ``"record": "no_event"`` for a document with nothing to code.

Each gold event is matched to at most one coded event of its document, of the same family,
preferring the one that agrees on the most fields (country, modality, date precision, type,
date). Figures:

- ``events_found``: share of gold events matched (same family);
- ``country``, ``modality``, ``date_precision``, ``sub_event_type``, ``fatalities``,
  ``actor1``: accuracy over the matched events that have the field;
- ``all_right``: share of gold events found with the right family, country, modality and date
  precision;
- ``recalled_as_new``: coded events told as happening now that match a gold *background*
  event (must be 0: a recalled event is never a new one);
- ``extra_events``: coded events matching no gold event; ``assessments_found``: gold warnings
  and recommendations with a coded assessment of the same kind; ``no_event_right``: documents
  without events coded with none.

With them, the lists to look at: ``missed`` gold events, ``recalled_as_new_ids``, ``extra``
coded events, and ``wrong``: each field a matched event gets wrong, with the gold's value and
the coded one ("a.txt:e2 actor1: gold 'Military Forces of Mali', coded 'Wagner Group'").
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sahelwatch.coding import build_toolkit, code_documents
from sahelwatch.countries import Countries
from sahelwatch.errors import SourceError
from sahelwatch.extract.crosswalk import Crosswalk
from sahelwatch.ingest import read_sources
from sahelwatch.model import Document, EventReport, Extraction, Modality
from sahelwatch.pack import RegionPack
from sahelwatch.settings import Settings

__all__ = ["GoldDocument", "evaluate_gold", "read_gold", "score_gold"]

_NOW = frozenset({Modality.REPORTED, Modality.CLAIMED})
_MODALITY = {"recommendation": "recommended"}


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """The gold records of one document."""

    name: str
    events: tuple[Mapping[str, Any], ...] = ()
    assessments: tuple[Mapping[str, Any], ...] = ()
    no_event: bool = False


@dataclass(slots=True)
class _Tally:
    counts: dict[str, list[bool]] = field(default_factory=dict)
    recalled_as_new: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, name: str, value: bool) -> None:
        self.counts.setdefault(name, []).append(value)

    def share(self, name: str) -> float | None:
        values = self.counts.get(name, [])
        return round(sum(values) / len(values), 4) if values else None


def read_gold(path: Path) -> dict[str, GoldDocument]:
    """Gold records by document file name."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from exc
    grouped: dict[str, dict[str, list[Mapping[str, Any]]]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path}:{number}: not JSON ({exc.msg})") from None
        kind = record.get("record") or "event"
        grouped.setdefault(record["doc"], {}).setdefault(kind, []).append(record)
    return {
        name: GoldDocument(
            name,
            tuple(kinds.get("event", ())),
            tuple(kinds.get("warning", ())) + tuple(kinds.get("recommendation", ())),
            bool(kinds.get("no_event")),
        )
        for name, kinds in grouped.items()
    }


def _precision(report: EventReport) -> str:
    return str(report.date.precision)


def _gold_dates(gold: Mapping[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    value = gold.get("date")
    if not value:
        return None, None
    first, _, last = str(value).partition("/")
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last or first)


@dataclass(frozen=True, slots=True)
class _Judge:
    countries: Countries
    crosswalk: Crosswalk
    types: Mapping[str, Any]

    def fields(self, gold: Mapping[str, Any], report: EventReport) -> dict[str, bool | None]:
        country = self.countries.find(gold.get("country")) if gold.get("country") else None
        found = self.countries.find(report.country) if report.country else None
        modality = _MODALITY.get(str(gold.get("modality")), str(gold.get("modality")))
        sub = gold.get("sub_event_type") or gold.get("acled_sub_event_type")
        fatalities = gold.get("fatalities")
        actor1 = gold.get("actor1")
        return {
            "country": None if country is None else bool(found and found.iso2 == country.iso2),
            "modality": str(report.modality) == modality,
            "date_precision": _precision(report) == gold.get("date_precision", "unknown"),
            "sub_event_type": None
            if not sub
            else sub in {report.sub_event_type, self._acled(report)},
            "fatalities": None
            if fatalities is None
            else (report.fatalities.best if report.fatalities else 0) == fatalities,
            "actor1": None
            if not actor1
            else bool(report.actor1 and self.crosswalk.same(report.actor1, actor1)),
            "date": _overlaps(gold, report),
        }

    def coded(self, name: str, report: EventReport) -> Any:
        """The coded value of the field ``name`` (as :meth:`fields` names them)."""
        if name == "date_precision":
            return _precision(report)
        if name == "date":
            start, end = report.date.start, report.date.end
            return str(start) if start == end else f"{start}/{end}"
        if name == "fatalities":
            return report.fatalities.best if report.fatalities else 0
        if name == "sub_event_type":
            return report.sub_event_type
        return str(getattr(report, name))

    def _acled(self, report: EventReport) -> str:
        kind = self.types.get(report.sub_event_type)
        return str(kind.acled_sub_event_type) if kind else report.sub_event_type


def _gold_value(gold: Mapping[str, Any], name: str) -> Any:
    if name == "sub_event_type":
        return gold.get("sub_event_type") or gold.get("acled_sub_event_type")
    return gold.get(name, "unknown" if name == "date_precision" else None)


def _overlaps(gold: Mapping[str, Any], report: EventReport) -> bool | None:
    start, end = _gold_dates(gold)
    if start is None or end is None:
        return None
    if report.date.start is None or report.date.end is None:
        return False
    return report.date.start <= end and start <= report.date.end


def _match(
    golds: Sequence[Mapping[str, Any]], reports: Sequence[EventReport], judge: _Judge
) -> list[tuple[Mapping[str, Any], EventReport | None]]:
    """Greedy matching by agreement, within each family."""
    scored = []
    for g, gold in enumerate(golds):
        for r, report in enumerate(reports):
            if report.family != gold.get("family"):
                continue
            agreement = sum(bool(v) for v in judge.fields(gold, report).values())
            scored.append((agreement, -abs(g - r), g, r))
    taken_gold: dict[int, int] = {}
    taken_report: set[int] = set()
    for _, _, g, r in sorted(scored, reverse=True):
        if g not in taken_gold and r not in taken_report:
            taken_gold[g] = r
            taken_report.add(r)
    return [
        (gold, reports[taken_gold[g]] if g in taken_gold else None) for g, gold in enumerate(golds)
    ]


def _score_document(
    gold: GoldDocument, extraction: Extraction | None, judge: _Judge, tally: _Tally
) -> None:
    reports = list(extraction.reports) if extraction else []
    if gold.no_event:
        tally.add("no_event_right", not reports)
    pairs = _match(gold.events, reports, judge)
    matched = {id(r) for _, r in pairs if r is not None}
    for record, report in pairs:
        tally.add("events_found", report is not None)
        if report is None:
            tally.missed.append(f"{gold.name}:{record.get('id')}")
            continue
        checks = judge.fields(record, report)
        for name, value in checks.items():
            if value is not None:
                tally.add(name, value)
            if value is False:
                coded = judge.coded(name, report)
                tally.wrong.append(
                    f"{gold.name}:{record.get('id')} {name}: gold {_gold_value(record, name)!r}, "
                    f"coded {coded!r}"
                )
        core = [checks["modality"], checks["date_precision"], checks["country"] is not False]
        tally.add("all_right", all(core))
        if record.get("modality") == "background" and report.modality in _NOW:
            tally.recalled_as_new.append(f"{gold.name}:{record.get('id')}")
    tally.extra += [
        f"{gold.name}:{r.sub_event_type}@{r.date.start}" for r in reports if id(r) not in matched
    ]
    kinds = [a.kind for a in extraction.assessments] if extraction else []
    for record in gold.assessments:
        tally.add("assessments_found", str(record.get("record")) in kinds)


def score_gold(
    golds: Mapping[str, GoldDocument], extractions: Mapping[str, Extraction], pack: RegionPack
) -> dict[str, Any]:
    """All figures (see the module docstring), and the misses to look at."""
    judge = _Judge(Countries.load(), Crosswalk(pack), pack.types)
    tally = _Tally()
    for name, gold in sorted(golds.items()):
        _score_document(gold, extractions.get(name), judge, tally)
    names = (
        "events_found", "all_right", "country", "modality", "date_precision", "date",
        "sub_event_type", "fatalities", "actor1", "assessments_found", "no_event_right",
    )  # fmt: skip
    figures: dict[str, Any] = {
        "documents": len(golds),
        "gold_events": len(tally.counts.get("events_found", [])),
    }
    figures.update({name: tally.share(name) for name in names})
    figures["recalled_as_new"] = len(tally.recalled_as_new)
    figures["extra_events"] = len(tally.extra)
    figures["missed"] = tally.missed
    figures["recalled_as_new_ids"] = tally.recalled_as_new
    figures["extra"] = tally.extra
    figures["wrong"] = tally.wrong
    return figures


def documents_in(folder: Path, names: Iterable[str]) -> list[Path]:
    """The gold's documents in ``folder`` (a missing one is an error)."""
    paths = []
    for name in names:
        path = folder / name
        if not path.is_file():
            raise SourceError(f"gold names {name}, which is not in {folder}")
        paths.append(path)
    return paths


def evaluate_gold(
    path: Path,
    docs: Path,
    settings: Settings,
    published: Mapping[str, dt.date] | None = None,
) -> dict[str, Any]:
    """Read the gold and its documents, code them, score them.

    The documents are read as ``sahelwatch ingest`` reads them (front matter gives a
    publication date); ``published`` gives one to a document that has none (the seeds are
    plain text), by file name.
    """
    golds = read_gold(path)
    toolkit = build_toolkit(settings)
    documents: dict[str, Document] = {}
    for file in documents_in(docs, golds):
        for item in read_sources([str(file)], settings):
            if isinstance(item, Document):
                date = (published or {}).get(file.name, item.published)
                documents[file.name] = replace(item, published=date)
    names = {document.id: name for name, document in documents.items()}
    extractions = {
        names[extraction.document.id]: extraction
        for extraction, _ in code_documents(documents.values(), toolkit)
    }
    return {**score_gold(golds, extractions, toolkit.pack), "coder": toolkit.coder.version}
