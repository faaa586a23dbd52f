"""Event triggers: the region pack's token patterns matched over a Doc, then filtered.

One Matcher call per document finds every pattern (longest match per pattern); overlapping
matches keep the longest, then the strongest kind. A trigger is dropped when it lies inside an
actor's name ("*Front* de libération"), is negated ("no attack", "n'a pas attaqué", "no report
of fighting"), generic ("facing attacks", "similar shelling", "attack helicopters") or a failed
attempt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sahelwatch.extract.actors import ActorMention
from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.patterns import TokenPatterns
from sahelwatch.pack import EventPattern

__all__ = [
    "KIND_RANK",
    "SUBJECT_DEPS",
    "Trigger",
    "TriggerFinder",
    "definite",
    "governing_verb",
    "sentences_of",
    "told_with",
]

# Overlapping matches of equal length: the first kind here wins.
KIND_RANK = (
    "event",
    "territory",
    "violence",
    "raid",
    "withdraw",
    "intervention",
    "weak",
    "outcome",
)
# The dependency labels of a clause's nominal subject (English and French parsers).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
_SUBJECTS = SUBJECT_DEPS | {"csubj", "expl"}
# Strategic developments a past participle names a thing by ("the suspended agreement", "the
# fortified border"); weapons and harm keep theirs ("an improvised device", "wounded soldiers").
_DESCRIBABLE = frozenset(
    {"Withdrawal from agreement", "Agreement", "Border fortification", "Recall of ambassador",
     "Headquarters or base established", "Change to group/activity"}
)  # fmt: skip
# The links from an explosive device's noun up to what holds it ("seized arms and *IEDs*").
# Links from a word naming captives up to the word that frees them ("freed two Spanish and one
# Italian *hostage*", "an officer it had held *hostage*", "the release of three *hostages*").
_CAPTIVE_LINKS = frozenset(
    {"amod", "acl", "compound", "dobj", "obj", "nsubjpass", "nsubj:pass", "pobj", "prep", "conj",
     "appos", "oprd", "xcomp", "relcl", "acl:relcl", "nmod", "obl"}
)  # fmt: skip
_HELD_LINKS = frozenset(
    {"dobj", "obj", "pobj", "prep", "conj", "compound", "appos", "nmod", "amod", "npadvmod",
     "obl", "obl:agent", "obl:arg", "nsubjpass", "nsubj:pass"}
)  # fmt: skip
_OBJECTS = frozenset({"dobj", "obj", "pobj", "attr", "oprd", "obl", "obl:arg", "iobj", "nmod"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A matched pattern over tokens of a Doc."""

    pattern: EventPattern
    span: SpacySpan

    @property
    def head(self) -> Token:
        """The token that carries the event (the match's syntactic root)."""
        return self.span.root

    @property
    def kind(self) -> str:
        return self.pattern.kind

    @property
    def sub_event_type(self) -> str:
        return self.pattern.sub_event_type


class TriggerFinder:
    """The patterns of one language, compiled once."""

    def __init__(self, nlp: Language, patterns: Sequence[EventPattern], data: LanguageData) -> None:
        self._data = data
        self._patterns: Mapping[str, EventPattern] = {p.id: p for p in patterns}
        self._matcher = TokenPatterns()
        for pattern in patterns:
            self._matcher.add(pattern.id, pattern.tokens)

    def find(self, doc: Doc, actors: Sequence[ActorMention]) -> list[Trigger]:
        """Every kept trigger of the document, in text order."""
        found = [
            Trigger(self._patterns[key], doc[start:end])
            for key, start, end in self._matcher.matches(doc)
        ]
        covered = frozenset(i for t in found for i in range(t.span.start, t.span.end))
        chosen: list[Trigger] = []
        for trigger in sorted(found, key=_strength):
            span = trigger.span
            if any(span.start < t.span.end and t.span.start < span.end for t in chosen):
                continue
            if _inside_actor(span, actors) and not _crowd_event(trigger, found, self._data):
                continue
            if not self.is_event(trigger, covered):
                continue
            chosen.append(trigger)
        return sorted(_without_terms(chosen), key=lambda t: t.span.start)

    def is_event(self, trigger: Trigger, events: frozenset[int] = frozenset()) -> bool:
        """False when the words do not tell that something happened (``events``: the tokens
        of every match, so that "measles *cases*", "IED *attack*" stay events)."""
        head = trigger.head
        data = self._data
        if negated(head, data) or _generic(trigger, data, events) or _handover(trigger, data):
            return False
        if _held_device(trigger, data) or _released(trigger, data):
            return False
        return not any(t.lemma_.lower() in data.failed for t in (head, *head.children))


def _held_device(trigger: Trigger, data: LanguageData) -> bool:
    """An explosive device named as a thing held, found or made safe ("seized arms, ammunition
    and *IEDs*", "a militant equipped with *an IED*", "defused *a mine*", "*IED*-making
    material"): no explosion. The device's noun is climbed up through lists, prepositions and
    compounds to the word that holds it."""
    if trigger.sub_event_type != "Remote explosive/landmine/IED":
        return False
    token = trigger.head
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    for _ in range(5):
        if token.dep_ not in _HELD_LINKS or token.head.i == token.i:
            return False
        link, token = token.dep_, token.head
        if token.lemma_.lower() in data.held_device_words or token.lower_ in data.held_device_words:
            return True
        # on through a preposition or a list ("arms, ammunition and IEDs"), not past another
        # word ("*detonation* of an IED", "a vehicle *carrying* troops hit by an IED")
        if token.pos_ != "ADP" and link not in {"conj", "appos"}:
            return False
    return False


def _released(trigger: Trigger, data: LanguageData) -> bool:
    """Captives named by their abduction in the words of their release ("released 22
    *kidnapped* civilians", "freed two *hostages* kidnapped in 2011", "the *hostage* taken by
    JNIM was released", "la libération des *otages*"): the release is told, not an abduction.
    People abducted and "later" released keep their abduction (the word of time tells one
    story: "five aid workers abducted from a convoy were later released")."""
    if trigger.sub_event_type != "Abduction/forced disappearance":
        return False
    token = trigger.head
    if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "acl"}:
        return False
    for _ in range(6):
        if token.dep_ not in _CAPTIVE_LINKS or token.head.i == token.i:
            return False
        token = token.head
        if token.lemma_.lower() in data.release_verbs:
            return not any(c.lower_ in data.later_words for c in token.children)
    return False


def _handover(trigger: Trigger, data: LanguageData) -> bool:
    """People handed over ("captured two gunmen and *handed them over* to the gendarmerie",
    "the suspects were handed over to the police") change custody, not territory: only a place
    or goods handed over ("handed over the base", "handed over weapons") is a transfer."""
    head = trigger.head
    if trigger.sub_event_type != "Non-violent transfer of territory" or head.pos_ != "VERB":
        return False
    handed = [c for c in head.children if c.dep_ in {"dobj", "obj", "nsubjpass", "nsubj:pass"}]
    return any(_person(c, data) for c in handed)


def _person(token: Token, data: LanguageData) -> bool:
    """A pronoun of people ("them", "him"; not "it"), a bare count ("the two"), a name, or a
    word of armed men or of people arrested."""
    if token.pos_ == "PRON":
        return token.lower_ not in {"it", "which", "that", "what"}
    if token.pos_ == "NUM" or token.ent_type_ == "PERSON":
        return True
    return token.lemma_.lower() in data.armed_people | data.handed_people


def _without_terms(triggers: list[Trigger]) -> list[Trigger]:
    """What an agreement is about is not an event ("signed an accord *to end hostilities*",
    "agreed on the *cessation of hostilities*", "freed hostages *kidnapped* in 2011")."""
    agreements = [t for t in triggers if t.sub_event_type == "Agreement"]
    if not agreements:
        return triggers
    inside = {i for t in agreements for i in range(t.span.start, t.span.end)}
    return [
        t
        for t in triggers
        if t in agreements or not any(a.i in inside for a in list(t.head.ancestors)[:5])
    ]


def _strength(trigger: Trigger) -> tuple[int, int, int]:
    return (-len(trigger.span), KIND_RANK.index(trigger.kind), trigger.span.start)


def _inside_actor(span: SpacySpan, actors: Sequence[ActorMention]) -> bool:
    return any(m.start <= span.start and span.end <= m.end for m in actors)


def _crowd_event(trigger: Trigger, found: Sequence[Trigger], data: LanguageData) -> bool:
    """A protest noun that names the crowd still tells the protest when the crowd gathers or is
    dispersed ("Protesters gathered in the capital", "police dispersed demonstrators")."""
    if trigger.sub_event_type != "Peaceful protest" or trigger.kind != "event":
        return False
    head = trigger.head
    while head.dep_ == "pobj" and head.head.lower_ in data.of_words and head.head.head.i != head.i:
        head = head.head.head  # "*thousands of* protesters gathered"
    verb = head.head
    if head.dep_ in _SUBJECTS and verb.lemma_.lower() in data.gathering_verbs:
        return True
    dispersal = {t.head.i for t in found if t.kind == "intervention"}
    return head.dep_ in {"dobj", "obj"} and verb.i in dispersal


def negated(head: Token, data: LanguageData) -> bool:
    """A negator on the trigger, on its verb, or as the determiner of a verb's subject.

    The verb of a noun ("did not carry out *an attack*") counts only when it is not a verb of
    saying: "No group claimed *the attack*" negates the claim, not the attack.
    """
    if _negates(head, data, subjects=head.pos_ in {"VERB", "AUX"}):
        return True
    if head.dep_ == "pobj" and head.head.lower_ in data.of_words:  # "*no* report of fighting"
        holder = head.head.head
        if holder.pos_ == "NOUN" and _negates(holder, data, subjects=False):
            return True
    verbal = head.pos_ in {"VERB", "AUX"} and head.head.pos_ in {"VERB", "AUX"}
    # A clause before its verb is told on its own ("gunmen abducted him, the place was not
    # given"): the parser hangs it on the later verb, whose negation is not its own.
    embedded = verbal and head.dep_ in {"xcomp", "ccomp"} and head.i > head.head.i
    said = head.head.lemma_.lower() in data.say_verbs
    if embedded and not said and _negates(head.head, data, subjects=False):
        return True
    verb = governing_verb(head)
    if verb.i == head.i or verb.lemma_.lower() in data.say_verbs | data.claim_verbs:
        return False
    return _negates(verb, data, subjects=False)


def _negates(token: Token, data: LanguageData, subjects: bool) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (
            child.lower_ in data.negators and child.dep_ in {"det", "advmod", "neg", "case"}
        ):
            return True
        if subjects and child.dep_ in _SUBJECTS:
            if child.lower_ in {"nobody", "none", "personne"}:
                return True
            if any(g.lower_ in data.negators for g in child.children if g.dep_ in {"det", "neg"}):
                return True
    return False


def _generic(trigger: Trigger, data: LanguageData, events: frozenset[int]) -> bool:
    """A standing situation, a habit, a hypothesis or a kind of thing, not an event."""
    head = trigger.head
    if any(c.lower_ in data.generic_modifiers for c in head.children if c.dep_ in {"amod", "det"}):
        return True
    start = trigger.span.start
    if start > 0 and head.doc[start - 1].lower_ in data.generic_modifiers:
        return True
    before = " " + _sentence_before(head).lower()[-60:]
    if any(_starts_word(phrase, before) for phrase in data.generic_phrases):
        return True
    if _kind_of(head, data) or _moment(trigger, data) or _framed(trigger, data):
        return True
    if trigger.sub_event_type in _DESCRIBABLE and _attributive(trigger.span[0]):
        return True
    if head.pos_ in {"NOUN", "PROPN"}:
        return _generic_noun(head, data, events)
    fleeing = trigger.sub_event_type in {"Flight", "Forced return"}
    if fleeing and head.tag_ == "VBG" and head.dep_ == "acl" and head.head.pos_ in {"NOUN", "PRON"}:
        return True
    objects = [
        c
        for c in head.children
        if c.dep_ in {"dobj", "obj"} and not _day_word(c, data)  # "ont marché *lundi*"
    ]
    if head.lemma_.lower() in {"march", "marcher"} and objects:
        return True
    if head.lemma_.lower() in {"fight", "combat", "battle", "combattre", "lutter"} and objects:
        # "fought *a gun battle*", "fought *rebels*": an event; "fight poverty": a cause
        armed = data.armed_targets | data.armed_modifiers | data.armed_people | data.armed_foes
        return all(
            o.lemma_.lower() not in armed and o.pos_ == "NOUN" and o.i not in events
            for o in objects
        )
    return False


def _kind_of(head: Token, data: LanguageData) -> bool:
    """ "this kind of attack", "ce type de bilan": a kind of thing, not one event."""
    start = head.left_edge.i if head.dep_ == "compound" else head.i
    before = [t for t in head.doc[max(0, start - 3) : start] if t.dep_ not in {"amod", "det"}]
    return (
        len(before) >= 2
        and before[-1].lower_ in data.of_words
        and before[-2].lower_ in data.kind_words
    )


def _attributive(word: Token) -> bool:
    """ "the now-terminated accord", "the suspended agreement": a past participle before its
    noun (``word``: the trigger's first word) describes the thing by an earlier fact; it does
    not tell that fact as an event."""
    noun = word.head
    return (
        word.dep_ == "amod"
        and word.i < noun.i
        and noun.pos_ in {"NOUN", "PROPN"}
        and "Part" in word.morph.get("VerbForm", [])
        and "Past" in word.morph.get("Tense", [])
        # right after the noun's determiner ("the now-terminated"), not a main verb the parser
        # misread ("a motorcycle *targeted* MINUSMA forces")
        and any(
            c.dep_ in {"det", "poss"}
            and c.i < word.i
            and all(t.pos_ in {"ADV", "PUNCT"} for t in word.doc[c.i + 1 : word.i])
            for c in noun.children
        )
    )


def _day_word(token: Token, data: LanguageData) -> bool:
    """A date the parser took for an object ("marched *Monday*")."""
    word = token.lower_
    return token.ent_type_ in {"DATE", "TIME"} or word in data.weekdays or word in data.months


def _starts_word(phrase: str, text: str) -> bool:
    """``phrase`` occurs in ``text`` at the start of a word ("si " in "si l'armée", not in
    "miliciens mossi ont")."""
    start = text.find(phrase)
    while start != -1:
        if start == 0 or not text[start - 1].isalnum():
            return True
        start = text.find(phrase, start + 1)
    return False


def _sentence_before(head: Token, limit: int = 15) -> str:
    """The text of the sentence before ``head`` (at most ``limit`` tokens)."""
    start = head.i
    while start > 0 and head.i - start < limit and not head.doc[start].is_sent_start:
        start -= 1
    return head.doc[start : head.i].text


def _generic_noun(head: Token, data: LanguageData, events: frozenset[int]) -> bool:
    # A compound with a determiner of its own is a noun the parser hung on the next word ("staged
    # *a protest* demanding pay"), not a modifier ("the *attack* helicopters").
    modifier = head.dep_ == "compound" and not any(c.dep_ == "det" for c in head.children)
    if modifier and head.head.pos_ == "NOUN" and head.head.i not in events:
        noun = head.head.lemma_.lower()
        return noun not in data.killed | data.injured | data.event_nouns | {"case", "cas"}
    direct = head.dep_ in {"dobj", "obj"}
    against = head.dep_ in {"pobj", "obl", "nmod"} and any(
        t.lower_ in {"against", "contre"} for t in (head.head, *head.children)
    )
    verb = head.head if direct else head.head.head if head.head.pos_ == "ADP" else head.head
    if (direct or against) and verb.lemma_.lower() in data.generic_verbs:
        return not any(c.like_num for c in head.children)
    if head.dep_ in {"nsubj", "nsubj:pass"} and _habitual(verb, data):
        return True
    if head.dep_ in {"nsubj", "nsubj:pass"} and verb.lemma_.lower() in {
        "be", "become", "remain", "être", "devenir", "rester",
    }:  # fmt: skip
        return not any(c.dep_ in {"det", "poss"} for c in head.children)
    # "An attack *happens* when...": a habit; "A NATO airstrike *hits* a convoy": a headline
    if head.dep_ == "nsubj" and head.head.tag_ in {"VBZ", "VBP"} and head.head.i not in events:
        return any(c.lower_ in {"a", "an"} for c in head.children if c.dep_ == "det")
    return False


def _habitual(verb: Token, data: LanguageData) -> bool:
    """ "These arrivals have become almost *weekly*", "ces attaques sont *fréquentes*": what
    is said of the event word makes it a habit."""
    said = [c for c in verb.children if c.dep_ in {"acomp", "xcomp", "attr", "oprd"}]
    return any(w.lower_ in data.generic_modifiers for w in (verb, *said))


def _framed(trigger: Trigger, data: LanguageData) -> bool:
    """ "returns supervised by the army *as part of the recapture* of the territory", "*dans le
    cadre de la* reconquête": a campaign named as the frame of something else is no taking of
    territory."""
    head = trigger.head
    if trigger.kind != "territory" or head.pos_ != "NOUN":
        return False
    words = list(head.doc[max(head.sent.start, head.i - 6) : head.i])
    while words and words[-1].dep_ in {"det", "amod"}:
        words.pop()
    before = " ".join(t.lower_ for t in words)
    return any(before.endswith(phrase) for phrase in data.frame_phrases)


def _moment(trigger: Trigger, data: LanguageData) -> bool:
    """ "water handed out *on arrival*", "à l'arrivée": an arrival named as a moment of
    something else, with no one arriving named, is no flight."""
    head = trigger.head
    if trigger.sub_event_type != "Flight" or head.pos_ != "NOUN":
        return False
    marks = [c for c in head.children if c.dep_ == "case"]
    if head.dep_ == "pobj":
        marks.append(head.head)
    named = any(c.dep_ in {"nmod", "prep", "nummod", "poss", "nmod:poss"} for c in head.children)
    return not named and any(m.lower_ in data.moment_words for m in marks)


def governing_verb(token: Token) -> Token:
    """The verb a trigger word belongs to: itself, or the verb it is the subject or object of."""
    current = token
    for _ in range(3):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.dep_ in {"pobj", "obl", "nmod"} and current.head.pos_ == "ADP":
            current = current.head.head
        elif current.dep_ in _SUBJECTS | _OBJECTS | {"prep", "appos", "conj"}:
            current = current.head
        else:
            break
        if current.dep_ == "ROOT" and current.pos_ not in {"VERB", "AUX"}:
            break
    return current if current.pos_ in {"VERB", "AUX"} else token


def definite(head: Token, data: LanguageData) -> bool:
    """A definite event word: "the attack", "cette frappe", "France's withdrawal"."""
    if head.pos_ not in {"NOUN", "PROPN"}:
        return False
    previous = head.doc[head.i - 1].lower_ if head.i > 0 else ""
    determiners = {c.lower_ for c in head.children if c.dep_ in {"det", "poss", "nmod:poss"}}
    return bool(determiners & data.definite) or previous in data.definite


def sentences_of(triggers: Iterable[Trigger]) -> list[SpacySpan]:
    """The sentences the triggers stand in, each once, in the triggers' order."""
    return list({t.span.sent.start: t.span.sent for t in triggers}.values())


def told_with(sentences: Iterable[SpacySpan], words: frozenset[str]) -> bool:
    """True when a word of ``sentences`` (lower-cased) is one of ``words``."""
    return any(t.lower_ in words for sentence in sentences for t in sentence)
