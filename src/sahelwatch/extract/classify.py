"""The sub-event type of an event from its triggers and roles, following ACLED's rules.

- the most specific weapon wins: a suicide bomb, an air or drone strike, shelling, an IED or a
  grenade is coded as such whoever the target;
- violence is resolved by its target: against civilians it is an *Attack* (Violence against
  civilians), between armed actors an *Armed clash*; by a mob, *Mob violence*; by state forces
  on protesters who die, *Excessive force against protesters*;
- a protest with tear gas, dispersal or arrests is a *Protest with intervention*, with stones,
  burning tyres or barricades a *Violent demonstration*;
- territory taken by a state actor is *Government regains territory*, by anyone else
  *Non-state actor overtakes territory*;
- a withdrawal from an agreement or an organisation is the extension's *Withdrawal from
  agreement*, from a mission a *Change to group/activity*, from a town a *Non-violent transfer
  of territory*.

:func:`classify` returns the type, the trigger that decided it and the rules' confidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sahelwatch.extract.actors import ActorMention
from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.roles import Roles
from sahelwatch.extract.triggers import Trigger

__all__ = ["SPECIFICITY", "Decision", "classify", "family_group"]

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
    {"Remote explosive/landmine/IED", "Air/drone strike", "Shelling/artillery/missile attack"}
)
_PROTEST = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration"})
_VIOLENCE = frozenset({"Attack", "Armed clash"})
_RIOT = frozenset({"Violent demonstration", "Peaceful protest", "Protest with intervention"})
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
    pool = strong or [t for t in triggers if t.kind in {"weak", "intervention"}] or list(triggers)
    subs = {t.sub_event_type for t in triggers}
    choices = [_resolve(t, _aimed(roles, t, aims), killed, subs, text, institution) for t in pool]
    decided = [(sub, t) for sub, t in zip(choices, pool, strict=True) if sub is not None]
    if not decided:
        return None
    sub, trigger = min(decided, key=lambda item: (_rank(item[0]), item[1].span.start))
    sub = _conventions(sub, {s for s, _ in decided} | subs, triggers, roles, killed)
    return Decision(sub, trigger, _confidence(trigger, roles, strong))


def _aimed(roles: Roles, trigger: Trigger, aims: Mapping[int, str | None] | None) -> Roles:
    own = (aims or {}).get(trigger.span.start)
    return replace(roles, target=own) if own and own != roles.target else roles


def _without_topics(triggers: Sequence[Trigger], data: LanguageData) -> list[Trigger]:
    """In a protest, the violence protested against is its topic, not the event ("staged a
    demonstration to denounce the killings", "protested over the arrest of...")."""
    protests = [t for t in triggers if t.sub_event_type in _PROTEST and t.kind != "intervention"]
    if not protests:
        return list(triggers)
    heads = {t.head.i for t in protests}
    kept = []
    for trigger in triggers:
        ancestors = list(trigger.head.ancestors)[:4]
        topical = any(a.i in heads or a.lemma_.lower() in data.topic_verbs for a in ancestors)
        if trigger in protests or trigger.kind == "intervention" or not topical:
            kept.append(trigger)
    return kept


def _conventions(
    sub: str, subs: set[str], triggers: Sequence[Trigger], roles: Roles, killed: bool
) -> str:
    """ACLED's rules between types told together (see the module docstring)."""
    if sub in _BATTLE_WEAPONS and any(_fighting(t) for t in triggers):
        return "Armed clash"
    doer = roles.actor1
    if (
        "Arrests" in subs
        and sub == "Looting/property destruction"
        and doer
        and doer.actor.inter == 1
    ):
        return "Arrests"
    riot = _crowd_violence(sub, roles)
    return riot or _protest(sub, subs, roles, killed)


def _fighting(trigger: Trigger) -> bool:
    """A word of fighting between armed sides: an IED or air strike inside a battle ("an
    exchange of fire followed the IED", "clashes with air support") is coded as the battle."""
    return trigger.sub_event_type == "Armed clash" and trigger.kind == "event"


def _crowd_violence(sub: str, roles: Roles) -> str | None:
    """People with no armed group who burn, loot or fight are rioters ("residents set fire to
    the town hall": a violent demonstration; "a mob attacked a man": mob violence)."""
    doer = roles.actor1
    if doer is None or doer.template not in {"civilians", "protesters", "rioters"} or doer.group:
        return None
    if sub == "Looting/property destruction":
        return "Violent demonstration"
    if sub in _VIOLENCE:
        state = roles.actor2 is not None and roles.actor2.actor.inter == 1
        return "Violent demonstration" if state else "Mob violence"
    return None


def _resolve(
    trigger: Trigger, roles: Roles, killed: bool, subs: set[str], text: str, institution: bool
) -> str | None:
    kind, sub = trigger.kind, trigger.sub_event_type
    if kind == "raid" and "Arrests" in subs and not killed:
        return "Arrests"
    armed_doer = roles.actor1 is not None and roles.actor1.armed
    if kind in {"violence", "outcome", "raid"} or (sub in _RIOT and armed_doer):
        return _violence(trigger, roles, killed, subs)
    if kind == "territory":
        doer = roles.actor1
        state = doer is not None and doer.actor.inter == 1
        return "Government regains territory" if state else "Non-state actor overtakes territory"
    if kind == "withdraw":
        return _withdrawal(text, roles, institution)
    if sub == "Armed clash" and _mob(roles):
        return "Mob violence"
    return sub


def _violence(trigger: Trigger, roles: Roles, killed: bool, subs: set[str]) -> str:
    doer, target = roles.actor1, roles.target
    if trigger.pattern.target_default == "resistance":
        return "Armed clash"
    if doer is not None and doer.actor.inter == 1 and _protesters(roles.actor2):
        return "Excessive force against protesters" if killed else "Protest with intervention"
    if _mob(roles):
        return "Mob violence"
    if target == "civilian":
        return "Attack"
    if target == "armed":
        return "Armed clash"
    if trigger.pattern.target_default == "armed":
        return "Armed clash"
    if trigger.pattern.target_default == "civilian" or trigger.kind == "outcome":
        return "Attack"
    return "Armed clash" if doer is not None and doer.actor.inter in {1, 8} else "Attack"


def _mob(roles: Roles) -> bool:
    doer = roles.actor1
    return doer is not None and doer.actor.inter == 5


def _protesters(mention: ActorMention | None) -> bool:
    return mention is not None and mention.actor.inter == 6


def _protest(sub: str, subs: set[str], roles: Roles, killed: bool) -> str:
    """A protest that turned violent, was met by force, arrests or tear gas, or stayed peaceful."""
    if not subs & _PROTEST:
        return sub
    doer = roles.actor1.actor if roles.actor1 else None
    crowd = doer is not None and doer.inter in {5, 6, 7}
    if "Violent demonstration" in subs or (sub in _VIOLENCE and crowd):
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
    return None


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
