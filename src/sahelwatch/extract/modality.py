"""Modality: how the text presents an event — reported, background, claimed, denied, threatened,
forecast or recommended — read from the words that govern the trigger in the parse.

The order of the checks matters: "X called for an end to the attacks" is a recommendation even
though "attacks" is plural and undated; "the army said it had killed 20 militants" is a claim by
a party to the conflict; "after Mali withdrew from the Algiers Agreement" is background, as is
an event whose date ends more than :data:`BACKGROUND_DAYS` before publication.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sahelwatch.extract.actors import ActorMention
from sahelwatch.extract.lang import LanguageData
from sahelwatch.model import EventDate, Modality

__all__ = [
    "BACKGROUND_DAYS",
    "Governors",
    "background_by_date",
    "going_on",
    "modality",
    "read_governors",
]

# An event that ended longer ago than this, before publication, is background.
BACKGROUND_DAYS = 90


@dataclass(frozen=True, slots=True)
class Governors:
    """What the words above a trigger say (see :func:`read_governors`)."""

    recommend: bool = False
    deny: bool = False
    threat: bool = False
    forecast: bool = False
    recall: bool = False
    subordinate: str | None = None
    say: Token | None = None
    pluperfect: bool = False
    hearsay: bool = False
    speculative: bool = False


def _ancestors(token: Token) -> list[Token]:
    chain: list[Token] = []
    current = token
    while current.head.i != current.i and len(chain) < 12:
        if current.dep_ in {"punct", "cc"}:
            break
        current = current.head
        chain.append(current)
    return chain


_CLAUSAL = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "acl", "relcl", "acl:relcl", "csubj"})


def read_governors(head: Token, data: LanguageData) -> Governors:
    """Walk from the trigger up its clause and note what governs it.

    A verb of saying counts only above a clause ("the army *said* it had repelled..."), not
    over a noun ("the ministry *confirmed* an outbreak" reports the outbreak).
    """
    flags = dict.fromkeys(
        ("recommend", "deny", "threat", "forecast", "recall", "speculative"), False
    )
    subordinate: str | None = None
    say: Token | None = None
    clausal = False
    previous = head
    for token in (head, *_ancestors(head)):
        lemma = token.lemma_.lower()
        kids = {c.lower_ for c in token.children if c.dep_ in {"aux", "aux:tense", "advmod"}}
        if token.i != head.i:
            clausal = clausal or previous.dep_ in _CLAUSAL
            flags["recommend"] |= lemma in data.recommend_verbs and _complement(previous)
            flags["deny"] |= lemma in data.deny_verbs
            flags["threat"] |= lemma in data.threat_verbs
            flags["recall"] |= lemma in data.recall_words
            flags["forecast"] |= lemma in data.forecast_verbs
            speaking = lemma in data.say_verbs | data.claim_verbs | data.deny_verbs
            if say is None and speaking and clausal:
                say = token
        flags["forecast"] |= bool(kids & data.forecast_modals) or _conditional(token)
        flags["speculative"] |= bool(kids & data.speculative_modals)
        flags["recommend"] |= bool(kids & {"should", "must"})
        if subordinate is None:
            subordinate = _subordinator(token, data)
        previous = token
    return Governors(
        flags["recommend"], flags["deny"], flags["threat"], flags["forecast"], flags["recall"],
        subordinate, say, _pluperfect(head, data, say), _hearsay(head), flags["speculative"],
    )  # fmt: skip


def _complement(child: Token) -> bool:
    """The edge into a verb of recommending carries what is recommended ("called *for* X",
    "urged them *to* ...", "appelé *à*"), not where or when it was said."""
    if child.dep_ in {"xcomp", "ccomp", "dobj", "obj", "advcl"}:
        return True
    return (
        child.dep_ in {"prep", "obl", "obl:arg", "mark"}
        and child.lower_
        in {
            "for",
            "on",
            "pour",
            "à",
            "de",
            "to",
        }
    ) or any(c.lower_ in {"à", "de", "pour"} for c in child.children if c.dep_ in {"case", "mark"})


def _conditional(token: Token) -> bool:
    """French conditional of a verb of the clause, outside hearsay ("auraient ouvert")."""
    return (
        False
        if token.lang_ != "fr"
        else "Cnd" in token.morph.get("Mood", []) and token.pos_ in {"VERB"}
    )


def _hearsay(head: Token) -> bool:
    """French reported conditional: "des militaires *auraient* ouvert le feu"."""
    verb = head if head.pos_ in {"VERB", "AUX"} else head.head
    return any("Cnd" in c.morph.get("Mood", []) for c in verb.children if c.pos_ == "AUX")


def _subordinator(token: Token, data: LanguageData) -> str | None:
    """The subordinator that introduces ``token``'s own clause or phrase ("*after* Mali
    withdrew", "*following* the incident"), read on the path from the trigger up."""
    if token.dep_ in {"prep", "case", "mark"} and token.lower_ in data.subordinators:
        return None if going_on(token, data) else token.lower_
    for child in token.children:
        if child.dep_ in {"mark", "case"} and child.lower_ in data.subordinators:
            return None if going_on(child, data) else child.lower_
    return None


def going_on(subordinator: Token, data: LanguageData) -> bool:
    """ "before setting fire to the tents", "avant d'incendier": what the same doers did next,
    told with no finite verb of its own, goes on with their event; it tells no other time.
    ("after launching a mortar barrage" tells how it began: another phase, left apart.)"""
    doc = subordinator.doc
    if subordinator.lower_ not in data.before_words or subordinator.i + 1 >= len(doc):
        return False
    after = doc[subordinator.i + 1]
    return after.lower_ in data.nonfinite_marks or after.tag_ == "VBG"


def _pluperfect(head: Token, data: LanguageData, say: Token | None) -> bool:
    """ "had fled", "avait été": an earlier event, unless backshifted by "said they had been"."""
    verb = head if head.pos_ in {"VERB", "AUX"} else None
    if verb is None or say is not None:
        return False
    aux = [c for c in verb.children if c.dep_ in {"aux", "aux:tense", "auxpass", "aux:pass"}]
    if verb.lang_ == "fr":
        return any(a.lemma_ == "avoir" and "Imp" in a.morph.get("Tense", []) for a in aux)
    return any(a.lower_ in {"had", "'d"} for a in aux)


def background_by_date(date: EventDate, published: dt.date | None) -> bool:
    if date.end is None or published is None:
        return False
    return (published - date.end).days > BACKGROUND_DAYS


def modality(
    head: Token,
    data: LanguageData,
    date: EventDate,
    published: dt.date | None,
    actors: Sequence[ActorMention],
    conflict: bool = True,
) -> Modality:
    """The modality of the event whose trigger is ``head`` (see the module docstring).

    A claim is a party's word on fighting: only conflict events are coded as claimed.
    """
    gov = read_governors(head, data)
    if gov.recommend:
        return Modality.RECOMMENDED
    if gov.deny or (gov.hearsay and _denied_nearby(head, data)):
        return Modality.DENIED
    if gov.threat:
        return Modality.THREATENED
    undated = date.start is None or published is None
    if gov.subordinate in data.background_subordinators and undated:
        return Modality.BACKGROUND
    future = date.start is not None and published is not None and date.start > published
    if gov.forecast or future or _future_words(head, data):
        return Modality.FORECAST
    if gov.recall or background_by_date(date, published):
        return Modality.BACKGROUND
    if gov.pluperfect and undated:
        return Modality.BACKGROUND
    if conflict and gov.say is not None and _party(gov.say, actors):
        return Modality.CLAIMED
    return Modality.REPORTED


def _future_words(head: Token, data: LanguageData) -> bool:
    sentence = _around(head).text.lower()
    return any(f" {word} " in f" {sentence} " for word in data.future_words) and any(
        c.lower_ in {"to", "à"} or c.dep_ == "xcomp" for c in head.head.children
    )


def _around(head: Token, size: int = 25) -> Span:
    """The words around a trigger, within its sentence (cheaper than ``Token.sent``)."""
    doc = head.doc
    start = head.i
    while start > 0 and head.i - start < size and not doc[start].is_sent_start:
        start -= 1
    end = head.i + 1
    while end < len(doc) and end - head.i < size and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def _denied_nearby(head: Token, data: LanguageData) -> bool:
    doc = head.doc
    earlier = doc[max(0, head.i - 60) : min(len(doc), head.i + 30)]
    return any(t.lemma_.lower() in data.deny_verbs for t in earlier)


def _party(say: Token, actors: Sequence[ActorMention]) -> bool:
    """The one who says it is a party to the conflict (an army, a ministry, an armed group)."""
    for child in say.children:
        if child.dep_ not in {"nsubj", "nsubj:pass", "obl:agent", "agent"}:
            continue
        heads = [child, *(g for g in child.children if g.dep_ in {"prep", "nmod", "poss"})]
        heads += [g for h in heads for g in h.children if g.dep_ in {"pobj", "nmod"}]
        for mention in actors:
            root = say.doc[mention.start : mention.end].root
            if any(root.i == h.i for h in heads) and mention.actor.inter in {1, 2, 3, 4, 8}:
                return mention.actor.sector not in {"NGO", "IGO"}
    return False
