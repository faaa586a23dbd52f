from __future__ import annotations

from dataclasses import replace

from sahelwatch.geo.candidates import Candidate, Match
from sahelwatch.geo.context import MentionContext
from sahelwatch.geo.features import intrinsic_features, namesakes, prominence
from sahelwatch.geo.gazetteer import MATCHING_COUNTRIES

from .fakes import place


def test_prominence_of_towns_units_and_areas() -> None:
    assert prominence(place(1, "Lyon", "FR", "PPLA", population=516_000)) == 516_000
    assert prominence(place(2, "Rhône", "FR", "ADM2", population=1_800_000)) == 0
    ocean = replace(place(3, "Atlantic Ocean", "", "OCN"), feature_class="H")
    assert prominence(ocean) >= 1e9


def test_namesakes_the_largest_other_namesake_that_does_not_contain_it() -> None:
    city = place(1, "Lyon", "FR", "PPLA", population=516_000, admin1="Rhône-Alpes")
    village = place(2, "Lyon", "US", population=900, admin1="Mississippi")
    state = place(3, "Lyon", "FR", "ADM1", population=8_000_000, admin1="Rhône-Alpes")
    renamed = place(4, "Lugdunum", "FR", population=9_000_000)  # an old name, not its own
    candidates = [
        Candidate(city, Match.EXACT),
        Candidate(village, Match.EXACT),
        Candidate(state, Match.EXACT),
        Candidate(renamed, Match.ALTERNATE),
    ]
    # the unit does not overshadow its own town; an old name of a town overshadows none
    assert namesakes(candidates) == [900, 8_000_000, 516_000, 8_000_000]
    assert namesakes(candidates[:1]) == [0.0]


def test_intrinsic_features_a_seat_of_unknown_size_counts_only_in_the_region() -> None:
    ctx = MentionContext("Sorgo")
    in_region = Candidate(place(1, "Sorgo", "ML", "PPLA3"), Match.EXACT)
    abroad = Candidate(place(2, "Sorgo", "GB", "PPLA3"), Match.EXACT)
    # the region's full dumps give no population, cities500 elsewhere does: a seat abroad
    # without one is no better known than its namesakes
    assert intrinsic_features(in_region, ctx, MATCHING_COUNTRIES)["seat"] == 1.0
    assert intrinsic_features(abroad, ctx, MATCHING_COUNTRIES)["seat"] == 0.0
