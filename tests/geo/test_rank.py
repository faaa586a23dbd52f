from __future__ import annotations

import json
from pathlib import Path

import pytest

from sahelwatch.errors import DataPackError
from sahelwatch.geo.candidates import Candidate, Match
from sahelwatch.geo.features import FEATURES
from sahelwatch.geo.rank import Ranker, load_ranker

from .fakes import KIDAL_REGION, KIDAL_TOWN


def test_load_ranker_reads_a_weight_for_every_feature() -> None:
    ranker = load_ranker()
    assert set(ranker.weights) == set(FEATURES)
    assert ranker.weights["country_conflict"] < 0 < ranker.weights["country_cue"]


def test_load_ranker_rejects_missing_or_unknown_weights(tmp_path: Path) -> None:
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps({"none": 0.5, "weights": {"match": 1.0, "colour": 2.0}}), "utf-8")
    with pytest.raises(DataPackError, match="colour"):
        load_ranker(path)
    path.write_text("{", "utf-8")
    with pytest.raises(DataPackError):
        load_ranker(path)


def test_ranker_chooses_the_best_and_says_why() -> None:
    ranker = Ranker({"match": 1.0, "level_match": 2.0}, none=0.5)
    town, region = Candidate(KIDAL_TOWN, Match.EXACT), Candidate(KIDAL_REGION, Match.ALTERNATE)
    choice = ranker.choose([town, region], [{"match": 1.0}, {"match": 0.9, "level_match": 1.0}])
    assert choice.candidate == region
    assert choice.reason == "level_match"
    assert choice.margin == pytest.approx(1.9)


def test_ranker_none_of_these_when_no_candidate_beats_it() -> None:
    ranker = Ranker({"match": 1.0, "country_conflict": -5.0}, none=0.5)
    candidate = Candidate(KIDAL_TOWN, Match.EXACT)
    choice = ranker.choose([candidate], [{"match": 1.0, "country_conflict": 1.0}])
    assert (choice.candidate, choice.reason) == (None, "none")
    assert ranker.choose([], []).candidate is None


def test_ranker_score_carries_on_from_a_start() -> None:
    ranker = load_ranker()
    own = {"match": 0.95, "population": 0.31, "region": 1.0}
    document = {"doc_country": 0.7, "proximity": 0.13}
    assert ranker.score(document, ranker.score(own)) == ranker.score({**own, **document})


def test_ranker_choose_takes_known_scores() -> None:
    ranker = Ranker(dict.fromkeys(FEATURES, 1.0), 0.5)
    values = [{"match": 1.0}, {"match": 0.9, "level_match": 1.0}]
    town, region = Candidate(KIDAL_TOWN, Match.EXACT), Candidate(KIDAL_REGION, Match.EXACT)
    scores = [ranker.score(v) for v in values]
    assert ranker.choose([town, region], values, scores) == ranker.choose([town, region], values)


def test_ranker_choose_without_explaining_leaves_the_reason_empty() -> None:
    ranker = Ranker(dict.fromkeys(FEATURES, 1.0), 0.5)
    values = [{"match": 1.0}, {"match": 0.9, "level_match": 1.0}]
    town, region = Candidate(KIDAL_TOWN, Match.EXACT), Candidate(KIDAL_REGION, Match.EXACT)
    explained = ranker.choose([town, region], values)
    quiet = ranker.choose([town, region], values, explain=False)
    assert (quiet.candidate, quiet.score, quiet.margin) == (
        explained.candidate,
        explained.score,
        explained.margin,
    )
    assert explained.reason == "level_match" and quiet.reason == ""
    assert ranker.choose([town], values[:1], explain=False).reason == "single"
