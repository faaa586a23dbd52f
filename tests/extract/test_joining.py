"""Joining: later sentences that tell more of an event join it instead of making new ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from sahelwatch.model import Extraction

Code = Callable[..., Extraction]


def _types(extraction: Extraction) -> list[str]:
    return [r.sub_event_type for r in extraction.reports]


def test_what_the_attack_did_told_by_its_own_name_joins_it(code: Code) -> None:
    text = (
        "A roadside bomb hit an army patrol near Boni on Tuesday.\n\n"
        "The blast destroyed two pickup trucks and a fuel tanker."
    )
    assert _types(code(text)) == ["Remote explosive/landmine/IED"]


def test_a_consequence_of_an_expulsion_is_an_event_of_its_own(code: Code) -> None:
    text = (
        "Niger began expelling hundreds of migrants from Agadez on 2 March.\n\n"
        "The expulsions have forced many families to return to Arlit."
    )
    assert _types(code(text)) == ["Forced expulsion", "Forced return"]


def test_a_pronoun_doer_in_a_new_paragraph_goes_on_telling_the_attack(code: Code) -> None:
    text = (
        "Gunmen attacked a gendarmerie post in Tera on Friday, killing three gendarmes.\n\n"
        "They set fire to the post and took away two vehicles."
    )
    assert len(code(text).reports) == 1


def test_a_claim_on_another_day_joins_the_attack_it_claims(code: Code) -> None:
    text = (
        "Militants killed nine soldiers in an ambush near Tessit on Saturday.\n\n"
        "The group claimed the attack on Monday in a statement."
    )
    reports = code(text).reports
    assert len(reports) == 1
    assert reports[0].date.start is not None and reports[0].date.start.isoweekday() == 6


def test_a_toll_confirmed_on_a_later_day_is_not_a_new_event(code: Code) -> None:
    text = (
        "An explosive device struck a bus on the road to Djibo on Wednesday.\n\n"
        'The army confirmed "casualties" in a statement on Thursday.'
    )
    assert _types(code(text)) == ["Remote explosive/landmine/IED"]


def test_une_revendication_un_autre_jour_rejoint_l_attaque(code: Code) -> None:
    text = (
        "Des hommes armés ont tué six civils près de Ménaka samedi.\n\n"
        "Le groupe a revendiqué l'attaque lundi dans un communiqué."
    )
    assert len(code(text, "fr").reports) == 1


def test_what_an_event_was_is_no_new_event_on_the_date_it_is_compared_with(code: Code) -> None:
    text = (
        "Fighters killed 12 soldiers at a camp near Bosso on Sunday.\n\n"
        "The raid was the deadliest in the area since June 2023, when an ambush killed 30."
    )
    reports = code(text).reports
    fresh = [r for r in reports if r.modality.value == "reported"]
    assert len(fresh) == 1
    assert fresh[0].fatalities is not None and fresh[0].fatalities.best == 12


def test_the_reporters_the_attack_refers_to_what_was_told_as_fact(code: Code) -> None:
    text = (
        "Militants attacked a police post in Sebba on Tuesday, killing four officers.\n\n"
        "The army said on Wednesday that air strikes had destroyed several militant bases.\n\n"
        "The attack was the third on the post this year."
    )
    reports = code(text).reports
    assert [r.modality.value for r in reports] == ["reported", "claimed"]
    first = reports[0]
    assert len(first.evidence) == 2


def test_l_attaque_etait_la_plus_meurtriere_depuis_une_autre_date(code: Code) -> None:
    text = (
        "Des hommes armés ont tué huit civils à Intahaka dimanche.\n\n"
        "L'attaque était la plus meurtrière dans la zone depuis mars 2024."
    )
    reports = code(text, "fr").reports
    assert len([r for r in reports if r.modality.value == "reported"]) == 1


def test_cases_counted_over_their_own_period_join_the_outbreak(code: Code) -> None:
    text = (
        "The health ministry has declared a cholera epidemic in the Tillaberi region.\n\n"
        "Since mid-January, 75 suspected cases have been recorded in three districts."
    )
    assert _types(code(text)) == ["Disease outbreak"]


def test_another_disease_is_another_outbreak(code: Code) -> None:
    text = (
        "The health ministry has declared a cholera epidemic in the Tillaberi region.\n\n"
        "Since mid-January, 30 cases of measles have been recorded in Dosso."
    )
    assert _types(code(text)) == ["Disease outbreak", "Disease outbreak"]


def test_des_cas_comptes_depuis_janvier_rejoignent_l_epidemie(code: Code) -> None:
    text = (
        "Le ministère de la Santé a déclaré une épidémie de méningite dans la région de Zinder.\n\n"
        "Depuis début janvier, 52 cas suspects ont été notifiés."
    )
    assert _types(code(text, "fr")) == ["Disease outbreak"]


def test_before_doing_more_the_same_doers_go_on_with_the_same_attack(code: Code) -> None:
    text = (
        "Gunmen on motorbikes shot dead nine villagers in Tin-Akoff on Friday, before setting "
        "fire to the granaries and driving off the cattle."
    )
    reports = code(text).reports
    assert [r.modality.value for r in reports] == ["reported"]


def test_avant_d_incendier_les_memes_assaillants_poursuivent_l_attaque(code: Code) -> None:
    text = (
        "Des hommes armés ont abattu sept villageois à Tillia vendredi.\n\n"
        "Les assaillants ont tiré sur les habitants, avant d'incendier des cases et "
        "d'emporter le bétail."
    )
    reports = code(text, "fr").reports
    assert [r.modality.value for r in reports] == ["reported"]


def test_after_another_event_told_with_its_own_verb_is_still_another_time(code: Code) -> None:
    text = "Residents fled to Dori after militants attacked their village."
    reports = code(text, published=None).reports
    assert "background" in [r.modality.value for r in reports]


def test_an_attack_told_in_general_words_is_named_later(code: Code) -> None:
    text = (
        "Several rounds struck the army camp at Ansongo late on Friday, damaging a depot.\n\n"
        "The shells were fired from the hills west of the town, residents said."
    )
    assert len(code(text).reports) == 1


def test_who_did_similar_attacks_before_did_not_do_this_one(code: Code) -> None:
    text = (
        "Mortar rounds struck the airport at Tessalit on Friday. No group claimed the attack, "
        "but similar shelling in the past has been carried out by fighters of JNIM."
    )
    reports = code(text).reports
    assert reports[0].actor1 is not None and "JNIM" not in reports[0].actor1


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Niger expelled 300 migrants to Algeria last week. Chadians, for their part, were "
         "expelled to the border at Nguigmi.", "en"),
        ("Le Niger a expulsé 300 migrants vers l'Algérie la semaine dernière. Des Tchadiens ont "
         "quant à eux été reconduits à la frontière à Nguigmi.", "fr"),
    ],
)  # fmt: skip
def test_others_told_for_their_part_are_another_expulsion_then_too(
    code: Code, text: str, language: str
) -> None:
    reports = code(text, language).reports
    assert [r.sub_event_type for r in reports] == ["Forced expulsion"] * 2
    assert reports[0].date == reports[1].date


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The group has imposed a blockade on the town since June 2023, barring trucks from "
         "reaching it.", "en"),
        ("Le groupe impose depuis juin 2023 un blocus sur la ville, en interdisant aux camions "
         "d'y entrer.", "fr"),
    ],
)  # fmt: skip
def test_a_blockade_imposed_since_a_month_began_that_month(
    code: Code, text: str, language: str
) -> None:
    (report,) = code(text, language).reports
    assert report.sub_event_type == "Change to group/activity"
    assert (report.date.start, report.date.end) == (dt.date(2023, 6, 1), dt.date(2023, 6, 30))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A drone strike hit a market near Gao on Sunday, killing nine people, residents said.\n\n"
         "The army said on Monday that an air operation near Gao had neutralised a group of "
         "terrorists.", "en"),
        ("Gunmen attacked an army post in Tessit on Saturday, killing four soldiers.\n\n"
         "In a statement on Sunday, the army said it had repelled a terrorist attack.", "en"),
        ("Une frappe de drone a touché un marché près de Gao dimanche, tuant neuf personnes.\n\n"
         "L'armée a affirmé lundi qu'une frappe aérienne près de Gao avait neutralisé un groupe "
         "de terroristes.", "fr"),
    ],
)  # fmt: skip
def test_a_partys_version_of_the_violence_told_as_fact_joins_it(
    code: Code, text: str, language: str
) -> None:
    assert len(code(text, language).reports) == 1


def test_what_a_party_says_it_did_next_is_an_event_of_its_own(code: Code) -> None:
    text = (
        "Gunmen attacked an army post in Tessit on Saturday, killing four soldiers.\n\n"
        "The army said on Sunday that its troops had killed dozens of terrorists in the area."
    )
    assert len(code(text).reports) == 2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen abducted five traders from a bus near Gao on Monday, witnesses said.\n\n"
         "Further north, a pick-up blocked the road and the men took the five into the desert.",
         "en"),
        ("Des hommes armés ont enlevé cinq commerçants dans un bus près de Gao lundi, selon des "
         "témoins.\n\nPlus au nord, un pick-up a bloqué la route et les hommes ont emmené les "
         "cinq dans le désert.", "fr"),
    ],
)  # fmt: skip
def test_people_named_by_their_count_alone_go_on_with_the_event_that_counted_them(
    code: Code, text: str, language: str
) -> None:
    reports = code(text, language).reports
    assert [r.sub_event_type for r in reports] == ["Abduction/forced disappearance"]
