from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from sahelwatch.errors import SourceError
from sahelwatch.evaluate.geoparse import (
    MAX_ERROR_KM,
    error_scores,
    read_geowebnews,
    score_end_to_end,
    score_gold_spans,
)
from sahelwatch.model import Place, PlaceMention, Span

XML = """<?xml version="1.0" ?>
<articles>
  <article file="0">
    <title>t</title><link>l</link>
    <text>Troops left Paris for Lyon. The French said so.</text>
    <toponyms>
      <toponym><extractedName>Paris</extractedName><normalisedName>Paris</normalisedName>
        <type>Literal</type><modifierType/><nonLocational>No</nonLocational>
        <start>12</start><end>17</end><geonamesID>2988507</geonamesID>
        <latitude>48.85341</latitude><longitude>2.3488</longitude></toponym>
      <toponym><extractedName>Lyon</extractedName><normalisedName>Lyon</normalisedName>
        <type>Literal</type><modifierType/><nonLocational>No</nonLocational>
        <start>22</start><end>26</end><geonamesID>2996944</geonamesID>
        <latitude>45.74846</latitude><longitude>4.84671</longitude></toponym>
      <toponym><extractedName>French</extractedName><normalisedName/>
        <type>Demonym</type><modifierType/><nonLocational>No</nonLocational>
        <start>32</start><end>38</end><geonamesID/><latitude/><longitude/></toponym>
    </toponyms>
  </article>
</articles>
"""
PARIS = Place(2988507, "Paris", 48.85341, 2.3488, "P", "PPLC", "FR")
LYON_US = Place(1, "Lyon", 40.0, -90.0, "P", "PPL", "US")


def _resolve(text: str, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    places = {"Paris": PARIS, "Lyon": LYON_US}
    return [replace(m, place=places.get(m.text)) for m in mentions]


@pytest.fixture
def gwn(tmp_path: Path) -> Path:
    path = tmp_path / "GWN.xml"
    path.write_text(XML, "utf-8")
    return path


def test_read_geowebnews_reads_spans_ids_and_points(gwn: Path) -> None:
    [article] = read_geowebnews(gwn)
    paris, _, french = article.toponyms
    assert article.text[paris.span.start : paris.span.end] == "Paris"
    assert (paris.geonameid, paris.latitude, paris.scored) == (2988507, 48.85341, True)
    assert (french.geonameid, french.scored) == (None, False)


def test_read_geowebnews_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        read_geowebnews(tmp_path / "absent.xml")


def test_score_gold_spans_scores_only_toponyms_with_an_id(gwn: Path) -> None:
    scores = score_gold_spans(read_geowebnews(gwn), _resolve)
    assert scores.n == 2
    assert scores.within_161km == 0.5  # Paris right, Lyon in the wrong country
    assert scores.median_km > 3000


def test_score_end_to_end_counts_precision_and_recall(gwn: Path) -> None:
    def recognize(text: str) -> list[PlaceMention]:
        spans = [(12, 17), (32, 38), (0, 6)]  # Paris; French (not scored: ignored); Troops
        return [PlaceMention(Span(a, b), text[a:b], None, "t") for a, b in spans]

    result = score_end_to_end(read_geowebnews(gwn), recognize, _resolve)
    assert (result.precision, result.recall) == (0.5, 0.5)
    assert result.scores.n == 2
    assert result.scores.within_161km == 0.5


def test_error_scores_auc_is_zero_when_perfect_and_one_when_all_missed() -> None:
    assert error_scores([0.0, 0.0]).auc == 0.0
    assert error_scores([MAX_ERROR_KM] * 3).auc == pytest.approx(
        math.log(1 + MAX_ERROR_KM) / math.log(MAX_ERROR_KM)
    )
    assert error_scores([]).n == 0
    assert error_scores([10.0, 200.0, 30.0]).median_km == 30.0
