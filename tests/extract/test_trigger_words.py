"""Trigger words in context: a day the parser takes for an object, gas that is not tear gas,
"contraintes de quitter", "tendues", the infinitive of an announced decision."""

from __future__ import annotations

from collections.abc import Callable

from sahelwatch.model import Extraction

Code = Callable[..., Extraction]


def test_des_femmes_ont_marche_lundi_est_une_manifestation(code: Code) -> None:
    text = "Des centaines de femmes ont marché lundi dans les rues de Gao pour réclamer de l'eau."
    assert [r.sub_event_type for r in code(text, "fr").reports] == ["Peaceful protest"]


def test_le_gaz_introuvable_n_est_pas_du_gaz_lacrymogene(code: Code) -> None:
    text = (
        "Des centaines d'habitants ont manifesté mardi à Kayes contre la vie chère. "
        "« Le gaz est introuvable », a dit une manifestante."
    )
    assert [r.sub_event_type for r in code(text, "fr").reports] == ["Peaceful protest"]


def test_les_gaz_lacrymogenes_sont_une_intervention(code: Code) -> None:
    text = (
        "Des centaines d'habitants ont manifesté mardi à Kayes contre la vie chère. "
        "La police a tiré des gaz lacrymogènes pour les disperser."
    )
    types = [r.sub_event_type for r in code(text, "fr").reports]
    assert types == ["Protest with intervention"]


def test_des_deplaces_contraints_de_quitter_un_site_sont_un_retour_force(code: Code) -> None:
    text = (
        "Plus de 800 personnes déplacées ont été contraintes de quitter le site de Barsalogho "
        "début mars pour regagner leurs villages."
    )
    assert [r.sub_event_type for r in code(text, "fr").reports] == ["Forced return"]


def test_des_relations_tendues_ne_sont_pas_une_embuscade(code: Code) -> None:
    text = "Les relations entre Niamey et Abuja restent tendues depuis des mois."
    assert code(text, "fr").reports == ()


def test_a_decision_to_quit_announced_is_the_withdrawal(code: Code) -> None:
    text = (
        "The juntas of the three countries announced their decision to quit in a joint "
        "statement on 12 February, accusing ECOWAS of serving foreign interests."
    )
    assert [r.sub_event_type for r in code(text).reports] == ["Withdrawal from agreement"]


def test_men_who_had_organised_the_unrest_are_described_not_an_event(code: Code) -> None:
    text = "Police arrested ten men in Kaedi on Wednesday who had organised the unrest."
    assert [r.sub_event_type for r in code(text).reports] == ["Arrests"]


def test_des_personnes_arretees_conduites_a_la_frontiere_ne_sont_pas_une_arrestation(
    code: Code,
) -> None:
    text = (
        "Des centaines de migrants ont été interpellés lundi à Nouakchott lors d'opérations "
        "de police. Une partie des personnes arrêtées ont ensuite été conduites en bus "
        "jusqu'à la frontière."
    )
    assert [r.sub_event_type for r in code(text, "fr").reports].count("Arrests") == 1


def test_ten_men_arrested_in_a_headline_are_the_event(code: Code) -> None:
    text = "Ten men arrested in Gao on Tuesday"
    assert "Arrests" in [r.sub_event_type for r in code(text).reports]


def test_pastoralists_ambushed_are_civilians(code: Code) -> None:
    text = "Militants ambushed four pastoralists near Djenné, killing two."
    assert [r.sub_event_type for r in code(text).reports] == ["Attack"]


def test_des_orpailleurs_tues_sont_des_civils(code: Code) -> None:
    text = "Des hommes armés ont tué cinq orpailleurs sur un site près de Kidal jeudi."
    assert [r.sub_event_type for r in code(text, "fr").reports] == ["Attack"]
