"""What an event was aimed at: armed men (a Battle) or civilians (Violence against civilians)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sahelwatch.model import Extraction

pytestmark = pytest.mark.slow
Code = Callable[..., Extraction]


def test_target_kind_forest_agent_is_armed(code: Code) -> None:
    extraction = code("On Tuesday, unknown gunmen shot dead a forest agent near Sikasso.")
    assert extraction.reports[0].sub_event_type == "Armed clash"


def test_target_kind_rank_alone_is_armed(code: Code) -> None:
    text = "On Friday, a man entered the post in Tera and stabbed the officer on duty."
    assert code(text).reports[0].sub_event_type == "Armed clash"


def test_target_kind_garrison_town_is_armed(code: Code) -> None:
    extraction = code("On Monday, rebels attacked the garrison town of Fada.")
    assert extraction.reports[0].sub_event_type == "Armed clash"


def test_target_kind_guard_posted_at_an_officials_home_is_armed(code: Code) -> None:
    text = "On Sunday, gunmen shot dead a guard posted at the home of a civilian official in Dori."
    assert code(text).reports[0].sub_event_type == "Armed clash"


def test_target_kind_people_named_as_guards_are_armed(code: Code) -> None:
    text = "On Monday, gunmen killed two people, both rangers, near Ayorou."
    assert code(text).reports[0].sub_event_type == "Armed clash"


def test_target_kind_people_described_as_militiamen_are_armed(code: Code) -> None:
    text = "On Monday, militants killed four people described as Dozo militiamen near Djenne."
    assert code(text).reports[0].sub_event_type == "Armed clash"


def test_target_kind_people_suspected_of_arms_stay_civilians(code: Code) -> None:
    text = "On Monday, soldiers shot dead four people suspected of being militiamen near Djenne."
    assert code(text).reports[0].sub_event_type == "Attack"
