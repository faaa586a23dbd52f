"""Violence coded by whom it hurt, end to end on invented sentences (English and French):
property only, people harmed, armed men taken, officials and soldiers off duty as civilians."""

from __future__ import annotations

import pytest

from coder_fixtures import Code, first_sub

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Sunday, gunmen raided the village of Tindali and looted the shops and granaries, "
         "no casualties were reported.", "en"),
        ("Dimanche, des hommes armés ont attaqué le village de Tindali et ont pillé les "
         "boutiques, sans faire de victimes.", "fr"),
    ],
)  # fmt: skip
def test_harm_attack_that_only_loots_is_looting(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Looting/property destruction"


def test_harm_attack_that_loots_and_wounds_stays_an_attack(code: Code) -> None:
    text = (
        "On Sunday, gunmen attacked the village of Tindali, wounded two herders and looted shops."
    )
    assert first_sub(code, text) == "Attack"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Friday, JNIM militants abducted three soldiers near Hombori.", "en"),
        ("Vendredi, des jihadistes ont enlevé deux soldats maliens près de Hombori.", "fr"),
    ],
)
def test_harm_abducted_soldiers_is_a_battle(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Armed clash"


def test_harm_abducted_off_duty_soldier_is_an_abduction(code: Code) -> None:
    text = "On Friday, JNIM militants abducted an off-duty soldier near Hombori."
    assert first_sub(code, text) == "Abduction/forced disappearance"


def test_harm_detained_then_found_dead_is_an_attack(code: Code) -> None:
    text = (
        "On Monday, soldiers arrested four herders at the market of Dioura; their bodies were "
        "found the next day."
    )
    assert first_sub(code, text) == "Attack"


def test_harm_arrest_by_armed_group_is_an_abduction(code: Code) -> None:
    text = "On Monday, ISGS militants arrested two traders in the village of Tinabaw."
    assert first_sub(code, text) == "Abduction/forced disappearance"


def test_harm_official_killed_is_violence_against_civilians(code: Code) -> None:
    text = "On Monday, gunmen killed a Malian government official in Douentza."
    assert first_sub(code, text) == "Attack"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Sunday, gunmen shot dead a soldier on leave at his home in Dori.", "en"),
        ("Dimanche, des hommes armés ont abattu un soldat en permission à son domicile à Dori.",
         "fr"),
    ],
)  # fmt: skip
def test_harm_soldier_on_leave_is_a_civilian(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Attack"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, gunmen attacked the gendarmerie post of Solenzo while it was unmanned "
         "and burned it.", "en"),
        ("Lundi, des hommes armés ont attaqué le poste de gendarmerie de Solenzo, inoccupé au "
         "moment des faits.", "fr"),
    ],
)  # fmt: skip
def test_harm_attack_on_an_unmanned_post_is_property_destruction(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Looting/property destruction"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, gunmen kidnapped a shepherd near Tessit. His body was found two days later.",
         "en"),
        ("On Monday, gunmen abducted a trader near Ansongo, he was later found dead.", "en"),
        ("Lundi, des hommes armés ont enlevé un berger près de Tessit. Son corps a été retrouvé "
         "deux jours plus tard.", "fr"),
    ],
)  # fmt: skip
def test_harm_abducted_then_found_dead_is_an_attack(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Attack"


def test_harm_abducted_and_found_alive_stays_an_abduction(code: Code) -> None:
    text = "On Monday, gunmen abducted a trader near Ansongo, he was found alive two days later."
    assert first_sub(code, text) == "Abduction/forced disappearance"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, gunmen entered the village of Tindali and fired in the air before leaving.",
         "en"),
        ("Lundi, des hommes armés ont fait irruption dans le village de Tindali et ont tiré en "
         "l'air avant de repartir.", "fr"),
    ],
)  # fmt: skip
def test_harm_shots_in_the_air_alone_are_a_show_of_force(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Change to group/activity"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, soldiers fired warning shots and arrested ten herders at the market of "
         "Dioura.", "en"),
        ("Lundi, des militaires ont tiré en l'air et ont arrêté une dizaine d'éleveurs au "
         "marché de Dioura.", "fr"),
    ],
)  # fmt: skip
def test_harm_shots_in_the_air_with_arrests_are_arrests(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Arrests"


def test_harm_shots_in_the_air_that_wounded_stay_an_attack(code: Code) -> None:
    text = "On Monday, gunmen fired in the air and wounded a trader at the market of Douentza."
    assert first_sub(code, text) == "Attack"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, ISGS militants made an incursion into the village of Tindali, threatening "
         "the family of a trader.", "en"),
        ("Lundi, des jihadistes ont fait une incursion dans le village de Tindali et ont menacé "
         "les habitants.", "fr"),
    ],
)  # fmt: skip
def test_harm_incursion_with_threats_only_is_a_show_of_force(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Change to group/activity"


def test_harm_incursion_that_killed_stays_an_attack(code: Code) -> None:
    text = (
        "On Monday, ISGS militants made an incursion into the village of Tindali, threatening "
        "the residents and killing two herders."
    )
    assert first_sub(code, text) == "Attack"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Tuesday, soldiers fired warning shots near the bridge of Dioura.", "en"),
        ("Mardi, des militaires ont effectué des tirs de sommation près du pont de Dioura.", "fr"),
    ],
)
def test_harm_warning_shots_alone_are_a_show_of_force(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Change to group/activity"
