"""Candidate events: which triggers of a sentence tell an event of their own."""

from __future__ import annotations

import pytest

from coder_fixtures import Code

pytestmark = pytest.mark.slow


def test_a_place_named_by_what_happened_to_it_tells_no_transfer(code: Code) -> None:
    text = (
        "Rebels and soldiers fought on Monday for control of the camp vacated by the peacekeepers."
    )
    assert [r.sub_event_type for r in code(text).reports] == ["Armed clash"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The region hosts 100,000 displaced people, many of whom fled the islands in recent "
         "years.", "en"),
        ("La région accueille 100 000 déplacés, dont beaucoup ont fui les îles ces dernières "
         "années.", "fr"),
    ],
)  # fmt: skip
def test_people_described_as_having_fled_over_years_tell_no_flight(
    code: Code, text: str, language: str
) -> None:
    assert code(text, language).reports == ()


def test_people_who_fled_last_week_tell_a_flight(code: Code) -> None:
    text = "The region hosts 100,000 displaced people, many of whom fled the islands last week."
    assert [r.sub_event_type for r in code(text).reports] == ["Flight"]
