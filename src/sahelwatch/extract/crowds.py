"""Crowd and protest violence: when fighting, burning or looting is a riot, a mob or a protest.

- protesters (or a crowd) who burn, loot or fight hold a *Violent demonstration*; people of no
  armed group who attack someone are *Mob violence*, as are people of no armed group who fight
  each other — unless the fight is told between communities ("villagers of X and Y clashed":
  their communal militias fought, an *Armed clash*) or killed people (a fight to the death
  is one of armed sides: "herders and farmers clashed, five dead");
- clashes with demonstrators on one side are a violent demonstration, not a battle, as are
  state forces' clashes with a crowd of no armed group ("police and youths clashed");
- a protest with tear gas, dispersal or arrests is a *Protest with intervention*, with stones,
  burning tyres, burning or looting by the crowd, or clashes a *Violent demonstration*; state
  forces that kill protesters use *Excessive force against protesters*; protesters (or
  mutineers) who fire in the air or loot riot, as do mutineers who fire at no one named;
- the violence a protest is about ("protested over the killings") is its topic, not the event.

Words of fighting (:func:`fighting`, :func:`ground_fight`) tell a battle apart from the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sahelwatch.extract.actors import ActorMention
from sahelwatch.extract.harm import VIOLENCE, in_the_air
from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.roles import Roles
from sahelwatch.extract.triggers import SUBJECT_DEPS, Trigger, sentences_of, told_with

__all__ = [
    "PROTEST",
    "armed_crowd",
    "civil_clash",
    "code_protest",
    "communal",
    "crowd_violence",
    "deadly_fight",
    "fighting",
    "ground_fight",
    "mob",
    "mutiny",
    "mutiny_fire",
    "protest_clash",
    "protesters",
    "rioting",
    "strike_only",
    "volleys",
    "without_topics",
]

PROTEST = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration"})
# State forces in mutiny: the territory they take is not the government's.
_MUTINIES = frozenset({"mutiny"})


def without_topics(triggers: Sequence[Trigger], data: LanguageData) -> list[Trigger]:
    """In a protest, the violence protested against is its topic, not the event ("staged a
    demonstration to denounce the killings", "protested over the arrest of..."); a verb
    joined to the protest's is what the protesters did."""
    protests = [t for t in triggers if t.sub_event_type in PROTEST and t.kind != "intervention"]
    if not protests:
        return list(triggers)
    heads = {t.head.i for t in protests}
    kept = []
    for trigger in triggers:
        ancestors = list(trigger.head.ancestors)[:6]
        topical = any(a.i in heads or a.lemma_.lower() in data.topic_verbs for a in ancestors)
        joined = _joined(trigger.head, heads)
        if trigger in protests or trigger.kind == "intervention" or joined or not topical:
            kept.append(trigger)
    return kept


def _joined(head: Token, protests: set[int]) -> bool:
    """A verb that tells what the protesters did: coordinated with the protest verb or a
    participle of it, sharing its subject, through verbs only ("students protested and
    *burned* tyres", "soldiers took to the streets, firing in the air and *pillaging*"; not
    "students protested and police *fired*", "protested over the *shooting*")."""
    current = head
    while current.head.i not in protests:
        if current.pos_ not in {"VERB", "AUX"} or current.dep_ != "conj":
            return False
        current = current.head
    if current.pos_ not in {"VERB", "AUX"} or any(c.dep_ in SUBJECT_DEPS for c in current.children):
        return False
    participle = current.dep_ == "advcl" and current.morph.get("VerbForm", []) == ["Part"]
    participle = participle and current.morph.get("Tense", []) == ["Pres"]
    return current.dep_ == "conj" or participle


def ground_fight(trigger: Trigger, data: LanguageData) -> bool:
    """A word of fighting on the ground (clashes, an ambush, gunfire, an assault, repelled):
    a weapon used inside a battle is coded as the battle ("an IED detonation followed by
    gunfire", "an airstrike followed by a ground assault"); "neutralising" tells a toll, a
    search ("combing operations on the ground") no fighting."""
    lemma = trigger.head.lemma_.lower()
    searched = any(t.lower_ in data.search_words for t in trigger.span)  # "combing operations"
    return trigger.sub_event_type == "Armed clash" and lemma not in data.killed and not searched


def fighting(trigger: Trigger) -> bool:
    """A word of fighting between armed sides: an IED or air strike inside a battle ("an
    exchange of fire followed the IED", "clashes with air support") is coded as the battle."""
    return trigger.sub_event_type == "Armed clash" and trigger.kind == "event"


def _crowd(doer: ActorMention, doc: Doc, data: LanguageData) -> bool:
    """Civilians named as a crowd ("villagers", "youths", "residents"), not one person or a
    few counted men ("a farmer", "two men": a crime, or a parse that took the victim)."""
    words = doc[max(0, doer.start - 2) : doer.end]
    counted = any(
        doer.start <= t.head.i < doer.end and (t.like_num or t.lower_ in data.singular_words)
        for t in words
    )
    if counted:
        return False
    return any(t.lower_ in data.crowd_words or t.lemma_.lower() in data.crowd_words for t in words)


def protest_clash(sub: str, triggers: Sequence[Trigger], roles: Roles) -> str | None:
    """Clashes with demonstrators on one side are not a battle (ACLED's armed clash needs two
    organised armed sides) but a violent demonstration. (Communities that clash are coded
    as their communal militias: a battle.)"""
    if sub != "Armed clash" or not any(fighting(t) for t in triggers):
        return None
    sides = (roles.actor1, roles.actor2)
    return "Violent demonstration" if any(protesters(m) for m in sides) else None


def crowd_violence(
    sub: str, roles: Roles, doc: Doc, data: LanguageData, fought: bool = False
) -> str | None:
    """People with no armed group who burn, loot or fight are rioters ("residents set fire to
    the town hall": a violent demonstration; "a mob attacked a man", "youths detained a judge":
    mob violence); so are mutineers who loot. Protesters who fight, and a crowd that fights
    state forces (``fought``: words of fighting), hold a violent demonstration."""
    doer = roles.actor1
    if doer is not None and mutiny(doer) and sub == "Looting/property destruction":
        return "Violent demonstration"
    if fought and sub == "Armed clash" and _state_against_crowd(roles, doc, data):
        return "Violent demonstration"
    if doer is None or doer.template not in {"civilians", "protesters", "rioters"} or doer.group:
        return None
    if doer.template == "civilians" and not _crowd(doer, doc, data):
        return None
    if sub == "Looting/property destruction":
        return "Violent demonstration"
    if sub == "Arrests":  # "villagers captured three gunmen": no force of order arrests
        return "Mob violence"
    state = roles.actor2 is not None and roles.actor2.actor.inter == 1
    if sub in VIOLENCE:
        return "Violent demonstration" if state or protesters(doer) else "Mob violence"
    if sub == "Mob violence" and fought and (state or protesters(doer)):
        return "Violent demonstration"  # a crowd's fight with the police, or protesters'
    return None


def _state_against_crowd(roles: Roles, doc: Doc, data: LanguageData) -> bool:
    """State forces that fight a crowd of no armed group ("clashes between police and
    youths", "gendarmes clashed with traders"): the crowd's fight, a violent demonstration.
    A crowd told with machetes or guns is an armed side (see :func:`armed_crowd`)."""
    doer, other = roles.actor1, roles.actor2
    if doer is None or other is None or doer.actor.inter != 1:
        return False
    crowd = other.template in {"civilians", "protesters", "rioters"} and not other.group
    armed = _names(doc[other.start].sent.text.lower(), data.crowd_weapons)
    return crowd and not armed and _crowd(other, doc, data)


def communal(trigger: Trigger, data: LanguageData) -> bool:
    """Fighting told between communities ("clashes between the two villages", "villagers of
    X and Y clashed"): ACLED codes the sides as communal militias, a battle, not a mob."""
    return ground_fight(trigger, data) and told_with([trigger.span.sent], data.communal_words)


def deadly_fight(sub: str, triggers: Sequence[Trigger], roles: Roles, killed: bool,
                 data: LanguageData) -> bool:  # fmt: skip
    """People of no armed group who fought and killed ("herders and farmers clashed, five
    dead"): a fight to the death is one of armed sides (their communal militias), not a mob;
    a crowd's fight with state forces or protesters' stays a riot."""
    if sub != "Armed clash" or not killed or not any(ground_fight(t, data) for t in triggers):
        return False
    sides = [m for m in (roles.actor1, roles.actor2) if m is not None]
    return bool(sides) and all(m.template == "civilians" and not m.group for m in sides)


def civil_clash(trigger: Trigger, roles: Roles, data: LanguageData) -> bool:
    """Fighting between people of no armed group ("striking teachers clashed with other
    teachers", "refugees and traders clashed"): ACLED's armed clash needs organised armed
    sides, so it is mob violence. A side is known unarmed when it is named as civilians;
    communities named by their ethnic group fight as their communal militias (a battle)."""
    if not fighting(trigger):
        return False
    sides = [m for m in (roles.actor1, roles.actor2) if m is not None]
    if any(m.armed or m.group for m in sides):
        return False
    if told_with([trigger.span.sent], data.communal_words):
        return False
    if roles.actor1 is not None:
        return True
    words = (roles.doer_text or "").lower().split()
    civil = data.crowd_words | data.civilian_targets
    return any(w in civil for w in words) and not any(w in data.armed_modifiers for w in words)


def mutiny(mention: ActorMention) -> bool:
    return mention.actor.id in _MUTINIES or mention.template in _MUTINIES


def mutiny_fire(sub: str, triggers: Sequence[Trigger], roles: Roles, data: LanguageData) -> bool:
    """Mutineers who fire with no one named as fired at ("mutinying soldiers kept firing in
    the town", "gunfire by mutinous troops was heard") riot: a violent demonstration. It
    needs a word of violence with no object, done by the mutineers themselves (a protest
    told with mutineers is a protest; "mutineers attacked the guard" and "the guard fired at
    the mutineers" a battle, even when the guard is no known actor)."""
    doer = roles.actor1
    if doer is None or sub not in VIOLENCE or not (mutiny(doer) or _mutinous(doer, triggers, data)):
        return False
    if roles.actor2 is not None:
        return False
    violent = [t for t in triggers if t.sub_event_type in VIOLENCE]
    if any(_aimed(t, data) for t in violent):
        return False  # "mutineers fired on the crowd": a target named for the shots
    objects = {"dobj", "obj"}
    return any(
        not any(c.dep_ in objects for c in t.head.children)
        and not (roles.guessed and doer.start > t.head.i and not _by(t, doer, data))
        for t in violent
    )


def _by(trigger: Trigger, doer: ActorMention, data: LanguageData) -> bool:
    """The doer is told by the word's own "by" ("firing *by mutinying police*", "gunfire *by
    soldiers*"): the doer, not a victim the parse took for one."""
    words = [*trigger.span, *(c for t in trigger.span for c in t.children)]
    return any(
        w.lower_ in data.agent_words and w.left_edge.i <= doer.start <= w.right_edge.i
        for w in words
    )


def _aimed(trigger: Trigger, data: LanguageData) -> bool:
    """The word of violence names what it aimed at: an object, or a noun after "on", "at",
    "against" ("fired *on the crowd*")."""
    aims = data.aim_words - {"of", "in", "de", "d'", "du", "des", "dans"}
    for token in trigger.span:
        for child in token.children:
            if child.dep_ in {"dobj", "obj"}:
                return True
            if child.lower_ in aims and any(c.dep_ in {"pobj", "obj"} for c in child.children):
                return True
    return False


def _mutinous(doer: ActorMention, triggers: Sequence[Trigger], data: LanguageData) -> bool:
    """State soldiers or police told with a mutiny ("soldiers kept firing as part of their
    mutiny", "firing by mutinying police")."""
    if doer.actor.inter != 1 or doer.actor.sector not in {"MIL", "COP"}:
        return False
    return told_with(sentences_of(triggers), data.mutiny_words)


def mob(roles: Roles) -> bool:
    doer = roles.actor1
    return doer is not None and doer.actor.inter == 5


def protesters(mention: ActorMention | None) -> bool:
    return mention is not None and mention.actor.inter == 6


def rioting(triggers: Sequence[Trigger], doer: ActorMention | None, data: LanguageData) -> bool:
    """Words of a crowd's own violence: "burned", "ransacked", "clashed" (a verb or a word of
    fighting; a noun such as "robbery" more often names what a protest is about). With state
    forces for the ``doer``, only a verb with a subject of its own that is neither them nor
    named as armed men counts ("protesting over a killing by a gendarme, *the crowd burned*
    the post"; not "police burned the stalls", "the police dispersed them and *soldiers*
    seized phones")."""
    looted = [
        t for t in triggers
        if t.sub_event_type == "Looting/property destruction" and t.head.pos_ == "VERB"
    ]  # fmt: skip
    if doer is None or doer.actor.inter not in {1, 8}:
        return bool(looted) or any(fighting(t) for t in triggers)
    return any(_done_by_others(t.head, doer, data) for t in looted)


def _done_by_others(verb: Token, doer: ActorMention, data: LanguageData) -> bool:
    """The verb (or the verb it is joined to) has a subject that is not ``doer`` nor armed."""
    armed = data.armed_modifiers | data.armed_targets
    current = verb
    for _ in range(4):
        subjects = [t for c in current.children if c.dep_ in SUBJECT_DEPS for t in c.subtree]
        if subjects:
            if any(doer.start <= t.i < doer.end for t in subjects):
                return False
            return not any(t.lower_ in armed or t.lemma_.lower() in armed for t in subjects)
        if current.dep_ != "conj" or current.head.i == current.i:
            return False
        current = current.head
    return False


def volleys(triggers: Sequence[Trigger], data: LanguageData) -> bool:
    """Shots fired in the air at a protest that no one was sent to stop: the protesters fired
    ("soldiers protested and fired in the air", armed men protesting too); shots to disperse
    it, or fired at the protesters, are an intervention."""
    if any(t.kind == "intervention" for t in triggers):
        return False
    return any(t.pattern.id.endswith("open-fire") and in_the_air(t, data) for t in triggers)


def strike_only(triggers: Sequence[Trigger], data: LanguageData) -> bool:
    """Every word of protest names a strike ("teachers began observing a 72-hour strike",
    "les enseignants ont entamé une grève"): a work stoppage with no one gathering, which ACLED
    codes as a strategic development, not a protest (a hunger strike is a protest)."""
    protests = [t for t in triggers if t.sub_event_type in PROTEST]
    if not protests or not all(_strike(t, data) for t in protests):
        return False
    doc = protests[0].span.doc
    return not told_with(doc.sents, data.protest_strikes)  # "They marked it with a march"


def _strike(trigger: Trigger, data: LanguageData) -> bool:
    return any(t.lower_ in data.strike_words for t in trigger.span)


def code_protest(
    sub: str, subs: set[str], roles: Roles, killed: bool, violent: tuple[bool, bool]
) -> str:
    """A protest that turned violent, was met by force, arrests or tear gas, or stayed
    peaceful. ``violent``: (words of rioting, words of fighting): clashes told with a protest
    are the crowd's, whoever the parse takes for the doer ("clashes between protesting
    students and police")."""
    if not subs & PROTEST:
        return sub
    doer = roles.actor1.actor if roles.actor1 else None
    crowd = doer is not None and doer.inter in {5, 6, 7}
    riot = violent[0] or violent[1]
    if "Violent demonstration" in subs or (sub in VIOLENCE and crowd) or riot:
        return "Violent demonstration"
    state = doer is not None and doer.inter == 1
    intervention = "Protest with intervention" in subs or (state and protesters(roles.actor2))
    if intervention and killed:
        return "Excessive force against protesters"
    if intervention or ("Arrests" in subs and protesters(roles.actor2)):
        return "Protest with intervention"
    if sub in PROTEST or sub in VIOLENCE | {"Arrests"}:
        return "Peaceful protest" if sub != "Protest with intervention" else sub
    return sub


def armed_crowd(sub: str, triggers: Sequence[Trigger], roles: Roles, data: LanguageData) -> str:
    """People with machetes or firearms who fight armed men ("villagers armed with rifles
    killed the bandits"), or organised sides that fight with them ("two student factions
    clashed with machetes"), are armed sides: a battle, not mob violence. (A crowd that
    fights another crowd with knives stays a mob.)"""
    if sub != "Mob violence":
        return sub
    sentences = sentences_of(triggers)
    if not any(_names(s.text.lower(), data.crowd_weapons) for s in sentences):
        return sub
    organised = told_with(sentences, data.faction_words)
    fought = organised and any(ground_fight(t, data) for t in triggers)
    return "Armed clash" if fought or roles.target == "armed" else sub


def _names(text: str, phrases: frozenset[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text) for p in phrases)
