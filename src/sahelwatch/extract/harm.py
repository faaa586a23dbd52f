"""Whom violence hurt: ACLED codes violence by the harm it did to people and by its target.

- an attack that only looted or burned, or hit a post while it was unmanned, is
  *Looting/property destruction*; looting that hurt people an *Attack* (or a battle when it hit
  armed men);
- soldiers or fighters abducted were taken in a battle; people detained and hurt were attacked;
  people "arrested" by an armed group were abducted;
- a government's officials, an NGO's staff or a soldier off duty are civilians.

:func:`people_harmed` reads the words of harm (killed, wounded, beaten, shot at, abducted) that
are not negated.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.roles import Roles
from sahelwatch.extract.triggers import Trigger, negated, sentences_of

__all__ = [
    "VIOLENCE",
    "code_by_target",
    "deaths_told",
    "in_the_air",
    "off_duty",
    "official",
    "people_harmed",
    "volleys_only",
]

VIOLENCE = frozenset({"Attack", "Armed clash"})
# Entering a place in arms ("made an incursion"): violence only when someone was hurt.
_INCURSIONS = frozenset({"incursion", "intrusion"})
_HARM = frozenset({"Abduction/forced disappearance", "Sexual violence"})
_ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "PRM", "UAF"})


def code_by_target(
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
    if sub in VIOLENCE and not harmed and _unmanned(text, data):
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


def people_harmed(triggers: Sequence[Trigger], data: LanguageData, taken: bool = True) -> bool:
    """Words of harm done to people in the event's sentences (killed, wounded, beaten, shot
    at, abducted, raped) that are not negated ("no casualties"); ``taken=False``: harm beside
    the abduction of people."""
    harms = _HARM if taken else _HARM - {"Abduction/forced disappearance"}
    if any(t.sub_event_type in harms for t in triggers):
        return True
    if any(t.kind == "outcome" and not _none_before(t.head, data) for t in triggers):
        return True
    if any(t.pattern.id.endswith("open-fire") and not in_the_air(t, data) for t in triggers):
        return True
    words = data.killed | data.injured | (data.abducted if taken else frozenset())
    for sentence in sentences_of(triggers):
        for token in sentence:
            lemma = token.lemma_.lower()
            verb = token.pos_ == "VERB" or token.lower_ in data.harm_verbs
            hit = lemma in words or (lemma in data.harm_verbs and verb)
            if hit and not negated(token, data) and not _none_before(token, data):
                return True
    return False


def deaths_told(triggers: Sequence[Trigger], data: LanguageData) -> bool:
    """A death told without a count ("he was later *found dead*", "*the body* was found"): the
    outcome words of death of the event that are not negated."""
    return any(
        t.kind == "outcome"
        and t.head.lemma_.lower() in data.killed
        and not negated(t.head, data)
        and not _none_before(t.head, data)
        for t in triggers
    )


def _none_before(token: Token, data: LanguageData) -> bool:
    """ "no casualties", "sans faire de victimes"."""
    before = token.doc[max(token.sent.start, token.i - 3) : token.i]
    return any(t.lower_ in data.negators for t in before)


def in_the_air(trigger: Trigger, data: LanguageData) -> bool:
    """Shots fired "in the air" or as a warning ("tirs de sommation"): they hurt no one."""
    doc = trigger.span.doc
    following = doc[trigger.span.end : trigger.span.end + 3]
    return any(t.lower_ in data.harmless_shots for t in following)


def volleys_only(triggers: Sequence[Trigger], data: LanguageData) -> bool:
    """Every word of violence is shots fired in the air or as a warning, or an incursion told
    with those shots or with threats ("militants entered the village and fired in the air", "a
    patrol fired warning shots", "made an incursion, threatening the villagers"): no one was
    fired at, so ACLED codes no violence but what else the armed men did (arrests, looting) or
    a show of force (a strategic development)."""
    violent = [t for t in triggers if t.sub_event_type in VIOLENCE and t.kind != "intervention"]
    volleys = [t for t in violent if _volley(t, data)]
    entered = [t for t in violent if t.head.lemma_.lower() in _INCURSIONS]
    if not violent or len(volleys) + len(entered) < len(violent):
        return False
    return bool(volleys) or _threats(sentences_of(triggers), data)


def _threats(sentences: Sequence[Span], data: LanguageData) -> bool:
    """A word of threatening in the sentences ("threatened the villagers", "menacé")."""
    return any(t.lemma_.lower() in data.threat_verbs for s in sentences for t in s)


def _volley(trigger: Trigger, data: LanguageData) -> bool:
    """A word of shooting whose shots went in the air ("fired gunshots *in the air*", "fired
    *warning* shots", "des tirs *de sommation*")."""
    if trigger.pattern.plover_mode != "firearms":
        return False
    doc, head = trigger.span.doc, trigger.head
    # after the word of shooting: "combined *air* and ground strikes" hit someone
    words = doc[head.i + 1 : min(trigger.span.end + 3, trigger.span.sent.end)]
    return any(t.lower_ in data.harmless_shots for t in words)


def _armed_target(roles: Roles, data: LanguageData, text: str) -> bool:
    """The event hit an armed actor on duty (someone "off-duty" or "retired" is a civilian)."""
    target, doer = roles.actor2, roles.actor1
    if target is None or doer is None or target.actor.sector not in _ARMED_SECTORS:
        return False
    return not off_duty(text, data)


def off_duty(text: str, data: LanguageData) -> bool:
    """The text says someone was "off-duty" or "retired" (a civilian for ACLED)."""
    lowered = text.lower()
    return any(word in lowered for word in data.off_duty)


def official(roles: Roles, trigger: Trigger, data: LanguageData) -> bool:
    """Civilians for ACLED: a government's officials or an NGO's staff, when no armed target is
    named in the sentence ("a mayor was killed"; not "attacked government positions"), or a
    soldier off duty."""
    target = roles.actor2
    if roles.target != "armed" or target is None:
        return False
    sentence = trigger.span.sent
    if off_duty(sentence.text, data):
        return True
    if target.actor.sector not in {"GOV", "NGO"}:
        return False
    words = data.armed_targets | data.armed_modifiers
    return not any(t.lower_ in words or t.lemma_.lower() in words for t in sentence)
