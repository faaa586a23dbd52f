"""The sub-event type of an event from its triggers and roles, following ACLED's rules.

- the most specific weapon wins: a suicide bomb, an air or drone strike, shelling, an IED or a
  grenade is coded as such whoever the target — unless it was used inside fighting on the
  ground ("an IED followed by gunfire"): then the battle;
- violence is resolved by its target: against civilians (government officials, NGO staff, an
  off-duty soldier included) it is an *Attack* (Violence against civilians), between armed
  actors or "between" two sides an *Armed clash* (a toll of armed men with no doer too); by a
  crowd, or people of no armed group who fight each other, *Mob violence* (unless the
  fight is told between communities, "villagers of X and Y clashed": their communal militias
  fought, an *Armed clash*); by state forces
  on protesters who die, *Excessive force against protesters*;
- harm to people decides between violence and property: an attack that only looted or burned,
  or hit a post while it was unmanned, is *Looting/property destruction*, looting that hurt
  people an *Attack*; soldiers or fighters abducted were taken in a battle; people detained
  and hurt were attacked, people "arrested" by an armed group abducted; an attack that took
  people away and hurt no one else is an *Abduction*, an abduction in which people died an
  *Attack*;
- a protest with tear gas, dispersal or arrests is a *Protest with intervention*, with stones,
  burning tyres, burning or looting by the crowd, or clashes a *Violent demonstration*; tear
  gas or warning shots with no protest told are no protest; protesters (or mutineers) who
  fire in the air or loot riot;
- a weapon told with its disruption ("defused two IEDs", "recovered rockets and IED-making
  material") that hurt no one is *Disrupted weapons use*, not its use;
- territory taken by a state actor (or the foreign forces fighting beside it: "government
  forces or its affiliates") is *Government regains territory*, by anyone else
  (mutineers included) *Non-state actor overtakes territory*, with no fighting ("without
  resistance") a *Non-violent transfer of territory*;
- a withdrawal from an agreement or an organisation is the extension's *Withdrawal from
  agreement*, from a mission a *Change to group/activity*, from a town a *Non-violent transfer
  of territory*; armed forces that otherwise leave or pull out moved: a *Change to
  group/activity*.

:func:`classify` returns the type, the trigger that decided it and the rules' confidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from sahelwatch.extract.actors import ActorMention
from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.roles import Roles
from sahelwatch.extract.triggers import Trigger, negated

__all__ = ["SPECIFICITY", "Decision", "classify", "family_group", "is_toll"]

# When several triggers tell one event, the first type here codes it.
SPECIFICITY = (
    "Suicide bomb", "Chemical weapon", "Air/drone strike", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Sexual violence",
    "Government regains territory", "Non-state actor overtakes territory", "Armed clash",
    "Attack", "Abduction/forced disappearance", "Mob violence", "Violent demonstration",
    "Protest with intervention", "Peaceful protest", "Disrupted weapons use",
    "Looting/property destruction", "Arrests", "Forced return", "Forced expulsion", "Flight",
    "Disease outbreak", "Border fortification", "Recall of ambassador",
    "Withdrawal from agreement", "Agreement", "Diplomatic meeting",
    "Headquarters or base established", "Non-violent transfer of territory",
    "Change to group/activity", "Other", "Excessive force against protesters",
)  # fmt: skip
_WEAPONS = frozenset(SPECIFICITY[:6])
_BATTLE_WEAPONS = frozenset(
    {"Remote explosive/landmine/IED", "Air/drone strike", "Shelling/artillery/missile attack",
     "Grenade", "Suicide bomb"}
)  # fmt: skip
# Weapons found, defused or seized before use (an air strike "destroying" a depot is used).
_DISRUPTABLE = _WEAPONS - {"Air/drone strike"}
_PROTEST = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration"})
_VIOLENCE = frozenset({"Attack", "Armed clash"})
_RIOT = frozenset({"Violent demonstration", "Peaceful protest", "Protest with intervention"})
_HARM = frozenset({"Abduction/forced disappearance", "Sexual violence"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
_PASSIVE = frozenset({"nsubjpass", "nsubj:pass", "auxpass", "aux:pass"})
_AGENTS = frozenset({"agent", "obl:agent"})
_ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "PRM", "UAF"})
# State forces in mutiny: the territory they take is not the government's.
_MUTINIES = frozenset({"mutiny"})
_GROUPS = {
    "conflict": "violence", "protest": "violence", "displacement": "displacement",
    "health": "health", "strategic": "strategic", "diplomacy": "strategic",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Decision:
    sub_event_type: str
    trigger: Trigger
    confidence: float


def family_group(family: str, sub: str = "") -> str:
    """Triggers of one group in one clause tell one event (arrests go with the violence of
    their clause: "killed two and arrested three" is one event)."""
    if sub == "Arrests":
        return "violence"
    return _GROUPS.get(family, family)


def is_toll(trigger: Trigger) -> bool:
    """Victims counted with no doer: "were killed", "Twelve killed", "died"."""
    if trigger.kind == "outcome":
        return True
    head = trigger.head
    if trigger.pattern.target_default != "civilian" or head.pos_ not in {"VERB", "AUX"}:
        return False
    deps = {c.dep_ for c in head.children}
    counted = [c for c in head.children if c.dep_ in _SUBJECTS and c.like_num]
    headline = bool(counted) and not deps & {"dobj", "obj"}
    passive = bool(deps & _PASSIVE) or (head.tag_ == "VBN" and not deps & _SUBJECTS)
    return (passive or headline) and not deps & _AGENTS


def _rank(sub: str) -> int:
    return SPECIFICITY.index(sub) if sub in SPECIFICITY else len(SPECIFICITY)


def classify(
    triggers: Sequence[Trigger],
    roles: Roles,
    killed: bool,
    data: LanguageData,
    text: str,
    institution: bool = False,
    aims: Mapping[int, str | None] | None = None,
) -> Decision | None:
    """The sub-event type of one event (None when its triggers name no event after all).
    ``aims`` gives, by trigger start, what each trigger's own clause aimed at."""
    triggers = _without_topics(triggers, data)
    strong = [t for t in triggers if t.kind not in {"weak", "outcome", "intervention"}]
    if strong and all(is_toll(t) for t in strong):
        strong += [t for t in triggers if t.kind == "weak" and t.sub_event_type in _WEAPONS]
    pool = strong or [t for t in triggers if t.kind in {"weak", "intervention"}] or list(triggers)
    subs = {t.sub_event_type for t in triggers}
    choices = [
        _resolve(t, _aimed(roles, t, aims, data), killed, subs, text, institution, data)
        for t in pool
    ]
    decided = [(sub, t) for sub, t in zip(choices, pool, strict=True) if sub is not None]
    if not decided:
        return None
    sub, trigger = min(decided, key=lambda item: (_rank(item[0]), item[1].span.start))
    sub = _conventions(sub, {s for s, _ in decided} | subs, triggers, roles, killed, data, text)
    return Decision(sub, trigger, _confidence(trigger, roles, strong))


def _aimed(
    roles: Roles, trigger: Trigger, aims: Mapping[int, str | None] | None, data: LanguageData
) -> Roles:
    own = (aims or {}).get(trigger.span.start)
    aimed = replace(roles, target=own) if own and own != roles.target else roles
    if _official(aimed, trigger, data):
        return replace(aimed, target="civilian")
    return aimed


def _official(roles: Roles, trigger: Trigger, data: LanguageData) -> bool:
    """Civilians for ACLED: a government's officials or an NGO's staff, when no armed target is
    named in the sentence ("a mayor was killed"; not "attacked government positions"), or a
    soldier off duty."""
    target = roles.actor2
    if roles.target != "armed" or target is None:
        return False
    sentence = trigger.span.sent
    if _off_duty(sentence.text, data):
        return True
    if target.actor.sector not in {"GOV", "NGO"}:
        return False
    words = data.armed_targets | data.armed_modifiers
    return not any(t.lower_ in words or t.lemma_.lower() in words for t in sentence)


def _without_topics(triggers: Sequence[Trigger], data: LanguageData) -> list[Trigger]:
    """In a protest, the violence protested against is its topic, not the event ("staged a
    demonstration to denounce the killings", "protested over the arrest of..."); a verb
    joined to the protest's is what the protesters did."""
    protests = [t for t in triggers if t.sub_event_type in _PROTEST and t.kind != "intervention"]
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
    if current.pos_ not in {"VERB", "AUX"} or any(c.dep_ in _SUBJECTS for c in current.children):
        return False
    participle = current.dep_ == "advcl" and current.morph.get("VerbForm", []) == ["Part"]
    participle = participle and current.morph.get("Tense", []) == ["Pres"]
    return current.dep_ == "conj" or participle


def _conventions(
    sub: str,
    subs: set[str],
    triggers: Sequence[Trigger],
    roles: Roles,
    killed: bool,
    data: LanguageData,
    text: str,
) -> str:
    """ACLED's rules between types told together (see the module docstring)."""
    if sub in _BATTLE_WEAPONS and any(_ground_fight(t, data) for t in triggers):
        return "Armed clash"
    harmed = killed or _harmed(triggers, data)
    if sub in _DISRUPTABLE and "Disrupted weapons use" in subs and not harmed:
        return "Disrupted weapons use"
    sub = _by_target(sub, subs, roles, (killed, harmed), data, text)
    taken = "Abduction/forced disappearance" in subs and not killed
    if sub == "Attack" and taken and not _harmed(triggers, data, taken=False):
        return "Abduction/forced disappearance"
    if sub == "Abduction/forced disappearance" and killed and roles.target != "armed":
        return "Attack"
    doer = roles.actor1
    if (
        "Arrests" in subs
        and sub == "Looting/property destruction"
        and doer
        and doer.actor.inter == 1
    ):
        return "Arrests"
    doc = triggers[0].span.doc
    communal = sub == "Armed clash" and any(_communal(t, data) for t in triggers)
    fought = any(_fighting(t) for t in triggers)
    riot = None if communal else _crowd_violence(sub, roles, doc, data, fought)
    riot = riot or _protest_clash(sub, triggers, roles)
    told = any(t.sub_event_type in _PROTEST and t.kind != "intervention" for t in triggers)
    if not told and not _protesters(roles.actor2) and sub not in _PROTEST:
        return riot or sub
    if riot is None and told and _volleys(triggers, data) and not _protesters(roles.actor2):
        return "Violent demonstration"
    return riot or _protest(sub, subs, roles, killed, (_rioting(triggers), fought))


def _by_target(
    sub: str,
    subs: set[str],
    roles: Roles,
    hurt: tuple[bool, bool],
    data: LanguageData,
    text: str,
) -> str:
    """ACLED codes by whom violence hit: an attack that only took or destroyed property is
    *Looting/property destruction*, looting that hurt people an attack; armed men taken away
    were captured in a battle; people detained and killed or beaten were attacked; people
    "arrested" by an armed group were abducted. ``hurt``: (people killed, people harmed)."""
    killed, harmed = hurt
    looted = "Looting/property destruction" in subs
    if sub == "Attack" and looted and not harmed:
        return "Looting/property destruction"
    if sub in _VIOLENCE and not harmed and _unmanned(text, data):
        return "Looting/property destruction"
    if sub == "Looting/property destruction" and harmed:
        return "Armed clash" if roles.target == "armed" else "Attack"
    if sub == "Abduction/forced disappearance" and _armed_target(roles, data, text) and not killed:
        return "Armed clash"
    if sub == "Arrests" and roles.target != "armed":
        doer = roles.actor1
        if harmed:
            return "Attack"
        if doer is not None and doer.actor.inter in {2, 3, 4}:
            return "Abduction/forced disappearance"
    return sub


def _unmanned(text: str, data: LanguageData) -> bool:
    """A post attacked "while it was unmanned" ("deserted", "empty"): only property was hit."""
    return any(word.strip(".,;:()'\"") in data.unmanned for word in text.lower().split())


def _harmed(triggers: Sequence[Trigger], data: LanguageData, taken: bool = True) -> bool:
    """Words of harm done to people in the event's sentences (killed, wounded, beaten, shot
    at, abducted, raped) that are not negated ("no casualties"); ``taken=False``: harm beside
    the abduction of people."""
    harms = _HARM if taken else _HARM - {"Abduction/forced disappearance"}
    if any(t.sub_event_type in harms for t in triggers):
        return True
    if any(t.kind == "outcome" and not _none_before(t.head, data) for t in triggers):
        return True
    if any(t.pattern.id.endswith("open-fire") and not _in_the_air(t, data) for t in triggers):
        return True
    words = data.killed | data.injured | (data.abducted if taken else frozenset())
    for sentence in {t.span.sent.start: t.span.sent for t in triggers}.values():
        for token in sentence:
            lemma = token.lemma_.lower()
            verb = token.pos_ == "VERB" or token.lower_ in data.harm_verbs
            hit = lemma in words or (lemma in data.harm_verbs and verb)
            if hit and not negated(token, data) and not _none_before(token, data):
                return True
    return False


def _none_before(token: Token, data: LanguageData) -> bool:
    """ "no casualties", "sans faire de victimes"."""
    before = token.doc[max(token.sent.start, token.i - 3) : token.i]
    return any(t.lower_ in data.negators for t in before)


def _in_the_air(trigger: Trigger, data: LanguageData) -> bool:
    doc = trigger.span.doc
    following = doc[trigger.span.end : trigger.span.end + 3]
    return any(t.lower_ in data.harmless_shots for t in following)


def _armed_target(roles: Roles, data: LanguageData, text: str) -> bool:
    """The event hit an armed actor on duty (someone "off-duty" or "retired" is a civilian)."""
    target, doer = roles.actor2, roles.actor1
    if target is None or doer is None or target.actor.sector not in _ARMED_SECTORS:
        return False
    return not _off_duty(text, data)


def _off_duty(text: str, data: LanguageData) -> bool:
    """The text says someone was "off-duty" or "retired" (a civilian for ACLED)."""
    lowered = text.lower()
    return any(word in lowered for word in data.off_duty)


def _ground_fight(trigger: Trigger, data: LanguageData) -> bool:
    """A word of fighting on the ground (clashes, an ambush, gunfire, an assault, repelled):
    a weapon used inside a battle is coded as the battle ("an IED detonation followed by
    gunfire", "an airstrike followed by a ground assault"); "neutralising" tells a toll."""
    lemma = trigger.head.lemma_.lower()
    return trigger.sub_event_type == "Armed clash" and lemma not in data.killed


def _fighting(trigger: Trigger) -> bool:
    """A word of fighting between armed sides: an IED or air strike inside a battle ("an
    exchange of fire followed the IED", "clashes with air support") is coded as the battle."""
    return trigger.sub_event_type == "Armed clash" and trigger.kind == "event"


def _crowd(doer: ActorMention, doc: Doc, data: LanguageData) -> bool:
    """Civilians named as a crowd ("villagers", "youths", "residents"), not one person or a
    few counted men ("a farmer", "two men": a crime, or a parse that took the victim)."""
    words = doc[max(0, doer.start - 2) : doer.end]
    counted = any(
        doer.start <= t.head.i < doer.end
        and (t.like_num or t.lower_ in {"a", "an", "one", "un", "une"})
        for t in words
    )
    if counted:
        return False
    return any(t.lower_ in data.crowd_words or t.lemma_.lower() in data.crowd_words for t in words)


def _protest_clash(sub: str, triggers: Sequence[Trigger], roles: Roles) -> str | None:
    """Clashes with demonstrators on one side are not a battle (ACLED's armed clash needs two
    organised armed sides) but a violent demonstration. (Communities that clash are coded
    as their communal militias: a battle.)"""
    if sub != "Armed clash" or not any(_fighting(t) for t in triggers):
        return None
    sides = (roles.actor1, roles.actor2)
    return "Violent demonstration" if any(_protesters(m) for m in sides) else None


def _crowd_violence(
    sub: str, roles: Roles, doc: Doc, data: LanguageData, fought: bool = False
) -> str | None:
    """People with no armed group who burn, loot or fight are rioters ("residents set fire to
    the town hall": a violent demonstration; "a mob attacked a man": mob violence); so are
    mutineers who loot. Protesters who fight, and a crowd that fights state forces
    (``fought``: words of fighting), hold a violent demonstration."""
    doer = roles.actor1
    if doer is not None and _mutiny(doer) and sub == "Looting/property destruction":
        return "Violent demonstration"
    if doer is None or doer.template not in {"civilians", "protesters", "rioters"} or doer.group:
        return None
    if doer.template == "civilians" and not _crowd(doer, doc, data):
        return None
    if sub == "Looting/property destruction":
        return "Violent demonstration"
    state = roles.actor2 is not None and roles.actor2.actor.inter == 1
    if sub in _VIOLENCE:
        return "Violent demonstration" if state or _protesters(doer) else "Mob violence"
    if sub == "Mob violence" and fought and (state or _protesters(doer)):
        return "Violent demonstration"  # a crowd's fight with the police, or protesters'
    return None


def _resolve(
    trigger: Trigger,
    roles: Roles,
    killed: bool,
    subs: set[str],
    text: str,
    institution: bool,
    data: LanguageData,
) -> str | None:
    kind, sub = trigger.kind, trigger.sub_event_type
    if kind == "raid" and "Arrests" in subs and not killed:
        return "Arrests"
    armed_doer = roles.actor1 is not None and roles.actor1.armed
    if kind in {"violence", "outcome", "raid"} or (sub in _RIOT and armed_doer):
        return _violence(trigger, roles, killed, subs, data)
    if kind == "territory":
        if any(phrase in text.lower() for phrase in data.unopposed):
            return "Non-violent transfer of territory"
        doer = roles.actor1
        state = doer is not None and doer.actor.inter in {1, 8} and not _mutiny(doer)
        return "Government regains territory" if state else "Non-state actor overtakes territory"
    if kind == "withdraw":
        return _withdrawal(text, roles, institution)
    if sub == "Armed clash" and (_mob(roles) or _civil_clash(trigger, roles, data)):
        return "Mob violence"
    return sub


def _violence(
    trigger: Trigger, roles: Roles, killed: bool, subs: set[str], data: LanguageData
) -> str:
    doer, target = roles.actor1, roles.target
    if trigger.pattern.target_default == "resistance" or _between(trigger, data):
        return "Armed clash"
    if doer is not None and doer.actor.inter == 1 and _protesters(roles.actor2):
        return "Excessive force against protesters" if killed else "Protest with intervention"
    if _mob(roles):
        return "Mob violence"
    if target == "civilian":
        return "Attack"
    if target == "armed" or _armed_toll(trigger, roles):
        return "Armed clash"
    if trigger.pattern.target_default == "armed":
        return "Armed clash"
    if trigger.pattern.target_default == "civilian" or trigger.kind == "outcome":
        return "Attack"
    return "Armed clash" if doer is not None and doer.actor.inter in {1, 8} else "Attack"


def _armed_toll(trigger: Trigger, roles: Roles) -> bool:
    """A toll of armed men with no doer ("four soldiers were killed", "3 rebels died",
    "Fatalities: 9 soldiers"): they fell in fighting. The parse takes the toll's subject (or
    the men a toll noun counts) for the doer; it is the victim."""
    doer = roles.actor1
    if doer is None or not doer.armed or roles.target is not None or not is_toll(trigger):
        return False
    head = trigger.head
    if trigger.kind == "outcome" and head.pos_ in {"NOUN", "PROPN"}:
        return any(doer.start <= t.i < doer.end for t in head.subtree)
    if any(c.dep_ in {"dobj", "obj"} for c in head.children):
        return False
    subjects = [c for c in head.children if c.dep_ in _SUBJECTS and not c.like_num]
    if head.dep_ in {"conj", "xcomp", "ccomp"} and not subjects:
        subjects = [c for c in head.head.children if c.dep_ in _SUBJECTS]
    return any(doer.start <= t.i < doer.end for s in subjects for t in s.subtree)


def _between(trigger: Trigger, data: LanguageData) -> bool:
    """Violence "between" two sides ("intercommunal violence between X and Y") is fighting."""
    return trigger.head.pos_ == "NOUN" and any(
        c.lower_ in data.between_words for c in trigger.head.children
    )


def _communal(trigger: Trigger, data: LanguageData) -> bool:
    """Fighting told between communities ("clashes between the two villages", "villagers of
    X and Y clashed"): ACLED codes the sides as communal militias, a battle, not a mob."""
    sentence = trigger.span.sent
    fight = _ground_fight(trigger, data)
    return fight and any(t.lower_ in data.communal_words for t in sentence)


def _civil_clash(trigger: Trigger, roles: Roles, data: LanguageData) -> bool:
    """Fighting between people of no armed group ("striking teachers clashed with other
    teachers", "refugees and traders clashed"): ACLED's armed clash needs organised armed
    sides, so it is mob violence. A side is known unarmed when it is named as civilians;
    communities named by their ethnic group fight as their communal militias (a battle)."""
    if not _fighting(trigger):
        return False
    sides = [m for m in (roles.actor1, roles.actor2) if m is not None]
    if any(m.armed or m.group for m in sides):
        return False
    if any(t.lower_ in data.communal_words for t in trigger.span.sent):
        return False
    if roles.actor1 is not None:
        return True
    words = (roles.doer_text or "").lower().split()
    civil = data.crowd_words | data.civilian_targets
    return any(w in civil for w in words) and not any(w in data.armed_modifiers for w in words)


def _mutiny(mention: ActorMention) -> bool:
    return mention.actor.id in _MUTINIES or mention.template in _MUTINIES


def _mob(roles: Roles) -> bool:
    doer = roles.actor1
    return doer is not None and doer.actor.inter == 5


def _protesters(mention: ActorMention | None) -> bool:
    return mention is not None and mention.actor.inter == 6


def _rioting(triggers: Sequence[Trigger]) -> bool:
    """Words of a crowd's own violence: "burned", "ransacked", "clashed" (a verb or a word of
    fighting; a noun such as "robbery" more often names what a protest is about)."""
    return any(
        (t.sub_event_type == "Looting/property destruction" and t.head.pos_ == "VERB")
        or _fighting(t)
        for t in triggers
    )


def _volleys(triggers: Sequence[Trigger], data: LanguageData) -> bool:
    """Shots fired in the air at a protest that no one was sent to stop: the protesters fired
    ("soldiers protested and fired in the air", armed men protesting too); shots to disperse
    it, or fired at the protesters, are an intervention."""
    if any(t.kind == "intervention" for t in triggers):
        return False
    return any(t.pattern.id.endswith("open-fire") and _in_the_air(t, data) for t in triggers)


def _protest(
    sub: str, subs: set[str], roles: Roles, killed: bool, violent: tuple[bool, bool]
) -> str:
    """A protest that turned violent, was met by force, arrests or tear gas, or stayed
    peaceful. ``violent``: (words of rioting, words of fighting): clashes told with a protest
    are the crowd's, whoever the parse takes for the doer ("clashes between protesting
    students and police")."""
    if not subs & _PROTEST:
        return sub
    doer = roles.actor1.actor if roles.actor1 else None
    crowd = doer is not None and doer.inter in {5, 6, 7}
    rioting = (violent[0] and (doer is None or doer.inter not in {1, 8})) or violent[1]
    if "Violent demonstration" in subs or (sub in _VIOLENCE and crowd) or rioting:
        return "Violent demonstration"
    state = doer is not None and doer.inter == 1
    intervention = "Protest with intervention" in subs or (state and _protesters(roles.actor2))
    if intervention and killed:
        return "Excessive force against protesters"
    if intervention or ("Arrests" in subs and _protesters(roles.actor2)):
        return "Protest with intervention"
    if sub in _PROTEST or sub in _VIOLENCE | {"Arrests"}:
        return "Peaceful protest" if sub != "Protest with intervention" else sub
    return sub


def _withdrawal(text: str, roles: Roles, named: bool) -> str | None:
    lowered = text.lower()
    institution = [
        m for m in (roles.actor1, roles.actor2, *roles.assoc2) if m and m.actor.sector == "IGO"
    ]
    if any(w in lowered for w in ("agreement", "accord", "treaty", "traité", "mediation",
                                  "médiation", "charter", "charte")):  # fmt: skip
        return "Withdrawal from agreement"
    if any(m.actor.id in {"minusma", "eutm"} for m in institution):
        return "Change to group/activity"
    if institution or named:
        return "Withdrawal from agreement"
    doer = roles.actor1
    return "Change to group/activity" if doer is not None and doer.armed else None


def _confidence(trigger: Trigger, roles: Roles, strong: Sequence[Trigger]) -> float:
    base = {"event": 0.8, "territory": 0.7, "violence": 0.55, "withdraw": 0.6}.get(
        trigger.kind, 0.35
    )
    if trigger.kind == "violence" and roles.target is not None:
        base = 0.75
    if trigger.sub_event_type in _WEAPONS:
        base = 0.9
    if not strong:
        base = min(base, 0.4)
    return round(min(0.95, base + (0.05 if roles.actor1 is not None else 0.0)), 2)
