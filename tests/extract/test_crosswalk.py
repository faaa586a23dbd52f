"""The crosswalk between our actor names and ACLED's."""

from __future__ import annotations

import pytest

from sahelwatch.extract.crosswalk import Crosswalk
from sahelwatch.pack import load_region


@pytest.fixture(scope="module")
def crosswalk() -> Crosswalk:
    return Crosswalk(load_region("sahel"))


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("Military Forces of Mali", "Military Forces of Mali (2013-)"),
        ("Police Forces of Burkina Faso", "Police Forces of Burkina Faso (2015-) Gendarmerie"),
        ("Islamic State (Sahel)", "Islamic State (Greater Sahara)"),
        ("Unidentified Armed Group (Mali)", "Unidentified Armed Group (Mali)"),
        (
            "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Sahel)",
            "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)",
        ),
        ("Military Forces of Libya (2014-) Haftar Faction", "LNA: Libyan National Army"),
        ("Al Mourabitoun", "Al Mourabitoune Battalion"),
        ("Dozo Communal Militia (Mali)", "Dozo Communal Militia (Mali)"),
        (
            "Operation Unified Protector: NATO Mission in Libya (2011-2011)",
            "Operation Unified Protector: NATO Mission in Libya (2011-2011)",
        ),
    ],
)
def test_same_across_renames_periods_and_units(
    crosswalk: Crosswalk, ours: str, theirs: str
) -> None:
    assert crosswalk.same(ours, theirs)


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("Civilians (Mali)", "Civilians (Niger)"),
        ("Fulani Ethnic Militia (Mali)", "Dogon Ethnic Militia (Mali)"),
        ("JNIM: Group for Support of Islam and Muslims", "Islamic State (Sahel)"),
        ("", "Civilians (Mali)"),
        ("Dozo Militia", "Dozo Communal Militia (Mali)"),
        ("Dozo Communal Militia (Burkina Faso)", "Dozo Communal Militia (Mali)"),
        (
            "NATO: North Atlantic Treaty Organization",
            "Operation Unified Protector: NATO Mission in Libya (2011-2011)",
        ),
    ],
)
def test_different_actors_differ(crosswalk: Crosswalk, ours: str, theirs: str) -> None:
    assert not crosswalk.same(ours, theirs)


def test_crosswalk_other_names_of_the_g5_force_and_the_ufr() -> None:
    walk = Crosswalk(load_region("sahel"))
    assert walk.same("G5 Sahel Joint Force", "G5S: G5 Sahel Force (2017-)")
    assert walk.same("UFR: Union of Resistance Forces", "UFR: Union of Forces for Resistance")
