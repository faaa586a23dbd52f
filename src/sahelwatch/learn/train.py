"""Training the sub-event classifier on ACLED rows the user holds.

Each row's notes are coded by the rules first; the classifier learns from the words of the
event's sentences and from the rules' own reading of them (:func:`event_hints`). Cross-validated
predictions on the training rows then choose how far to trust the rules: the model decides
only for events whose rule confidence is under a threshold, the one that codes the training
rows best.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedKFold  # type: ignore[import-untyped]

from sahelwatch.coding import Toolkit, code_documents
from sahelwatch.extract.learned import event_hints, event_text
from sahelwatch.learn.acled import AcledRow, primary_report, row_document
from sahelwatch.learn.model import SubEventClassifier, fit_classifier, save_model
from sahelwatch.model import EventReport

__all__ = ["TrainResult", "fit_on_rows", "train_from_acled"]

_ACLED_FAMILIES = frozenset({"conflict", "protest", "strategic", "diplomacy"})
_THRESHOLDS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01)
_MIN_CLASS = 3
Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class TrainResult:
    model: SubEventClassifier
    rows: int
    classes: tuple[str, ...]
    rules_accuracy: float
    model_accuracy: float
    combined_accuracy: float


@dataclass(frozen=True, slots=True)
class _Example:
    text: str
    hints: tuple[str, ...]
    label: str
    rule: str
    confidence: float
    acled: bool


def _examples(
    rows: Sequence[AcledRow], toolkit: Toolkit, progress: Progress | None
) -> list[_Example]:
    """Code every row with the rules and read the example the classifier learns from."""
    known = {t.acled_sub_event_type for t in toolkit.pack.types.values()}
    usable = [r for r in rows if r.sub_event_type in known]
    rules = replace(toolkit, coder=type(toolkit.coder)(toolkit.pack))
    by_id = {f"acled:{r.event_id}": r for r in usable}
    examples: list[_Example] = []
    for extraction, _ in code_documents((row_document(r) for r in usable), rules):
        row = by_id[extraction.document.id]
        report = primary_report(extraction)
        examples.append(_example(row, report, toolkit))
        if progress is not None:
            progress(1)
    return examples


def _example(row: AcledRow, report: EventReport | None, toolkit: Toolkit) -> _Example:
    kind = toolkit.pack.types.get(report.sub_event_type) if report else None
    return _Example(
        text=event_text(report, row.notes),
        hints=event_hints(report),
        label=row.sub_event_type,
        rule=kind.acled_sub_event_type if kind else "none",
        confidence=report.confidence if report else 0.0,
        acled=report is not None and report.family in _ACLED_FAMILIES,
    )


def _choose_trust(examples: Sequence[_Example]) -> tuple[float, float, float, float]:
    """(threshold, rules accuracy, model accuracy, combined accuracy) from 5-fold predictions:
    the rules' confidence under which the model codes instead, the one that codes best."""
    labels = np.array([e.label for e in examples])
    predicted = np.array([""] * len(examples), dtype=object)
    probability = np.zeros(len(examples))
    stratify = _strata(labels)
    smallest = min(int((stratify == s).sum()) for s in set(stratify))
    folds = StratifiedKFold(n_splits=max(2, min(5, smallest)), shuffle=True, random_state=0)
    for train, test in folds.split(np.zeros(len(examples)), stratify):
        model = _fit([examples[i] for i in train])
        guesses = model.predict_many(
            [examples[i].text for i in test], [examples[i].hints for i in test]
        )
        for index, (label, prob) in zip(test, guesses, strict=True):
            predicted[index], probability[index] = label, prob
    rules = np.array([e.rule for e in examples])
    best = (0.0, -1.0)
    for threshold in _THRESHOLDS:
        chosen = [
            p if e.acled and e.confidence < threshold else r
            for e, p, r in zip(examples, predicted, rules, strict=True)
        ]
        accuracy = float((np.array(chosen) == labels).mean())
        if accuracy > best[1]:
            best = (threshold, accuracy)
    return (
        best[0],
        float((rules == labels).mean()),
        float((predicted == labels).mean()),
        best[1],
    )


def _strata(labels: Any) -> Any:
    """Labels to stratify folds on: rare types pooled, a too-small pool joins the commonest."""
    counts = {label: int((labels == label).sum()) for label in set(labels)}
    strata = np.array([label if counts[label] >= 5 else "rare" for label in labels])
    if 0 < int((strata == "rare").sum()) < 5:
        strata[strata == "rare"] = max(counts, key=lambda label: counts[label])
    return strata


def _fit(examples: Sequence[_Example], trust: float = 1.0) -> SubEventClassifier:
    counts: dict[str, int] = {}
    for example in examples:
        counts[example.label] = counts.get(example.label, 0) + 1
    kept = [e for e in examples if counts[e.label] >= _MIN_CLASS] or list(examples)
    return fit_classifier(
        [e.text for e in kept], [e.hints for e in kept], [e.label for e in kept], trust
    )


def fit_on_rows(
    rows: Sequence[AcledRow], toolkit: Toolkit, progress: Progress | None = None
) -> TrainResult:
    """Fit a classifier on ACLED rows (in memory; nothing is written)."""
    examples = _examples(rows, toolkit, progress)
    if len({e.label for e in examples}) < 2:
        raise ValueError("the training rows need at least two ACLED sub-event types")
    trust, rules, learned, combined = _choose_trust(examples)
    model = _fit(examples, trust)
    classes = tuple(str(c) for c in model.classifier.classes_)
    return TrainResult(model, len(examples), classes, rules, learned, combined)


def train_from_acled(
    rows: Sequence[AcledRow], toolkit: Toolkit, data_dir: Path, progress: Progress | None = None
) -> tuple[TrainResult, Path]:
    """Fit a classifier and save it in the user's data directory."""
    result = fit_on_rows(rows, toolkit, progress)
    meta = {
        "trained": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "rows": result.rows,
        "classes": list(result.classes),
        "cross_validated_accuracy": {
            "rules": round(result.rules_accuracy, 4),
            "model": round(result.model_accuracy, 4),
            "combined": round(result.combined_accuracy, 4),
        },
    }
    return result, save_model(result.model, data_dir, meta)
