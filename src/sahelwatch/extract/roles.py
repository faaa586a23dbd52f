"""Who did what to whom: actor roles read from the dependency parse of a trigger's clause.

- active verb: the subject is the doer, the object (or "on"/"against"/"sur"/"contre" X) the
  target; "X clashed *with* Y": Y is the other side;
- passive: "were killed *by* X", "ont été tués *par* X": X is the doer, the subject the target;
- a noun trigger: "*JNIM* attack", "attack *by* X *on* Y", "clashes *between* X *and* Y";
  a noun that is the subject of a verb takes that verb's object as target ("a drone strike
  ... killed 11 people"), one that is its object its subject as doer ("JNIM carried out an
  attack");
- a participle or a clause without a subject borrows its head's ("militants attacked the
  village, *killing* three"), a relative clause its antecedent ("gunmen *who* attacked");
- coordination ("X and Y attacked") and backing ("Wagner-backed forces") give associates.

When the parse gives no doer, the nearest armed actor before the trigger is taken. The target
also gives a kind — civilian or armed — even when no actor is named ("attacked *a village*",
"attacked *an army position*").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sahelwatch.extract.actors import ActorMention, tokens_of
from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.triggers import Trigger, governing_verb

__all__ = ["Roles", "attributed", "find_roles", "target_kind"]

_SUBJECT = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT = frozenset({"nsubjpass", "nsubj:pass"})
_OBJECT = frozenset({"dobj", "obj", "iobj", "attr"})
_AGENT_PREPS = frozenset({"by", "par"})
_TARGET_PREPS = frozenset(
    {"on", "against", "at", "upon", "into", "targeting", "sur", "contre", "of", "de", "d'", "du",
     "des", "à", "au", "aux", "in", "dans"}
)  # fmt: skip
_WITH_PREPS = frozenset({"with", "avec", "between", "entre"})
_BETWEEN = frozenset({"between", "entre"})
_DO_VERBS = frozenset({"carry", "launch", "conduct", "stage", "perpetrate", "commit", "claim",
                       "mount", "lead", "execute", "mener", "lancer", "perpétrer", "commettre",
                       "revendiquer", "effectuer", "conduire", "organize", "organise", "hold",
                       "organiser", "tenir", "begin", "start", "complete", "continue",
                       "resume", "undertake", "commencer", "poursuivre", "entamer",
                       "achever", "deal", "inflict", "infliger"})  # fmt: skip
_DASHES = frozenset({"—", "–"})
_CLAUSES = frozenset({"acl", "relcl", "acl:relcl", "advcl"})
_RELATIVE = frozenset({"who", "which", "that", "qui", "lequel", "lesquels"})
_ATTRIBUTION_ARGUMENTS = frozenset(
    {"nsubj", "dobj", "obj", "prep", "obl", "obl:arg", "agent", "pobj", "nmod", "attr", "iobj",
     "obl:mod", "acomp"}
)  # fmt: skip
_PROTESTS = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration"})
# Links below a topic word that do not put a name in the topic ("protested and *police* fired").
_NOT_TOPIC = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "conj", "cc", "advcl", "parataxis"})
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
        if sentence.start <= m.start and m.end <= sentence.end and not _opposed(m, head.doc, data)
    ]
    candidates = [m for m in inside if not _topical(m, trigger, data)]
    doers, targets = _arguments(head, trigger.sub_event_type, data)
    actor1, assoc1 = _pick(doers, candidates, doer=True)
    if actor1 is None and doers and _personal(doers[0]):
        actor1 = _referent(sentence, mentions)
    actor2, assoc2 = _pick(targets, candidates, exclude=actor1)
    guessed = False
    if actor1 is None and violent:
        actor1 = _nearest_armed(head, candidates, actor2, targets)
        guessed = actor1 is not None
    elif actor1 is None:
        states = [m for m in inside if m.end <= head.i and m.actor.inter == 1 and m is not actor2]
        actor1 = states[-1] if states else None
        guessed = actor1 is not None
    fallback = actor2 is None
    if actor2 is None and violent:
        actor2 = _first_after(head, candidates, exclude=actor1)
    parsed = actor2 is not None and not fallback
    kind = target_kind(targets, actor2 if parsed else None, data, inside) or target_kind(
        [], actor2, data
    )
    if actor1 is not None and actor2 is not None and actor1.actor.id == actor2.actor.id:
        actor2 = None
    if actor1 is not None and actor1.backer is not None:
        assoc1 = (*assoc1, _backer(actor1))
    doer_text = None
    if actor1 is None and doers:
        doer_text = _phrase(doers[0])
    return Roles(actor1, assoc1, actor2, assoc2, kind, doer_text, guessed)


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


def _arguments(head: Token, sub: str, data: LanguageData) -> tuple[list[Token], list[Token]]:
    """Tokens standing for the doer and for the target of the event."""
    verb = governing_verb(head)
    doers: list[Token] = []
    targets: list[Token] = []
    violent = sub not in _NOT_VIOLENT
    hedged = _hedged_subject(verb, data)
    if hedged is not None:
        doers.append(hedged)
        for child in verb.children:
            _verb_argument(child, head, False, doers, targets, sub)
        return doers, targets
    if head.pos_ in {"NOUN", "PROPN"}:
        _noun_arguments(head, doers, targets, violent)
    if head.dep_ in {"acl", "amod"} and head.pos_ in {"VERB", "ADJ"} and head.head.pos_ == "NOUN":
        (doers if _headline(head) else targets).append(head.head)
    if verb.i != head.i or head.pos_ in {"VERB", "AUX"}:
        passive = _passive(verb)
        for child in verb.children:
            _verb_argument(child, head, passive, doers, targets, sub)
        if not targets:
            for member in (c for c in verb.children if c.dep_ == "conj"):
                targets.extend(c for c in member.children if c.dep_ in _OBJECT)
        if not targets and verb.dep_ == "conj":
            targets.extend(c for c in verb.head.children if c.dep_ in _OBJECT)
        clausal = verb.dep_ in {"advcl", "xcomp", "conj", "acl", "relcl", "pcomp", "ccomp"}
        if not doers and clausal and not passive and not _subject_of(verb):
            doers.extend(_borrowed_subject(verb))
    if head.pos_ in {"NOUN", "PROPN"}:  # "attacks and ambushes": after the verb's own doer
        for member in (c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
            _noun_arguments(member, doers, targets, violent)
    return doers, targets


def _passive(verb: Token) -> bool:
    """A passive clause, also one told without its auxiliary, as terse reports do: with an
    agent ("post *attacked by* JNIM"), or a past participle that opens the sentence with its
    subject and has no object nor other side ("army patrol *ambushed* near Boni", "soldier
    *killed* in an ambush"; not "On 2 May, militants *ambushed* and shot...", "gunmen *fired*
    on a patrol")."""
    children = {c.dep_ for c in verb.children}
    if children & {"auxpass", "aux:pass"}:
        return True
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT]
    if verb.lang_ != "en" or not subjects or children & (_OBJECT | {"aux"}):
        return False
    if "agent" in children:
        return True
    aimed = _WITH_PREPS | {"on", "against", "upon", "targeting", "into"}
    sides = any(_preposition(c) in aimed for c in verb.children if c.dep_ == "prep")
    opening = subjects[0].left_edge.i == verb.sent.start
    return verb.tag_ == "VBN" and opening and _tolls_joined(verb) and not sides


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
    child: Token, head: Token, passive: bool, doers: list[Token], targets: list[Token], sub: str
) -> None:
    dep = child.dep_
    if child.i == head.i:
        return
    if dep in _SUBJECT | _PASSIVE_SUBJECT and not passive:
        if head.pos_ in {"NOUN", "PROPN"} and head.dep_ in _SUBJECT:
            return
        if head.pos_ in {"NOUN", "PROPN"} and head.head.lemma_.lower() not in _DO_VERBS:
            return
        doers.append(_antecedent(child))
    elif dep in _PASSIVE_SUBJECT | _SUBJECT:
        targets.append(child)
    elif dep in {"agent", "obl:agent"}:
        doers.extend(_objects(child) or [child])
    elif dep in _OBJECT and child.i != head.i:
        targets.append(child)
    elif dep in {"prep", "obl", "obl:arg", "obl:mod", "nmod"}:
        word = _preposition(child)
        if (word in _AGENT_PREPS and passive) or (
            word in {"from", "de"} and sub == "Forced expulsion"
        ):
            doers.extend(_objects(child) or [child])
        elif word in _BETWEEN:
            sides = [t for o in _objects(child)[:1] for t in _sides(o)]
            thrown = sub in _REMOTE and len(sides) < 2  # "a shell landed *between* the trucks"
            if sides and not passive and not thrown:  # "fighting broke out *between* X and Y"
                doers.append(sides[0])
                targets.extend(sides[1:])
        elif word in _TARGET_PREPS | _WITH_PREPS and word not in {"in", "dans", "at", "à"}:
            targets.extend(_objects(child) or [child])


def _noun_arguments(noun: Token, doers: list[Token], targets: list[Token], violent: bool) -> None:
    for child in noun.children:
        if child.dep_ in {"compound", "poss", "nmod:poss", "amod"} and child.pos_ in {
            "NOUN", "PROPN", "ADJ",
        }:  # fmt: skip
            doers.append(child)
        elif child.dep_ in {"prep", "nmod", "acl"}:
            word = _preposition(child)
            objects = _objects(child) or ([child] if child.dep_ == "nmod" else [])
            if word in _AGENT_PREPS or (not violent and word in {"of", "de", "d'", "du", "des"}):
                doers.extend(objects)
            elif word in _BETWEEN and objects:
                first, *others = _sides(objects[0])
                doers.append(first)
                targets.extend(others)
            elif word in _TARGET_PREPS | _WITH_PREPS:
                targets.extend(objects)
            elif child.dep_ == "acl":
                _noun_arguments(child, doers, targets, violent)
                for grandchild in child.children:
                    if grandchild.dep_ in {"obl:agent", "agent"}:
                        doers.extend(_objects(grandchild) or [grandchild])


def _sides(noun: Token) -> list[Token]:
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


def _preposition(token: Token) -> str:
    if token.pos_ == "ADP":
        return token.lower_
    case = next((c for c in token.children if c.dep_ in {"case", "mark"}), None)
    return case.lower_ if case is not None else ""


def _objects(prep: Token) -> list[Token]:
    if prep.pos_ != "ADP":
        return [prep] if prep.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} else []
    return [c for c in prep.children if c.dep_ in {"pobj", "pcomp", "obj"}]


def _antecedent(token: Token) -> Token:
    """ "gunmen *who* attacked": the noun a relative pronoun stands for; "BAMAKO — *Gunmen*
    attacked", parsed with the dateline's town as subject: the noun after the dash."""
    if token.lower_ in _RELATIVE and token.head.dep_ in {"relcl", "acl:relcl"}:
        return token.head.head
    dash = next((t.i for t in token.subtree if t.text in _DASHES and t.i > token.i), None)
    if dash is not None:
        after = [c for c in token.children if c.dep_ == "appos" and c.i > dash]
        return after[0] if after else token
    return token


def _subject_of(verb: Token) -> bool:
    """The clause has its own subject ("two soldiers killed and *one* injured")."""
    return any(c.dep_ in _SUBJECT | _PASSIVE_SUBJECT for c in verb.children)


def _borrowed_subject(verb: Token) -> list[Token]:
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
        if subjects and _passive(current):  # "two soldiers killed and one injured in *an ambush*"
            return []
        if subjects:
            return [_antecedent(subjects[0])]
        if current.dep_ == "ROOT":
            break
    return []


def _mention_for(
    token: Token, mentions: Sequence[ActorMention], doer: bool = False
) -> ActorMention | None:
    """The mention at the token, or the named one it stands for ("fighters *of* ISGS"); a
    doer not from a clause of its own (:func:`_own_clause`)."""
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
        if child.dep_ in {"prep", "nmod"} and _preposition(child) in {"of", "de", "d'", "du"}:
            for noun in _objects(child) or [child]:
                found = next((m for m in mentions if m.start <= noun.i < m.end), None)
                if found is not None and found.template is None:
                    return found
    if direct is not None:
        return direct
    left, right = token.left_edge.i, token.right_edge.i
    if doer:  # what comes after a clause of the noun's own is no longer the noun
        right = min((c.left_edge.i - 1 for c in token.children if _own_clause(c)), default=right)
    within = [m for m in mentions if left <= m.start and m.end - 1 <= right]
    return min(within, key=lambda m: abs(m.start - token.i)) if within else None


def _own_clause(child: Token) -> bool:
    """A clause on a noun that tells an act of its own ("a drone strike *killed* 11 *people*,
    among them four *children*", parsed as a participle of "strike"): who it, or what follows
    it, names is not the noun (who "men *linked to* JNIM" names is)."""
    return child.dep_ in _CLAUSES and any(
        c.dep_ in _OBJECT | _SUBJECT | _PASSIVE_SUBJECT for c in child.children
    )


def _pick(
    tokens: Sequence[Token],
    mentions: Sequence[ActorMention],
    exclude: ActorMention | None = None,
    doer: bool = False,
) -> tuple[ActorMention | None, tuple[ActorMention, ...]]:
    found: list[ActorMention] = []
    for token in tokens:
        for member in _sides(token):
            mention = _mention_for(member, mentions, doer)
            if mention is not None and mention is not exclude and mention not in found:
                found.append(mention)
    if not found:
        return None, ()
    return found[0], tuple(m for m in found[1:] if m.actor.id != found[0].actor.id)


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
        stated = next((k for k in (_stated(t, actor2, mentions, data) for t in holders) if k), None)
        civilian = actor2.actor.inter in {5, 6, 7} or actor2.actor.sector == "NGO"
        return stated or ("civilian" if civilian else "armed")
    for token in targets:
        stated = _stated(token, None, mentions, data)
        if stated is not None:
            return stated
        words = {token.lower_, token.lemma_.lower()}
        before = token.doc[token.left_edge.i : token.i]
        modifiers = {w for t in _qualifiers(token) for w in (t.lower_, t.lemma_.lower())}
        if modifiers & data.armed_modifiers:
            return "armed"
        named = any(t.pos_ == "PROPN" or t.ent_type_ in {"NORP", "MISC", "PERSON"} for t in before)
        if words & data.armed_targets and not (named and words & {"camp", "camps", "campement"}):
            return "armed"
        if modifiers & data.civilian_modifiers or words & data.civilian_targets:
            return "civilian"
    return None


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
    before = _qualifiers(token)
    modifiers = {w for t in before for w in (t.lower_, t.lemma_.lower())}
    said = modifiers & data.civilian_targets
    if not said and not modifiers & data.civilian_modifiers:
        return None
    institution = actor2 is not None and actor2.actor.sector in {"IGO", "NGO"}
    own = (
        range(actor2.start, actor2.end) if actor2 is not None and said and institution else range(0)
    )
    phrase = [t for t in before if t.i not in own]
    for child in token.rights:  # "a supply convoy *of soldiers*"
        if child.dep_ in {"prep", "nmod"} and _preposition(child) in {"of", "de", "d'", "du"}:
            phrase.extend(child.subtree)
    armed_words = data.armed_modifiers | data.armed_targets
    armed = any(t.lower_ in armed_words or t.lemma_.lower() in armed_words for t in phrase)
    spans = {t.i for t in phrase}
    held = any(m.armed and m.start in spans for m in mentions if m.start not in own)
    return None if armed or held else "civilian"


def _qualifiers(token: Token) -> list[Token]:
    """The words that say what a target is: those before it and, as French puts them after
    it, its adjectives and "de" complements ("un convoi *humanitaire*", "un poste *de péage*")."""
    after = [
        c
        for c in token.rights
        if c.dep_ == "amod" or (c.dep_ == "nmod" and _preposition(c) in {"de", "d'", "du"})
    ]
    return [*token.doc[token.left_edge.i : token.i], *after]


def attributed(
    sentence: SpacySpan, mentions: Sequence[ActorMention], data: LanguageData
) -> ActorMention | None:
    """The named armed actor a sentence holds responsible ("officials *blamed* ISSP", "JNIM
    *claimed* the attack", "bore the *hallmarks* of ISWAP", "attribué à l'EIGS", "the mine
    was planted *by* JNIM"), not one named in a further clause (:func:`_verb_between`)."""
    inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
    named = [m for m in inside if m.template is None and m.armed]
    for token in sentence:
        if token.dep_ in {"agent", "obl:agent"}:  # "the device was planted *by* JNIM"
            if token.head.lower_ in data.backing_words:
                continue  # "troops, backed *by* Africa Corps instructors"
            spans = [(token.left_edge.i, token.right_edge.i)]
        elif token.lemma_.lower() in data.attribution_verbs:
            spans = [
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


def _clause_of_its_own(verb: Token) -> bool:
    """A gerund, an infinitive or a verb with its own subject ("of *collaborating* with"); not
    a participle that describes ("men *believed* to be *affiliated* with AQIM")."""
    forms = set(verb.morph.get("VerbForm", []))
    return verb.tag_ == "VBG" or bool(forms & {"Ger", "Inf"}) or _subject_of(verb)


def _verb_between(token: Token, governor: Token) -> bool:
    """ "civilians they *accuse* of *collaborating* with the VDP": a clause of its own stands
    between the name and the word of blame, so the name is not the one blamed."""
    current = token.head
    for _ in range(8):
        if current.i == governor.i or current.head.i == current.i:
            return False
        if current.pos_ in {"VERB", "AUX"} and _clause_of_its_own(current):
            return True
        current = current.head
    return False
