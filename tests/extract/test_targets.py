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
