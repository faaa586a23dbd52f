"""The sub-event type of an event from its triggers and roles, following ACLED's rules.

- the most specific weapon wins: a suicide bomb, an air or drone strike, shelling, an IED or a
  grenade is coded as such whoever the target — unless it was used inside fighting on the
  ground ("an IED followed by gunfire"): then the battle; an ambiguous weapon word ("mine",
  "bombs") is the weapon used when it did the violence ("killed by a mine", "hit a mine");
- violence is resolved by its target: against civilians it is an *Attack* (Violence against
  civilians), between armed actors or "between" two sides an *Armed clash* (a toll of armed
  men with no doer too); the event told again in a later sentence ("*the attack* was claimed
  by ...") keeps the event's target; whom it hurt and how is :mod:`.harm`'s job, violence by
  crowds, protesters and mobs :mod:`.crowds`';
- an attack that took people away and hurt no one else is an *Abduction*, an abduction in
  which people died an *Attack*;
- a weapon told with its disruption ("defused two IEDs", "recovered rockets and IED-making
  material") that hurt no one is *Disrupted weapons use*, not its use;
- territory taken by a state actor (or the foreign forces fighting beside it: "government
  forces or its affiliates") is *Government regains territory*, by anyone else
  (mutineers included) *Non-state actor overtakes territory*, with no fighting ("without
  resistance", or next: "They met no resistance") a *Non-violent transfer of territory*;
- a withdrawal from an agreement or an organisation is the extension's *Withdrawal from
  agreement*, from a mission a *Change to group/activity*, from a town a *Non-violent transfer
  of territory*; armed forces that otherwise leave or pull out moved: a *Change to
  group/activity*.

:func:`classify` returns the type, the trigger that decided it and the rules' confidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sahelwatch.extract.arguments import answered
from sahelwatch.extract.crowds import (
    PROTEST,
    armed_crowd,
    civil_clash,
    code_protest,
    communal,
    crowd_violence,
    deadly_fight,
    fighting,
    ground_fight,
    mob,
    mutiny,
    mutiny_fire,
    protest_clash,
    protesters,
    rioting,
    strike_only,
    volleys,
    without_topics,
)
from sahelwatch.extract.harm import (
    code_by_target,
    deaths_told,
    official,
    people_harmed,
    volleys_only,
)
from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.roles import Roles
from sahelwatch.extract.targets import target_kind
from sahelwatch.extract.triggers import SUBJECT_DEPS, Trigger, definite, sentences_of, told_with

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
# Violence that needs someone fired at: shots only in the air are a show of force.
_FIRED_AT = frozenset({"Attack", "Armed clash"})
_RIOT = frozenset({"Violent demonstration", "Peaceful protest", "Protest with intervention"})
# Words of striking that aircraft carry out (see :func:`_flown`).
_STRIKES = frozenset({"strike", "hit", "target", "bomb", "frapper", "cibler", "bombarder"})
_PASSIVE = frozenset({"nsubjpass", "nsubj:pass", "auxpass", "aux:pass"})
_AGENTS = frozenset({"agent", "obl:agent"})
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
    counted = [c for c in head.children if c.dep_ in SUBJECT_DEPS and c.like_num]
    headline = bool(counted) and not deps & {"dobj", "obj"}
    passive = bool(deps & _PASSIVE) or (head.tag_ == "VBN" and not deps & SUBJECT_DEPS)
    return (passive or headline) and not deps & _AGENTS


def _instrument(weapon: Trigger, triggers: Sequence[Trigger], data: LanguageData) -> bool:
    """A weapon word that did the violence told by another trigger is the weapon used ("killed
    *by a mine*", "their vehicle hit *a mine*", "*bombs* killed three", "tués *par une mine*"),
    not an ambiguous word ("mine", "bombs", "explosion") told beside it."""
    token = weapon.head
    heads = {t.head.i for t in triggers if t.kind in {"violence", "outcome"}}
    if token.dep_ in SUBJECT_DEPS | {"dobj", "obj"}:
        return token.head.i in heads
    preposition = token.head if token.head.pos_ == "ADP" else None
    if preposition is not None:  # "killed by a mine", "by exploding a car"
        return preposition.lower_ in data.agent_words and preposition.head.i in heads
    marks = [c for c in token.children if c.dep_ == "case"]  # "tués par une mine"
    return token.head.i in heads and any(c.lower_ in data.agent_words for c in marks)


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
    triggers = without_topics(triggers, data)
    # "killed two herders in reprisal for an attack on the army": the attack is another event
    triggers = [t for t in triggers if not answered(t.head, data)] or triggers
    strong = [t for t in triggers if t.kind not in {"weak", "outcome", "intervention"}]
    weapons = [t for t in triggers if t.kind == "weak" and t.sub_event_type in _WEAPONS]
    if strong and all(is_toll(t) for t in strong):
        strong += weapons
    else:
        strong += [t for t in weapons if _instrument(t, triggers, data)]
    pool = strong or [t for t in triggers if t.kind in {"weak", "intervention"}] or list(triggers)
    subs = {t.sub_event_type for t in triggers}
    first = min(t.span.sent.start for t in triggers)
    choices = [
        _resolve(t, _aimed(roles, t, aims, data, first), killed, subs, text, institution, data)
        for t in pool
    ]
    decided = [(sub, t) for sub, t in zip(choices, pool, strict=True) if sub is not None]
    if not decided:
        return None
    decided = _civilians_hit(decided, roles, data)
    sub, trigger = min(decided, key=lambda item: (_rank(item[0]), item[1].span.start))
    sub = _conventions(sub, {s for s, _ in decided} | subs, triggers, roles, killed, data, text)
    sub = armed_crowd(sub, triggers, roles, data)
    harmless = not killed and volleys_only(triggers, data) and not people_harmed(triggers, data)
    if sub in _FIRED_AT and harmless:
        sub, trigger = _show_of_force(decided, trigger)
    if sub == "Peaceful protest" and strike_only(triggers, data):
        sub = "Other"
    return Decision(sub, trigger, _confidence(trigger, roles, strong))


def _civilians_hit(
    decided: Sequence[tuple[str, Trigger]], roles: Roles, data: LanguageData
) -> list[tuple[str, Trigger]]:
    """Whom an attack hurt codes it over what the attack was aimed at: "three civilians were
    *killed* when gunmen attacked *a toll post*", "two drivers were *shot dead* in an attack
    on *a peacekeeping convoy*": violence against civilians — unless armed men are among
    those hurt ("killed two militiamen") or a word of fighting tells a battle."""
    if roles.target != "civilian":
        return list(decided)
    hurt = [(s, t) for s, t in decided if _hurts(t, data)]
    fought = any(s == "Armed clash" and t.sub_event_type == "Armed clash" for s, t in decided)
    civilians = any(s == "Attack" for s, _ in hurt)
    if fought or not civilians or any(s == "Armed clash" for s, _ in hurt):
        return list(decided)
    return [
        (s, t)
        for s, t in decided
        if not (s == "Armed clash" and t.sub_event_type == "Attack" and not _hurts(t, data))
    ]


def _hurts(trigger: Trigger, data: LanguageData) -> bool:
    """A word of harm done to people ("killed", "shot dead", "wounded"), not of an attack."""
    lemma = trigger.head.lemma_.lower()
    harm = (data.harm_verbs - {"assault", "assaulted"}) | data.killed | data.injured
    return lemma in harm or trigger.head.lower_ in harm


def _show_of_force(decided: Sequence[tuple[str, Trigger]], volley: Trigger) -> tuple[str, Trigger]:
    """Shots fired only in the air: what else the armed men did ("fired in the air and
    arrested ten men": the arrests), or else a show of force, a change of their activity."""
    done = [(sub, t) for sub, t in decided if sub not in _FIRED_AT]
    if not done:
        return "Change to group/activity", volley
    return min(done, key=lambda item: (_rank(item[0]), item[1].span.start))


def _aimed(
    roles: Roles,
    trigger: Trigger,
    aims: Mapping[int, str | None] | None,
    data: LanguageData,
    first: int,
) -> Roles:
    """The roles ``trigger`` resolves with: its own clause's aim, except for a word that
    refers back to the event in a later sentence ("... ISGS claimed *the attack*", "*the
    killings* were blamed on the army"), which takes the event's."""
    told_again = trigger.span.sent.start > first and definite(trigger.head, data)
    own = None if told_again else (aims or {}).get(trigger.span.start)
    own = own or _shared_aim(roles, trigger, data)
    aimed = replace(roles, target=own) if own and own != roles.target else roles
    if official(aimed, trigger, data):
        return replace(aimed, target="civilian")
    return aimed


def _shared_aim(roles: Roles, trigger: Trigger, data: LanguageData) -> str | None:
    """A verb with no object of its own shares that of the verbs joined to it ("soldiers shot
    and wounded five *children*", "abducted, beat and executed two *herders*")."""
    head = trigger.head
    if roles.target is not None or head.pos_ != "VERB":
        return None
    if any(c.dep_ in {"dobj", "obj"} for c in head.children):
        return None
    joined = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    objects = [o for v in joined for o in v.children if o.dep_ in {"dobj", "obj"}]
    return target_kind(objects, None, data) if objects else None


def _conventions(
    sub: str,
    subs: set[str],
    triggers: Sequence[Trigger],
    roles: Roles,
    killed: bool,
    data: LanguageData,
    text: str,
) -> str:
    """ACLED's rules between types told together (see the module docstrings)."""
    if sub in _BATTLE_WEAPONS and any(ground_fight(t, data) for t in triggers):
        return "Armed clash"
    harmed = killed or people_harmed(triggers, data)
    if sub in _DISRUPTABLE and "Disrupted weapons use" in subs and not harmed:
        return "Disrupted weapons use"
    sub = code_by_target(sub, subs, roles, (killed, harmed), data, text)
    taken = "Abduction/forced disappearance" in subs and not killed
    if sub == "Attack" and taken and not people_harmed(triggers, data, taken=False):
        return "Abduction/forced disappearance"
    died = killed or deaths_told(triggers, data)
    if sub == "Abduction/forced disappearance" and died and roles.target != "armed":
        return "Attack"
    if sub == "Change to group/activity" and _against_epidemic(triggers, data):
        return "Other"
    doer = roles.actor1
    if (
        "Arrests" in subs
        and sub == "Looting/property destruction"
        and doer
        and doer.actor.inter == 1
    ):
        return "Arrests"
    if mutiny_fire(sub, triggers, roles, data):
        return "Violent demonstration"
    doc = triggers[0].span.doc
    militias = sub == "Armed clash" and any(communal(t, data) for t in triggers)
    militias = militias or deadly_fight(sub, triggers, roles, killed, data)
    fought = any(fighting(t) for t in triggers)
    riot = None if militias else crowd_violence(sub, roles, doc, data, fought)
    riot = riot or protest_clash(sub, triggers, roles)
    told = any(t.sub_event_type in PROTEST and t.kind != "intervention" for t in triggers)
    if not told and not protesters(roles.actor2) and sub not in PROTEST:
        return riot or sub
    if riot is None and told and volleys(triggers, data) and not protesters(roles.actor2):
        return "Violent demonstration"
    violent = (rioting(triggers, roles.actor1, data), fought)
    return riot or code_protest(sub, subs, roles, killed, violent)


def _against_epidemic(triggers: Sequence[Trigger], data: LanguageData) -> bool:
    """A measure told with an epidemic ("a curfew in response to the coronavirus"): a health
    measure, which ACLED codes as Other, not a change of armed activity."""
    return told_with(sentences_of(triggers), data.epidemic_words)


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
    if kind == "violence" and sub == "Attack" and _flown(trigger, data):
        return "Air/drone strike"
    if kind in {"violence", "outcome", "raid"} or (sub in _RIOT and armed_doer):
        return _violence(trigger, roles, killed, subs, data)
    if kind == "territory":
        if _unopposed(trigger, text, data):
            return "Non-violent transfer of territory"
        doer = roles.actor1
        state = doer is not None and doer.actor.inter in {1, 8} and not mutiny(doer)
        return "Government regains territory" if state else "Non-state actor overtakes territory"
    if kind == "withdraw":
        return _withdrawal(text, roles, institution, data)
    civil = civil_clash(trigger, roles, data) and not killed  # a deadly fight: armed sides
    if sub == "Armed clash" and (mob(roles) or civil):
        return "Mob violence"
    return sub


def _flown(trigger: Trigger, data: LanguageData) -> bool:
    """A strike carried out by aircraft: the subject of the word of striking, or of the verb
    that carries out its noun, names aircraft ("French *aircraft* of Operation Barkhane struck
    a camp", "*helicopters* of the army carried out strikes on the militants")."""
    head = trigger.head
    if head.dep_ in {"relcl", "acl:relcl"} and head.head.lemma_.lower() in _STRIKES:
        head = head.head  # "carried out *a strike* that hit a hut"
    if head.lemma_.lower() not in _STRIKES:
        return False
    verb = head.head if head.pos_ in {"NOUN", "PROPN"} and head.dep_ in {"dobj", "obj"} else head
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    words = data.aircraft_words
    return any(t.lower_ in words or t.lemma_.lower() in words for s in subjects for t in s.subtree)


def _unopposed(trigger: Trigger, text: str, data: LanguageData) -> bool:
    """Territory taken with no fighting, told in the event's sentences or the next one
    ("Rebels seized the town. They met no resistance.")."""
    doc, end = trigger.span.doc, trigger.span.sent.end
    following = doc[end].sent.text if end < len(doc) else ""
    told = (text + " " + following).lower()
    return any(phrase in told for phrase in data.unopposed)


def _violence(
    trigger: Trigger, roles: Roles, killed: bool, subs: set[str], data: LanguageData
) -> str:
    doer, target = roles.actor1, roles.target
    if _between(trigger, data) or (
        trigger.pattern.target_default == "resistance" and not _chased_civilians(trigger, data)
    ):
        return "Armed clash"
    if doer is not None and doer.actor.inter == 1 and protesters(roles.actor2):
        return "Excessive force against protesters" if killed else "Protest with intervention"
    if mob(roles):
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


def _chased_civilians(trigger: Trigger, data: LanguageData) -> bool:
    """A word of resistance whose own object is civilians ("chased away the teachers",
    "pursued the residents") drove off people who did not fight: no battle ("repelled *the
    attack*" still is)."""
    objects = [c for c in trigger.head.children if c.dep_ in {"dobj", "obj"}]
    return bool(objects) and target_kind(objects, None, data) == "civilian"


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
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS and not c.like_num]
    if head.dep_ in {"conj", "xcomp", "ccomp"} and not subjects:
        subjects = [c for c in head.head.children if c.dep_ in SUBJECT_DEPS]
    return any(doer.start <= t.i < doer.end for s in subjects for t in s.subtree)


def _between(trigger: Trigger, data: LanguageData) -> bool:
    """Violence "between" two sides ("intercommunal violence between X and Y") is fighting."""
    return trigger.head.pos_ == "NOUN" and any(
        c.lower_ in data.between_words for c in trigger.head.children
    )


def _withdrawal(text: str, roles: Roles, named: bool, data: LanguageData) -> str | None:
    lowered = text.lower()
    institution = [
        m for m in (roles.actor1, roles.actor2, *roles.assoc2) if m and m.actor.sector == "IGO"
    ]
    if any(w in lowered for w in data.agreement_words):
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
