"""Joining clauses into events, and giving each event its date and modality.

A later clause joins an earlier event when it tells the same one: "the attack", "the strike",
"l'attaque" (a definite event word), or more of it with no date of its own ("They then set
fire to stalls"), or only its toll ("Two of the wounded died"). A date of its own, or
"another", "a second", "une autre", makes a new event.

Each event gets its date (its own; relative to the event it follows — "since then", "the
following day"; the event its words refer to; or, for a recent undated event told in the
present perfect, the weeks before publication) and its modality. A definite event word inside
a phrase with nothing to refer to in the document ("exacerbated by the exit of the AES from
ECOWAS") is a known, older event: background.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from sahelwatch.extract.actors import ActorMention
from sahelwatch.extract.dates import DateMention, anchored
from sahelwatch.extract.events import Candidate, Draft, diseases_in
from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.modality import background_by_date, modality, read_governors
from sahelwatch.extract.triggers import SUBJECT_DEPS, definite, governing_verb
from sahelwatch.model import DatePrecision, EventDate, Modality

__all__ = ["join_candidates"]

_DROPPED = frozenset({Modality.RECOMMENDED})
_NARRATIVE = frozenset({Modality.REPORTED, Modality.CLAIMED})
_FIGHTING = frozenset({"Attack", "Armed clash"})  # resolved by the target later
_OBJECTS = frozenset({"dobj", "obj"})


def join_candidates(
    candidates: Sequence[Candidate],
    data: LanguageData,
    published: dt.date | None,
    actors: Sequence[ActorMention],
) -> list[Draft]:
    """Join the clauses that tell one event; give each event its date and modality."""
    drafts: list[Draft] = []
    strong = any(not c.weak_only for c in candidates)
    last = 0
    for candidate in candidates:
        date = _candidate_date(candidate, drafts, published)
        conflict = candidate.group in {"violence", "outcome"}
        mood = modality(candidate.head.head, data, date, published, actors, conflict)
        governors = read_governors(candidate.head.head, data)
        if mood in _DROPPED or (governors.speculative and not candidate.own_date):
            continue
        target = _join_target(drafts, candidate, mood, date, last, data)
        if target is not None:
            drafts[target] = _merge(drafts[target], candidate, date)
            last = target
            continue
        if candidate.weak_only and strong and not _recalled(candidate, date, published):
            continue
        if candidate.own_date is None:
            date, mood = _undated(candidate, drafts, date, mood, published, data)
            if mood in _NARRATIVE and date.start is not None:
                mood = modality(candidate.head.head, data, date, published, actors, conflict)
        drafts.append(Draft((candidate,), date, mood))
        last = len(drafts) - 1
    return drafts


def _recalled(candidate: Candidate, date: EventDate, published: dt.date | None) -> bool:
    """A weak word with its own date, older or to come ("the charter, signed on 16 September
    2023", "are expected to meet next month")."""
    if candidate.own_date is None:
        return False
    if published is None or background_by_date(date, published):
        return True
    return date.start is not None and date.start > published


def _merge(draft: Draft, candidate: Candidate, date: EventDate) -> Draft:
    """Add a clause to an event; an outbreak or a flight told over several periods spans them."""
    merged = draft.date
    if draft.group in {"health", "displacement"} and date.start is not None:
        if merged.start is None:
            merged = date
        elif date.end is not None and merged.end is not None:
            merged = EventDate(
                min(merged.start, date.start), max(merged.end, date.end), DatePrecision.RANGE
            )
            if merged.start == draft.date.start and merged.end == draft.date.end:
                merged = draft.date
            elif merged.start == date.start and merged.end == date.end:
                merged = date
    return replace(draft, candidates=(*draft.candidates, candidate), date=merged)


def _candidate_date(
    candidate: Candidate, drafts: Sequence[Draft], published: dt.date | None
) -> EventDate:
    mention = candidate.own_date
    if mention is None:
        return EventDate.unknown()
    if mention.anchor is not None:
        return anchored(mention, drafts[-1].date, published) if drafts else EventDate.unknown()
    # A strategic change told "since" a date ("has imposed a blockade since August 2023") is a
    # standing situation: the event is its start. (People displaced or cases counted "since" a
    # date accumulate over the whole period.)
    if mention.point is not None and (
        candidate.group == "strategic" or _inside_date_clause(candidate, mention)
    ):
        return mention.point
    return mention.date


def _inside_date_clause(candidate: Candidate, mention: DateMention) -> bool:
    """ "since early April, *when* Algeria shot down a drone": the event is at the date."""
    doc = candidate.sentence.doc
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = candidate.head.head
    return span is not None and any(a.i in range(span.start, span.end) for a in head.ancestors)


def _join_target(
    drafts: Sequence[Draft],
    candidate: Candidate,
    mood: Modality,
    date: EventDate,
    last: int,
    data: LanguageData,
) -> int | None:
    """The earlier event this clause tells more of, if any (see the module docstring)."""
    if not drafts:
        return None
    if candidate.outcome_only:
        return last
    if candidate.new_marked:
        return None
    version = _party_version(drafts, candidate, mood)
    if version is not None:
        return version
    latest = True
    for index in _search_order(drafts, candidate, mood):
        draft = drafts[index]
        if draft.group != candidate.group:
            continue
        if mood in _NARRATIVE and draft.modality not in _NARRATIVE and not candidate.anaphoric:
            continue
        if _same_event(draft, candidate, mood, date, latest, data):
            return index
        latest = False
        if not candidate.anaphoric:
            return None
    return None


def _party_version(drafts: Sequence[Draft], candidate: Candidate, mood: Modality) -> int | None:
    """ "The army said an air operation near Kidal had neutralised a terrorist gathering": a
    party's version of the violence just told as fact, of the same kind and with no date of
    its own (only the day it was said), is that event."""
    if mood != Modality.CLAIMED or candidate.own_date is not None or candidate.group != "violence":
        return None
    told = [i for i, d in enumerate(drafts) if d.group == "violence" and d.modality in _NARRATIVE]
    if not told or drafts[told[-1]].modality != Modality.REPORTED:
        return None
    kinds = {t.sub_event_type for t in drafts[told[-1]].triggers}
    # "an *air operation* neutralised a gathering": the weapon told as fact
    same = any(t.sub_event_type in kinds - _FIGHTING for t in candidate.triggers)
    # "repelled *an attack*": the attack named as what the party met
    same = same or any(
        t.sub_event_type in kinds & _FIGHTING and t.head.pos_ == "NOUN" and t.head.dep_ in _OBJECTS
        for t in candidate.triggers
    )
    return told[-1] if same else None


def _search_order(drafts: Sequence[Draft], candidate: Candidate, mood: Modality) -> list[int]:
    """Latest first; the reporter's "the raid" refers to what the reporter told as fact
    before what a party claimed ("the army said its strikes destroyed...")."""
    order = list(range(len(drafts) - 1, -1, -1))
    if candidate.anaphoric and mood == Modality.REPORTED:
        order.sort(key=lambda i: drafts[i].modality == Modality.CLAIMED)
    return order


_GENERIC_KINDS = frozenset({"violence", "outcome", "weak", "intervention", "raid"})


def _same_event(
    draft: Draft,
    candidate: Candidate,
    mood: Modality,
    date: EventDate,
    latest: bool,
    data: LanguageData,
) -> bool:
    head = candidate.head
    # "The explosion destroyed the vehicle": what an attack did is more of the attack; what an
    # expulsion led to ("the expulsions forced them to return") is an event of its own. An
    # attack first told in general words ("rounds struck the airport") is named later ("the
    # shells were fired from the dunes").
    violence = draft.group == "violence"
    told_again = violence and candidate.anaphoric
    told_by_subject = told_again and not definite(head.head, data)
    fits = (
        head.sub_event_type == draft.sub_event_type
        or head.kind in _GENERIC_KINDS
        or told_by_subject
        or (told_again and draft.candidates[0].head.kind in _GENERIC_KINDS)
    )
    dated = candidate.own_date is not None and date.start is not None
    if _same_outbreak(draft, candidate, mood, latest, data):
        return True
    if dated and draft.date.start is not None and (date.start, date.end) != (
        draft.date.start, draft.date.end,
    ):  # fmt: skip
        return False
    if candidate.anaphoric and fits:
        return True
    if draft.group in {"health", "displacement"} and latest:
        same = draft.sub_event_type == head.sub_event_type
        return same and (mood == draft.modality or mood in _NARRATIVE)
    if mood != draft.modality:
        return False
    if dated:
        return fits and draft.date.start is not None
    if not latest:
        return False
    if candidate.paragraph == draft.candidates[-1].paragraph:
        return True
    return (
        head.kind in _GENERIC_KINDS or _pronoun_doer(head.head) or _counted_before(candidate, data)
    )


def _counted_before(candidate: Candidate, data: LanguageData) -> bool:
    """ "gunmen forced *the seven* into their vehicles": people named only by a definite
    number are those an earlier sentence counted; the clause goes on telling that event."""
    return any(
        (t.pos_ == "NUM" or "Card" in t.morph.get("NumType", []))  # fr: "les cinq" PRON
        and t.dep_ in SUBJECT_DEPS | {"dobj", "obj"}
        and any(c.dep_ == "det" and c.lower_ in data.definite for c in t.children)
        for t in candidate.sentence
    )


def _same_outbreak(
    draft: Draft, candidate: Candidate, mood: Modality, latest: bool, data: LanguageData
) -> bool:
    """ "A meningitis epidemic was declared (...) 48 suspected cases since early January":
    the cases of the outbreak just told, over their own period, unless they name another
    disease."""
    if draft.group != "health" or not latest or mood not in _NARRATIVE:
        return False
    if candidate.head.sub_event_type != draft.sub_event_type:
        return False
    named = set(diseases_in([candidate.sentence], data.diseases))
    return not named or bool(named & set(draft.diseases(data.diseases)))


def _pronoun_doer(head: Token) -> bool:
    """ "*They* burned the post": a clause whose doer is a pronoun goes on telling the
    event before it, even in a new paragraph."""
    verb = governing_verb(head)
    return any(
        c.dep_ in SUBJECT_DEPS and c.pos_ == "PRON" and "Prs" in c.morph.get("PronType", [])
        for c in verb.children
    )


def _undated(
    candidate: Candidate,
    drafts: Sequence[Draft],
    date: EventDate,
    mood: Modality,
    published: dt.date | None,
    data: LanguageData,
) -> tuple[EventDate, Modality]:
    """The date (and, for a recalled context, the modality) of an event told without a date."""
    referred = _referred(candidate, drafts)
    if _known_event(candidate.head.head, data) and referred is None and mood in _NARRATIVE:
        return date, Modality.BACKGROUND
    if candidate.context_date is not None:
        return candidate.context_date.date, mood
    previous = drafts[-1] if drafts else None
    if candidate.contrasted and previous is not None and previous.group == candidate.group:
        return previous.date, mood  # "others, for their part, were sent back": then too
    conflict = candidate.group in {"violence", "outcome"}
    if conflict and candidate.say_date is not None and candidate.say_date.anchor is None:
        return candidate.say_date.date, mood
    if (
        previous is not None
        and previous.modality == Modality.BACKGROUND
        and previous.candidates[-1].paragraph == candidate.paragraph
        and mood == Modality.REPORTED
        and candidate.head.head.pos_ in {"VERB", "AUX"}
        and read_governors(candidate.head.head, data).say is None
    ):
        return previous.date, Modality.BACKGROUND
    if referred is not None and referred.date.start is not None:
        if _perfect(candidate.head.head, data) and published and referred.date.start < published:
            return EventDate(referred.date.start, published, DatePrecision.RANGE), mood
        return referred.date, mood
    if published is not None and _perfect(candidate.head.head, data):
        return EventDate(published.replace(day=1), published, DatePrecision.RANGE), mood
    return date, mood


def _known_event(head: Token, data: LanguageData) -> bool:
    """A definite event word inside a phrase ("exacerbated *by the exit* of the AES from
    ECOWAS", "*following the* downing incident"): an event the reader is assumed to know.
    The subject or object of a clause ("Algeria has begun *the construction*...") is not."""
    if not definite(head, data):
        return False
    return head.dep_ in {"pobj", "obl", "obl:arg", "obl:mod", "nmod", "appos", "compound"}


def _referred(candidate: Candidate, drafts: Sequence[Draft]) -> Draft | None:
    """The earlier event a definite event word of the sentence refers to ("since the attack")."""
    own = {t.i for t in candidate.head.span}
    nouns = [
        t
        for t in candidate.sentence
        if t.pos_ == "NOUN"
        and t.i not in own
        and any(c.dep_ in {"det", "poss"} for c in t.children)
    ]
    types = {
        t.sub_event_type
        for t in candidate.triggers
        if t.head.i not in own and t.head.pos_ == "NOUN" and t.head in nouns
    }
    for draft in reversed(drafts):
        words = {t.lemma_.lower() for trigger in draft.triggers for t in trigger.span}
        if draft.sub_event_type in types or any(n.lemma_.lower() in words for n in nouns):
            return draft
    return None


def _perfect(head: Token, data: LanguageData) -> bool:
    verb = governing_verb(head)
    return any(
        c.lower_ in data.perfect_auxiliaries for c in verb.children if c.dep_ in {"aux", "auxpass"}
    )
