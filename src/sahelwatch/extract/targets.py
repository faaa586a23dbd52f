"""What an event was aimed at: "civilian" or "armed", read from the target's words and the actor
named, also when no actor is named ("attacked *a village*", "attacked *an army position*")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from sahelwatch.extract.actors import ActorMention
from sahelwatch.extract.arguments import preposition
from sahelwatch.extract.lang import LanguageData

__all__ = ["target_kind"]


def target_kind(
    targets: Sequence[Token],
    actor2: ActorMention | None,
    data: LanguageData,
    mentions: Sequence[ActorMention] = (),
) -> str | None:
    """ "civilian" or "armed": what the event was aimed at — what the target's words say of it
    ("a *mining company* convoy", "a convoy *escorted* by soldiers"), else the actor named (an
    NGO is civilian), else its words ("an army *position*", "a *village*")."""
    if actor2 is not None:
        holders = [t for t in targets if t.left_edge.i <= actor2.start <= t.right_edge.i]
        if any(_forms([t]) & data.civilian_roles for t in holders):
            return "civilian"  # "a *MINUSMA* contractor": civilian work for a force
        stated = next((k for k in (_stated(t, actor2, mentions, data) for t in holders) if k), None)
        civilian = actor2.actor.inter in {5, 6, 7} or actor2.actor.sector == "NGO"
        if civilian and any(_armed_people(t, actor2, mentions, data) for t in holders):
            return "armed"  # "a *guard* posted at the home of an official"
        return stated or ("civilian" if civilian else "armed")
    for token in targets:
        stated = _stated(token, None, mentions, data)
        if stated is not None:
            return stated
        words = _forms([token])
        if words & data.civilian_roles:
            return "civilian"  # "a *police* interpreter"
        before = token.doc[token.left_edge.i : token.i]
        modifiers = _forms(_qualifiers(token, data))
        if modifiers & (data.armed_modifiers | data.armed_qualifiers):
            return "armed"  # "a *forest* agent", "une patrouille *militaire*"
        named = any(t.pos_ == "PROPN" or t.ent_type_ in {"NORP", "MISC", "PERSON"} for t in before)
        armed = words & (data.armed_targets | data.armed_people | data.armed_ranks)
        if armed and not (named and words & {"camp", "camps", "campement"}):
            return "armed"
        if modifiers & data.civilian_modifiers or words & data.civilian_targets:
            return "civilian"
    return None


def _armed_people(
    token: Token, actor2: ActorMention, mentions: Sequence[ActorMention], data: LanguageData
) -> bool:
    """A target whose own word names armed men, over the civilians its complement names ("a
    republican *guard* posted at the home of an official"), or people it says are armed men
    ("two people, *a bodyguard and a guardsman*", "three people *described as militiamen*")."""
    people = data.armed_people | data.armed_ranks
    if token.i < actor2.start and _forms([token]) & people:
        return True
    for child in token.children:
        said_as = child.dep_ == "acl" and child.lemma_.lower() in data.described_words
        if child.dep_ != "appos" and not said_as:
            continue
        said = list(child.subtree)
        spans = {t.i for t in said}
        if _forms(said) & people or any(m.armed and m.start in spans for m in mentions):
            return True
    return False


def _stated(
    token: Token, actor2: ActorMention | None, mentions: Sequence[ActorMention], data: LanguageData
) -> str | None:
    """What a target's own words say of it, over the actor it belongs to: a convoy "escorted"
    by armed men is armed; one said to be of civilians ("a *civilian* UN convoy") civilian; one
    of a company or of aid ("a *mining* company convoy") civilian unless an armed actor or word
    is in its phrase ("a *supply* convoy of the army"; an institution's own name does not count
    against "civilian")."""
    if any(c.dep_ in {"acl", "amod"} and c.lower_ in data.armed_modifiers for c in token.rights):
        return "armed"  # "a convoy *escorted* by soldiers"
    before = _qualifiers(token, data)
    modifiers = _forms(before)
    said = modifiers & data.civilian_targets
    if not said and not modifiers & data.civilian_modifiers:
        return None
    institution = actor2 is not None and actor2.actor.sector in {"IGO", "NGO"}
    own = (
        range(actor2.start, actor2.end) if actor2 is not None and said and institution else range(0)
    )
    phrase = [t for t in before if t.i not in own]
    for child in token.rights:  # "a supply convoy *of soldiers*"
        if child.dep_ in {"prep", "nmod"} and preposition(child) in data.of_words:
            phrase.extend(child.subtree)
    armed = _forms(phrase) & (data.armed_modifiers | data.armed_targets)
    spans = {t.i for t in phrase}
    held = any(m.armed and m.start in spans for m in mentions if m.start not in own)
    return None if armed or held else "civilian"


def _qualifiers(token: Token, data: LanguageData) -> list[Token]:
    """The words that say what a target is: those before it and, as French puts them after
    it, its adjectives and "de" complements ("un convoi *humanitaire*", "un poste *de péage*")."""
    after = [
        c
        for c in token.rights
        if c.dep_ == "amod" or (c.dep_ == "nmod" and preposition(c) in data.of_words)
    ]
    return [*token.doc[token.left_edge.i : token.i], *after]


def _forms(tokens: Iterable[Token]) -> set[str]:
    """The lower-case forms and lemmas of the tokens, as word lists are compared with them."""
    return {w for t in tokens for w in (t.lower_, t.lemma_.lower())}
