"""Scoring the coder on an ACLED-format CSV: the notes are coded, the human coding compared.

Each row's notes are one document published on its event date; the event that stands for the
row is the first one told as happening (:func:`~sahelwatch.learn.acled.primary_report`). Figures,
for the whole file and per ACLED event type:

- ``event_type_accuracy``: the ACLED event type of that event (an extension type counts as its
  nearest ACLED type); the event types ACLED used before 2019 count as the types they became
  (``taxonomy.json``, ``legacy``: "Riots/Protests" is right as Protests or Riots);
- ``sub_event_type_weighted_f1`` / ``_macro_f1`` over the rows that have a sub-event type;
- ``country_accuracy``; ``within_25km`` / ``50km`` / ``161km`` of ACLED's point;
- ``fatalities_exact`` and ``fatalities_mae`` (no count is 0, as in ACLED);
- ``actor1_match``: the actor names compared through the pack's crosswalk
  (:class:`~sahelwatch.extract.crosswalk.Crosswalk`);
- ``no_event_rate``: the rows where nothing was coded.

A row with no event is wrong on every figure.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sklearn.metrics import f1_score  # type: ignore[import-untyped]

from sahelwatch.coding import Toolkit, build_toolkit, code_documents
from sahelwatch.countries import Countries
from sahelwatch.extract import Coder
from sahelwatch.extract.crosswalk import Crosswalk
from sahelwatch.learn.acled import AcledRow, primary_report, read_acled, row_document, split_rows
from sahelwatch.learn.train import fit_on_rows
from sahelwatch.model import EventReport
from sahelwatch.pack import RegionPack
from sahelwatch.settings import Settings

__all__ = ["RowResult", "code_rows", "evaluate_acled", "score_rows"]

_KM = (25, 50, 161)


@dataclass(frozen=True, slots=True)
class RowResult:
    """One row and what the coder made of it."""

    row: AcledRow
    report: EventReport | None


def code_rows(rows: Sequence[AcledRow], toolkit: Toolkit) -> Iterable[RowResult]:
    """Code each row's notes; the results come in the coder's order."""
    by_id = {f"acled:{row.event_id}": row for row in rows}
    for extraction, _ in code_documents((row_document(row) for row in rows), toolkit):
        yield RowResult(by_id[extraction.document.id], primary_report(extraction))


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


@dataclass(frozen=True, slots=True)
class _Scorer:
    types: Mapping[str, Any]
    legacy: Mapping[str, tuple[str, ...]]
    countries: Countries
    crosswalk: Crosswalk

    def event_type(self, result: RowResult) -> bool:
        report = result.report
        if report is None:
            return False
        kind = self.types.get(report.sub_event_type)
        predicted = kind.acled_event_type if kind else report.event_type
        gold = result.row.event_type
        return predicted in self.legacy.get(gold, (gold,))

    def sub_event(self, report: EventReport | None) -> str:
        if report is None:
            return "none"
        kind = self.types.get(report.sub_event_type)
        return str(kind.acled_sub_event_type) if kind else report.sub_event_type

    def country(self, result: RowResult) -> bool:
        report = result.report
        found = self.countries.find(report.country) if report and report.country else None
        gold = self.countries.find(result.row.country)
        return found is not None and gold is not None and found.iso2 == gold.iso2

    def distance(self, result: RowResult) -> float | None:
        row, report = result.row, result.report
        if report is None or report.place is None or row.latitude is None or row.longitude is None:
            return None
        return _distance_km(
            (report.place.latitude, report.place.longitude), (row.latitude, row.longitude)
        )

    def fatalities(self, result: RowResult) -> int:
        report = result.report
        return report.fatalities.best if report and report.fatalities else 0

    def actor1(self, result: RowResult) -> bool:
        report = result.report
        if report is None or not report.actor1:
            return False
        return self.crosswalk.same(report.actor1, result.row.actor1)


def _figures(results: Sequence[RowResult], scorer: _Scorer) -> dict[str, Any]:
    n = len(results)
    if n == 0:
        return {"n": 0}
    distances = [scorer.distance(r) for r in results]
    errors = [abs(scorer.fatalities(r) - r.row.fatalities) for r in results]
    with_sub = [r for r in results if r.row.sub_event_type]
    gold = [r.row.sub_event_type for r in with_sub]
    predicted = [scorer.sub_event(r.report) for r in with_sub]
    labels = sorted(set(gold))
    figures: dict[str, Any] = {
        "n": n,
        "event_type_accuracy": _share(scorer.event_type(r) for r in results),
        "sub_event_type_weighted_f1": _f1(gold, predicted, labels, "weighted"),
        "sub_event_type_macro_f1": _f1(gold, predicted, labels, "macro"),
        "country_accuracy": _share(scorer.country(r) for r in results),
    }
    for km in _KM:
        figures[f"within_{km}km"] = _share(d is not None and d <= km for d in distances)
    figures.update(
        fatalities_exact=_share(e == 0 for e in errors),
        fatalities_mae=round(sum(errors) / n, 3),
        actor1_match=_share(scorer.actor1(r) for r in results),
        no_event_rate=_share(r.report is None for r in results),
        n_sub_event_type=len(with_sub),
    )
    return figures


def _share(values: Iterable[bool]) -> float:
    items = list(values)
    return round(sum(items) / len(items), 4) if items else 0.0


def _f1(gold: list[str], predicted: list[str], labels: list[str], average: str) -> float | None:
    if not gold:
        return None
    value = f1_score(gold, predicted, labels=labels, average=average, zero_division=0)
    return round(float(value), 4)


def score_rows(results: Sequence[RowResult], pack: RegionPack) -> dict[str, Any]:
    """Every figure for the whole file, and per ACLED event type under ``per_class``."""
    scorer = _Scorer(pack.types, pack.legacy_types, Countries.load(), Crosswalk(pack))
    figures = _figures(results, scorer)
    classes: dict[str, list[RowResult]] = {}
    for result in results:
        classes.setdefault(result.row.event_type, []).append(result)
    figures["per_class"] = {
        name: _figures(members, scorer) for name, members in sorted(classes.items())
    }
    figures["per_sub_event_type"] = _sub_event_table(results, scorer)
    return figures


def _sub_event_table(results: Sequence[RowResult], scorer: _Scorer) -> dict[str, Any]:
    with_sub = [r for r in results if r.row.sub_event_type]
    gold = [r.row.sub_event_type for r in with_sub]
    predicted = [scorer.sub_event(r.report) for r in with_sub]
    table: dict[str, Any] = {}
    for label in sorted(set(gold)):
        hits = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        support = gold.count(label)
        chosen = predicted.count(label)
        precision = hits / chosen if chosen else 0.0
        recall = hits / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = {
            "support": support,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
        }
    return table


def evaluate_acled(
    path: Path,
    settings: Settings,
    *,
    train_on: Path | None = None,
    rules_only: bool = False,
    limit: int | None = None,
) -> dict[str, Any]:
    """Code the rows of ``path`` and score them; with ``train_on``, first fit a classifier on
    those rows (in memory). Training and scored rows are always disjoint: rows of ``path``
    found in the training file are left out, and when both are the same file it is split in
    two halves by a hash of the event id."""
    rows = read_acled(path)
    toolkit = build_toolkit(settings, learned=not rules_only and train_on is None)
    info: dict[str, Any] = {}
    if train_on is not None:
        training = read_acled(train_on)
        if train_on.resolve() == path.resolve():
            training, rows = split_rows(rows)
            info["split"] = "halves of the file by a hash of event_id_cnty"
        else:
            seen = {row.event_id for row in training}
            rows = [row for row in rows if row.event_id not in seen]
        result = fit_on_rows(training, toolkit)
        toolkit = replace(toolkit, coder=Coder(toolkit.pack, result.model))
        info.update(
            trained_rows=result.rows,
            trust_rules_above=result.model.trust_rules_above,
            cross_validated_accuracy={
                "rules": round(result.rules_accuracy, 4),
                "model": round(result.model_accuracy, 4),
                "combined": round(result.combined_accuracy, 4),
            },
        )
    if limit is not None and limit < len(rows):
        rows = sorted(rows, key=bucket_order)[:limit]
    figures = score_rows(list(code_rows(rows, toolkit)), toolkit.pack)
    return {**figures, "coder": toolkit.coder.version, **info}


def bucket_order(row: AcledRow) -> str:
    """A fixed pseudo-random order of rows (a hash of the event id), for repeatable subsets."""
    return hashlib.sha256(row.event_id.encode("utf-8")).hexdigest()
