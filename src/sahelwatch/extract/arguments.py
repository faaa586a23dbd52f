"""Which words of a trigger's clause stand for the doer and the target of its event, read from
the dependency parse.

- active verb: the subject is the doer, the object (or "on"/"against"/"sur"/"contre" X) the
  target; "X clashed *with* Y": Y is the other side;
- passive: "were killed *by* X", "ont été tués *par* X": X is the doer, the subject the target;
- a noun trigger: "*JNIM* attack", "attack *by* X *on* Y", "clashes *between* X *and* Y";
  a noun that is the subject of a verb takes that verb's object as target ("a drone strike
  ... killed 11 people"), one that is its object its subject as doer ("JNIM carried out an
  attack");
- a participle or a clause without a subject borrows its head's ("militants attacked the
  village, *killing* three"), a relative clause its antecedent ("gunmen *who* attacked");
- coordination ("X and Y attacked", "between X and Y") gives the sides in text order.

Which named actors those words are is :mod:`sahelwatch.extract.roles`'s job.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.triggers import governing_verb

__all__ = [
    "answered",
    "event_arguments",
    "has_subject",
    "objects",
    "own_clause",
    "preposition",
    "sides",
]

_SUBJECT = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT = frozenset({"nsubjpass", "nsubj:pass"})
_OBJECT = frozenset({"dobj", "obj", "iobj", "attr"})
_DASHES = frozenset({"—", "–"})
_CLAUSES = frozenset({"acl", "relcl", "acl:relcl", "advcl"})
_REMOTE = frozenset({
    "Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED",
    "Grenade", "Suicide bomb",
})  # fmt: skip
_NOT_VIOLENT = frozenset({
    "Forced expulsion", "Flight", "Forced return", "Disease outbreak", "Border fortification",
    "Withdrawal from agreement", "Diplomatic meeting", "Recall of ambassador", "Agreement",
    "Change to group/activity", "Headquarters or base established", "Other",
    "Non-violent transfer of territory",
})  # fmt: skip


def event_arguments(head: Token, sub: str, data: LanguageData) -> tuple[list[Token], list[Token]]:
    """The tokens standing for the doer and for the target of the event ``head`` names, as
    ``sub`` (its sub-event type) reads them (see the module docstring)."""
    verb = governing_verb(head)
    doers: list[Token] = []
    targets: list[Token] = []
    violent = sub not in _NOT_VIOLENT
    hedged = _hedged_subject(verb, data)
    if hedged is not None:
        doers.append(hedged)
        for child in verb.children:
            _verb_argument(child, head, False, doers, targets, sub, data)
        return doers, targets
    if head.pos_ in {"NOUN", "PROPN"}:
        _noun_arguments(head, doers, targets, violent, data)
    if head.dep_ in {"acl", "amod"} and head.pos_ in {"VERB", "ADJ"} and head.head.pos_ == "NOUN":
        (doers if _headline(head) else targets).append(head.head)
    if verb.i != head.i or head.pos_ in {"VERB", "AUX"}:
        passive = _passive(verb, data)
        for child in verb.children:
            _verb_argument(child, head, passive, doers, targets, sub, data)
        if not targets:
            for member in (c for c in verb.children if c.dep_ == "conj"):
                targets.extend(c for c in member.children if c.dep_ in _OBJECT)
        if not targets and verb.dep_ == "conj":
            targets.extend(c for c in verb.head.children if c.dep_ in _OBJECT)
        clausal = verb.dep_ in {"advcl", "xcomp", "conj", "acl", "relcl", "pcomp", "ccomp"}
        if not doers and clausal and not passive and not has_subject(verb):
            doers.extend(_borrowed_subject(verb, data))
    if head.pos_ in {"NOUN", "PROPN"}:  # "attacks and ambushes": after the verb's own doer
        for member in (c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
            _noun_arguments(member, doers, targets, violent, data)
    return doers, targets


def _passive(verb: Token, data: LanguageData) -> bool:
    """A passive clause, also one told without its auxiliary, as terse reports do: with an
    agent ("post *attacked by* JNIM"), or a past participle that opens the sentence with its
    subject and has no object nor other side ("army patrol *ambushed* near Boni", "soldier
    *killed* in an ambush"; not "On 2 May, militants *ambushed* and shot...", "gunmen *fired*
    on a patrol"), or a place for subject ("army *checkpoint* attacked at dawn"). An auxiliary in
    capitals is a name ("*IS* Sahel militants killed...")."""
    children = {c.dep_ for c in verb.children if not (c.text.isupper() and len(c.text) > 1)}
    if children & {"auxpass", "aux:pass"}:
        return True
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT]
    if verb.lang_ != "en" or not subjects or children & (_OBJECT | {"aux"}):
        return False
    if "agent" in children:
        return True
    if _place_subject(subjects[0], data):
        return True
    aimed = data.side_words | data.between_words | {"on", "against", "upon", "targeting", "into"}
    other_side = any(preposition(c) in aimed for c in verb.children if c.dep_ == "prep")
    opening = subjects[0].left_edge.i == verb.sent.start
    opening = opening or (verb.dep_ == "conj" and _passive(verb.head, data))
    participle = verb.tag_ == "VBN" or _bare_harm(verb, subjects, data)
    return participle and opening and _tolls_joined(verb) and not other_side


def _bare_harm(verb: Token, subjects: list[Token], data: LanguageData) -> bool:
    """ "Policeman *wounded* after gunmen seized his car": a verb of harm that always takes an
    object, tagged as a past tense, with none: a terse passive, when nothing else in the clause
    can be its object (not "the army *killed* and tortured civilians", "militia *killed* nine
    members", read with two subjects)."""
    if verb.lemma_.lower() not in data.terse_passives or len(subjects) > 1:
        return False
    for child in verb.children:
        bare = child.dep_ in {"advcl", "ccomp", "xcomp"} and not any(
            c.dep_ == "mark" for c in child.children
        )
        if child.dep_ == "conj" or bare:
            return False
    return True


def _place_subject(subject: Token, data: LanguageData) -> bool:
    """ "FAMa *checkpoint* on the outskirts of Gao attacked around 3h": a place or a thing does
    not act, so a clause with one for subject and no object is a passive told without "was"."""
    return subject.lower_ in data.target_places and subject.pos_ == "NOUN"


def _tolls_joined(verb: Token) -> bool:
    """The verbs joined to a terse passive are tolls too ("two soldiers killed *and* one
    *injured*"), not a doer's further acts ("militants ambushed *and* shot two soldiers")."""
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]
    return all(c.tag_ == "VBN" and not any(g.dep_ in _OBJECT for g in c.children) for c in joined)


def _headline(verb: Token) -> bool:
    """ "suspected JNIM militants *abducted* and executed two teachers", parsed as a noun
    phrase: a participle of the sentence's root noun that takes an object (itself or a verb
    joined to it) is that noun's active verb, not a passive one ("soldiers *killed* in an
    ambush")."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or noun.dep_ != "ROOT":
        return False
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(c.dep_ in _OBJECT for v in verbs for c in v.children)


def _hedged_subject(verb: Token, data: LanguageData) -> Token | None:
    """ "*presumed* JNIM militants attacked...", parsed as "presumed" taking "militants" as its
    object and "attacked" as a participle of "militants": the noun is the doer."""
    current = verb
    if current.dep_ == "conj":
        current = current.head
    noun = current.head
    hedge = noun.head.lower_ in data.hedges or noun.head.lemma_.lower() in {"presume", "suspect"}
    if current.dep_ in {"acl", "relcl"} and noun.dep_ in {"dobj", "obj"} and hedge:
        return noun
    return None


def _verb_argument(
    child: Token,
    head: Token,
    passive: bool,
    doers: list[Token],
    targets: list[Token],
    sub: str,
    data: LanguageData,
) -> None:
    dep = child.dep_
    if child.i == head.i:
        return
    if dep in _SUBJECT | _PASSIVE_SUBJECT and not passive:
        if head.pos_ in {"NOUN", "PROPN"} and head.dep_ in _SUBJECT:
            return
        if head.pos_ in {"NOUN", "PROPN"} and head.head.lemma_.lower() not in data.do_verbs:
            return
        doers.append(_antecedent(child, data))
    elif dep in _PASSIVE_SUBJECT | _SUBJECT:
        targets.append(child)
    elif dep in {"agent", "obl:agent"}:
        doers.extend(objects(child) or [child])
    elif dep in _OBJECT and child.i != head.i:
        targets.append(child)
    elif dep in {"prep", "obl", "obl:arg", "obl:mod", "nmod"}:
        word = preposition(child)
        if (word in data.agent_words and passive) or (
            word in {"from", "de"} and sub == "Forced expulsion"
        ):
            doers.extend(objects(child) or [child])
        elif word in data.during_words and (passive or _participle_of(child.head)):
            doers.extend(_authors(objects(child) or [child], data))
        elif word in data.between_words:
            pair = [t for o in objects(child)[:1] for t in sides(o)]
            thrown = sub in _REMOTE and len(pair) < 2  # "a shell landed *between* the trucks"
            if pair and not passive and not thrown:  # "fighting broke out *between* X and Y"
                doers.append(pair[0])
                targets.extend(pair[1:])
        elif word in _aimed_words(data) and word not in {"in", "dans", "at", "à"}:
            targets.extend(objects(child) or [child])


def _participle_of(verb: Token) -> bool:
    """ "civilians *killed* during a strike": a past participle that describes its noun."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not _headline(verb)


def _authors(nouns: list[Token], data: LanguageData) -> list[Token]:
    """Who made the event a toll fell in ("killed *during a NATO strike*", "tués *lors d'une
    frappe de l'armée*"): the doers an event noun names."""
    found: list[Token] = []
    for noun in nouns:
        if noun.lemma_.lower() in data.event_nouns or noun.lower_ in data.event_nouns:
            _noun_arguments(noun, found, [], True, data)
    return found


def _noun_arguments(
    noun: Token, doers: list[Token], targets: list[Token], violent: bool, data: LanguageData
) -> None:
    for child in noun.children:
        if child.dep_ in {"compound", "poss", "nmod:poss", "amod"} and child.pos_ in {
            "NOUN", "PROPN", "ADJ",
        }:  # fmt: skip
            doers.append(child)
        elif child.dep_ in {"prep", "nmod", "acl"}:
            word = preposition(child)
            nouns = objects(child) or ([child] if child.dep_ == "nmod" else [])
            owner = not violent and word in {"of", "de", "d'", "du", "des"}
            if word in data.agent_words or owner:
                doers.extend(nouns)
            elif word in data.between_words and nouns:
                first, *others = sides(nouns[0])
                doers.append(first)
                targets.extend(others)
            elif word in _aimed_words(data):
                targets.extend(nouns)
            elif child.dep_ == "acl":
                _noun_arguments(child, doers, targets, violent, data)
                for grandchild in child.children:
                    if grandchild.dep_ in {"obl:agent", "agent"}:
                        doers.extend(objects(grandchild) or [grandchild])


def _aimed_words(data: LanguageData) -> frozenset[str]:
    """Prepositions before a target or the other side ("fired *on*", "clashed *with*")."""
    return data.aim_words | data.side_words | data.between_words


def sides(noun: Token) -> list[Token]:
    """A noun and those coordinated with it ("between X and Y", "X and Y attacked") in the
    order the text names them, also when the parse hangs X below Y ("between *UFDD* and
    Chadian soldiers", "*JNIM* and ISGS militants": a modifier of the last noun)."""
    before = [
        t
        for t in noun.doc[noun.left_edge.i : noun.i]
        if t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children)
    ]
    joined = [c for c in noun.children if c.dep_ == "conj"]
    return sorted({*before, noun, *joined}, key=lambda t: t.i)


def preposition(token: Token) -> str:
    """The preposition a token is ("*on*" as a prep) or takes ("*sur* le camp"), else ""."""
    if token.pos_ == "ADP":
        return token.lower_
    case = next((c for c in token.children if c.dep_ in {"case", "mark"}), None)
    return case.lower_ if case is not None else ""


def objects(prep: Token) -> list[Token]:
    """The nouns a preposition governs, or the noun itself when the parse hangs the
    preposition below it ("obl", "nmod")."""
    if prep.pos_ != "ADP":
        return [prep] if prep.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} else []
    return [c for c in prep.children if c.dep_ in {"pobj", "pcomp", "obj"}]


def _antecedent(token: Token, data: LanguageData) -> Token:
    """ "gunmen *who* attacked": the noun a relative pronoun stands for; "BAMAKO — *Gunmen*
    attacked", parsed with the dateline's town as subject: the noun after the dash."""
    if token.lower_ in data.relative_words and token.head.dep_ in {"relcl", "acl:relcl"}:
        return token.head.head
    dash = next((t.i for t in token.subtree if t.text in _DASHES and t.i > token.i), None)
    if dash is not None:
        after = [c for c in token.children if c.dep_ == "appos" and c.i > dash]
        return after[0] if after else token
    return token


def has_subject(verb: Token) -> bool:
    """The clause has its own subject ("two soldiers killed and *one* injured")."""
    return any(c.dep_ in _SUBJECT | _PASSIVE_SUBJECT for c in verb.children)


def _borrowed_subject(verb: Token, data: LanguageData) -> list[Token]:
    """The subject a clause shares: its head's, or the noun a relative clause or an active
    participle describes ("gunmen *attacking* the village"); a past participle's noun is its
    target ("people *killed*"), not its doer."""
    current = verb
    for _ in range(3):
        if current.dep_ in {"relcl", "acl", "acl:relcl"}:
            passive = current.tag_ == "VBN" or "Pass" in current.morph.get("Voice", [])
            if passive and current.dep_ == "acl" and not _headline(current):
                return []
            return [current.head]
        current = current.head
        subjects = [c for c in current.children if c.dep_ in _SUBJECT]
        # "two soldiers killed and one injured in *an ambush*"
        if subjects and _passive(current, data):
            return []
        if subjects:
            return [_antecedent(subjects[0], data)]
        if current.dep_ == "ROOT":
            break
    return []


def own_clause(child: Token) -> bool:
    """A clause on a noun that tells an act of its own ("a drone strike *killed* 11 *people*,
    among them four *children*", parsed as a participle of "strike"): who it, or what follows
    it, names is not the noun (who "men *linked to* JNIM" names is)."""
    return child.dep_ in _CLAUSES and any(
        c.dep_ in _OBJECT | _SUBJECT | _PASSIVE_SUBJECT for c in child.children
    )


def answered(token: Token, data: LanguageData) -> bool:
    """The token is in what a reprisal answers ("killed two herders in retaliation for *an
    attack on the army camp*", "en représailles à *l'attaque du poste*", also when the parse
    hangs it on the verb): an earlier event, whose target is not that of the reprisal."""
    return any(left <= token.i <= right for left, right in _answered_spans(token.sent, data))


def _answered_spans(sentence: SpacySpan, data: LanguageData) -> list[tuple[int, int]]:
    """The token ranges of what the sentence's reprisals answer, read once per sentence (kept
    in the Doc's ``user_data``)."""
    key = f"sahelwatch:answered:{sentence.start}"
    cached: list[tuple[int, int]] | None = sentence.doc.user_data.get(key)
    if cached is not None:
        return cached
    spans: list[tuple[int, int]] = []
    for word in sentence:
        if not {word.lemma_.lower(), word.lower_} & data.reprisal_words:
            continue
        after = [c for c in word.head.children if c.left_edge.i == word.right_edge.i + 1]
        for child in [*word.children, *after]:
            link = child.dep_ if child.dep_ in {"dobj", "obj"} else preposition(child)
            if link in data.reprisal_links:
                spans.append((child.left_edge.i, child.right_edge.i))
    sentence.doc.user_data[key] = spans
    return spans
