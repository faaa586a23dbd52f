from __future__ import annotations

import pytest

from sahelwatch.geo.candidates import Match, find_candidates
from sahelwatch.geo.context import MentionContext
from sahelwatch.geo.cues import Cues, load_cues

from .fakes import (
    ALGERIA,
    KIDAL_REGION,
    KIDAL_TOWN,
    KIDAL_WADI,
    MALI,
    SAHEL_PLACES,
    TESSALIT,
    FakeGazetteer,
    place,
    sahel_gazetteer,
)


@pytest.fixture(scope="module")
def cues() -> Cues:
    return load_cues()


def test_find_candidates_by_name_with_how_they_matched(cues: Cues) -> None:
    found = find_candidates("Kidal", MentionContext("Kidal"), sahel_gazetteer(), cues)
    how = {c.place.geonameid: c.match for c in found}
    assert how[KIDAL_TOWN.geonameid] == Match.EXACT
    assert how[KIDAL_REGION.geonameid] == Match.ALTERNATE
    assert how[KIDAL_WADI.geonameid] == Match.EXACT


def test_find_candidates_a_demonym_proposes_only_its_country(cues: Cues) -> None:
    ctx = MentionContext("Algerian", names_country="DZ")
    found = find_candidates("Algerian", ctx, sahel_gazetteer(), cues)
    assert [(c.place, c.match) for c in found] == [(ALGERIA, Match.COUNTRY_WORD)]


def test_find_candidates_a_country_word_proposes_its_country_too(cues: Cues) -> None:
    ctx = MentionContext("Mali", names_country="ML")
    found = find_candidates("Mali", ctx, sahel_gazetteer(), cues)
    assert found[0] == found[0].__class__(MALI, Match.COUNTRY_WORD)
    assert len(found) == 2  # and the Chinese village Mali, for the ranker to weigh


def test_find_candidates_a_name_inside_a_longer_one(cues: Cues) -> None:
    ctx = MentionContext("Tessalit Airport")
    found = find_candidates("Tessalit Airport", ctx, sahel_gazetteer(), cues)
    assert [(c.place, c.match) for c in found] == [(TESSALIT, Match.PART)]


def test_find_candidates_close_spelling_only_when_nothing_matched(cues: Cues) -> None:
    found = find_candidates("Tessaliti", MentionContext("Tessaliti"), sahel_gazetteer(), cues)
    assert [(c.place, c.match) for c in found] == [(TESSALIT, Match.FUZZY)]
    assert 0.9 <= found[0].similarity < 1.0
    assert find_candidates("Atlantis", MentionContext("Atlantis"), sahel_gazetteer(), cues) == []


def test_find_candidates_a_group_name_is_no_place(cues: Cues) -> None:
    gazetteer = FakeGazetteer([*SAHEL_PLACES, place(91101, "Dogon", "ML")])
    assert find_candidates("Dogon", MentionContext("Dogon"), gazetteer, cues) == []
    assert find_candidates("Peuls", MentionContext("Peuls"), gazetteer, cues) == []


def test_find_candidates_another_transliteration_before_close_spellings(cues: Cues) -> None:
    found = find_candidates("Tessallit", MentionContext("Tessallit"), sahel_gazetteer(), cues)
    assert [(c.place, c.match) for c in found] == [(TESSALIT, Match.VARIANT)]
    gazetteer = FakeGazetteer(
        [place(91501, "Tiou", "BF"), place(91502, "Ouahigouya", "BF"), place(91503, "Jibo", "BF")]
    )
    for name, geonameid in (("Thiou", 91501), ("Wahigouya", 91502), ("Djibo", 91503)):
        found = find_candidates(name, MentionContext(name), gazetteer, cues)
        assert [(c.place.geonameid, c.match) for c in found] == [(geonameid, Match.VARIANT)]
