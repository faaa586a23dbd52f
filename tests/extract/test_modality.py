"""Modality: reported, background, claimed, denied, threatened, forecast; recommendations and
warnings become assessments, not events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from sahelwatch.model import Extraction, Modality

pytestmark = pytest.mark.slow
Code = Callable[..., Extraction]
PUBLISHED = dt.date(2024, 10, 31)


def modalities(extraction: Extraction) -> list[str]:
    return [str(r.modality) for r in extraction.reports]


def test_modality_reported(code: Code) -> None:
    extraction = code("On Tuesday, gunmen attacked the market of Gao.", published=PUBLISHED)
    assert modalities(extraction) == [Modality.REPORTED]


def test_modality_background_after_a_subordinator(code: Code) -> None:
    text = "Mali chose Russia after France's withdrawal from Operation Barkhane in November 2022."
    report = code(text, published=PUBLISHED).reports[0]
    assert report.modality == Modality.BACKGROUND
    assert report.date.start == dt.date(2022, 11, 1)


def test_modality_recalled_event_keeps_its_own_date(code: Code) -> None:
    text = (
        "The report reminded of the July 2024 incident, where airstrikes killed several civilians."
    )
    report = code(text, published=dt.date(2025, 3, 1)).reports[0]
    assert report.modality == Modality.BACKGROUND
    assert (report.date.start, report.date.precision) == (dt.date(2024, 7, 1), "month")
    assert report.fatalities is not None and report.fatalities.best == 3


def test_modality_claimed_by_a_party(code: Code) -> None:
    text = (
        "On Saturday, JNIM fighters attacked a VDP post in Gorgadji, killing 20. "
        "The army said on Monday that drones had struck the fleeing column, killing dozens. "
        "The figure could not be verified."
    )
    reports = code(text, published=dt.date(2026, 1, 26)).reports
    assert [str(r.modality) for r in reports] == ["reported", "claimed"]


def test_modality_denied_in_french(code: Code) -> None:
    text = (
        "Le ministère a démenti mercredi des informations selon lesquelles des militaires "
        "auraient ouvert le feu sur des orpailleurs près d'In Guezzam."
    )
    assert modalities(code(text, "fr", dt.date(2025, 6, 26))) == [Modality.DENIED]


def test_modality_threatened_in_french(code: Code) -> None:
    text = "La semaine dernière, un responsable du JNIM a menacé d'incendier tout camion."
    assert modalities(code(text, "fr", dt.date(2024, 2, 14))) == [Modality.THREATENED]


def test_modality_forecast_meeting(code: Code) -> None:
    text = "ECOWAS and AES ministers are expected to meet in Bamako next month."
    report = code(text, published=dt.date(2025, 1, 30)).reports[0]
    assert report.modality == Modality.FORECAST
    assert report.date.precision == "month"


def test_modality_warning_is_an_assessment_not_an_event(code: Code) -> None:
    text = (
        "The International Crisis Group warned that the crisis between Algeria and Mali could "
        "develop into an open military confrontation."
    )
    extraction = code(text, published=None)
    assert extraction.reports == ()
    warning = next(a for a in extraction.assessments if a.kind == "warning")
    assert warning.issuer == "International Crisis Group"
    assert set(warning.parties) == {"Algeria", "Mali"}


def test_modality_recommendation_is_an_assessment(code: Code) -> None:
    text = "Human rights groups called on the authorities to stop collective expulsions."
    extraction = code(text)
    assert extraction.reports == ()
    assert [a.kind for a in extraction.assessments] == ["recommendation"]


def test_modality_negated_event_is_not_coded(code: Code) -> None:
    extraction = code("The army did not attack the village, and no one was killed.")
    assert extraction.reports == ()
    assert extraction.rejected is not None and extraction.rejected.reason == "no_event"
