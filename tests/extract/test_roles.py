"""Who did what to whom: active and passive voice, apposition, coordination, backing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from coder_fixtures import hand_parse
from sahelwatch.extract.actors import ActorMention
from sahelwatch.extract.lang import LANGUAGES
from sahelwatch.extract.roles import Roles, find_roles
from sahelwatch.extract.triggers import Trigger
from sahelwatch.model import Extraction
from sahelwatch.pack import EventPattern, load_region

pytestmark = pytest.mark.slow
Code = Callable[..., Extraction]


def lead(extraction: Extraction) -> tuple[str | None, str | None]:
    report = extraction.reports[0]
    return report.actor1, report.actor2


def test_roles_active_voice(code: Code) -> None:
    extraction = code("On Sunday, JNIM militants attacked a Malian army position in Boni.")
    actor1, actor2 = lead(extraction)
    assert actor1 == "JNIM: Group for Support of Islam and Muslims"
    assert actor2 == "Military Forces of Mali"
    assert extraction.reports[0].sub_event_type == "Armed clash"


def test_roles_passive_voice(code: Code) -> None:
    actor1, actor2 = lead(code("Five civilians were killed by Islamic State Sahel fighters."))
    assert actor1 == "Islamic State (Sahel)"
    assert actor2 is not None and actor2.startswith("Civilians")


def test_roles_passive_voice_in_french(code: Code) -> None:
    text = "Samedi, plus de 30 civils ont été tués par des hommes armés près de Ménaka."
    actor1, actor2 = lead(code(text, "fr"))
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")
    assert actor2 is not None and actor2.startswith("Civilians")


def test_roles_apposition_keeps_one_actor(code: Code) -> None:
    text = "On Monday, the Azawad Liberation Front (FLA) clashed with Malian troops near Ber."
    actor1, actor2 = lead(code(text))
    assert actor1 == "FLA: Azawad Liberation Front"
    assert actor2 == "Military Forces of Mali"


def test_roles_coordination_gives_an_associate(code: Code) -> None:
    text = "On Monday, Malian soldiers and Wagner mercenaries attacked the village of Moura."
    report = code(text, published=None).reports[0]
    assert report.actor1 == "Military Forces of Mali"
    assert report.assoc_actor1 == "Wagner Group"


def test_roles_backer_is_associated(code: Code) -> None:
    text = "On Monday, separatists ambushed Wagner-backed Malian forces near Tinzaouaten."
    report = code(text).reports[0]
    assert report.actor2 == "Military Forces of Mali"
    assert report.assoc_actor2 is None or "Wagner" in (report.assoc_actor1 or "") + (
        report.assoc_actor2 or ""
    )


def test_roles_unknown_doer_is_an_unidentified_armed_group(code: Code) -> None:
    report = code("On Friday, unidentified gunmen abducted a village chief in Djibo.").reports[0]
    assert report.actor1 is not None and report.actor1.startswith("Unidentified Armed Group")
    assert report.inter1 == 3
    assert report.sub_event_type == "Abduction/forced disappearance"


def test_roles_composite_suspects(code: Code) -> None:
    report = code("On Friday, presumed JNIM and/or ISGS militants attacked Kelbo.").reports[0]
    assert report.actor1 == (
        "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Sahel)"
    )


def test_roles_pronoun_stands_for_the_armed_actor_before(code: Code) -> None:
    text = "Soldiers mutinied over unpaid wages in Niger. They took over the town of Diffa."
    assert lead(code(text))[0] == "Mutiny of Military Forces of Niger"


def test_roles_pronoun_stands_for_the_armed_actor_before_in_french(code: Code) -> None:
    text = "Des soldats se sont mutinés à Kati, au Mali. Ils ont attaqué le camp militaire."
    assert lead(code(text, "fr"))[0] == "Mutiny of Military Forces of Mali"


def test_roles_device_planted_by_a_named_group(code: Code) -> None:
    text = (
        "A Malian army vehicle struck a mine near Boni, wounding two soldiers. "
        "The device was likely planted by ISGS militants."
    )
    assert lead(code(text))[0] == "Islamic State (Sahel)"


def test_roles_terse_passive_victim_is_not_the_doer(code: Code) -> None:
    actor1, actor2 = lead(code("Army patrol ambushed this morning near Tenenkou, four dead."))
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")
    assert actor2 == "Military Forces of Mali"


def test_roles_terse_passive_with_agent(code: Code) -> None:
    actor1, actor2 = lead(code("Army checkpoint in Douentza attacked yesterday by JNIM."))
    assert actor1 == "JNIM: Group for Support of Islam and Muslims"
    assert actor2 in {None, "Military Forces of Mali"}


def test_roles_fire_on_keeps_the_subject_as_doer(code: Code) -> None:
    actor1, _ = lead(code("Armed men on motorbikes fired on an MNLA member near Kidal."))
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")


def test_roles_target_named_again_is_not_the_doer(code: Code) -> None:
    text = "On May 2, an army truck was struck by an IED near Niono, three soldiers were wounded."
    actor1, _ = lead(code(text))
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")


def test_roles_headline_participle_with_an_object_is_active(code: Code) -> None:
    text = "Presumed ISGS militants kidnapped and killed three herders near Tessit."
    actor1, actor2 = lead(code(text))
    assert actor1 == "Islamic State (Sahel)"
    assert actor2 is not None and actor2.startswith("Civilians")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Heavy fighting broke out between Malian soldiers and JNIM militants near Boni.", "en"),
        ("Des combats ont éclaté entre des soldats maliens et des combattants du JNIM près de "
         "Boni.", "fr"),
    ],
)  # fmt: skip
def test_roles_fighting_between_two_sides(code: Code, text: str, language: str) -> None:
    actor1, actor2 = lead(code(text, language))
    assert actor1 == "Military Forces of Mali"
    assert actor2 == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Friday, gunmen ambushed a mining company convoy near Essakane.", "en"),
        ("On Friday, gunmen opened fire on a Red Cross convoy near Bourem.", "en"),
        ("On Friday, gunmen attacked a civilian UN logistics convoy near Tessalit.", "en"),
        ("Vendredi, des hommes armés ont attaqué un convoi du CICR près de Bourem.", "fr"),
        ("On Friday, gunmen attacked two company trucks near Kayes.", "en"),
        ("Vendredi, des hommes armés ont attaqué un convoi humanitaire près de Bourem.", "fr"),
        ("Vendredi, des hommes armés ont attaqué un camion d'une société minière à Kayes.", "fr"),
    ],
)
def test_roles_company_and_aid_convoys_are_civilian(code: Code, text: str, language: str) -> None:
    report = code(text, language).reports[0]
    assert report.sub_event_type == "Attack"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Friday, gunmen ambushed a commercial convoy escorted by soldiers near Boni.", "en"),
        ("On Friday, militants ambushed a supply convoy of Malian soldiers near Boni.", "en"),
        (
            "Vendredi, des hommes armés ont attaqué un convoi escorté par l'armée près de Boni.",
            "fr",
        ),
        ("Vendredi, des hommes armés ont attaqué un convoi militaire près de Boni.", "fr"),
    ],
)
def test_roles_escorted_or_army_convoys_are_armed(code: Code, text: str, language: str) -> None:
    assert code(text, language).reports[0].sub_event_type == "Armed clash"


def test_roles_terse_toll_of_soldiers_is_the_target(code: Code) -> None:
    report = code("Three soldiers killed and two injured in an ambush near Boni.").reports[0]
    assert report.actor1 is not None and report.actor1.startswith("Unidentified Armed Group")
    assert report.actor2 is not None and report.actor2.startswith("Military Forces")
    assert report.sub_event_type == "Armed clash"


def test_roles_named_attacker_replaces_a_guessed_one(code: Code) -> None:
    text = "Six people were killed and two gendarmes wounded in an attack by JNIM on Dori."
    assert code(text).reports[0].actor1 == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, anti-junta protesters clashed with police in Niamey.", "en"),
        ("Lundi, des manifestants anti-junte ont affronté la police à Niamey.", "fr"),
    ],
)
def test_roles_name_a_crowd_is_against_is_no_actor(code: Code, text: str, language: str) -> None:
    report = code(text, language).reports[0]
    assert report.sub_event_type == "Violent demonstration"
    assert report.actor1 == "Rioters (Niger)"


def test_roles_force_named_for_what_it_fights_stays_armed(code: Code) -> None:
    report = code("Gunmen ambushed an anti-terrorist unit near Bol, Chad.").reports[0]
    assert report.sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "On Monday, residents of Gao held a march to denounce the army's abuses, then "
            "the protesters looted and burned a warehouse.",
            "en",
        ),
        (
            "Lundi, des habitants de Gao ont manifesté contre les exactions de l'armée et ont "
            "incendié un entrepôt.",
            "fr",
        ),
    ],
)
def test_roles_actor_a_protest_denounces_is_not_its_doer(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language).reports[0]
    assert report.actor1 == "Rioters (Mali)"
    assert report.actor2 is None or not report.actor2.startswith("Military")


def test_roles_backed_by_keeps_the_first_as_doer(code: Code) -> None:
    text = "On Tuesday, Nigerien soldiers supported by French troops attacked a camp near Ayorou."
    report = code(text).reports[0]
    assert report.actor1 == "Military Forces of Niger"
    assert report.assoc_actor1 == "Military Forces of France"


def test_roles_backed_by_in_french(code: Code) -> None:
    text = "Mardi, les soldats maliens appuyés par des chasseurs dozos ont attaqué un camp."
    report = code(text, "fr").reports[0]
    assert report.actor1 == "Military Forces of Mali"


def test_roles_between_sides_in_text_order(code: Code) -> None:
    text = "On Friday, clashes between FLA and Malian soldiers left 20 dead near Ber."
    assert lead(code(text)) == ("FLA: Azawad Liberation Front", "Military Forces of Mali")


def test_roles_shared_noun_first_named_is_the_doer(code: Code) -> None:
    assert lead(code("On Sunday, MNJ and Nigerien soldiers clashed near Arlit."))[0] == (
        "MNJ: Nigerien Movement for Justice"
    )


def roles_of(doc: Doc, trigger: int, sub: str, named: list[tuple[str, int, int]]) -> Roles:
    pack = load_region("sahel")
    mentions = []
    for actor_id, start, end in named:
        actor = pack.actor(actor_id)
        assert actor is not None
        mentions.append(ActorMention(actor, start, end, doc[start:end].text))
    pattern = EventPattern("test", "en", sub, "", "", 0.0, (), None)
    return find_roles(
        Trigger(pattern, doc[trigger : trigger + 1]), doc[:], mentions, LANGUAGES["en"]
    )


def test_roles_between_sides_when_the_parse_hangs_the_first_below() -> None:
    doc = hand_parse([
        ("fighting", 6, "nsubj", "NOUN", "fighting"), ("between", 0, "prep", "ADP", "between"),
        ("MNJ", 5, "nmod", "PROPN", "MNJ"), ("and", 2, "cc", "CCONJ", "and"),
        ("Nigerien", 2, "conj", "ADJ", "nigerien"), ("soldiers", 1, "pobj", "NOUN", "soldier"),
        ("resumed", 6, "ROOT", "VERB", "resume"),
    ])  # fmt: skip
    found = roles_of(doc, 0, "Armed clash", [("mnj", 2, 3), ("mil-ne", 4, 6)])
    assert found.actor1 is not None and found.actor1.actor.id == "mnj"
    assert found.actor2 is not None and found.actor2.actor.id == "mil-ne"


def test_roles_verb_subject_before_a_noun_joined_to_the_trigger() -> None:
    doc = hand_parse([
        ("French", 1, "amod", "ADJ", "french"), ("troops", 2, "nsubj", "NOUN", "troop"),
        ("conducted", 2, "ROOT", "VERB", "conduct"), ("strikes", 2, "dobj", "NOUN", "strike"),
        ("killing", 3, "acl", "VERB", "kill"), ("ISGS", 6, "compound", "PROPN", "ISGS"),
        ("militants", 3, "conj", "NOUN", "militant"),
    ])  # fmt: skip
    found = roles_of(doc, 3, "Air/drone strike", [("mil-fr", 0, 2), ("is-sahel", 5, 7)])
    assert found.actor1 is not None and found.actor1.actor.id == "mil-fr"


def test_roles_dateline_town_is_not_the_doer(code: Code) -> None:
    text = "GAO, Mali — Fighters of the Islamic State Sahel Province attacked an army post."
    assert lead(code(text))[0] == "Islamic State (Sahel)"


def test_roles_doer_is_not_named_in_a_clause_of_its_own() -> None:
    doc = hand_parse([
        ("A", 2, "det", "DET", "a"), ("drone", 2, "compound", "NOUN", "drone"),
        ("strike", 2, "ROOT", "NOUN", "strike"), ("killed", 2, "acl", "VERB", "kill"),
        ("nine", 5, "nummod", "NUM", "nine"), ("people", 3, "dobj", "NOUN", "people"),
        (",", 2, "punct", "PUNCT", ","), ("among", 8, "prep", "ADP", "among"),
        ("them", 7, "pobj", "PRON", "they"), ("children", 2, "appos", "NOUN", "child"),
    ])  # fmt: skip
    found = roles_of(doc, 3, "Attack", [("civilians", 5, 6), ("civilians", 9, 10)])
    assert found.actor1 is None


def test_roles_a_shell_landing_between_names_no_sides() -> None:
    doc = hand_parse([
        ("A", 1, "det", "DET", "a"), ("shell", 2, "nsubj", "NOUN", "shell"),
        ("landed", 2, "ROOT", "VERB", "land"), ("between", 2, "prep", "ADP", "between"),
        ("the", 5, "det", "DET", "the"), ("houses", 3, "pobj", "NOUN", "house"),
        ("of", 5, "prep", "ADP", "of"), ("villagers", 6, "pobj", "NOUN", "villager"),
    ])  # fmt: skip
    shelling = "Shelling/artillery/missile attack"
    found = roles_of(doc, 1, shelling, [("civilians", 7, 8)])
    assert found.actor1 is None


def test_roles_guessed_doer_is_not_the_targets_own_force() -> None:
    doc = hand_parse([
        ("Chadian", 1, "amod", "ADJ", "chadian"), ("troops", 2, "nsubj", "NOUN", "troop"),
        ("were", 2, "ROOT", "AUX", "be"), ("at", 2, "prep", "ADP", "at"),
        ("the", 5, "det", "DET", "the"), ("base", 3, "pobj", "NOUN", "base"),
        ("when", 9, "advmod", "SCONJ", "when"), ("an", 8, "det", "DET", "an"),
        ("attack", 9, "nsubj", "NOUN", "attack"), ("killed", 2, "advcl", "VERB", "kill"),
        ("40", 11, "nummod", "NUM", "40"), ("soldiers", 9, "dobj", "NOUN", "soldier"),
    ])  # fmt: skip
    pack = load_region("sahel")
    chad, military = pack.actor("mil-td"), pack.actor("military")
    assert chad is not None and military is not None
    mentions = [
        ActorMention(chad, 0, 2, "Chadian troops"),
        ActorMention(military, 11, 12, "soldiers", template="military"),
    ]
    pattern = EventPattern("test", "en", "Attack", "", "", 0.0, (), None)
    found = find_roles(Trigger(pattern, doc[8:9]), doc[:], mentions, LANGUAGES["en"])
    assert found.actor2 is not None and found.actor2.text == "soldiers"
    assert found.actor1 is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mali and Niger met in Niamey on Tuesday to discuss border security.", "en"),
        (
            "Le gouvernement malien et le gouvernement nigérien se sont réunis mardi à Niamey.",
            "fr",
        ),
    ],
)
def test_roles_parties_of_a_meeting_are_both_sides(code: Code, text: str, language: str) -> None:
    report = code(text, language).reports[0]
    assert report.sub_event_type == "Diplomatic meeting"
    assert (report.actor1, report.actor2) == ("Government of Mali", "Government of Niger")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mortar shells hit the airport of Gao on Friday night, military sources said.", "en"),
        (
            "Des obus de mortier ont frappé l'aéroport de Gao vendredi, selon des sources "
            "militaires.",
            "fr",
        ),
    ],
)
def test_roles_the_force_that_tells_the_news_is_no_side(
    code: Code, text: str, language: str
) -> None:
    actor1 = code(text, language).reports[0].actor1
    assert actor1 is not None and actor1.startswith("Unidentified Armed Group")


def test_roles_non_violent_act_without_parsed_doer_takes_the_named_group(code: Code) -> None:
    text = (
        "Threats: suspected JNIM militants warned voters in Tenenkou, forcing the chief to"
        " dismiss the polling staff."
    )
    report = code(text).reports[0]
    assert report.actor1 == "JNIM: Group for Support of Islam and Muslims"


def test_roles_target_inside_the_doer_phrase_is_not_the_doer(code: Code) -> None:
    text = (
        "On Friday, JNIM militants carried out an ambush initiated by the detonation of a mine"
        " against a Burkinabe army convoy near Djibo."
    )
    actor1, actor2 = lead(code(text))
    assert actor1 == "JNIM: Group for Support of Islam and Muslims"
    assert actor2 == "Military Forces of Burkina Faso"


def test_roles_fighters_from_a_named_group_are_that_group(code: Code) -> None:
    text = "Fighters from the Ansar Dine Islamist group burned a mausoleum in Timbuktu."
    assert lead(code(text, published=dt.date(2012, 7, 1)))[0] == "Ansar Dine"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, the Malian army dismantled a camp of suspected JNIM militants near "
         "Douentza, and ten militants were killed in the clashes.", "en"),
        ("Lundi, l'armée malienne a démantelé une base de présumés militants du JNIM près de "
         "Douentza, et dix militants ont été tués dans les affrontements.", "fr"),
    ],
)  # fmt: skip
def test_roles_guessed_doer_is_the_armed_subject_of_the_main_verb(
    code: Code, text: str, language: str
) -> None:
    assert lead(code(text, language))[0] == "Military Forces of Mali"


def test_roles_toll_during_a_strike_names_its_author(code: Code) -> None:
    text = "Sixteen civilians killed during a NATO strike near Sirte, according to state media."
    actor1, _ = lead(code(text, published=dt.date(2011, 9, 15)))
    assert actor1 == "Operation Unified Protector: NATO Mission in Libya (2011-2011)"


def test_roles_unknown_men_after_a_doer_are_that_doer_again(code: Code) -> None:
    text = "On Friday, JNIM militants opened fire in Kiri, the assailants looted a shop."
    assert code(text).reports[0].sub_event_type == "Attack"


def test_roles_soldier_hit_at_home_is_a_civilian(code: Code) -> None:
    text = "On Sunday, gunmen shot dead a soldier at his home in Dori."
    assert code(text).reports[0].sub_event_type == "Attack"
    militia = "On Sunday, gunmen shot dead a Dozo militiaman at his home in Dori."
    assert code(militia).reports[0].sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On 4 April, presumed ISGS militants and Nigerien forces clashed near Tillia.", "en"),
        (
            "Le 4 avril, des militants présumés de l'EIGS et les forces nigériennes se sont "
            "affrontés près de Tillia.",
            "fr",
        ),
    ],
)
def test_roles_a_hedged_first_subject_the_parse_splits_is_the_doer(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language, dt.date(2020, 4, 5)).reports[0]
    assert report.actor1 == "Islamic State (Sahel)"


def test_roles_a_participle_with_an_object_describes_its_doer() -> None:
    doc = Doc(
        spacy.blank("en").vocab,
        words=["presumed", "JNIM", "militants", "killed", "four", "Dozo", "militiamen", "coded"],
        heads=[2, 2, 7, 2, 6, 6, 3, 7],
        deps=["amod", "compound", "nsubj", "acl", "nummod", "compound", "dobj", "ROOT"],
        pos=["VERB", "PROPN", "NOUN", "VERB", "NUM", "PROPN", "NOUN", "VERB"],
        tags=["VBN", "NNP", "NNS", "VBN", "CD", "NNP", "NNS", "VBN"],
        lemmas=["presume", "JNIM", "militant", "kill", "four", "Dozo", "militiaman", "code"],
    )  # fmt: skip
    found = roles_of(doc, 3, "Armed clash", [("jnim", 1, 3), ("dozo", 5, 7)])
    assert found.actor1 is not None and found.actor1.actor.id == "jnim"
    assert found.actor2 is not None and found.actor2.actor.id == "dozo"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, rebels and Malian soldiers clashed near Anefis.", "en"),
        ("Lundi, des rebelles et des soldats maliens se sont affrontés près d'Anefis.", "fr"),
    ],
)
def test_roles_state_forces_and_others_named_together_in_a_clash_fought_each_other(
    code: Code, text: str, language: str
) -> None:
    actor1, actor2 = lead(code(text, language, dt.date(2016, 5, 20)))
    assert {actor1, actor2} == {"Unidentified Armed Group (Mali)", "Military Forces of Mali"}


def test_roles_two_state_forces_named_together_in_a_clash_fought_side_by_side(
    code: Code,
) -> None:
    text = "On Monday, French and Malian forces clashed near Gossi."
    report = code(text).reports[0]
    assert report.actor1 == "Military Forces of France"
    assert report.actor2 != "Military Forces of Mali"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nigerien air strikes killed ten militants near Menaka in Mali.", "en"),
        ("Des frappes aériennes nigériennes ont tué dix jihadistes près de Ménaka, au Mali.", "fr"),
    ],
)
def test_roles_a_nationality_on_an_act_of_force_names_its_author(
    code: Code, text: str, language: str
) -> None:
    """The state's military, not the military of the country the strike hit."""
    actor1, _ = lead(code(text, language))
    assert actor1 == "Military Forces of Niger"
