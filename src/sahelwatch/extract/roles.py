"""Who did what to whom: the named actors standing for the doer (actor1) and the target
(actor2) of an event, and their associates.

The words of the trigger's clause that stand for each side come from
:mod:`sahelwatch.extract.arguments`; here they become actor mentions ("fighters *of* ISGS" is
ISGS), coordination ("X and Y attacked") and backing ("Wagner-backed forces") give associates,
and a name a protest is about ("marched *against* the army") or a crowd stands against
("*anti*-junta protesters") is no side. When the parse names no doer, a pronoun takes the armed
actor of the sentence before, else the nearest armed actor before the trigger is guessed. The
kind of target comes from :mod:`sahelwatch.extract.targets`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sahelwatch.extract.actors import ActorMention, tokens_of
from sahelwatch.extract.arguments import (
    answered,
    event_arguments,
    objects,
    own_clause,
    preposition,
    sides,
)
from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.targets import target_kind
from sahelwatch.extract.triggers import Trigger, governing_verb

__all__ = ["Roles", "armed_subjects", "find_roles"]

_PROTESTS = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration"})
# Events two parties do together: the second one named beside the doer is the other side
# ("ECOWAS and AES ministers met": ECOWAS met the AES).
_JOINT = frozenset({"Diplomatic meeting", "Agreement"})
_CLASH = "Armed clash"
# Links below a topic word that do not put a name in the topic ("protested and *police* fired").
_NOT_TOPIC = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "conj", "cc", "advcl", "parataxis"})
# Prepositions of place among the words of aim: "the attack *in* Boni" aims at no one.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj"})
_AT_PLACE = frozenset({"in", "at", "dans", "à", "au", "aux", "des"})


@dataclass(frozen=True, slots=True)
class Roles:
    """The doer (actor1) and the target (actor2) of an event, their associates, and the kind of
    target when it is a place or a thing ("civilian" or "armed")."""

    actor1: ActorMention | None = None
    assoc1: tuple[ActorMention, ...] = ()
    actor2: ActorMention | None = None
    assoc2: tuple[ActorMention, ...] = ()
    target: str | None = None
    doer_text: str | None = None
    guessed: bool = False


def find_roles(
    trigger: Trigger,
    sentence: SpacySpan,
    mentions: Sequence[ActorMention],
    data: LanguageData,
    violent: bool = True,
) -> Roles:
    """The roles of the event ``trigger`` names (see the module docstring); ``violent`` events
    also take, when the parse names no one, the nearest armed actor and the next actor named."""
    head = trigger.head
    inside = [
        m
        for m in mentions
        if sentence.start <= m.start
        and m.end <= sentence.end
        and not _opposed(m, head.doc, data)
        and not _informant(m, head.doc, data)
    ]
    candidates = [m for m in inside if not _topical(m, trigger, data)]
    doers, targets = _first_conjunct(
        head, data, *event_arguments(head, trigger.sub_event_type, data)
    )
    doers, targets = _active_participle(head, doers, targets)
    # what a reprisal answers ("in reprisal for *an attack on X by Y*") is no side of it, and
    # the earlier event's words there name no side of the reprisal either
    candidates = [m for m in candidates if not answered(head.doc[m.start], data)]
    targets = [] if answered(head, data) else [t for t in targets if not answered(t, data)]
    actor1, assoc1 = _pick(doers, candidates, data, doer=True)
    if actor1 is None and doers and _personal(doers[0]):
        actor1 = _referent(sentence, mentions)
    actor2, assoc2 = _pick(targets, candidates, data, exclude=actor1)
    if actor2 is None and assoc1 and trigger.sub_event_type in _JOINT:
        actor2, assoc1 = assoc1[0], assoc1[1:]
    if actor2 is None and actor1 is not None and trigger.sub_event_type == _CLASH:
        actor2, assoc1 = _opponent(actor1, assoc1)
    guessed = False
    if actor1 is None and violent:
        actor1 = _main_subject(head, candidates, actor2, targets) or _nearest_armed(
            head, candidates, actor2, targets
        )
        guessed = actor1 is not None
    elif actor1 is None:
        actor1 = _nearest_state_or_group(head, inside, actor2)
        guessed = actor1 is not None
    fallback = actor2 is None
    if actor2 is None and violent:
        actor2 = _first_after(head, candidates, exclude=actor1)
    parsed = actor2 is not None and not fallback
    guess = None if _doer_again(actor1, actor2) else actor2
    kind = target_kind(targets, actor2 if parsed else None, data, inside) or target_kind(
        [], guess, data
    )
    if kind == "armed" and _at_home(actor2, sentence, data):
        kind = "civilian"
    if actor1 is not None and actor2 is not None and actor1.same_actor(actor2):
        actor2 = None
    if actor1 is not None and actor1.backer is not None:
        assoc1 = (*assoc1, _backer(actor1))
    doer_text = None
    if actor1 is None and doers:
        doer_text = _phrase(doers[0])
    return Roles(actor1, assoc1, actor2, assoc2, kind, doer_text, guessed)


def _opponent(
    actor1: ActorMention, assoc1: tuple[ActorMention, ...]
) -> tuple[ActorMention | None, tuple[ActorMention, ...]]:
    """ "*Rebels and Gaddafi forces* clashed", "des rebelles et des soldats se sont affrontés":
    state forces and others named together as the sides of a clash with no one else fought
    each other (two state forces fight side by side; two communities' clash is told by its
    own words)."""
    state = {1, 8}
    for mention in assoc1:
        if (actor1.actor.inter in state) != (mention.actor.inter in state):
            return mention, tuple(m for m in assoc1 if m is not mention)
    return None, assoc1


def _first_conjunct(
    head: Token, data: LanguageData, doers: list[Token], targets: list[Token]
) -> tuple[list[Token], list[Token]]:
    """ "*presumed ISGS militants* and Nigerien forces clashed": subjects joined by "and" that
    the parse splits, taking the hedge for a verb, the first for its object and the event's
    verb for a clause of the second alone; the first is a doer too, and named first."""
    verb = governing_verb(head)
    if verb.dep_ != "conj" or not doers or verb.head.i > verb.i:
        return doers, targets
    first = verb.head
    if first.lower_ in data.hedges and not any(c.dep_ in _SUBJECTS for c in first.children):
        joined = [c for c in first.children if c.dep_ in {"dobj", "obj"} and _joined(c, verb)]
        if joined:
            return [*joined, *doers], [t for t in targets if t not in joined]
    return doers, targets


def _active_participle(
    head: Token, doers: list[Token], targets: list[Token]
) -> tuple[list[Token], list[Token]]:
    """ "presumed JNIM *militants* killed five militiamen" parsed with "killed" describing the
    militants: a participle with an object of its own is active, so the noun it describes did
    it (unlike "three civilians killed"), when the parse names no other doer."""
    noun = head.head
    described = head.dep_ == "acl" and head.pos_ == "VERB" and noun.pos_ in {"NOUN", "PROPN"}
    if not described or doers or noun not in targets:
        return doers, targets
    if not any(c.dep_ in {"dobj", "obj"} for c in head.children):
        return doers, targets
    return [noun], [t for t in targets if t is not noun]


def _joined(noun: Token, verb: Token) -> bool:
    """ "militants *and* forces clashed": the noun and the verb's clause are joined by "and"
    (a coordinating word between them), nothing else."""
    between = noun.doc[noun.i + 1 : verb.i]
    return any(t.dep_ == "cc" for t in between)


def _at_home(actor2: ActorMention | None, sentence: SpacySpan, data: LanguageData) -> bool:
    """A state's soldiers or police hit "at his home" were off duty: civilians for ACLED ("a
    soldier was assassinated *in his house*"; a militia's men at home are still its fighters)."""
    if actor2 is None or actor2.actor.inter not in {1, 8}:
        return False
    told = sentence.text.lower()
    return any(phrase in told for phrase in data.at_home)


def _doer_again(actor1: ActorMention | None, actor2: ActorMention | None) -> bool:
    """Unknown armed men named after an event with a doer are that doer again ("Dozos killed
    two women and mutilated their bodies, which *the assailants* took"), no armed target."""
    unknown = actor2 is not None and actor2.template == "unidentified"
    return unknown and actor1 is not None and actor1.armed


def _personal(token: Token) -> bool:
    """ "*They* took over the town", "*Ils* ont attaqué": a third-person pronoun."""
    morph = token.morph.to_dict()
    return (
        token.pos_ == "PRON"
        and morph.get("PronType", "Prs") == "Prs"
        and morph.get("Person") == "3"
    )


def _referent(sentence: SpacySpan, mentions: Sequence[ActorMention]) -> ActorMention | None:
    """The armed actor a pronoun stands for: the first one the sentence before names (its
    subject, most often: "Soldiers mutinied. *They* took over the town")."""
    doc = sentence.doc
    previous = doc[sentence.start - 1].sent if sentence.start > 0 else None
    if previous is None:
        return None
    before = [m for m in mentions if previous.start <= m.start and m.end <= sentence.start]
    armed = [m for m in before if m.armed]
    return armed[0] if armed else None


def _backer(mention: ActorMention) -> ActorMention:
    assert mention.backer is not None
    return ActorMention(mention.backer, mention.start, mention.start, mention.backer.name)


def _mention_for(
    token: Token, mentions: Sequence[ActorMention], data: LanguageData, doer: bool = False
) -> ActorMention | None:
    """The mention at the token, or the named one it stands for ("fighters *of* ISGS", "fighters
    *from* the Ansar Dine group"); a doer not from a clause of its own (:func:`own_clause`)."""
    direct = next((m for m in mentions if m.start <= token.i < m.end), None)
    if direct is not None and direct.template is None:
        return direct
    named = [
        m
        for m in mentions
        if m.template is None and token.left_edge.i <= m.start and m.end <= token.i
    ]
    if direct is not None and named:
        return named[0]
    for child in token.children:
        if child.dep_ in {"prep", "nmod"} and preposition(child) in data.member_words:
            for noun in objects(child) or [child]:
                found = next((m for m in mentions if m.start <= noun.i < m.end), None)
                if found is not None and found.template is None:
                    return found
    if direct is not None:
        return direct
    left, right = token.left_edge.i, token.right_edge.i
    if doer:  # what comes after a clause of the noun's own is no longer the noun
        right = min((c.left_edge.i - 1 for c in token.children if own_clause(c)), default=right)
    within = [m for m in mentions if left <= m.start and m.end - 1 <= right]
    if doer:  # "the detonation of an IED *against* a Malian army convoy": the army is hit
        within = [m for m in within if not _aimed_at(tokens_of(m, token.doc).root, token, data)]
    return min(within, key=lambda m: abs(m.start - token.i)) if within else None


def _aimed_at(word: Token, noun: Token, data: LanguageData) -> bool:
    """A word inside what ``noun`` is aimed at ("an attack *on* the army post")."""
    aimed = data.aim_words - data.of_words - _AT_PLACE
    current = word
    for _ in range(8):
        if current.i == noun.i or current.head.i == current.i:
            return False
        if preposition(current) in aimed:
            return True
        current = current.head
    return False


def _pick(
    tokens: Sequence[Token],
    mentions: Sequence[ActorMention],
    data: LanguageData,
    exclude: ActorMention | None = None,
    doer: bool = False,
) -> tuple[ActorMention | None, tuple[ActorMention, ...]]:
    found: list[ActorMention] = []
    for token in tokens:
        for member in sides(token):
            mention = _mention_for(member, mentions, data, doer)
            if mention is not None and mention is not exclude and mention not in found:
                found.append(mention)
    if not found:
        return None, ()
    return found[0], tuple(m for m in found[1:] if not m.same_actor(found[0]))


def _nearest_armed(
    head: Token,
    mentions: Sequence[ActorMention],
    exclude: ActorMention | None,
    targets: Sequence[Token] = (),
) -> ActorMention | None:
    """The armed actor named nearest before the trigger (else after it), outside its target
    ("Guide of *FAMa*'s brigade assassinated": FAMa is not the doer), nor the target again
    ("an army truck was struck by an IED, three *soldiers* were wounded"; "the deadliest raid
    against the *Chadian army* since an attack killed 40 *soldiers*")."""
    inside = {i for t in targets for i in range(t.left_edge.i, t.right_edge.i + 1)}
    mentions = [m for m in mentions if m.start not in inside and not _same_side(m, exclude)]
    before = [m for m in mentions if m.end <= head.i and m is not exclude and m.armed]
    if before:
        return before[-1]
    after = [m for m in mentions if m.start > head.i and m is not exclude and m.armed]
    return after[0] if after else None


def _main_subject(
    head: Token,
    mentions: Sequence[ActorMention],
    exclude: ActorMention | None,
    targets: Sequence[Token],
) -> ActorMention | None:
    """The armed actor the sentence's main verb has for subject, before the trigger ("the
    *army* dismantled a base of JNIM militants, killing ten *militants* in the clashes"): who
    the sentence is about, rather than the name nearest the trigger."""
    inside = {i for t in targets for i in range(t.left_edge.i, t.right_edge.i + 1)}
    for mention in armed_subjects(head.sent, mentions):
        if mention.end > head.i or mention.start in inside:
            continue
        if not _same_side(mention, exclude):
            return mention
    return None


def armed_subjects(sentence: SpacySpan, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """The armed actors of ``mentions`` that the sentence's main verb has for subject."""
    found = []
    for mention in mentions:
        if not (sentence.start <= mention.start and mention.end <= sentence.end):
            continue
        token = tokens_of(mention, sentence.doc).root
        if mention.armed and token.dep_ in {"nsubj", "csubj"} and token.head.i == sentence.root.i:
            found.append(mention)
    return found


def _nearest_state_or_group(
    head: Token, mentions: Sequence[ActorMention], exclude: ActorMention | None
) -> ActorMention | None:
    """Who did a non-violent act the parse names no doer of: the state actor named nearest
    before the trigger, else the named armed group ("Non-violent activity: *JNIM* militants
    threatened voters, forcing the chief to *dismiss* the officials")."""
    before = [m for m in mentions if m.end <= head.i and m is not exclude]
    states = [m for m in before if m.actor.inter == 1]
    groups = [m for m in before if m.template is None and m.armed]
    return states[-1] if states else (groups[-1] if groups else None)


def _same_side(mention: ActorMention, target: ActorMention | None) -> bool:
    """The same actor, or the same kind of state force of a country not told apart
    ("soldiers" and "the Chadian army")."""
    if target is None:
        return False
    one, two = mention.actor, target.actor
    if one.id == two.id:
        return True
    state = one.inter == two.inter == 1 and one.sector == two.sector
    return state and (one.country is None or two.country is None or one.country == two.country)


def _opposed(mention: ActorMention, doc: Doc, data: LanguageData) -> bool:
    """ "*anti*-Gaddafi protesters", "an armed *anti*-government group": the name a crowd or a
    group stands against takes no part in the event; a force named for what it fights is
    still the force ("*anti*-terrorist unit", "anti-riot police")."""
    before = mention.start - 1
    if before >= 0 and doc[before].text in {"-", "–"}:
        before -= 1
    if before < 0 or doc[before].lower_ not in data.stance_words:
        return False
    after = doc[mention.end] if mention.end < len(doc) else None
    armed = data.armed_targets | data.armed_modifiers
    return after is None or (after.lower_ not in armed and after.lemma_.lower() not in armed)


def _informant(mention: ActorMention, doc: Doc, data: LanguageData) -> bool:
    """ "*military* and local sources said", "selon des sources *sécuritaires*": a force that
    only names who told the news takes no part in the event."""
    token = tokens_of(mention, doc).root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    modifier = token.dep_ in {"amod", "compound", "nmod"}
    return modifier and token.head.lower_ in data.source_words


def _topical(mention: ActorMention, trigger: Trigger, data: LanguageData) -> bool:
    """ "staged a demonstration to *denounce* the foreign *military* presence", "marched
    *against* the army's abuses": a name inside what a protest is about is no side of it."""
    if trigger.sub_event_type not in _PROTESTS or trigger.kind == "intervention":
        return False  # who intervened in a protest is never its topic
    token = tokens_of(mention, trigger.head.doc).root
    for _ in range(6):
        if any(c.dep_ == "case" and c.lower_ in data.topic_verbs for c in token.children):
            return True  # "manifesté *contre* les exactions de l'armée"
        parent = token.head
        if parent.i == token.i or parent.i == trigger.head.i:
            return False
        topic = parent.lemma_.lower() in data.topic_verbs or parent.lower_ in data.topic_verbs
        if topic and token.dep_ not in _NOT_TOPIC:
            return True
        token = parent
    return False


def _first_after(
    head: Token, mentions: Sequence[ActorMention], exclude: ActorMention | None
) -> ActorMention | None:
    return next(
        (m for m in mentions if m.start > head.i and (exclude is None or m.actor != exclude.actor)),
        None,
    )


def _phrase(token: Token) -> str:
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text
