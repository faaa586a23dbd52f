"""Actor recognition from the pack's dictionary: named actors, generic kinds qualified by a
country or a group, composites, qualifiers and backers (a blank pipeline is enough)."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from sahelwatch.extract.actors import ActorMatcher, ActorMention, ActorNames, composite
from sahelwatch.extract.lang import LANGUAGES
from sahelwatch.pack import RegionPack, load_region


@pytest.fixture(scope="module")
def pack() -> RegionPack:
    return load_region("sahel")


@pytest.fixture(scope="module")
def nlp() -> dict[str, Language]:
    return {"en": spacy.blank("en"), "fr": spacy.blank("fr")}


def find(
    nlp: dict[str, Language], pack: RegionPack, text: str, lang: str = "en"
) -> list[ActorMention]:
    matcher = ActorMatcher(nlp[lang], pack, lang, LANGUAGES[lang])
    return matcher.find(nlp[lang](text))


def test_find_named_actor_by_alias_and_acronym(nlp: dict[str, Language], pack: RegionPack) -> None:
    mentions = find(nlp, pack, "The FAMa and the Islamic State in the Greater Sahara fought.")
    assert [m.actor.acled_name for m in mentions] == [
        "Military Forces of Mali", "Islamic State (Sahel)",
    ]  # fmt: skip


def test_find_generic_kind_takes_the_demonym(nlp: dict[str, Language], pack: RegionPack) -> None:
    mention = find(nlp, pack, "Burkinabe gendarmes arrested two men.")[0]
    assert mention.actor.acled_name == "Police Forces of Burkina Faso"


def test_find_refugees_take_their_nationality(nlp: dict[str, Language], pack: RegionPack) -> None:
    mention = find(nlp, pack, "The refugees from Mali arrived in Mbera.")[0]
    assert mention.actor.acled_name == "Refugees (Mali)"


def test_find_ethnic_militia(nlp: dict[str, Language], pack: RegionPack) -> None:
    mention = find(nlp, pack, "Fulani militiamen attacked the village.")[0]
    assert (mention.template, mention.group) == ("ethnic-militia", "Fulani")
    assert mention.actor.acled_name == "Fulani Ethnic Militia"


def test_find_composite_suspects(nlp: dict[str, Language], pack: RegionPack) -> None:
    mention = find(nlp, pack, "presumed JNIM and/or ISGS militants attacked")[0]
    assert mention.actor.id == "jnim"
    assert [a.id for a in mention.others] == ["is-sahel"]


def test_find_affiliated_slash_keeps_the_first(nlp: dict[str, Language], pack: RegionPack) -> None:
    mention = find(nlp, pack, "JNIM/Katiba Macina militants ambushed a patrol")[0]
    assert mention.actor.id == "jnim" and mention.others == ()


def test_find_qualifying_name_is_dropped_backer_kept(
    nlp: dict[str, Language], pack: RegionPack
) -> None:
    linked = find(nlp, pack, "the al-Qaeda-linked JNIM")
    assert [m.actor.id for m in linked] == ["jnim"]
    backed = find(nlp, pack, "Wagner-backed Malian forces")
    assert backed[-1].actor.id == "mil-ml" and backed[-1].backer is not None


def test_find_french_names(nlp: dict[str, Language], pack: RegionPack) -> None:
    mentions = find(nlp, pack, "Les Forces armées maliennes et des hommes armés", "fr")
    assert mentions[0].actor.id == "mil-ml"
    assert mentions[1].template == "unidentified"


def test_names_render_templates(pack: RegionPack) -> None:
    names = ActorNames(pack)
    assert names.render("civilians", "NE").acled_name == "Civilians (Niger)"
    assert names.render("civilians", None).acled_name == "Civilians"
    assert names.render("military", "ML").id == "mil-ml"
    assert names.render("military", "SN").acled_name == "Military Forces of Senegal"


def test_names_parent_at_follows_dated_affiliations(pack: RegionPack) -> None:
    names = ActorNames(pack)
    macina = pack.actor("katiba-macina")
    assert macina is not None
    assert names.parent_at(macina, dt.date(2016, 1, 1)) is None
    parent = names.parent_at(macina, dt.date(2019, 6, 1))
    assert parent is not None and parent.id == "jnim"
    assert names.parent_at(macina, dt.date(2020, 6, 1)) is None


def test_names_parent_at_names_suspects_by_their_parents(pack: RegionPack) -> None:
    names = ActorNames(pack)
    macina, ansaroul, issp = (
        pack.actor(i) for i in ("katiba-macina", "ansaroul-islam", "is-sahel")
    )
    assert macina is not None and ansaroul is not None and issp is not None
    both = composite([macina, ansaroul])
    parent = names.parent_at(both, dt.date(2019, 6, 1))
    assert parent is not None and parent.id == "jnim"
    mixed = names.parent_at(composite([macina, issp]), dt.date(2019, 6, 1))
    assert mixed is not None and mixed.id == "jnim and/or is-sahel"
    assert names.parent_at(composite([macina, issp]), dt.date(2016, 1, 1)) is None


def test_find_generic_kind_named_in_brackets(nlp: dict[str, Language], pack: RegionPack) -> None:
    mentions = find(nlp, pack, "Volunteer fighters (VDP) killed two men near Djibo.")
    assert mentions[0].actor.id == "vdp-bf"
    assert mentions[0].text == "fighters (VDP)"
    mention = find(nlp, pack, "Des hommes armés (présumés JNIM) ont attaqué.", "fr")[0]
    assert mention.actor.id == "jnim"
    mention = find(nlp, pack, "Gunmen, believed to be ISGS fighters, attacked the post.")[0]
    assert mention.actor.id == "is-sahel"


def test_find_generic_kind_named_after_a_hedge_adverb(
    nlp: dict[str, Language], pack: RegionPack
) -> None:
    mention = find(nlp, pack, "Unknown gunmen, presumably ISGS fighters, raided the market.")[0]
    assert mention.actor.id == "is-sahel"
    text = "Des hommes armés, probablement du JNIM, ont incendié l'école."
    assert find(nlp, pack, text, "fr")[0].actor.id == "jnim"


def test_find_named_group_takes_its_generic_noun(
    nlp: dict[str, Language], pack: RegionPack
) -> None:
    mentions = find(nlp, pack, "presumed Ansaroul Islam (JNIM) militants burned a school")
    assert [m.actor.id for m in mentions] == ["ansaroul-islam"]
    assert mentions[0].text == "Ansaroul Islam (JNIM) militants"


def test_find_generic_kind_keeps_unbracketed_neighbour(
    nlp: dict[str, Language], pack: RegionPack
) -> None:
    mentions = find(nlp, pack, "Civilians (including MINUSMA staff) were evacuated.")
    assert mentions[0].actor.id.startswith("civilians")


def test_find_ended_membership_is_a_composite(nlp: dict[str, Language], pack: RegionPack) -> None:
    mention = find(nlp, pack, "presumed ISWAP/Boko Haram militants abducted two men")[0]
    assert mention.actor.id == "iswap"
    assert [a.id for a in mention.others] == ["boko-haram"]


def test_find_soldiers_who_mutinied(nlp: dict[str, Language], pack: RegionPack) -> None:
    assert find(nlp, pack, "Soldiers mutinied over unpaid wages.")[0].template == "mutiny"
    assert find(nlp, pack, "Des soldats mutinés ont pris la caserne.", "fr")[0].template == (
        "mutiny"
    )


def test_names_render_a_generic_parent(pack: RegionPack) -> None:
    names = ActorNames(pack)
    dozo = pack.actor("dozo")
    assert dozo is not None
    assert names.parent_at(dozo, dt.date(2019, 11, 1)) is None
    parent = names.parent_at(dozo, dt.date(2019, 12, 1))
    assert parent is not None and names.is_template(parent.id)
    assert names.render(parent.id, "ML").acled_name == "Dozo Communal Militia (Mali)"


def test_find_government_forces_are_the_military(
    nlp: dict[str, Language], pack: RegionPack
) -> None:
    text = "Chadian government forces met Niger soldiers. The army of Burkina Faso left."
    names = [m.actor.acled_name for m in find(nlp, pack, text)]
    assert names == [
        "Military Forces of Chad", "Military Forces of Niger", "Military Forces of Burkina Faso",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chad's security forces killed two rebels.", "en"),
        ("Chads security forces killed two rebels.", "en"),
    ],
)
def test_find_country_that_qualifies_is_no_government(
    nlp: dict[str, Language], pack: RegionPack, text: str, lang: str
) -> None:
    names = [m.actor.acled_name for m in find(nlp, pack, text, lang)]
    assert names[0] == "Military Forces of Chad"
    assert "Government of Chad" not in names


def test_find_leader_named_without_apostrophe(nlp: dict[str, Language], pack: RegionPack) -> None:
    mention = find(nlp, pack, "Thousands marched against President Tandjas plan.")[-1]
    assert mention.actor.acled_name == "Government of Niger"


def test_find_owner_of_a_named_actor_is_dropped(nlp: dict[str, Language], pack: RegionPack) -> None:
    for text in ("Forces loyal to Libya's Gaddafi shelled the port.", "Libyas Gaddafi spoke."):
        assert [m.actor.id for m in find(nlp, pack, text)] == ["mil-ly"]


def test_names_home_of_a_group(pack: RegionPack) -> None:
    names = ActorNames(pack)
    assert names.home_of("Dogon") == "ML"
    assert names.home_of("Fulani") is None


def test_find_group_after_the_kind(nlp: dict[str, Language], pack: RegionPack) -> None:
    mention = find(nlp, pack, "Des miliciens bambara ont attaqué le village.", "fr")[0]
    assert (mention.template, mention.group) == ("ethnic-militia", "Bambara")


def test_find_backed_by_keeps_the_first(nlp: dict[str, Language], pack: RegionPack) -> None:
    mentions = find(nlp, pack, "Malian soldiers, supported by Wagner fighters, entered Anefis")
    assert [m.actor.id for m in mentions] == ["mil-ml"]
    assert mentions[0].backer is not None and mentions[0].backer.id == "wagner"
    french = find(nlp, pack, "les soldats maliens appuyés par Wagner", "fr")
    assert french[0].actor.id == "mil-ml" and french[0].backer is not None


def test_find_generic_kind_named_by_a_hedge(nlp: dict[str, Language], pack: RegionPack) -> None:
    mentions = find(nlp, pack, "gunmen suspected to be MSA fighters robbed the traders")
    assert mentions[0].actor.id == "msa"
    french = find(nlp, pack, "des hommes armés présumés être du MSA ont volé des commerçants", "fr")
    assert french[0].actor.id == "msa"
    other = find(nlp, pack, "gunmen reportedly attacked MSA fighters")
    assert [m.actor.id for m in other][-1] == "msa" and other[0].template == "unidentified"


def test_find_military_police_are_military(nlp: dict[str, Language], pack: RegionPack) -> None:
    assert find(nlp, pack, "Military police arrested two men")[0].template == "military"
    assert find(nlp, pack, "la police militaire a arrêté deux hommes", "fr")[0].template == (
        "military"
    )


def test_names_render_gendarmes_and_national_guards_by_country(pack: RegionPack) -> None:
    """Niger's gendarmerie and Mali's national guard are military bodies, coded as such."""
    names = ActorNames(pack)
    assert names.render("gendarmerie", "NE").acled_name == "Military Forces of Niger"
    assert names.render("gendarmerie", "ML").acled_name == "Police Forces of Mali"
    assert names.render("gendarmerie", "BF").acled_name == "Police Forces of Burkina Faso"
    assert names.render("national-guard", "ML").acled_name == "Military Forces of Mali"
    assert names.render("national-guard", "NE").acled_name == "Police Forces of Niger"


def test_find_gendarmes_and_guards_by_nationality(
    nlp: dict[str, Language], pack: RegionPack
) -> None:
    found = [
        find(nlp, pack, "Nigerien gendarmes arrested two smugglers.")[0],
        find(nlp, pack, "des gendarmes nigériens ont arrêté deux passeurs", "fr")[0],
        find(nlp, pack, "Malian national guards repelled the raid.")[0],
        find(nlp, pack, "des gardes nationaux maliens ont repoussé le raid", "fr")[0],
    ]
    assert [m.actor.acled_name for m in found] == [
        "Military Forces of Niger", "Military Forces of Niger",
        "Military Forces of Mali", "Military Forces of Mali",
    ]  # fmt: skip
    assert find(nlp, pack, "Gendarmes arrested two smugglers.")[0].template == "gendarmerie"


def test_mention_same_actor_as_acled_codes_it(pack: RegionPack) -> None:
    def named(actor_id: str) -> ActorMention:
        actor = pack.actor(actor_id)
        assert actor is not None
        return ActorMention(actor, 0, 1, actor_id)

    assert named("gend-ne").same_actor(named("mil-ne"))
    assert named("gendarmerie").same_actor(named("police"))
    assert not named("gend-ne").same_actor(named("pol-ne"))
    names = ActorNames(pack)
    farmers = ActorMention(names.render("civilians", None), 0, 1, "farmers")
    herders = names.render("civilians", None, "Fulani")
    assert not farmers.same_actor(ActorMention(herders, 2, 3, "Fulani herders", group="Fulani"))


def test_names_boko_haram_after_the_split_names_both_factions(pack: RegionPack) -> None:
    names = ActorNames(pack)
    press = pack.actor("boko-haram")
    assert press is not None
    assert names.parent_at(press, dt.date(2014, 5, 1)) is None
    before = names.parent_at(press, dt.date(2015, 9, 1))
    assert before is not None and before.id == "iswap"
    after = names.parent_at(press, dt.date(2018, 2, 1))
    assert after is not None and after.acled_name == (
        "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai"
        " wal-Jihad"
    )


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("Boko Haram (JAS) fighters raided a village near Bosso.", "jas"),
        ("Shekau's faction raided a village near Bosso.", "jas"),
        ("BH militants raided a village near Bosso.", "boko-haram"),
        ("Presumed ISWAP (Greater Sahara) militants burned a school.", "is-sahel"),
    ],
)
def test_find_faction_names(
    nlp: dict[str, Language], pack: RegionPack, text: str, actor_id: str
) -> None:
    assert find(nlp, pack, text)[0].actor.id == actor_id


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Fulani gunmen raided the hamlet at dawn.", "en"),
        ("Des hommes armés peuls ont pillé le hameau.", "fr"),
    ],
)
def test_find_gunmen_named_by_their_group_are_its_militia(
    nlp: dict[str, Language], pack: RegionPack, text: str, lang: str
) -> None:
    mention = find(nlp, pack, text, lang)[0]
    assert (mention.template, mention.group) == ("ethnic-militia", "Fulani")
    assert mention.actor.acled_name == "Fulani Ethnic Militia"


def test_find_mourabitoune_spelling(nlp: dict[str, Language], pack: RegionPack) -> None:
    assert find(nlp, pack, "The mine was planted by Mourabitoune militants.")[0].actor.id == (
        "al-mourabitoun"
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Suspected jihadists burned the school.", "en"),
        ("Des djihadistes ont incendié l'école.", "fr"),
    ],
)
def test_find_jihadists_are_islamist_militants(
    nlp: dict[str, Language], pack: RegionPack, text: str, lang: str
) -> None:
    mention = find(nlp, pack, text, lang)[0]
    assert mention.template == "islamist-militia"


@pytest.mark.parametrize(
    ("day", "parent"),
    [
        (dt.date(2012, 4, 1), "mnla"),
        (dt.date(2016, 4, 1), "cma"),
        (dt.date(2023, 12, 1), "csp-dpa"),
        (dt.date(2025, 2, 1), "fla"),
    ],
)
def test_names_tuareg_rebels_are_the_coalition_of_the_day(
    nlp: dict[str, Language], pack: RegionPack, day: dt.date, parent: str
) -> None:
    mention = find(nlp, pack, "Des rebelles touareg ont pris la ville.", "fr")[0]
    found = ActorNames(pack).parent_at(mention.actor, day)
    assert found is not None and found.id == parent


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("French commandos raided a camp.", "Military Forces of France"),
        ("A French helicopter patrol fired on a pickup.", "Military Forces of France"),
        ("Nigerien commandos raided a camp.", "Military Forces of Niger"),
        ("Chadian air forces bombed a column.", "Military Forces of Chad"),
        ("A mine laid by AQLIM killed two herders.", "AQIM: Al Qaeda in the Islamic Maghreb"),
    ],
)
def test_find_more_names_of_forces(
    nlp: dict[str, Language], pack: RegionPack, text: str, name: str
) -> None:
    assert find(nlp, pack, text)[0].actor.acled_name == name


@pytest.mark.parametrize(
    ("text", "lang", "actor_id"),
    [
        ("FARF fighters raided a market near Moundou.", "en", "farf"),
        ("Le Front uni pour le changement a pris Adré.", "fr", "fuc"),
        ("The ATNMC clashed with the army near Tinzaouaten.", "en", "atnmc"),
        ("MJRN rebels laid down their arms in Dirkou.", "en", "mjrn"),
        ("ASS militiamen claimed to have killed two hunters.", "en", "ass-ml"),
        ("L'Alliance pour le salut du Sahel a revendiqué l'attaque.", "fr", "ass-ml"),
        ("The FLAA ambushed a convoy near Arlit.", "en", "flaa"),
        ("Les FARS ont attaqué une patrouille.", "fr", "fars"),
    ],
)
def test_find_former_rebel_movements_and_regional_armed_groups(
    nlp: dict[str, Language], pack: RegionPack, text: str, lang: str, actor_id: str
) -> None:
    assert find(nlp, pack, text, lang)[0].actor.id == actor_id


def test_find_the_chadian_national_army_by_its_acronym(
    nlp: dict[str, Language], pack: RegionPack
) -> None:
    assert find(nlp, pack, "ANT units repelled the column near Adré.")[0].actor.id == "mil-td"


def parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps)


def test_find_capital_as_subject_is_its_government(
    nlp: dict[str, Language], pack: RegionPack
) -> None:
    matcher = ActorMatcher(nlp["en"], pack, "en", LANGUAGES["en"])
    doc = parsed(nlp["en"], ["Algiers", "and", "Bamako", "recalled", "envoys"],
                 [3, 0, 0, 3, 3], ["nsubj", "cc", "conj", "ROOT", "dobj"])  # fmt: skip
    assert [m.actor.acled_name for m in matcher.find(doc)] == [
        "Government of Algeria", "Government of Mali",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("words", "heads", "deps"),
    [
        (["Gunmen", "attacked", "Niamey"], [1, 1, 1], ["nsubj", "ROOT", "dobj"]),
        (["Bamako", "residents", "marched"], [1, 2, 2], ["compound", "nsubj", "ROOT"]),
        (["They", "marched", "in", "Bamako"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"]),
    ],
)
def test_find_capital_as_a_place_is_no_actor(
    nlp: dict[str, Language], pack: RegionPack, words: list[str], heads: list[int], deps: list[str]
) -> None:
    matcher = ActorMatcher(nlp["en"], pack, "en", LANGUAGES["en"])
    found = [m.actor.sector for m in matcher.find(parsed(nlp["en"], words, heads, deps))]
    assert "GOV" not in found


def test_find_named_actor_inside_an_entity_of_names_alone(
    nlp: dict[str, Language], pack: RegionPack
) -> None:
    doc = nlp["en"]("the Ansar Dine Islamist group burned a tomb near the Niger River")
    doc.ents = [Span(doc, 0, 4, "FAC"), Span(doc, 9, 12, "LOC")]
    doc[0].pos_ = doc[9].pos_ = "DET"
    matcher = ActorMatcher(nlp["en"], pack, "en", LANGUAGES["en"])
    names = [m.actor.acled_name for m in matcher.find(doc)]
    assert names == ["Ansar Dine"]


def test_find_heads_of_state_are_a_government(nlp: dict[str, Language], pack: RegionPack) -> None:
    mention = find(nlp, pack, "La charte a été signée par les trois chefs d'État.", "fr")[0]
    assert mention.actor.sector == "GOV"
    assert find(nlp, pack, "The heads of state met in Niamey.")[0].actor.sector == "GOV"


def test_find_communal_militia(nlp: dict[str, Language], pack: RegionPack) -> None:
    mention = find(nlp, pack, "A communal militia attacked the bus.")[0]
    assert (mention.template, mention.actor.acled_name) == (
        "communal-militia", "Unidentified Communal Militia",
    )  # fmt: skip
    mention = find(nlp, pack, "Une milice communautaire peule a attaqué le bus.", "fr")[0]
    assert mention.actor.acled_name == "Fulani Ethnic Militia"


def test_names_parent_at_names_a_generic_kind_by_the_group_of_its_country_then(
    pack: RegionPack,
) -> None:
    names = ActorNames(pack)
    rebels = names.render("rebels", "LY")
    parent = names.parent_at(rebels, dt.date(2011, 3, 20))
    assert parent is not None and parent.acled_name == "Libyan Rebel Forces"
    assert names.parent_at(rebels, dt.date(2014, 3, 20)) is None
    assert names.parent_at(rebels, None) is None
    assert names.parent_at(names.render("rebels", "SN"), dt.date(2011, 3, 20)) is None
    islamists = names.parent_at(names.render("islamist-militia", "ML"), dt.date(2012, 7, 1))
    assert islamists is not None and islamists.id == "ansar-dine"


def test_matcher_finds_rebels_as_their_own_generic_kind(
    nlp: dict[str, Language], pack: RegionPack
) -> None:
    assert [m.template for m in find(nlp, pack, "Rebels attacked the town.")] == ["rebels"]
    assert [m.template for m in find(nlp, pack, "Les rebelles ont attaqué.", "fr")] == ["rebels"]
