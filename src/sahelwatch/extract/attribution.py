"""Who a sentence holds responsible for an event: the named armed actor blamed, said to claim it
or named as the agent of a passive ("officials *blamed* ISSP", "JNIM *claimed* the attack",
"attribué à l'EIGS", "the mine was planted *by* JNIM")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sahelwatch.extract.actors import ActorMention, tokens_of
from sahelwatch.extract.arguments import has_subject
from sahelwatch.extract.lang import LanguageData

__all__ = ["attributed"]

_ATTRIBUTION_ARGUMENTS = frozenset(
    {"nsubj", "dobj", "obj", "prep", "obl", "obl:arg", "agent", "pobj", "nmod", "attr", "iobj",
     "obl:mod", "acomp"}
)  # fmt: skip


_COPULAS = frozenset({"be", "être"})
_SAID = frozenset({"attr", "acomp", "prep"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})


def attributed(
    sentence: SpacySpan, mentions: Sequence[ActorMention], data: LanguageData
) -> ActorMention | None:
    """The named armed actor a sentence holds responsible ("officials *blamed* ISSP", "JNIM
    *claimed* the attack", "bore the *hallmarks* of ISWAP", "attribué à l'EIGS", "the mine
    was planted *by* JNIM", "the perpetrators are *believed to be* GATIA"), not one named in a
    further clause (:func:`_verb_between`)."""
    inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
    named = [m for m in inside if m.template is None and m.armed]
    for token in sentence:
        if token.dep_ in {"agent", "obl:agent"}:  # "the device was planted *by* JNIM"
            if token.head.lower_ in data.backing_words:
                continue  # "troops, backed *by* Africa Corps instructors"
            if _other_events(token.head, data):
                continue  # "*similar* shelling has been carried out by JNIM"
            spans = [(token.left_edge.i, token.right_edge.i)]
        elif token.lemma_.lower() in data.attribution_verbs or token.lower_ in data.hedges:
            spans = _said_to_be(token)
            if token.lemma_.lower() in data.attribution_verbs:
                spans += [
                    (c.left_edge.i, c.right_edge.i)
                    for c in token.children
                    if c.dep_ in _ATTRIBUTION_ARGUMENTS
                ]
        else:
            continue
        found = [
            m
            for m in named
            if any(left <= m.start <= right for left, right in spans)
            and not _verb_between(tokens_of(m, sentence.doc).root, token)
        ]
        if found:
            return min(found, key=lambda m: abs(m.start - token.i))
    return None


def _said_to_be(verb: Token) -> list[tuple[int, int]]:
    """What a hedge says the doers or the event were ("the perpetrators are *alleged to be*
    GATIA", "the attack is *believed to be* the work of JNIM", "les auteurs sont *présumés
    être* des militants du GATIA"): the words after its copula."""
    described = verb.dep_ in {"acl", "amod"} and verb.head.dep_ in _SUBJECTS  # "gunmen believed"
    if not (described or any(c.dep_ in _SUBJECTS for c in verb.children)):
        return []  # "killed two men *believed to be* JNIM": who was hit, not who did it
    spans = []
    for clause in verb.children:
        if clause.dep_ != "xcomp":
            continue
        if clause.lemma_.lower() in _COPULAS:  # "to be *GATIA*": the copula heads the clause
            spans += [(c.left_edge.i, c.right_edge.i) for c in clause.children if c.dep_ in _SAID]
        elif any(c.dep_ == "cop" for c in clause.children):  # "être des *militants*"
            spans.append((clause.left_edge.i, clause.right_edge.i))
    return spans


def _other_events(verb: Token, data: LanguageData) -> bool:
    """The passive's subject is another event ("similar shelling in the past", "d'autres
    attaques"): who did those is not who did this one."""
    return any(
        m.lower_ in data.new_event
        for c in verb.children
        if c.dep_ in {"nsubjpass", "nsubj:pass"}
        for m in c.children
        if m.dep_ in {"amod", "det"}
    )


def _clause_of_its_own(verb: Token) -> bool:
    """A gerund, an infinitive or a verb with its own subject ("of *collaborating* with"); not
    a participle that describes ("men *believed* to be *affiliated* with AQIM")."""
    forms = set(verb.morph.get("VerbForm", []))
    return verb.tag_ == "VBG" or bool(forms & {"Ger", "Inf"}) or has_subject(verb)


def _verb_between(token: Token, governor: Token) -> bool:
    """ "civilians they *accuse* of *collaborating* with the VDP": a clause of its own stands
    between the name and the word of blame, so the name is not the one blamed."""
    current = token.head
    for _ in range(8):
        if current.i == governor.i or current.head.i == current.i:
            return False
        said = current.dep_ == "xcomp" and current.head.i == governor.i  # "alleged *to be* X"
        if current.pos_ in {"VERB", "AUX"} and _clause_of_its_own(current) and not said:
            return True
        current = current.head
    return False
