"""How the sides of an event are named for its type: here, the communities that fight, named
as their communal militias (the whole coder runs: these tests load the spaCy models)."""

from __future__ import annotations

import datetime as dt

import pytest

from coder_fixtures import Code


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Villagers from Tenkodogo repelled an attack by jihadists and killed four of them.", "en"),
        ("Tenkodogo villagers repelled an attack by jihadists and killed four of them.", "en"),
        (
            "Des villageois de Tenkodogo ont repoussé une attaque de jihadistes et en ont tué "
            "quatre.",
            "fr",
        ),
        (
            "Overnight, villagers armed with machetes in the area of Tenkodogo killed three "
            "suspected JNIM militants.",
            "en",
        ),
        (
            "Les habitants du village de Tenkodogo ont repoussé une attaque de jihadistes et en "
            "ont tué quatre.",
            "fr",
        ),
    ],
)
def test_acled_sides_villagers_fight_as_their_place_militia(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language).reports[0]
    assert report.actor1 == "Tenkodogo Communal Militia (Burkina Faso)"


@pytest.mark.slow
def test_acled_sides_villagers_of_no_place_are_an_unidentified_communal_militia(
    code: Code,
) -> None:
    text = "Villagers ambushed JNIM militants near Djibo, killing four."
    report = code(text).reports[0]
    assert report.actor1 == "Unidentified Communal Militia (Burkina Faso)"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Two people were killed in intercommunal clashes near Djibo in Burkina Faso.", "en"),
        ("Des affrontements intercommunautaires ont fait deux morts près de Djibo.", "fr"),
    ],
)
def test_acled_sides_intercommunal_violence_is_between_communal_militias(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language).reports[0]
    assert report.sub_event_type == "Armed clash"
    assert report.actor1 == report.actor2 == "Unidentified Communal Militia (Burkina Faso)"


@pytest.mark.slow
def test_acled_sides_residents_who_report_a_bomb_did_not_plant_it(code: Code) -> None:
    text = "The explosion of a truck on a mine near Tessit was reported by Tessit residents."
    report = code(text).reports[0]
    assert report.actor1 is not None and "Communal" not in report.actor1


@pytest.mark.slow
def test_acled_sides_communities_named_by_their_group_fight_as_ethnic_militias(
    code: Code,
) -> None:
    text = "Two people were killed in clashes between Markas and Bwabas near Dedougou."
    assert code(text).reports[0].actor1 == "Marka Ethnic Militia (Burkina Faso)"
    text = "Two farmers were killed by Fulani pastoralists near Fada N'Gourma."
    assert code(text).reports[0].actor1 == "Fulani Ethnic Militia (Burkina Faso)"


@pytest.mark.slow
def test_acled_sides_the_other_community_of_a_clash_is_its_militia(code: Code) -> None:
    text = (
        "Two people died in intercommunal violence between Gourmantche agriculturalists and "
        "Fulani pastoralists near Fada N'Gourma."
    )
    report = code(text).reports[0]
    assert (report.actor1, report.actor2) == (
        "Gourmantche Ethnic Militia (Burkina Faso)", "Fulani Ethnic Militia (Burkina Faso)",
    )  # fmt: skip


@pytest.mark.slow
def test_acled_sides_a_village_self_defense_is_its_communal_militia(code: Code) -> None:
    text = (
        "Suspected JNIM militants attacked the village of Tenkodogo on Monday, and village "
        "self-defense repelled the attack."
    )
    assert code(text).reports[0].actor2 == "Tenkodogo Communal Militia (Burkina Faso)"
    text = "Village self-defense from Tenkodogo ambushed JNIM militants and killed three."
    assert code(text).reports[0].actor1 == "Tenkodogo Communal Militia (Burkina Faso)"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Students beat their teacher with sticks in a school of Koudougou.", "en"),
        ("Des élèves ont battu leur enseignant avec des bâtons dans une école de Koudougou.", "fr"),
    ],
)
def test_acled_sides_a_crowd_that_attacks_is_rioters(code: Code, text: str, language: str) -> None:
    report = code(text, language).reports[0]
    assert report.actor1 == "Rioters (Burkina Faso)"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Suspected JNIM militants stormed a market near Djibo, militants burned shops.",
            "en",
        ),
        (
            "Des militants présumés du JNIM ont pris d'assaut un marché près de Djibo, des "
            "militants ont brûlé des boutiques.",
            "fr",
        ),
    ],
)
def test_acled_sides_bare_militants_are_the_group_the_sentence_named(
    code: Code, text: str, language: str
) -> None:
    assert all(
        r.actor1 == "JNIM: Group for Support of Islam and Muslims"
        for r in code(text, language).reports
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Presumed Katiba Macina or Ansaroul Islam militants looted a school near Djibo.", "en"),
        (
            "Des militants présumés de la Katiba Macina ou d'Ansaroul Islam ont pillé une école "
            "près de Djibo.",
            "fr",
        ),
    ],
)
def test_acled_sides_suspects_of_one_parent_are_the_parent(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language, dt.date(2019, 6, 1)).reports[0]
    assert report.actor1 == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language", "day", "first"),
    [
        (
            "On 20 March, Libyan rebels clashed with Gaddafi forces near Ajdabiya, killing five.",
            "en",
            dt.date(2011, 3, 21),
            "Military Forces of Libya",
        ),
        (
            "Le 20 mars, des rebelles libyens ont affronté les forces de Kadhafi près "
            "d'Ajdabiya, faisant cinq morts.",
            "fr",
            dt.date(2011, 3, 21),
            "Military Forces of Libya",
        ),
        (
            "On 20 March, Libyan rebels clashed with Gaddafi forces near Ajdabiya, killing five.",
            "en",
            dt.date(2010, 3, 21),
            "Libyan Rebel Forces",
        ),
    ],
)
def test_coded_order_names_first_the_side_the_pack_says_acled_names_first(
    code: Code, text: str, language: str, day: dt.date, first: str
) -> None:
    report = code(text, language, day).reports[0]
    assert report.actor1 == first


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On 10 May, rebels seized the town of Gao in Mali.", "en"),
        ("Le 10 mai, des rebelles se sont emparés de la ville de Gao au Mali.", "fr"),
    ],
)
def test_acled_sides_territory_taken_from_no_one_named_was_the_state_s(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language, dt.date(2012, 5, 11)).reports[0]
    assert report.sub_event_type == "Non-state actor overtakes territory"
    assert report.actor2 == "Military Forces of Mali"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language", "day", "first"),
    [
        (
            "Rebel forces seized the town of Zawiya in Libya on Sunday.",
            "en",
            dt.date(2011, 6, 13),
            "Military Forces of Libya",
        ),
        (
            "Dimanche, les forces rebelles se sont emparées de la ville de Zawiya en Libye.",
            "fr",
            dt.date(2011, 6, 13),
            "Military Forces of Libya",
        ),
        (
            "Rebel forces seized the town of Zawiya in Libya on Sunday.",
            "en",
            dt.date(2011, 3, 7),
            "Libyan Rebel Forces",
        ),
    ],
)
def test_coded_order_of_territory_taken_follows_the_convention_of_its_date(
    code: Code, text: str, language: str, day: dt.date, first: str
) -> None:
    """ACLED named the taker of a town first in Libya until March 2011, the army after."""
    report = code(text, language, day).reports[0]
    assert report.sub_event_type == "Non-state actor overtakes territory"
    assert report.actor1 == first


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language", "day", "first"),
    [
        (
            "Islamists destroyed a mausoleum in Timbuktu on 1 July.",
            "en",
            dt.date(2012, 7, 2),
            "Ansar Dine",
        ),
        (
            "Le 1er juillet, des islamistes ont détruit un mausolée à Tombouctou.",
            "fr",
            dt.date(2012, 7, 2),
            "Ansar Dine",
        ),
        (
            "Islamists destroyed a mausoleum in Timbuktu on 1 July.",
            "en",
            dt.date(2016, 7, 2),
            "Islamist Militia (Mali)",
        ),
        (
            "On 1 July, rebels attacked an army post near Iferouane, killing three soldiers.",
            "en",
            dt.date(2008, 7, 2),
            "MNJ: Nigerien Movement for Justice",
        ),
        (
            "Le 1er juillet, des rebelles ont attaqué un poste de l'armée près d'Iferouane, "
            "tuant trois soldats.",
            "fr",
            dt.date(2008, 7, 2),
            "MNJ: Nigerien Movement for Justice",
        ),
    ],
)
def test_under_parent_a_generic_kind_is_the_group_acled_credits_there_then(
    code: Code, text: str, language: str, day: dt.date, first: str
) -> None:
    report = code(text, language, day).reports[0]
    assert report.actor1 == first
    assert report.assoc_actor1 is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("day", "first"),
    [(dt.date(2006, 1, 7), "Janjaweed"), (dt.date(2015, 1, 7), "Ethnic Militia (Sudan)")],
)
def test_under_parent_sudanese_militiamen_in_chad_are_the_janjaweed_then(
    code: Code, day: dt.date, first: str
) -> None:
    text = "Sudanese militiamen killed nine Chadian civilians in a raid near Adre."
    assert code(text, "en", day).reports[0].actor1 == first


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Algerian police rounded up hundreds of migrants in Tamanrasset last week. Since "
            "early May, more than 300 people have been expelled to the border post of Assamaka "
            "in Niger.",
            "en",
        ),
        (
            "La police algérienne a interpellé des centaines de migrants à Tamanrasset la "
            "semaine dernière. Depuis début mai, plus de 300 personnes ont été expulsées vers "
            "le poste frontalier d'Assamaka au Niger.",
            "fr",
        ),
    ],
)
def test_acled_sides_an_expulsion_told_in_the_passive_is_the_named_authorities_state_s(
    code: Code, text: str, language: str
) -> None:
    """Not the government of the country the people were taken to."""
    reports = code(text, language).reports
    expulsion = next(r for r in reports if r.sub_event_type == "Forced expulsion")
    assert expulsion.actor1 == "Government of Algeria"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Islamist militants fired on two aircraft flying over Timbuktu in Mali.", "en"),
        ("Des islamistes ont tiré sur deux avions au-dessus de Tombouctou, au Mali.", "fr"),
    ],
)
def test_under_parent_a_generic_kind_named_by_its_group_on_the_day_of_publication_stays_so(
    code: Code, text: str, language: str
) -> None:
    """A text of no date of its own is dated by its publication: the group ACLED credited
    then, not the generic kind again once the event's country is settled."""
    report = code(text, language, dt.date(2012, 7, 2)).reports[0]
    assert report.date.start is None
    assert report.actor1 == "Ansar Dine"


@pytest.mark.slow
def test_acled_sides_a_government_fought_in_a_battle_is_its_military(code: Code) -> None:
    report = code("On Sunday, rebels attacked the Chadian government near Abeche.").reports[0]
    assert report.sub_event_type == "Armed clash"
    assert report.actor2 == "Military Forces of Chad"
