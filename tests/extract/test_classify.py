"""ACLED's conventions between types, coded end to end on invented sentences (English and
French): who was hit, whether anyone was hurt, whether the other side fought back."""

from __future__ import annotations

import pytest

from coder_fixtures import Code, first_sub

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three soldiers were killed after their vehicle hit a landmine near Boni.", "en"),
        ("Trois soldats ont été tués après que leur véhicule a sauté sur une mine près de Boni.",
         "fr"),
    ],
)  # fmt: skip
def test_classify_toll_and_its_cause_are_one_event(code: Code, text: str, language: str) -> None:
    reports = code(text, language).reports
    assert [r.sub_event_type for r in reports] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, two gendarmes were killed by a mine on the road to Djibo.", "en"),
        ("On Monday, a bus hit a mine near Djibo, killing four passengers.", "en"),
        ("On Monday, bombs killed three fighters near Djibo.", "en"),
        ("Lundi, deux gendarmes ont été tués par une mine sur la route de Djibo.", "fr"),
        ("Lundi, un camion a roulé sur une mine près de Djibo, tuant trois passagers.", "fr"),
    ],
)  # fmt: skip
def test_classify_weapon_that_did_the_violence_is_its_use(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, gunmen shot dead two traders on the road to Ber. Rebels were suspected in "
         "the attack.", "en"),
        ("Lundi, des hommes armés ont tué deux commerçants sur la route de Ber. Des rebelles sont "
         "soupçonnés d'être les auteurs de l'attaque.", "fr"),
    ],
)  # fmt: skip
def test_classify_event_told_again_keeps_its_target(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Attack"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("On Monday, aircraft of the coalition carried out a strike that hit a militant camp "
         "near Tessit.", "en", "Air/drone strike"),
        ("On Monday, French aircraft reportedly struck a militant position near Tessit.", "en",
         "Air/drone strike"),
        ("Lundi, des avions de l'opération Barkhane ont frappé un campement de jihadistes près "
         "de Tessit.", "fr", "Air/drone strike"),
        ("On Monday, soldiers of the army struck a militant camp near Tessit.", "en",
         "Armed clash"),
    ],
)  # fmt: skip
def test_classify_strike_carried_out_by_aircraft_is_an_air_strike(
    code: Code, text: str, language: str, expected: str
) -> None:
    assert first_sub(code, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, the air force carried out airstrikes and combing operations on the ground "
         "against militants near Djibo.", "en"),
        ("Lundi, l'armée de l'air a mené des frappes aériennes et des opérations de ratissage au "
         "sol contre des jihadistes près de Djibo.", "fr"),
        ("On Monday, the air force carried out an airstrike near Djibo while ground forces "
         "searched the area.", "en"),
        ("On Monday, the air force struck militants near Djibo, and ground troops freed two "
         "hostages.", "en"),
        ("Lundi, l'armée de l'air a mené une frappe aérienne près de Djibo pendant que les "
         "forces terrestres fouillaient la zone.", "fr"),
    ],
)  # fmt: skip
def test_classify_strike_with_a_search_on_the_ground_stays_the_strike(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Air/drone strike"


def test_classify_weapon_inside_a_battle_is_the_battle(code: Code) -> None:
    text = (
        "On Tuesday, militants ambushed an army convoy near Kadial; the attack began with an IED "
        "detonation followed by heavy gunfire."
    )
    assert first_sub(code, text) == "Armed clash"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("On Monday, gunmen equipped with rockets and small arms attacked the gendarmerie in "
         "Ouo. Two rockets were fired, no casualties.", "en", "Armed clash"),
        ("Lundi, des hommes armés ont tiré des roquettes et des armes légères contre la "
         "gendarmerie de Ouo, sans faire de victimes.", "fr", "Armed clash"),
        ("On Monday, an airstrike hit a militant depot near Boni, destroying small arms and "
         "ammunition.", "en", "Air/drone strike"),
    ],
)  # fmt: skip
def test_classify_rockets_fired_with_small_arms_are_the_battle(
    code: Code, text: str, language: str, expected: str
) -> None:
    assert first_sub(code, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, militants carried out a complex attack on an army camp near Tessit, opened "
         "by a suicide car bomb. Two soldiers were killed.", "en"),
        ("On Monday, militants including two suicide bombers carried out a multipronged attack "
         "on a checkpoint near Tessit.", "en"),
        ("Lundi, des jihadistes ont mené une attaque complexe contre le camp militaire de "
         "Tessit, ouverte par un kamikaze. Deux soldats ont été tués.", "fr"),
    ],
)  # fmt: skip
def test_classify_complex_attack_with_a_bomb_is_the_battle(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Armed clash"


def test_classify_violence_between_two_sides_is_a_clash(code: Code) -> None:
    text = "On Monday, violence between Fulani and Dogon militiamen near Bankass left five dead."
    assert first_sub(code, text) == "Armed clash"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Rebels took control of the town of Ber without a fight on Friday.", "en"),
        ("Les rebelles ont pris le contrôle de la ville de Ber sans résistance vendredi.", "fr"),
    ],
)
def test_classify_unopposed_takeover_is_a_transfer(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Non-violent transfer of territory"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Friday, rebels took control of the town of Ber. They met no resistance.", "en"),
        ("On Friday, rebels took control of the town of Ber. No report of fighting.", "en"),
        ("Vendredi, les rebelles ont pris le contrôle de la ville de Ber. Ils n'ont rencontré "
         "aucune résistance.", "fr"),
    ],
)  # fmt: skip
def test_classify_takeover_told_unopposed_next_is_a_transfer(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Non-violent transfer of territory"


def test_classify_checkpoint_is_a_change_of_activity(code: Code) -> None:
    text = "On Sunday, JNIM militants ran checkpoints on the road between Djibo and Namsiguia."
    assert first_sub(code, text) == "Change to group/activity"


def test_classify_rape_told_with_looting_is_sexual_violence(code: Code) -> None:
    text = "On Friday, gunmen robbed a shop and raped a woman near Fada."
    assert first_sub(code, text) == "Sexual violence"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("On Monday, the army launched a new operation against armed groups in the Boucle du "
         "Mouhoun region.", "en", "Change to group/activity"),
        ("Lundi, l'armée a lancé une nouvelle opération contre les groupes armés dans la "
         "région de la Boucle du Mouhoun.", "fr", "Change to group/activity"),
        ("On Monday, Chadian troops were deployed to the town of Ménaka.", "en",
         "Change to group/activity"),
        ("Lundi, des soldats tchadiens ont été déployés dans la ville de Ménaka.", "fr",
         "Change to group/activity"),
        ("On Monday, the rebels and the government resumed peace talks in Algiers.", "en",
         "Agreement"),
        ("Lundi, les rebelles et le gouvernement ont entamé des pourparlers de paix à Alger.",
         "fr", "Agreement"),
    ],
)  # fmt: skip
def test_classify_strategic_moves_are_coded(
    code: Code, text: str, language: str, expected: str
) -> None:
    assert first_sub(code, text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La reprise des combats à Léré a fait dix morts.", "Armed clash"),
        ("L'armée malienne a repris le contrôle de Ménaka lundi.", "Government regains territory"),
        ("La ville de Kidal a été reprise par l'armée malienne.", "Government regains territory"),
    ],
)
def test_classify_french_reprendre_is_territory_only_for_a_place(
    code: Code, text: str, expected: str
) -> None:
    assert first_sub(code, text, "fr") == expected


def test_classify_french_talks_that_resume_take_no_territory(code: Code) -> None:
    text = "Les négociations de paix ont repris lundi à Alger entre Bamako et les rebelles."
    assert first_sub(code, text, "fr") == "Agreement"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, mutinous soldiers took control of the town of Kati.", "en"),
        ("Lundi, des soldats mutinés ont pris le contrôle de la ville de Kati.", "fr"),
    ],
)
def test_classify_mutineers_taking_a_town_are_not_the_government(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Non-state actor overtakes territory"


def test_classify_engaging_in_a_march_is_peaceful(code: Code) -> None:
    text = "On Sunday, hundreds of people engaged in a march in Bamako to demand better roads."
    assert first_sub(code, text) == "Peaceful protest"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Friday, the two armed movements signed an agreement in Gao to end hostilities.",
         "en"),
        ("Vendredi, les deux mouvements armés ont signé à Gao un accord de cessation des "
         "hostilités.", "fr"),
    ],
)  # fmt: skip
def test_classify_hostilities_an_agreement_ends_are_no_battle(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Agreement"


def test_classify_toll_of_soldiers_is_a_battle(code: Code) -> None:
    text = "Two soldiers kidnapped and four killed near Ansongo on Sunday."
    assert first_sub(code, text) == "Armed clash"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Sunday, militants attacked the army camp in Boni with a suicide car bomb followed "
         "by an armed assault.", "en"),
        ("Dimanche, des jihadistes ont attaqué le camp militaire de Boni avec un véhicule "
         "kamikaze suivi d'un assaut armé.", "fr"),
        ("On Sunday, French and Malian forces conducted an air and ground operation against "
         "militants near Gossi.", "en"),
        ("Dimanche, les forces françaises et maliennes ont mené une opération aérienne et "
         "terrestre contre des jihadistes près de Gossi.", "fr"),
    ],
)  # fmt: skip
def test_classify_weapons_with_ground_fighting_are_a_battle(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Armed clash"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Friday, protesters gathered in Niamey to demand lower fuel prices.", "en"),
        ("Des manifestants se sont rassemblés devant la mairie de Niamey.", "fr"),
    ],
)
def test_classify_crowd_that_gathers_is_a_protest(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Peaceful protest"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, rebels captured a small, but strategic town near the border.", "en"),
        ("On Monday, rebels overtook a military camp near the border.", "en"),
    ],
)
def test_classify_captured_town_is_territory(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Sunday, a NATO bombing hit an ammunition depot near Sebha.", "en"),
        ("On Sunday, British jets conducted strike missions against a depot near Sebha.", "en"),
        ("Dimanche, des bombardements de l'OTAN ont visé un dépôt près de Sebha.", "fr"),
    ],
)
def test_classify_strike_missions_are_air_strikes(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, the national air force targeted rebel positions near Faya.", "en"),
        ("Lundi, l'aviation tchadienne a frappé des positions rebelles près de Faya.", "fr"),
    ],
)
def test_classify_air_force_that_strikes_is_an_air_strike(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, French troops left Gossi as part of their drawdown.", "en"),
        ("Lundi, les soldats français ont quitté Gossi.", "fr"),
    ],
)
def test_classify_troops_who_leave_a_town_change_activity(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Change to group/activity"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Friday, soldiers searched a camp near Tessit and recovered rockets and IED "
         "components.", "en"),
        ("Vendredi, des soldats ont fouillé un camp près de Tessit et ont récupéré des roquettes "
         "et des engins explosifs.", "fr"),
    ],
)  # fmt: skip
def test_classify_weapons_found_unused_are_disrupted(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Disrupted weapons use"


def test_classify_weapon_found_after_it_killed_stays_its_use(code: Code) -> None:
    text = "On Friday, an IED killed two soldiers near Tessit; a second device was later defused."
    assert first_sub(code, text) == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, soldiers tortured two captured rebel fighters near Kidal.", "en"),
        ("Lundi, des soldats ont torturé deux combattants rebelles capturés près de Kidal.", "fr"),
    ],
)
def test_classify_torture_of_fighters_is_an_attack(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Attack"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Near Boni on Monday. Fatalities: 14 soldiers.", "en"),
        ("Lundi, près de Boni. Morts : 14 soldats.", "fr"),
    ],
)
def test_classify_toll_noun_of_soldiers_is_a_battle(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Armed clash"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, gunmen attacked the village of Tinabaw and abducted three teachers.", "en"),
        ("Lundi, des hommes armés ont attaqué le village de Tinabaw et enlevé trois enseignants.",
         "fr"),
    ],
)  # fmt: skip
def test_classify_attack_that_only_abducts_is_an_abduction(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Abduction/forced disappearance"


def test_classify_attack_that_abducts_and_wounds_stays_an_attack(code: Code) -> None:
    text = "On Monday, gunmen attacked the village of Tinabaw, wounded a farmer and abducted two."
    assert first_sub(code, text) == "Attack"


def test_classify_abduction_with_a_death_is_an_attack(code: Code) -> None:
    text = "On Monday, gunmen abducted four traders near Kaya, one of whom died in captivity."
    assert first_sub(code, text) == "Attack"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, French troops regained control of the town of Ber after clashes.", "en"),
        ("Lundi, les troupes françaises ont repris le contrôle de la ville de Ber.", "fr"),
    ],
)
def test_classify_town_retaken_by_foreign_forces_is_regained(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Government regains territory"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, militants closed down the school of Tinabaw and prohibited music.", "en"),
        ("Lundi, des militants ont fermé l'école de Tinabaw et interdit la musique.", "fr"),
    ],
)
def test_classify_closure_or_ban_is_other(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Other"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, the government imposed a nightly curfew in Niamey in response to the "
         "coronavirus crisis.", "en"),
        ("Lundi, le gouvernement a décrété un couvre-feu nocturne à Niamey en raison de la "
         "crise sanitaire.", "fr"),
    ],
)  # fmt: skip
def test_classify_curfew_against_an_epidemic_is_other(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Other"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, the government imposed a nightly curfew in the Diffa region because of "
         "insecurity.", "en"),
        ("Lundi, le gouvernement a décrété un couvre-feu nocturne dans la région de Diffa en "
         "raison de l'insécurité.", "fr"),
    ],
)  # fmt: skip
def test_classify_curfew_against_insecurity_is_a_change_of_activity(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Change to group/activity"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Thursday, the rebels of the CMA withdrew from the peace agreement signed in "
         "Algiers.", "en"),
        ("Lundi, les rebelles de la CMA se sont retirés de l'accord de paix signé à Alger.",
         "fr"),
        ("Lundi, le gouvernement du Mali a annoncé qu'il se retirait de l'accord de paix signé "
         "à Alger.", "fr"),
    ],
)  # fmt: skip
def test_classify_leaving_an_agreement_is_a_withdrawal(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Withdrawal from agreement"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, two herders were killed and four wounded amid intercommunal clashes near Dori.",
        "On Monday, a farmer was killed and two injured in a communal conflict between two "
        "villages near Kaya.",
        # an attack met by armed resistance
        "On Monday, gunmen attacked the house of a judge in Gao; his guard returned fire, "
        "killing one of them.",
        "On Monday, militants attacked the village of Sama; the hunters defending it were "
        "overpowered and two farmers were killed.",
    ],
)
def test_classify_toll_in_fighting_or_attack_met_by_resistance_is_a_battle(
    code: Code, text: str
) -> None:
    assert first_sub(code, text) == "Armed clash"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday, soldiers shot and wounded 4 minors in Diffa.", "Attack"),
        ("On Monday, gunmen shot and wounded a security guard at the depot in Menaka.",
         "Armed clash"),
    ],
)  # fmt: skip
def test_classify_joined_verbs_share_their_target(code: Code, text: str, expected: str) -> None:
    assert first_sub(code, text) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("On Monday, three civilians were killed when gunmen attacked a toll post near Bla.",
         "en", "Attack"),
        ("Lundi, trois civils ont été tués lorsque des hommes armés ont attaqué un poste de "
         "police près de Bla.", "fr", "Attack"),
        ("Lundi, deux chauffeurs ont été abattus lors d'une attaque contre un convoi de "
         "ravitaillement de la MINUSMA près de Gao.", "fr", "Attack"),
        ("On Monday, gunmen attacked the village of Tiou and killed two militiamen of the "
         "self-defense group.", "en", "Armed clash"),
    ],
)  # fmt: skip
def test_classify_whom_an_attack_hurt_codes_it(
    code: Code, text: str, language: str, expected: str
) -> None:
    assert first_sub(code, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, soldiers killed three herders near Koro in reprisal for an attack on "
         "their camp the day before.", "en"),
        ("On Monday, gunmen fired on a fishing boat near Mopti, wounding one, in response to "
         "the arrest of two militants by the army.", "en"),
        ("Lundi, des militaires ont tué trois bergers près de Koro en représailles à une "
         "attaque contre leur camp la veille.", "fr"),
        ("On Monday, soldiers killed a shopkeeper near Koro, reportedly in reaction to an IED "
         "attack on their patrol.", "en"),
        ("Lundi, des militaires ont tué un boutiquier près de Koro, en réaction à une attaque "
         "à l'engin explosif contre leur patrouille.", "fr"),
    ],
)  # fmt: skip
def test_classify_what_a_reprisal_answers_is_not_its_target(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Attack"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("On Monday, unknown gunmen shot dead a guard in Niamey.", "en", "Armed clash"),
        ("On Monday, gunmen wounded a ranger near Say.", "en", "Armed clash"),
        ("On Monday, gunmen shot dead a trader in Gao.", "en", "Attack"),
        ("Lundi, des hommes armés ont abattu un garde à Niamey.", "fr", "Armed clash"),
        ("Lundi, des hommes armés ont tué un commerçant à Niamey.", "fr", "Attack"),
    ],
)  # fmt: skip
def test_classify_a_man_under_arms_named_by_his_post_is_an_armed_target(
    code: Code, text: str, language: str, expected: str
) -> None:
    assert first_sub(code, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, militants killed a police interpreter in Deou.", "en"),
        ("On Monday, gunmen shot dead a MINUSMA contractor in Gao.", "en"),
        ("Lundi, des hommes armés ont tué un interprète de la police à Deou.", "fr"),
    ],
)  # fmt: skip
def test_classify_civilian_work_for_a_force_is_a_civilian_target(
    code: Code, text: str, language: str
) -> None:
    assert first_sub(code, text, language) == "Attack"


def test_classify_raid_told_by_its_arrests_is_arrests(code: Code) -> None:
    text = "Many said they had been detained in Niamey during raids on markets and held for days."
    assert first_sub(code, text) == "Arrests"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, militants chased away the teachers and ransacked the school of Tindali.",
         "en"),
        ("Lundi, des jihadistes ont chassé les enseignants et saccagé l'école de Tindali.", "fr"),
    ],
)  # fmt: skip
def test_classify_chasing_civilians_away_is_no_battle(code: Code, text: str, language: str) -> None:
    assert first_sub(code, text, language) == "Looting/property destruction"


def test_classify_repelling_an_attack_stays_a_battle(code: Code) -> None:
    text = "On Monday, militia members repelled the gunmen who attacked the village of Tindali."
    assert first_sub(code, text) == "Armed clash"
