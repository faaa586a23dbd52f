"""Candidate events: the triggers of a document grouped by sentence, group and clause.

The triggers of one sentence that belong to one group (violence, displacement, health,
strategic) and one clause tell one event; a subordinate clause of its own ("*after* the
separatists dealt a defeat...") tells another — except when the main clause only counts
victims ("three soldiers were killed *after* their vehicle hit a mine": one event). Each
candidate notes its own date, whether it refers back to an earlier event ("the attack") and
whether it says it is a new one ("another attack"). :mod:`~sahelwatch.extract.joining` then
joins candidates into events.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sahelwatch.extract.classify import SPECIFICITY, family_group, is_toll
from sahelwatch.extract.dates import DateMention
from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.modality import going_on, read_governors
from sahelwatch.extract.triggers import KIND_RANK, SUBJECT_DEPS, Trigger, definite, governing_verb
from sahelwatch.model import EventDate, Modality
from sahelwatch.nlp import text_of
from sahelwatch.pack import EventType

__all__ = ["Candidate", "Draft", "build_candidates", "diseases_in"]

_WITHDRAWAL = "Withdrawal from agreement"
# A weapon is the event's own, wherever it is told ("killed by the explosion of an IED").
_WEAPONS = frozenset(SPECIFICITY[:6])


@dataclass(frozen=True, slots=True)
class Candidate:
    """The triggers of one clause that tell one event; ``main_triggers`` leave out those of a
    relative clause describing a participant."""

    triggers: tuple[Trigger, ...]
    sentence: SpacySpan
    group: str
    paragraph: int
    main_triggers: tuple[Trigger, ...]
    own_date: DateMention | None = None
    anaphoric: bool = False
    new_marked: bool = False
    say_date: DateMention | None = None
    context_date: DateMention | None = None
    contrasted: bool = False

    @property
    def head(self) -> Trigger:
        """The trigger of the main clause (nearest the root), then the strongest."""
        return _head(self.triggers)

    @property
    def outcome_only(self) -> bool:
        return all(t.kind == "outcome" for t in self.triggers)

    @property
    def weak_only(self) -> bool:
        return all(t.kind in {"weak", "outcome", "intervention"} for t in self.triggers)


@dataclass(frozen=True, slots=True)
class Draft:
    """An event being built: its clauses, date and modality."""

    candidates: tuple[Candidate, ...]
    date: EventDate
    modality: Modality

    @property
    def group(self) -> str:
        return self.candidates[0].group

    @property
    def sub_event_type(self) -> str:
        return self.candidates[0].head.sub_event_type

    @property
    def triggers(self) -> tuple[Trigger, ...]:
        return tuple(t for c in self.candidates for t in c.main_triggers)

    def diseases(self, names: Mapping[str, str]) -> tuple[str, ...]:
        """The diseases its sentences name, in text order (``names``: word -> disease)."""
        return diseases_in([c.sentence for c in self.candidates], names)


def diseases_in(sentences: Sequence[SpacySpan], names: Mapping[str, str]) -> tuple[str, ...]:
    """The diseases ``sentences`` name, each once, in text order (``names``: word -> disease)."""
    found = (names.get(t.lower_) for sentence in sentences for t in sentence)
    return tuple(dict.fromkeys(name for name in found if name))


def _head(triggers: Sequence[Trigger]) -> Trigger:
    return min(triggers, key=lambda t: (_depth(t.head), *_head_rank(t)))


def _main_triggers(triggers: tuple[Trigger, ...], data: LanguageData) -> tuple[Trigger, ...]:
    """The triggers that tell an event, without those of a relative clause describing a
    participant ("police arrested ten men *who had organised the unrest*")."""
    head = _head(triggers)
    if head.kind == "outcome":
        return triggers
    kept = tuple(
        t
        for t in triggers
        if t is head or t.sub_event_type in _WEAPONS or not _described(t.head, head.head, data)
    )
    return kept or triggers


def _described(token: Token, head: Token, data: LanguageData) -> bool:
    """``token`` is inside a relative clause or participle below ``head`` — not one that tells
    what came next ("a car bomb *followed by* an armed assault") nor a toll told without its
    verb ("two were killed and three *wounded amid clashes*": the parser takes the toll for a
    participle of the noun before it)."""
    tolls = data.killed | data.injured
    current = token
    while current.head.i != current.i and current.i != head.i:
        if current.dep_ in {"relcl", "acl:relcl"} or (
            current.dep_ == "acl"
            and current.head.i != head.i
            and current.pos_ == "VERB"
            and current.lemma_.lower() not in data.sequence_verbs | tolls
            and not _content_of(current, head)
        ):
            return head.i in {a.i for a in current.ancestors}
        current = current.head
    return False


def _content_of(clause: Token, head: Token) -> bool:
    """ "announced their decision *to quit*": an infinitive completing the head's own object
    tells what was announced, not a participant."""
    infinitive = "Inf" in clause.morph.get("VerbForm", []) or any(
        c.lower_ == "to" and c.dep_ == "aux" for c in clause.children
    )
    return infinitive and clause.head.head.i == head.i


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 20:
        token, depth = token.head, depth + 1
    return depth


def _head_rank(trigger: Trigger) -> tuple[int, int, int]:
    sub = trigger.sub_event_type
    rank = SPECIFICITY.index(sub) if sub in SPECIFICITY else len(SPECIFICITY)
    return (KIND_RANK.index(trigger.kind), rank, trigger.span.start)


def _paragraphs(doc: Doc, units: Sequence[SpacySpan]) -> dict[int, int]:
    """Paragraph number of each sentence start (a blank line starts a paragraph)."""
    numbers: dict[int, int] = {}
    paragraph = 0
    previous_end = 0
    text = text_of(doc)
    for sentence in units:
        if "\n\n" in text[previous_end : sentence.start_char]:
            paragraph += 1
        numbers[sentence.start] = paragraph
        words = [t for t in sentence if not t.is_space]
        previous_end = words[-1].idx + len(words[-1]) if words else sentence.end_char
    return numbers


def build_candidates(
    doc: Doc,
    triggers: Sequence[Trigger],
    types: Mapping[str, EventType],
    dates: Sequence[DateMention],
    data: LanguageData,
) -> list[Candidate]:
    """One candidate per group and clause of every sentence with triggers."""
    units = _units(doc)
    paragraphs = _paragraphs(doc, units)
    out: list[Candidate] = []
    orphan: DateMention | None = None
    for sentence in units:
        inside = [t for t in triggers if sentence.start <= t.span.start < sentence.end]
        sentence_dates = [d for d in dates if sentence.start_char <= d.start < sentence.end_char]
        groups: dict[tuple[str, int], list[Trigger]] = {}
        for trigger in inside:
            group = (
                "outcome"
                if trigger.kind == "outcome"
                else family_group(types[trigger.sub_event_type].family, trigger.sub_event_type)
            )
            dated = any(_datable(d) for d in sentence_dates)
            if group == "displacement" and _descriptive(trigger.head, dated):
                continue
            if trigger.sub_event_type == "Arrests" and _labelled(trigger.head):
                continue
            if group == "strategic" and _naming(trigger.head, inside):
                continue
            if _leaving_after(trigger, sentence, data):
                continue
            groups.setdefault((group, _clause(trigger.head, data)), []).append(trigger)
        groups = _fold_tolls(_fold_outcomes(groups))
        strong = any(t.kind not in {"weak", "outcome", "intervention"} for t in inside)
        for (group, _), members in groups.items():
            found = tuple(members)
            main = _main_triggers(found, data)
            candidate = Candidate(found, sentence, group, paragraphs[sentence.start], main)
            if strong and candidate.weak_only and group != "outcome":
                continue
            out.append(_dated(candidate, sentence_dates, orphan, data))
        orphan = _orphan(groups, sentence_dates)
    return out


def _leaving_after(trigger: Trigger, sentence: SpacySpan, data: LanguageData) -> bool:
    """Leaving told as the last step of the sentence's action, by the same doer ("they set fire
    to the stalls before leaving", "avant de se retirer"): part of that event, not a
    withdrawal of its own. A sentence about an agreement keeps it ("before leaving the
    accord")."""
    head = trigger.head
    if trigger.sub_event_type != _WITHDRAWAL or head.pos_ != "VERB":
        return False
    if any(c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON" for c in head.children):
        return False
    if any(t.lower_ in data.agreement_words for t in sentence):
        return False
    if head.dep_ == "pcomp":
        return head.head.lower_ in data.before_words
    return head.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in data.before_words for c in head.children
    )


def _units(doc: Doc) -> list[SpacySpan]:
    """The sentences, except that a headline-like line (no final stop, short) is one unit: the
    parser often cuts "Algeria Expels Hundreds of Migrants to Niger" in pieces."""
    units: list[SpacySpan] = []
    text = text_of(doc)
    for sentence in doc.sents:
        previous = units[-1] if units else None
        line_start = text.rfind("\n", 0, sentence.start_char) + 1
        if previous is not None and previous.end_char > line_start and _headline(previous):
            units[-1] = doc[previous.start : sentence.end]
        else:
            units.append(sentence)
    return units


def _headline(span: SpacySpan) -> bool:
    words = [t for t in span if not t.is_space]
    if not words or len(words) > 30:
        return False
    return (
        words[-1].text not in {".", "!", "?", "»", '"', "”", ":"} and "\n" not in span.text.strip()
    )


def _dated(
    candidate: Candidate,
    dates: Sequence[DateMention],
    orphan: DateMention | None,
    data: LanguageData,
) -> Candidate:
    head = candidate.head.head
    subjects = {c.i for c in governing_verb(head).children if c.dep_ in SUBJECT_DEPS}
    anaphoric = any(
        _anaphoric(t.head, data) and (t.head.i == head.i or t.head.i in subjects)
        for t in candidate.triggers
    )
    governors = read_governors(head, data)
    own = _own_date(head, dates, data)
    if anaphoric and (governors.say is not None or _attributed(head, data) or _copular(head)):
        own = None
    contrasted = _contrasted(candidate, data)
    say = governors.say or _told_toll(candidate.head, data)
    say_date = None
    if say is not None:
        say_date = next((d for d in dates if _hangs_from(d, say)), None)
        if say is not governors.say and own is say_date:
            own = None
    return replace(
        candidate,
        own_date=own,
        anaphoric=anaphoric,
        new_marked=_new_marked(head, data) or contrasted,
        contrasted=contrasted,
        say_date=say_date,
        context_date=orphan if orphan and orphan.anchor is None else None,
    )


def _orphan(
    groups: Mapping[tuple[str, int], list[Trigger]], dates: Sequence[DateMention]
) -> DateMention | None:
    """The date of a sentence that tells no event ("The mood was different on Tuesday.")."""
    if groups:
        return None
    return dates[0] if len(dates) == 1 else None


def _datable(mention: DateMention) -> bool:
    """A date an event can have: not a span of years ("many of whom fled *in recent years*"
    describes people; it tells no flight)."""
    date = mention.date
    if date.start is None or date.end is None:
        return True
    return (date.end - date.start).days <= 366


def _descriptive(head: Token, dated: bool) -> bool:
    """ "people *who have fled* violence" (undated), "the *fleeing* column": a description of
    people, not an event."""
    if head.dep_ in {"relcl", "acl:relcl"} and not dated:
        return True
    return head.dep_ in {"acl", "amod"} and head.tag_ == "VBG"


def _labelled(head: Token) -> bool:
    """ "some of *the people arrested* were then driven to the border": a participle after the
    people it names by what was done to them, inside a clause about something else (a
    headline's "Ten men arrested in Gao" is the event itself; "captured mercenaries" before
    their noun are left to the rest of the sentence)."""
    if head.dep_ != "acl" or head.i < head.head.i or "Part" not in head.morph.get("VerbForm", []):
        return False
    if any(
        c.dep_ in {"agent", "obl:agent", "obl", "obl:mod", "prep", "npadvmod"}
        for c in head.children
    ):
        return False
    return head.head.dep_ != "ROOT"


def _naming(head: Token, triggers: Sequence[Trigger]) -> bool:
    """ "fought for control of *the base vacated by UN peacekeepers*": a participle after a
    place inside another event names the place by what happened to it before; it tells no
    event of its own there."""
    if head.dep_ != "acl" or head.i < head.head.i or "Past" not in head.morph.get("Tense", []):
        return False
    above = {a.i for a in head.head.ancestors}
    return any(t.head.i in above and t.head.i != head.i for t in triggers)


def _told_toll(trigger: Trigger, data: LanguageData) -> Token | None:
    """The verb that tells a toll given as a noun ("the army *confirmed* casualties on
    Friday"): its date is when the toll was told, not when the people fell."""
    head = trigger.head
    if trigger.kind != "outcome" or head.pos_ != "NOUN" or head.dep_ not in {"dobj", "obj"}:
        return None
    verb = head.head
    return verb if verb.lemma_.lower() in data.say_verbs | data.claim_verbs else None


def _copular(head: Token) -> bool:
    """ "The raid *was* the deadliest since late October": a clause that says what an event
    was describes it; its date is not the event's."""
    if head.dep_ not in SUBJECT_DEPS:
        return False
    verb = head.head
    return verb.pos_ == "AUX" or any(c.dep_ == "cop" for c in verb.children)


def _attributed(head: Token, data: LanguageData) -> bool:
    return any(a.lemma_.lower() in data.attribution_verbs for a in list(head.ancestors)[:3])


def _hangs_from(mention: DateMention, verb: Token) -> bool:
    doc = verb.doc
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and _nearest_verb(span.root) == verb.i


def _fold_outcomes(
    groups: dict[tuple[str, int], list[Trigger]],
) -> dict[tuple[str, int], list[Trigger]]:
    """Outcome words join the violence of their clause, or any event of the sentence."""
    outcomes = {key: members for key, members in groups.items() if key[0] == "outcome"}
    others = {key: members for key, members in groups.items() if key[0] != "outcome"}
    for (_, clause), members in outcomes.items():
        target = next((k for k in others if k == ("violence", clause)), None)
        target = target or next((k for k in others if k[0] in {"violence", "health"}), None)
        if target is None:
            others[("outcome", clause)] = members
        else:
            others[target] = [*others[target], *members]
    return others


def _fold_tolls(
    groups: dict[tuple[str, int], list[Trigger]],
) -> dict[tuple[str, int], list[Trigger]]:
    """A main clause that only counts victims ("three soldiers were killed") and a clause that
    tells what killed them ("after their vehicle hit a mine") are one event."""
    main = groups.get(("violence", -1))
    causes = [key for key in groups if key[0] == "violence" and key[1] != -1]
    if not main or not causes or not all(is_toll(t) for t in main):
        return groups
    merged = {key: members for key, members in groups.items() if key not in causes}
    merged[("violence", -1)] = [*main, *(t for key in causes for t in groups[key])]
    return merged


def _clause(head: Token, data: LanguageData) -> int:
    """The subordinate clause ("after ...", "following ...", "since October, *when* ...") a
    trigger is in, or -1."""
    current = head
    for _ in range(8):
        found = _clause_at(current, data)
        if found is not None:
            return found
        if current.head.i == current.i:
            break
        current = current.head
    return -1


def _clause_at(token: Token, data: LanguageData) -> int | None:
    """``token.i`` when the token opens a clause about another time; -1 when it opens one that
    goes on with the same doers ("before setting fire"), which ends the search; else None."""
    if token.dep_ in {"relcl", "acl:relcl", "advcl"} and _temporal(token):
        return token.i
    subordinators = data.background_subordinators
    if token.dep_ in {"prep", "case", "mark"} and token.lower_ in subordinators:
        return -1 if going_on(token, data) else token.i
    for child in token.children:
        if child.dep_ in {"mark", "case"} and child.lower_ in subordinators:
            return -1 if going_on(child, data) else token.i
    return None


def other_times(draft: Draft, data: LanguageData) -> set[int]:
    """The tokens of the clauses about another time in the draft's sentences ("..., *when an
    attack killed about 40 soldiers*") that tell none of the draft's triggers: what is counted
    there belongs to that other event."""
    own = {t.head.i for t in draft.triggers}
    found: set[int] = set()
    for sentence in {c.sentence.start: c.sentence for c in draft.candidates}.values():
        for token in sentence:
            if _clause_at(token, data) != token.i:
                continue
            inside = {t.i for t in token.subtree}
            if not inside & own:
                found |= inside
    return found


def _temporal(clause: Token) -> bool:
    """A clause about another time: "(since October,) *when* an attack killed..."."""
    if clause.dep_ != "advcl" and clause.head.ent_type_ in {"DATE", "TIME"}:
        return True
    return any(c.lower_ in {"when", "quand", "lorsque"} for c in clause.children) and (
        clause.head.ent_type_ in {"DATE", "TIME"} or clause.dep_ != "advcl"
    )


def _own_date(head: Token, dates: Sequence[DateMention], data: LanguageData) -> DateMention | None:
    """The date expression of the trigger's clause (not the date of a "said on Monday").

    A date belongs to the clause when the verb it hangs from is the trigger's, one of the verbs
    between the trigger and the verb of saying, or one coordinated with them.
    """
    if not dates:
        return None
    doc = head.doc
    say = read_governors(head, data).say
    clause = _clause_verbs(head, say)
    attached: list[DateMention] = []
    loose: list[DateMention] = []
    for mention in dates:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        nearest = _nearest_verb(span.root)
        ancestors = {t.i for t in span.root.ancestors}
        if nearest in clause or span.root.i in clause or head.i in ancestors:
            attached.append(mention)
        elif say is None or ancestors & (clause - {say.i}):
            loose.append(mention)
    pool = attached or loose
    if not pool:
        return None
    return min(pool, key=lambda m: abs(m.start - head.idx))


def _clause_verbs(head: Token, say: Token | None) -> set[int]:
    verbs = {head.i, governing_verb(head).i}
    for ancestor in head.ancestors:
        if say is not None and ancestor.i == say.i:
            break
        verbs.add(ancestor.i)
    for token in list(verbs):
        word = head.doc[token]
        verbs.update(c.i for c in word.children if c.dep_ == "conj")
        if word.dep_ == "conj":
            verbs.add(word.head.i)
    return verbs


def _nearest_verb(token: Token) -> int:
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor.i
    return -1


def _anaphoric(head: Token, data: LanguageData) -> bool:
    """A definite event word that refers back ("the attack", "l'épidémie") — not one that
    names its own participants ("the exit *of AES countries from ECOWAS*": another event)."""
    if not definite(head, data):
        return False
    return not any(
        t.pos_ == "PROPN" and t.ent_type_ not in {"DATE", "TIME"}
        for c in head.children
        if c.dep_ in {"prep", "nmod"}
        for t in c.subtree
    )


def _before(token: Token, size: int) -> list[Token]:
    """Up to ``size`` tokens before ``token`` in its sentence."""
    found: list[Token] = []
    for index in range(token.i - 1, max(-1, token.i - size - 1), -1):
        if token.doc[index + 1].is_sent_start and index + 1 != token.i:
            break
        found.insert(0, token.doc[index])
        if token.doc[index].is_sent_start:
            break
    return found


def _contrasted(candidate: Candidate, data: LanguageData) -> bool:
    """ "Senegalese nationals, *for their part*, were taken to Rosso": other people who went
    through the same kind of event, told apart (fighting told "for its part" by one side is
    still one battle)."""
    if candidate.group == "violence":
        return False
    text = " " + candidate.sentence.text.lower()
    return any(f" {phrase}" in text for phrase in data.contrast_phrases)


def _new_marked(head: Token, data: LanguageData) -> bool:
    words = {c.lower_ for c in head.children if c.dep_ in {"amod", "det", "nummod", "advmod"}}
    before = {t.lower_ for t in _before(head, 3)}
    return bool((words | before) & data.new_event)
