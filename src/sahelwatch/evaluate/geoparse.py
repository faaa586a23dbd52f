"""Geoparsing scores on GeoWebNews (Gritta et al. 2019, "A Pragmatic Guide to Geoparsing
Evaluation"): geocoding given the gold spans, and end to end (recognition + resolution).

The scored toponyms are the gold toponyms that carry a GeoNames id (as in the corpus'
``gwn_full.txt``). Each gets an error: the great-circle distance (km) from the gold point to
the point the geocoder chose, or :data:`MAX_ERROR_KM` (half the Earth's circumference) when it
chose none, or (end to end) when no recognised span overlaps it. From the errors:

- ``within_161km``: the share at most 161 km (100 miles) off, the standard accuracy;
- ``median_km``: the median error;
- ``auc``: the area under the curve of the sorted ``ln(1 + error)``, scaled to [0, 1] by
  ``ln(MAX_ERROR_KM)`` — lower is better (Gritta et al.'s AUC).

End to end, a recognised span is a true positive when it overlaps a scored toponym, is
ignored when it overlaps another annotated toponym (gold without a GeoNames id, literal
expressions, non-toponym annotations) and is a false positive otherwise; recall is the share
of scored toponyms some recognised span overlaps.
"""

from __future__ import annotations

import itertools
import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sahelwatch.errors import SourceError
from sahelwatch.geo.units import distance_km
from sahelwatch.model import Place, PlaceMention, Span

__all__ = [
    "MAX_ERROR_KM",
    "Article",
    "EndToEnd",
    "ErrorScores",
    "GoldToponym",
    "error_scores",
    "read_geowebnews",
    "score_end_to_end",
    "score_gold_spans",
]

MAX_ERROR_KM = 20039.0
ACCURACY_KM = 161.0

Resolve = Callable[[str, Sequence[PlaceMention]], Sequence[PlaceMention]]
Recognize = Callable[[str], Sequence[PlaceMention]]


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One annotated toponym; ``latitude`` is None when the corpus gives no point."""

    span: Span
    name: str
    geonameid: int | None
    latitude: float | None
    longitude: float | None

    @property
    def scored(self) -> bool:
        return self.geonameid is not None and self.latitude is not None


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class ErrorScores:
    n: int
    within_161km: float
    median_km: float
    auc: float


@dataclass(frozen=True, slots=True)
class EndToEnd:
    scores: ErrorScores
    precision: float
    recall: float


def read_geowebnews(path: Path) -> list[Article]:
    """The articles of ``GWN.xml``, each with its annotated toponyms."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise SourceError(f"cannot read GeoWebNews file {path}: {exc}") from exc
    return [_article(node) for node in root.iter("article")]


def _article(node: ET.Element) -> Article:
    text = node.findtext("text") or ""
    toponyms = tuple(_toponym(t) for t in node.iter("toponym"))
    return Article(node.get("file", ""), text, toponyms)


def _toponym(node: ET.Element) -> GoldToponym:
    def field(name: str) -> str:
        return (node.findtext(name) or "").strip()

    latitude, longitude = field("latitude"), field("longitude")
    return GoldToponym(
        span=Span(int(field("start")), int(field("end"))),
        name=field("extractedName"),
        geonameid=int(field("geonamesID")) if field("geonamesID") else None,
        latitude=float(latitude) if latitude else None,
        longitude=float(longitude) if longitude else None,
    )


def error_scores(errors: Sequence[float]) -> ErrorScores:
    """Accuracy within 161 km, median and AUC of a list of errors (km)."""
    if not errors:
        return ErrorScores(0, 0.0, 0.0, 0.0)
    ordered = sorted(errors)
    logs = [math.log(1.0 + e) for e in ordered]
    if len(logs) > 1:
        area = sum((a + b) / 2 for a, b in itertools.pairwise(logs))
        auc = area / ((len(logs) - 1) * math.log(MAX_ERROR_KM))
    else:
        auc = logs[0] / math.log(MAX_ERROR_KM)
    within = sum(1 for e in ordered if e <= ACCURACY_KM) / len(ordered)
    return ErrorScores(len(ordered), within, statistics.median(ordered), auc)


def _error(gold: GoldToponym, place: Place | None) -> float:
    if place is None or gold.latitude is None or gold.longitude is None:
        return MAX_ERROR_KM
    return distance_km(gold.latitude, gold.longitude, place.latitude, place.longitude)


def score_gold_spans(articles: Iterable[Article], resolve: Resolve) -> ErrorScores:
    """Geocoding given the gold spans: each article's scored toponyms resolved together."""
    errors: list[float] = []
    for article in articles:
        gold = [t for t in article.toponyms if t.scored]
        mentions = [
            PlaceMention(t.span, article.text[t.span.start : t.span.end], None, "gold")
            for t in gold
        ]
        resolved = resolve(article.text, mentions)
        errors.extend(_error(t, m.place) for t, m in zip(gold, resolved, strict=True))
    return error_scores(errors)


def score_end_to_end(
    articles: Iterable[Article], recognize: Recognize, resolve: Resolve
) -> EndToEnd:
    """Recognition and resolution over the raw text, scored against the gold toponyms."""
    errors: list[float] = []
    true_positives = false_positives = found = total = 0
    for article in articles:
        predicted = resolve(article.text, recognize(article.text))
        scored = [t for t in article.toponyms if t.scored]
        others = [t.span for t in article.toponyms if not t.scored]
        for mention in predicted:
            if any(_overlap(mention.span, t.span) for t in scored):
                true_positives += 1
            elif not any(_overlap(mention.span, span) for span in others):
                false_positives += 1
        for gold in scored:
            hits = [m for m in predicted if _overlap(m.span, gold.span)]
            total += 1
            found += bool(hits)
            errors.append(_error(gold, hits[0].place) if hits else MAX_ERROR_KM)
    predictions = true_positives + false_positives
    return EndToEnd(
        scores=error_scores(errors),
        precision=true_positives / predictions if predictions else 0.0,
        recall=found / total if total else 0.0,
    )


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
