"""Triggers: patterns matched, then dropped when negated, generic or inside a name."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from coder_fixtures import hand_parse
from sahelwatch.coding import Toolkit
from sahelwatch.extract.lang import LANGUAGES
from sahelwatch.extract.triggers import Trigger, TriggerFinder
from sahelwatch.pack import EventPattern

pytestmark = pytest.mark.slow


def triggers(toolkit: Toolkit, text: str, lang: str = "en") -> list[str]:
    nlp = toolkit.pipelines.get(lang)
    coder = toolkit.coder.for_language(nlp, lang)
    doc = nlp(text)
    return [t.pattern.id for t in coder.triggers.find(doc, coder.actors.find(doc))]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Gunmen attacked the village and killed three people.", "en", ["en-attack", "en-kill"]),
        ("An improvised explosive device hit a convoy.", "en", ["en-ied-2", "en-attack-verb"]),
        ("Des hommes armés ont enlevé deux enseignants.", "fr", ["fr-abduct"]),
        ("Une frappe de drone a visé le marché.", "fr", ["fr-drone"]),
    ],
)
def test_find_matches_patterns(toolkit: Toolkit, text: str, lang: str, expected: list[str]) -> None:
    assert triggers(toolkit, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The army did not attack the village.", "en"),
        ("The villagers fear attacks by the militants.", "en"),
        ("Similar shelling in the past was blamed on JNIM.", "en"),
        ("Kidnapping for ransom has become common.", "en"),
        ("Aucun tir n'a été effectué dans le secteur.", "fr"),
        ("The Azawad Liberation Front said so.", "en"),
        ("There was no report of fighting in the town.", "en"),
    ],
)
def test_find_drops_what_is_not_an_event(toolkit: Toolkit, text: str, lang: str) -> None:
    assert triggers(toolkit, text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Workers engaged in a strike.", "en", "en-engage"),
        ("The crowd responded to the call of the unions.", "en", "en-respond"),
    ],
)
def test_find_engaging_or_responding_is_not_always_fighting(
    toolkit: Toolkit, text: str, lang: str, expected: str
) -> None:
    assert expected not in triggers(toolkit, text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Soldiers engaged the assailants near Boni.", "en", "en-engage"),
        ("The army responded to the attack with artillery.", "en", "en-respond"),
        ("A gunfire exchange was reported near the camp.", "en", "en-exchange-2"),
        ("Residents blocked the RN4 road for hours.", "en", "en-riot-4"),
        ("Police detained twenty traders during raids on markets in Niamey.", "en", "en-raids-on"),
        ("Alger a convoqué lundi l'ambassadeur du Mali.", "fr", "fr-ambassador"),
        ("More than 900 refugees from Niger have registered in Chad since May.", "en",
         "en-refugees-registered"),
        ("Plus de 900 réfugiés nigériens ont été enregistrés au Tchad depuis mai.", "fr",
         "fr-refugees-registered"),
    ],
)  # fmt: skip
def test_find_matches_new_patterns(toolkit: Toolkit, text: str, lang: str, expected: str) -> None:
    assert expected in triggers(toolkit, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The two movements signed an agreement to end hostilities.", "en"),
        ("Les deux mouvements ont signé un accord de cessation des hostilités.", "fr"),
    ],
)
def test_find_drops_what_an_agreement_is_about(toolkit: Toolkit, text: str, lang: str) -> None:
    found = triggers(toolkit, text, lang)
    assert found and not any(
        "fighting" in key or "clash" in key or "combat" in key for key in found
    ), found


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Des miliciens mossi ont attaqué un hameau, tuant trois éleveurs.", "fr", "fr-attack"),
        ("Men loyal to Sharif attacked the market of Dori.", "en", "en-attack"),
    ],
)
def test_find_hypothesis_words_only_at_a_word_start(
    toolkit: Toolkit, text: str, lang: str, expected: str
) -> None:
    assert expected in triggers(toolkit, text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The town hall was set on fire by the crowd.", "en", "en-set-on-fire"),
        ("Les jeunes ont mis le feu à la mairie.", "fr", "fr-set-fire"),
    ],
)
def test_find_setting_on_fire(toolkit: Toolkit, text: str, lang: str, expected: str) -> None:
    assert expected in triggers(toolkit, text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Guards flogged the detainees.", "en", ["en-torture"]),
        ("Des gardes ont maltraité les détenus.", "fr", ["fr-torture"]),
    ],
)
def test_find_abuse_of_captives_is_its_own_trigger(
    toolkit: Toolkit, text: str, lang: str, expected: list[str]
) -> None:
    assert triggers(toolkit, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Armed men opened fire close to the well, then left.", "en", "en-opened-fire"),
        ("Pupils blocked several routes leading to the school.", "en", "en-riot-4"),
        ("A wave of assassinations by gunmen hit the province.", "en", "en-kill-forms"),
    ],
)
def test_find_bare_fire_blocked_routes_and_assassinations(
    toolkit: Toolkit, text: str, lang: str, expected: str
) -> None:
    assert expected in triggers(toolkit, text, lang)


def test_find_keeps_a_clause_told_before_a_negated_one(toolkit: Toolkit) -> None:
    text = "Gunmen kidnapped a trader on the road, the exact place was not given."
    assert "en-abduct" in triggers(toolkit, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The guards fired back at the assailants.", "en-fire-back"),
        ("A soldier returned fire and the gunmen fled.", "en-return-fire"),
        ("The attackers overwhelmed the defenders of the post.", "en-repel"),
    ],
)
def test_find_armed_resistance(toolkit: Toolkit, text: str, expected: str) -> None:
    assert expected in triggers(toolkit, text)


def test_find_returning_home_is_no_fire(toolkit: Toolkit) -> None:
    assert triggers(toolkit, "The displaced returned back home on Monday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thousands of demonstrators gathered outside the court in Niamey.", "en-protest"),
        ("Traders went to the streets of Kaya to oppose the new tax.", "en-took-streets"),
    ],
)
def test_find_crowds_that_gather_or_go_to_the_streets(
    toolkit: Toolkit, text: str, expected: str
) -> None:
    assert expected in triggers(toolkit, text)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Shots were fired near the governor's residence on Friday.", "en", "en-shots-fired"),
        ("Soldiers fired warning shots in the air at the market.", "en", "en-fire-shots"),
        ("The army fired cannons at the rebel positions.", "en", "en-fire-artillery"),
        ("Firing by unknown men was heard in the camp.", "en", "en-firing"),
        ("An aid convoy came under fire outside the town.", "en", "en-under-fire"),
        (
            "Hundreds of traders gathered at the central market on Monday to demand lower taxes.",
            "en",
            "en-gather-far",
        ),
        ("The insurgents captured a district of the city.", "en", "en-territory-5"),
        ("The rebels claim to control the whole valley.", "en", "en-claim-control"),
        ("Des coups de feu ont été tirés près du camp.", "fr", "fr-tirs-entendus"),
        ("Le convoi est passé sous le feu des assaillants.", "fr", "fr-sous-le-feu"),
        (
            "Des commerçants se sont rassemblés devant la mairie pour exiger la baisse des taxes.",
            "fr",
            "fr-rassembles-pour",
        ),
    ],
)
def test_find_shots_gatherings_and_control(
    toolkit: Toolkit, text: str, lang: str, expected: str
) -> None:
    assert expected in triggers(toolkit, text, lang)


@pytest.mark.parametrize(
    ("rows", "generic"),
    [
        # "staged a protest demanding pay", parsed with "protest" as a compound of "demanding"
        ([("staged", 0, "ROOT", "VERB", "stage"), ("a", 2, "det", "DET", "a"),
          ("protest", 3, "compound", "NOUN", "protest"),
          ("demanding", 0, "dobj", "NOUN", "demanding"), ("pay", 3, "dobj", "NOUN", "pay")],
         False),
        # "bought attack helicopters": a modifier, not an event
        ([("bought", 0, "ROOT", "VERB", "buy"), ("attack", 2, "compound", "NOUN", "attack"),
          ("helicopters", 0, "dobj", "NOUN", "helicopter")], True),
    ],
)  # fmt: skip
def test_is_event_noun_with_its_own_determiner_is_no_modifier(
    rows: list[tuple[str, int, str, str, str]], generic: bool
) -> None:
    doc = hand_parse(rows)
    index = next(i for i, t in enumerate(doc) if t.lemma_ in {"protest", "attack"})
    pattern = EventPattern("test", "en", "Peaceful protest", "", "", 0.0, (), None)
    trigger = Trigger(pattern, doc[index : index + 1])
    finder = TriggerFinder(spacy.blank("en"), [], LANGUAGES["en"])
    assert finder.is_event(trigger, frozenset({index})) is not generic


@pytest.mark.parametrize(
    ("verb", "events", "generic"),
    [(("hits", "hit"), frozenset({1, 2}), False), (("happens", "happen"), frozenset({1}), True)],
)
def test_is_event_headline_in_the_present_is_an_event(
    verb: tuple[str, str], events: frozenset[int], generic: bool
) -> None:
    # "An airstrike hits a convoy" tells an event; "An airstrike happens rarely" a habit.
    doc = Doc(
        spacy.blank("en").vocab, words=["An", "airstrike", verb[0], "rarely"],
        heads=[1, 2, 2, 2], deps=["det", "nsubj", "ROOT", "advmod"],
        pos=["DET", "NOUN", "VERB", "ADV"], tags=["DT", "NN", "VBZ", "RB"],
        lemmas=["an", "airstrike", verb[1], "rarely"],
    )  # fmt: skip
    pattern = EventPattern("test", "en", "Air/drone strike", "", "", 0.0, (), None)
    finder = TriggerFinder(spacy.blank("en"), [], LANGUAGES["en"])
    assert finder.is_event(Trigger(pattern, doc[1:2]), events) is not generic


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("This kind of attack is reported every month by the army.", "en"),
        ("Ce type de bilan est publié chaque mois par l'armée.", "fr"),
        ("Ce genre d'attaque est signalé chaque mois par l'armée.", "fr"),
    ],
)
def test_find_a_kind_of_event_is_no_event(toolkit: Toolkit, text: str, lang: str) -> None:
    assert triggers(toolkit, text, lang) == []


def test_find_an_agreement_named_by_its_fate_is_no_withdrawal(toolkit: Toolkit) -> None:
    recalled = "Rebels took the town in 2012 before the now-terminated peace accord was signed."
    assert "en-withdraw-agreement" not in triggers(toolkit, recalled)
    told = "Mali terminated the peace accord on Monday."
    assert triggers(toolkit, told) == ["en-withdraw-agreement"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("These attacks have become almost weekly.", "en"),
        ("Ces arrivées massives sont devenues presque hebdomadaires.", "fr"),
        ("Ces attaques sont fréquentes dans la région.", "fr"),
    ],
)
def test_find_an_event_word_said_to_be_a_habit_is_no_event(
    toolkit: Toolkit, text: str, lang: str
) -> None:
    assert triggers(toolkit, text, lang) == []


def test_find_an_arrival_named_as_a_moment_is_no_flight(toolkit: Toolkit) -> None:
    assert triggers(toolkit, "Un bénévole assure la distribution d'eau à l'arrivée.", "fr") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The authorities present these departures as voluntary returns supervised by the "
         "army, as part of the recapture of the territory.", "en"),
        ("Les autorités présentent ces départs comme des retours volontaires encadrés par "
         "l'armée, dans le cadre de la reconquête du territoire.", "fr"),
    ],
)  # fmt: skip
def test_find_a_campaign_named_as_a_frame_is_no_taking_of_territory(
    toolkit: Toolkit, text: str, lang: str
) -> None:
    assert triggers(toolkit, text, lang) == []
    told = "L'armée a annoncé lundi la reconquête de la ville de Djibo."
    assert triggers(toolkit, told, "fr") == ["fr-regain"]


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers fought a gun battle with rebels near Gao.",
        "On Monday, soldiers fought the rebels near Gao.",
    ],
)
def test_find_fighting_armed_men_or_a_battle_is_an_event(toolkit: Toolkit, text: str) -> None:
    assert "en-fighting" in triggers(toolkit, text)


def test_find_fighting_a_cause_is_no_event(toolkit: Toolkit) -> None:
    assert "en-fighting" not in triggers(toolkit, "The mayor vowed to fight poverty in Gao.")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The army fought the insurgents near the border.", "en"),
        ("Les militaires ont combattu les rebelles près de la frontière.", "fr"),
    ],
)
def test_find_fighting_armed_foes_is_an_event(toolkit: Toolkit, text: str, lang: str) -> None:
    found = triggers(toolkit, text, lang)
    assert "en-fighting" in found or "fr-clash-verb" in found


def test_find_fighting_a_cause_in_french_is_no_event(toolkit: Toolkit) -> None:
    text = "Le maire veut combattre la pauvreté dans la commune."
    assert triggers(toolkit, text, "fr") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Farmers caught two thieves and handed them over to the police.", "en"),
        ("The three suspects were handed over to the gendarmerie.", "en"),
    ],
)
def test_find_people_handed_over_are_no_transfer(toolkit: Toolkit, text: str, lang: str) -> None:
    assert not any("transfer" in key for key in triggers(toolkit, text, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, the army released twelve kidnapped herders near Gao.", "en"),
        ("On Monday, a hostage taken by JNIM last year was released in Kidal.", "en"),
        ("Lundi, l'armée a libéré douze bergers enlevés près de Gao.", "fr"),
    ],
)
def test_find_captives_named_in_their_release_tell_no_abduction(
    toolkit: Toolkit, text: str, lang: str
) -> None:
    assert not any("abduct" in key or "hostage" in key for key in triggers(toolkit, text, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, five aid workers abducted from a convoy were later released.", "en"),
        ("Lundi, des hommes armés ont enlevé cinq humanitaires, puis les ont libérés.", "fr"),
    ],
)
def test_find_abduction_later_released_stays(toolkit: Toolkit, text: str, lang: str) -> None:
    assert any("abduct" in key for key in triggers(toolkit, text, lang))


def test_find_a_base_handed_over_is_a_transfer(toolkit: Toolkit) -> None:
    found = triggers(toolkit, "The rebels handed over the old base to the army.")
    assert "en-transfer" in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Une patrouille a effectué des tirs de sommation près du pont.", "fr-tirs-sommation"),
        ("Des tirs de roquettes ont visé le camp militaire.", "fr-tirs-de-roquettes"),
        ("Des tirs d'obus ont visé le camp militaire.", "fr-tirs-de-roquettes"),
        ("Des tirs indirects ont visé le camp militaire.", "fr-tirs-indirects"),
    ],
)
def test_find_warning_shots_are_no_shelling(toolkit: Toolkit, text: str, expected: str) -> None:
    assert expected in triggers(toolkit, text, "fr")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, soldiers seized rifles, ammunition, IEDs and two motorbikes in the forest.",
            "en",
        ),
        ("The police arrested a man in possession of IEDs on the road to the town.", "en"),
        ("Police shot a militant equipped with an IED near the market.", "en"),
        ("La police a tué un terroriste équipé d'un engin explosif près du marché.", "fr"),
        ("Les gendarmes ont arrêté un homme en possession d'engins explosifs sur la route.", "fr"),
    ],
)
def test_find_a_device_held_or_seized_is_no_explosion(
    toolkit: Toolkit, text: str, lang: str
) -> None:
    found = triggers(toolkit, text, lang)
    assert not any(key.startswith(("en-ied", "fr-ied")) for key in found)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("An IED hit an army convoy near the bridge.", "en", "en-ied"),
        (
            "Un véhicule transportant des soldats a sauté sur un engin explosif.",
            "fr",
            "fr-hit-mine",
        ),
    ],
)
def test_find_a_device_that_went_off_stays_an_explosion(
    toolkit: Toolkit, text: str, lang: str, expected: str
) -> None:
    assert expected in triggers(toolkit, text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Sporadic fighting went on in the town until Saturday.", "en", "en-fighting"),
        (
            "Des combats sporadiques se sont poursuivis dans la ville jusqu'à samedi.",
            "fr",
            "fr-clash",
        ),
    ],
)
def test_find_sporadic_fighting_is_an_event(
    toolkit: Toolkit, text: str, lang: str, expected: str
) -> None:
    assert expected in triggers(toolkit, text, lang)


def test_find_repeated_attacks_stay_a_habit(toolkit: Toolkit) -> None:
    assert triggers(toolkit, "Villagers fear repeated attacks on the market.") == []
