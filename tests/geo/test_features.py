from __future__ import annotations

from dataclasses import replace

from sahelwatch.geo.candidates import Candidate, Match
from sahelwatch.geo.features import namesakes, prominence

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
