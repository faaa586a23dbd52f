"""Violence by crowds, protesters and mobs, coded end to end on invented sentences (English and
French): a riot, mob violence, a protest met by force, or communities fighting as militias."""

from __future__ import annotations

import pytest

from coder_fixtures import Code, first_sub

pytestmark = pytest.mark.slow


def test_crowds_protesters_who_burn_are_rioters(code: Code) -> None:
    text = (
        "On Monday, students protesting against fee increases set fire to the town hall of "
        "Koudougou."
    )
    assert first_sub(code, text) == "Violent demonstration"


def test_crowds_warning_shots_without_protest_are_not_a_protest(code: Code) -> None:
    text = "On Monday, soldiers fired warning shots that hit a bus near Gao, wounding a passenger."
    assert first_sub(code, text) != "Protest with intervention"


def test_crowds_two_men_killing_is_not_mob_violence(code: Code) -> None:
    text = "On Monday, two men on a motorbike shot dead a trader in Kidal."
    assert first_sub(code, text) == "Attack"


def test_crowds_clash_with_demonstrators_is_a_riot(code: Code) -> None:
    text = "On Monday, police clashed with demonstrators in front of the town hall of Kaya."
    assert first_sub(code, text) == "Violent demonstration"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Tuesday, traders protesting a new tax barricaded the entrance to the market of "
         "Dori.", "en"),
        ("Mardi, des commerçants qui protestaient contre une taxe ont barricadé l'entrée du "
         "marché de Dori.", "fr"),
        ("On Tuesday, students protesting the closure of their school stoned cars in Kaya.",
         "en"),
        ("Mardi, des élèves qui manifestaient contre la fermeture de leur école ont caillassé "
         "des voitures à Kaya.", "fr"),
    ],
)  # fmt: skip
def test_crowds_protest_blocking_or_stoning_is_violent(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Violent demonstration"


def test_crowds_protest_ending_in_confrontation_is_violent(code: Code) -> None:
    text = "On Friday, a march of students in Tahoua ended in confrontations with the police."
    assert first_sub(code, text) == "Violent demonstration"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, soldiers protested over unpaid bonuses and fired shots in the air at their "
         "camp in Kati.", "en"),
        ("Lundi, des militaires ont manifesté à Kati et ont tiré en l'air pour réclamer leurs "
         "primes.", "fr"),
        ("Students protested violently in Koudougou on Tuesday.", "en"),
        ("Mardi, des élèves ont manifesté violemment à Koudougou.", "fr"),
    ],
)  # fmt: skip
def test_crowds_protesters_firing_or_rioting_are_violent(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Violent demonstration"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Friday, soldiers took to the streets of Kaya, firing into the air and looting "
         "shops.", "en"),
        ("Vendredi, des militaires sont descendus dans la rue pour protester, tirant en l'air "
         "et pillant des boutiques.", "fr"),
        ("Des étudiants ont manifesté à Dori et ont mis le feu à la mairie.", "fr"),
        ("On Monday, clashes broke out between protesting traders and police in Kayes.", "en"),
        ("A police station was set on fire during demonstrations in Zinder on Sunday.", "en"),
    ],
)  # fmt: skip
def test_crowds_what_protesters_did_besides_protesting_is_violent(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Violent demonstration"


def test_crowds_violence_protested_against_stays_a_topic(code: Code) -> None:
    text = "On Monday, residents protested and marched in Kaya over the killing of a girl."
    assert first_sub(code, text) == "Peaceful protest"


def test_crowds_shots_to_disperse_a_protest_are_an_intervention(code: Code) -> None:
    text = "On Monday, students protested in Kaya and police fired in the air to disperse them."
    assert first_sub(code, text) == "Protest with intervention"


def test_crowds_civilians_who_clash_are_a_mob(code: Code) -> None:
    text = "On Monday, striking teachers clashed with traders at the market of Kaya, wounding two."
    assert first_sub(code, text) == "Mob violence"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, herders and farmers clashed near Dori. Four people were killed.", "en"),
        ("Lundi, des éleveurs et des agriculteurs se sont affrontés près de Dori, faisant quatre "
         "morts.", "fr"),
    ],
)  # fmt: skip
def test_crowds_civilians_who_fight_to_the_death_are_armed_sides(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Armed clash"


def test_crowds_communities_who_clash_fight_as_militias(code: Code) -> None:
    text = "On Monday, Fulani and Dogon villagers clashed near Bankass, injuring three."
    assert first_sub(code, text) == "Armed clash"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Friday, mutinous soldiers looted shops in Kaya.", "en"),
        ("Vendredi, des soldats mutinés ont pillé des boutiques à Kaya.", "fr"),
        ("On Saturday, hundreds of shopkeepers set fire to the town hall of Kaya.", "en"),
    ],
)
def test_crowds_mutineers_or_a_crowd_looting_are_rioters(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Violent demonstration"


def test_crowds_dispersal_and_arrests_at_a_protest_are_an_intervention(code: Code) -> None:
    text = (
        "On Tuesday, police dispersed demonstrators angry over power cuts in Zinder with "
        "tear gas. Fifteen were arrested."
    )
    assert first_sub(code, text) == "Protest with intervention"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Sunday, youths from two neighbouring villages clashed near Sanga over a well, "
         "leaving three dead.", "en"),
        ("Dimanche, des jeunes de deux villages voisins se sont affrontés près de Sanga pour un "
         "puits, faisant trois morts.", "fr"),
    ],
)  # fmt: skip
def test_crowds_clash_between_villages_is_a_battle(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Armed clash"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Friday, rioters clashed with police in the centre of Kaya.", "en"),
        ("Vendredi, des émeutiers se sont affrontés avec la police dans le centre de Kaya.", "fr"),
    ],
)
def test_crowds_crowd_fighting_police_is_a_violent_demonstration(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Violent demonstration"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("On Monday, clashes broke out between police and young traders in the market of Gao.",
         "en", "Violent demonstration"),
        ("On Monday, gendarmes clashed with youths in Dori; three people were injured.", "en",
         "Violent demonstration"),
        ("Lundi, des affrontements entre la police et des jeunes ont éclaté à Dori.", "fr",
         "Violent demonstration"),
        ("On Monday, gendarmes clashed with youths armed with machetes in Dori.", "en",
         "Armed clash"),
    ],
)  # fmt: skip
def test_crowds_police_fighting_a_crowd_is_the_crowds_riot(
    code: Code, text: str, language: str, expected: str
) -> None:
    assert first_sub(code, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Tuesday, two rival factions of students clashed with machetes on the campus of "
         "Kaya, leaving three wounded.", "en"),
        ("On Monday, villagers armed with machetes and hunting rifles killed four militants "
         "near Tessit.", "en"),
        ("Mardi, deux factions rivales d'étudiants se sont affrontées à la machette sur le "
         "campus de Kaya, faisant trois blessés.", "fr"),
        ("Dimanche, des jeunes munis d'armes à feu ont tué deux jihadistes entrés dans le "
         "village de Tessit.", "fr"),
    ],
)  # fmt: skip
def test_crowds_armed_factions_or_armed_villagers_fight_a_battle(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Armed clash"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, traders and refugees clashed with machetes at the market of Kaya, "
         "wounding two.", "en"),
        ("Lundi, des commerçants et des réfugiés se sont affrontés à la machette au marché de "
         "Kaya, faisant deux blessés.", "fr"),
    ],
)  # fmt: skip
def test_crowds_crowds_fighting_with_blades_stay_a_mob(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Mob violence"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday night, mutinous soldiers kept firing in Koudougou until dawn.", "en"),
        ("Gunfire by mutinous troops was heard for two hours in Kaya on Monday.", "en"),
        ("Soldiers in Kaya kept firing in the air and looting shops as part of their mutiny.",
         "en"),
        ("Des soldats mutins ont tiré en l'air toute la nuit à Kaya.", "fr"),
        ("Lundi soir, des soldats ont tiré en l'air à Kaya dans le cadre de leur mutinerie.",
         "fr"),
        ("On Monday night, firing by mutinying police was reported in Koudougou.", "en"),
        ("Lundi soir, des policiers mutinés ont tiré en l'air à Koudougou.", "fr"),
    ],
)  # fmt: skip
def test_crowds_mutineers_firing_at_no_one_riot(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Violent demonstration"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, the presidential guard fired at the mutineers in Kaya.", "en"),
        ("On Monday, mutinous soldiers attacked the presidential guard in Kaya.", "en"),
        ("On Monday, mutinous soldiers fired on the presidential guard in Kaya.", "en"),
    ],
)  # fmt: skip
def test_crowds_mutineers_fighting_someone_fight_a_battle(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Armed clash"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, youths in Kaya staged a demonstration over the killing of a trader by a "
        "gendarme. The demonstrators burned the mayor's car.",
        "On Monday, residents of Dori staged a demonstration to denounce the foreign military "
        "presence, the march turned violent and the demonstrators pillaged a warehouse.",
    ],
)
def test_crowds_burning_by_the_crowd_is_a_riot_whoever_the_protest_is_about(
    code: Code, text: str
) -> None:
    assert first_sub(code, text) == "Violent demonstration"


def test_crowds_burning_by_police_at_a_protest_is_not_a_riot(code: Code) -> None:
    text = (
        "On Monday, police dispersed a sit-in of traders in Kaya, and gendarmes burned their "
        "stalls."
    )
    assert first_sub(code, text) == "Protest with intervention"


def test_crowds_political_groups_that_clash_are_a_mob(code: Code) -> None:
    text = (
        "On Monday, opposing political groups clashed in Banfora after a contested municipal vote."
    )
    assert first_sub(code, text) == "Mob violence"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, three gunmen were captured by villagers near Diffa and handed over to the "
         "gendarmerie.", "en"),
        ("Lundi, des villageois ont capturé trois hommes armés près de Diffa et les ont remis à "
         "la gendarmerie.", "fr"),
    ],
)  # fmt: skip
def test_crowds_villagers_who_capture_men_are_a_mob(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Mob violence"


def test_crowds_police_arrests_stay_arrests(code: Code) -> None:
    text = "On Monday, police arrested three traders at the market of Diffa."
    assert first_sub(code, text) == "Arrests"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, teachers across Niger began observing a 72-hour strike over unpaid "
         "salaries.", "en"),
        ("Lundi, les enseignants de Niamey ont entamé une grève de 72 heures pour réclamer "
         "leurs salaires.", "fr"),
    ],
)  # fmt: skip
def test_crowds_strike_with_no_gathering_is_not_a_protest(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Other"
    # the strikers are named as ACLED names them, protesters of their country
    assert code(text, language).reports[0].actor1 == "Protesters (Niger)"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, teachers in Niamey went on strike and marched to the ministry.",
        "On Monday, a jailed journalist began a hunger strike in Niamey.",
    ],
)
def test_crowds_strike_with_a_march_or_hunger_strike_is_a_protest(code: Code, text: str) -> None:
    assert first_sub(code, text) == "Peaceful protest"
