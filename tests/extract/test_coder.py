"""The coder end to end: several events per document, the same event told twice, types,
dates against publication, the extension types, French."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from sahelwatch.model import Extraction

pytestmark = pytest.mark.slow
Code = Callable[..., Extraction]

SEED = (
    "Citing national security concerns, the Algerian authorities on October 20th began "
    "expelling Malian refugees from the outskirts of the Algerian side of the city of "
    "Tinzaouaten.\n\n"
    "Malian Tinzaouaten has become a key conflict zone after the separatists dealt a defeat to "
    "Wagner-backed Malian forces in late July.\n\n"
    "A series of junta drone strikes on the commune in August destroyed the only pharmacy, as "
    "well as killed several children. Since then, malaria and diphtheria has ravaged the "
    "community.\n\n"
    "To bolster its security, Algeria has begun the construction of a separation barrier."
)


def test_coder_several_events_with_their_own_dates(code: Code) -> None:
    reports = code(SEED, published=dt.date(2024, 10, 31)).reports
    found = [(r.sub_event_type, str(r.modality), str(r.date.precision)) for r in reports]
    assert found == [
        ("Forced expulsion", "reported", "day"),
        ("Armed clash", "background", "range"),
        ("Air/drone strike", "reported", "month"),
        ("Disease outbreak", "reported", "range"),
        ("Border fortification", "reported", "range"),
    ]
    expulsion, clash, strike, outbreak, barrier = reports
    assert expulsion.date.start == dt.date(2024, 10, 20)
    assert expulsion.actor1 == "Government of Algeria"
    assert clash.date.start == dt.date(2024, 7, 21)
    assert strike.fatalities is not None and strike.fatalities.best == 3
    assert strike.actor1 == "Military Forces of Mali"
    assert outbreak.diseases == ("malaria", "diphtheria")
    assert outbreak.date.start == dt.date(2024, 8, 1)
    assert barrier.plover_type == "MOBILIZE"


def test_coder_same_event_told_twice_is_one_event(code: Code) -> None:
    text = (
        "On Sunday, a drone strike hit a livestock market near Kidal, killing at least 11 "
        "people.\n\nThe strike hit the market shortly before midday. More than 20 people were "
        "wounded."
    )
    reports = code(text).reports
    assert len(reports) == 1
    report = reports[0]
    assert len(report.evidence) == 3
    assert report.injured is not None and report.injured.best == 20
    assert report.date.start == dt.date(2025, 3, 2)


def test_coder_extension_type_maps_to_acled(code: Code, toolkit: object) -> None:
    report = code("On Thursday, Algeria expelled 638 migrants to Niger.").reports[0]
    assert (report.family, report.sub_event_type) == ("displacement", "Forced expulsion")
    assert report.displaced is not None and report.displaced.best == 638
    assert (report.plover_type, report.plover_mode) == ("COERCE", "deport")


def test_coder_protest_and_riot(code: Code) -> None:
    text = (
        "On Monday, hundreds of teachers marched in Nouakchott to demand unpaid wages.\n\n"
        "On Tuesday, young men blocked the main road in Kaédi with burning tyres and threw "
        "stones at the police, who fired tear gas."
    )
    reports = code(text, published=dt.date(2025, 4, 24)).reports
    assert [r.sub_event_type for r in reports] == ["Peaceful protest", "Violent demonstration"]
    assert reports[0].actor1 == "Protesters (Mauritania)"
    assert reports[1].actor1 == "Rioters (Mauritania)"


def test_coder_french_attack_on_civilians(code: Code) -> None:
    text = (
        "Plus de 30 civils ont été tués le 12 mars lors d'une attaque menée par des hommes "
        "armés contre plusieurs hameaux au nord d'Inékar, dans la région de Ménaka."
    )
    report = code(text, "fr", dt.date(2026, 3, 14)).reports[0]
    assert report.sub_event_type == "Attack"
    assert report.civilian_targeting is True
    assert report.fatalities is not None and report.fatalities.best == 30
    assert report.date.start == dt.date(2026, 3, 12)
    assert report.interaction == 37


def test_coder_no_event_is_a_rejection(code: Code) -> None:
    extraction = code("Millet prices fell for the third week at the Mopti market.")
    assert extraction.reports == ()
    assert extraction.rejected is not None and extraction.rejected.reason == "no_event"


def test_coder_records_provenance(code: Code) -> None:
    extraction = code("On Friday, gunmen killed two traders in Gao.")
    report = extraction.reports[0]
    assert report.coder.startswith("rules-")
    assert any(d.startswith("triggers=") for d in report.details)
    assert {str(m.kind) for m in extraction.mentions} >= {"actor", "trigger", "date"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Gunmen attacked the market of Banibangou on Sunday, killing five traders. They then "
            "set fire to the stalls before leaving towards the border.",
            "en",
        ),
        (
            "Des hommes armés ont attaqué le marché de Banibangou dimanche, tuant cinq "
            "commerçants. Ils ont ensuite incendié les étals avant de se retirer vers la "
            "frontière.",
            "fr",
        ),
    ],
)
def test_coder_attackers_leaving_is_the_end_of_their_attack(
    code: Code, text: str, language: str
) -> None:
    reports = code(text, language, published=dt.date(2025, 6, 10)).reports
    assert [r.sub_event_type for r in reports] == ["Attack"]


def test_coder_leaving_an_agreement_before_another_step_is_a_withdrawal(code: Code) -> None:
    text = "The junta denounced the peace agreement on Monday before leaving the accord."
    reports = code(text, published=dt.date(2025, 6, 10)).reports
    assert "Withdrawal from agreement" in [r.sub_event_type for r in reports]
