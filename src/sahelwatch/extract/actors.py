"""Actor recognition: the region pack's dictionary, generic kinds qualified by country, composites.

Three kinds of mention come out of :meth:`ActorMatcher.find`:

- a **named** actor of the dictionary ("FAMa", "Islamic State Sahel Province", "ECOWAS");
- a **generic** kind, a template of the pack ("soldiers", "gunmen", "civilians"), qualified by an
  adjacent demonym ("*Malian* soldiers" -> Military Forces of Mali) or later by the event's
  country, and by an ethnic group ("*Fulani* militiamen" -> Fulani Ethnic Militia);
- a **composite** "X and/or Y" or "X or Y" of two named actors, as ACLED names unattributed
  attacks ("JNIM: ... and/or Islamic State (Greater Sahara)").

A name that only qualifies another ("*al-Qaeda*-linked JNIM") is dropped; a backer
("*Wagner*-backed Malian forces") is kept on the mention it backs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sahelwatch.extract.lang import LanguageData
from sahelwatch.model import Actor
from sahelwatch.pack import RegionPack

__all__ = ["ActorMatcher", "ActorMention", "ActorNames", "composite"]

_COUNTRY_SLOT = "{country}"
_GROUP_SLOT = "{group}"
_OR_WORDS = frozenset({"or", "and/or", "ou", "et/ou"})
_AND_OR = " and/or "
# Unidentified armed men named by their ethnic group are that group's militia ("*Fulani* gunmen",
# "a *Dogon* communal militia").
_GROUP_KINDS = {"unidentified": "ethnic-militia", "communal-militia": "ethnic-militia"}
_POSSESSIVE = frozenset({"'s", "’s"})
_METONYM = "metonym:"
_COPULA = frozenset({"to", "be", "being", "as", "of", "être", "comme", "d'", "de", "des", "du"})


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named at tokens ``[start, end)`` of a Doc.

    ``template`` is the generic kind ("civilians"...) when the name is not a named actor;
    ``country`` the nationality an adjacent demonym gives; ``group`` an ethnic group's name;
    ``others`` the second actor of a composite; ``backer`` an actor named as backing this one.
    """

    actor: Actor
    start: int
    end: int
    text: str
    template: str | None = None
    country: str | None = None
    group: str | None = None
    others: tuple[Actor, ...] = ()
    backer: Actor | None = None

    @property
    def armed(self) -> bool:
        return self.actor.inter not in {5, 6, 7} and self.actor.sector not in {"NGO", "IGO", "GOV"}

    def same_actor(self, other: ActorMention) -> bool:
        """Both name the actor ACLED codes alike ("gendarmes" and "police" in Mali, "the
        Nigerien gendarmerie" and "Nigerien soldiers"): one side of an event, not two."""
        if self.actor.id == other.actor.id:
            return True
        mine = (self.actor.acled_name or self.actor.name, self.country, self.group)
        return mine == (other.actor.acled_name or other.actor.name, other.country, other.group)


class ActorNames:
    """Names actors as ACLED does: templates filled with a country and a group."""

    def __init__(self, pack: RegionPack) -> None:
        self._pack = pack
        self._templates = {a.id: a for a in pack.actors if a.id in pack.templates}
        self._instances = {
            (template, actor.country): actor
            for actor in pack.actors
            for template in (pack.instance_of.get(actor.id),)
            if template and actor.country
        }
        self._homes = {group.name: group.country for group in pack.groups if group.country}

    def template(self, template_id: str) -> Actor:
        return self._templates[template_id]

    def is_template(self, actor_id: str) -> bool:
        """True for a generic kind ("civilians"), named with a country."""
        return actor_id in self._templates

    def is_rendering(self, actor_id: str) -> bool:
        """True for a generic kind named with a country ("islamist-militia:ML:")."""
        return actor_id.partition(":")[0] in self._templates and ":" in actor_id

    def home_of(self, group: str) -> str | None:
        """The one country of the region an ethnic group lives in (Dogon: Mali), if it has one."""
        return self._homes.get(group)

    def kind_of(self, actor_id: str) -> str | None:
        """The template a named actor is an instance of ("mil-ml": "military")."""
        return self._pack.instance_of.get(actor_id)

    def parent_at(self, actor: Actor, day: dt.date | None) -> Actor | None:
        """The actor ACLED codes ``actor``'s events under on ``day`` (Katiba Macina: JNIM); a
        parent "X and/or Y" names both suspects (the press's "Boko Haram" after the 2016
        split: ISWAP and/or JAS); suspects named together are each named by their parent
        ("Katiba Macina or Ansaroul Islam" in 2019: JNIM); a generic kind in its country names
        the group ACLED credits there then ("Islamists" in Mali in 2012: Ansar Dine)."""
        if _AND_OR in actor.id:
            return self._suspects_at(actor.id.split(_AND_OR), day)
        key = ":".join(actor.id.split(":")[:2])  # a template's rendering: by its country
        if key != actor.id and day is None:
            return None  # a generic kind names a group only at a known date
        for affiliation in self._pack.coded_as_parent.get(key, ()):
            if day is None or (affiliation.start or day) <= day <= (affiliation.end or day):
                return self._suspects(affiliation.parent)
        return None

    def named_first(
        self, actor: Actor, other: Actor, day: dt.date | None, *event_types: str
    ) -> bool:
        """True when ACLED names ``actor`` before ``other`` in an event of one of those types
        (an ACLED event type, its sub-event type) on ``day``, whichever acted
        (:class:`~sahelwatch.pack.CodedFirst`); ``other`` counts by its id, or the template it
        was named from ("unidentified")."""
        conventions = self._pack.coded_first.get(actor.id, ())
        kinds = {other.id, other.id.partition(":")[0], self.kind_of(other.id) or other.id}
        return any(
            c.holds(day, event_type, kind)
            for c in conventions
            for kind in kinds
            for event_type in event_types
        )

    def _suspects_at(self, ids: Sequence[str], day: dt.date | None) -> Actor | None:
        """The suspects of a composite named by their parents at ``day``, once each; None when
        no suspect has a parent then."""
        found = [self._pack.actor(ident) for ident in ids]
        members = [actor for actor in found if actor is not None]
        named = [self.parent_at(actor, day) or actor for actor in members]
        if len(members) < len(ids) or [a.id for a in named] == [a.id for a in members]:
            return None
        unique = list({actor.id: actor for actor in named}.values())
        return unique[0] if len(unique) == 1 else composite(unique)

    def _suspects(self, parent: str) -> Actor | None:
        found = [self._pack.actor(part.strip()) for part in parent.split(_AND_OR)]
        actors = [actor for actor in found if actor is not None]
        if len(actors) < 2:
            return actors[0] if actors else None
        return composite(actors)

    def affiliated(self, first: Actor, second: Actor) -> bool:
        """One still belongs to the other: "JNIM/Katiba Macina" (but "ISWAP/Boko Haram", a
        membership that ended, names two suspects)."""
        memberships = (*first.affiliations, *second.affiliations)
        parents = {a.parent for a in memberships if a.end is None}
        return bool(parents & {first.id, second.id, first.name, second.name})

    def render(self, template_id: str, country: str | None, group: str | None = None) -> Actor:
        """The actor a template names in ``country`` (a named instance when the pack has one)."""
        if country and (template_id, country) in self._instances:
            return self._instances[(template_id, country)]
        base = self._templates[template_id]
        name = base.acled_name or base.name
        name = name.replace(_GROUP_SLOT, group) if group else name.replace(_GROUP_SLOT + " ", "")
        country_name = self._pack.country_names.get(country or "")
        if country_name:
            name = name.replace(_COUNTRY_SLOT, country_name)
        else:
            name = name.replace(f" ({_COUNTRY_SLOT})", "").replace(f" of {_COUNTRY_SLOT}", "")
        ident = f"{template_id}:{country or ''}:{group or ''}"
        return replace(base, id=ident, name=name, acled_name=name, country=country)


class ActorMatcher:
    """Finds actor mentions in a Doc (see the module docstring)."""

    def __init__(self, nlp: Language, pack: RegionPack, language: str, data: LanguageData) -> None:
        self._data = data
        self.names = ActorNames(pack)
        self._actors = {actor.id: actor for actor in pack.actors}
        self._templates = pack.templates
        self._country_names = {name.casefold() for name in pack.country_names.values()}
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._possessive: set[str] = set()
        for actor in pack.actors:
            names = set(dict(actor.aliases).get(language, ()))
            if actor.id not in pack.templates:
                names.add(actor.name)
            owners = _possessives(names)
            self._possessive |= {name.casefold() for name in owners}
            self._add(nlp, actor.id, names | owners)
        for group in pack.groups:
            self._add(nlp, f"group:{group.name}", set(dict(group.aliases).get(language, ())))
        for name, actor_id in pack.metonyms.items():
            self._exact.add(f"{_METONYM}{actor_id}", [nlp.make_doc(name)])
        demonyms = pack.demonyms.get(language, {})
        for word, country in demonyms.items():
            words = {word}
            if word == pack.country_names.get(country, "").casefold():
                words |= _possessives({word.title()})
            for form in words:
                self._folded.add(f"cc:{country}", [nlp.make_doc(form)])

    def _add(self, nlp: Language, key: str, names: set[str]) -> None:
        exact = [nlp.make_doc(n) for n in names if n.isupper() or len(n) <= 4]
        folded = [nlp.make_doc(n) for n in names if not (n.isupper() or len(n) <= 4)]
        if exact:
            self._exact.add(key, exact)
        if folded:
            self._folded.add(key, folded)

    def find(self, doc: Doc) -> list[ActorMention]:
        """Non-overlapping actor mentions in text order (longest names first)."""
        spans = [
            SpacySpan(doc, start, end, label=match_id)
            for matcher in (self._exact, self._folded)
            for match_id, start, end in matcher(doc)
        ]
        spans = [s for s in map(_metonym, spans) if s is not None]
        qualifiers = {s.start: s for s in spans if s.label_.startswith(("cc:", "group:"))}
        chosen: list[SpacySpan] = []
        candidates = [s for s in spans if not s.label_.startswith(("cc:", "group:"))]
        for span in sorted(candidates, key=lambda s: (-(s.end - s.start), s.start)):
            if all(span.end <= other.start or other.end <= span.start for other in chosen):
                chosen.append(span)
        mentions = [self._mention(doc, span, qualifiers) for span in sorted(chosen, key=_start)]
        dateline = _dateline_end(doc)
        named = {i for span in chosen for i in range(span.start, span.end)}
        places = _place_entities(doc)
        kept = [
            m
            for m in mentions
            if m is not None and not _inside_place(places, m, named) and m.start >= dateline
        ]
        kept = [m for m in kept if not self._qualifying(doc, m, kept)]
        kept = sorted(
            [*kept, *self._groups(doc, qualifiers, kept), *self._national_acts(qualifiers, kept)],
            key=lambda m: m.start,
        )
        return _combine(doc, kept, self._data, self.names)

    def _qualifying(self, doc: Doc, mention: ActorMention, mentions: list[ActorMention]) -> bool:
        """ "*Chad*'s security forces": a name that only qualifies a longer mention around it,
        or owns the named actor right after it ("*Libya*'s Muammar Gaddafi", "*Libyas* ...")."""
        after = mention.end
        if after < len(doc) and doc[after].lower_ in _POSSESSIVE:
            after += 1
        elif mention.text.casefold() not in self._possessive:
            after = -1
        for other in mentions:
            if other is mention:
                continue
            if _contains(other, mention):
                return True
            owned = after >= 0 and other.template is None and 0 <= other.start - after <= 3
            if owned and all(t.pos_ == "PROPN" for t in doc[after : other.start]):
                return True
        return False

    def _groups(
        self, doc: Doc, qualifiers: Mapping[int, SpacySpan], mentions: list[ActorMention]
    ) -> list[ActorMention]:
        """Ethnic groups named on their own ("attacked by *Tuaregs*"): civilians of that group."""
        found = []
        for span in qualifiers.values():
            if not span.label_.startswith("group:") or span.root.pos_ not in {"NOUN", "PROPN"}:
                continue
            if any(m.start <= span.start < m.end or m.start == span.end for m in mentions):
                continue
            if span.end < len(doc) and doc[span.end].pos_ in {"NOUN", "PROPN"}:
                continue
            group = span.label_[6:]
            actor = self.names.render("civilians", None, None)
            found.append(
                ActorMention(actor, span.start, span.end, span.text, "civilians", None, group)
            )
        return found

    def _national_acts(
        self, qualifiers: Mapping[int, SpacySpan], mentions: list[ActorMention]
    ) -> list[ActorMention]:
        """ "*Nigerien* air strikes", "des frappes *maliennes*": a nationality on the noun of an
        act of force names the state's military as its author (a country's name there says
        where: "the *Mali* attack")."""
        found = []
        for span in qualifiers.values():
            word = span.root
            if not span.label_.startswith("cc:") or word.dep_ not in {"amod", "compound"}:
                continue
            if span.text.casefold() in self._country_names:  # "the *Mali* attack": where
                continue
            if any(m.start <= span.start < m.end for m in mentions):
                continue
            noun = word.head
            if not self._act_of_force(noun, span.end):
                continue
            country = span.label_[3:]
            actor = self.names.render("military", country)
            found.append(ActorMention(actor, span.start, span.end, span.text, "military", country))
        return found

    def _act_of_force(self, noun: Token, after: int) -> bool:
        """The noun of an act of force with no other doer between it and the nationality
        ("*Sudanese* rebel attack": the rebels attacked)."""
        words = self._data.event_nouns
        if noun.lemma_.lower() not in words and noun.lower_ not in words:
            return False
        between = noun.doc[after : noun.i] if after <= noun.i else noun.doc[noun.i + 1 : after - 1]
        foes = self._data.armed_foes | self._data.armed_people
        return not any(t.lemma_.lower() in foes or t.lower_ in foes for t in between)

    def _mention(
        self, doc: Doc, span: SpacySpan, qualifiers: Mapping[int, SpacySpan]
    ) -> ActorMention | None:
        start, country, group = span.start, None, None
        for _ in range(2):
            before = _qualifier_before(doc, start, qualifiers)
            if before is None:
                break
            if before.label_.startswith("cc:"):
                country = country or before.label_[3:]
            else:
                group = group or before.label_[6:]
            start = before.start
        actor_id = span.label_
        if actor_id not in self._templates:
            return ActorMention(self._actors[actor_id], span.start, span.end, span.text)
        end = span.end
        if country is None:
            country = _nationality_after(doc, span.end, qualifiers)
        if country is None:
            country, end = _demonym_after(span, qualifiers)
        after = qualifiers.get(end)
        if group is None and after is not None and after.label_.startswith("group:"):
            group, end = after.label_[6:], after.end  # "miliciens *peuls*"
        actor_id = _GROUP_KINDS.get(actor_id, actor_id) if group else actor_id
        actor = self.names.render(actor_id, country, group)
        text = doc[start:end].text
        return ActorMention(actor, start, end, text, actor_id, country, group)


def composite(actors: Sequence[Actor]) -> Actor:
    """One actor for suspects named together, as ACLED names them ("JNIM: ... and/or Islamic
    State (Greater Sahara)"); its id joins theirs, so no parent codes it and it belongs to no
    group."""
    name = _AND_OR.join(a.acled_name or a.name for a in actors)
    ident = _AND_OR.join(a.id for a in actors)
    return replace(actors[0], id=ident, name=name, acled_name=name, affiliations=())


def _metonym(span: SpacySpan) -> SpacySpan | None:
    """The span itself, or for a capital's: its government when the capital stands for it
    ("*Algiers* summoned the ambassador", "*Bamako* and *Niamey* announced"), only as the
    subject of a clause ("in Bamako", "attacked Niamey", "Bamako residents" name the city)."""
    if not span.label_.startswith(_METONYM):
        return span
    root = span.root
    subject = root.head if root.dep_ == "conj" else root
    if subject.dep_ != "nsubj":
        return None
    return SpacySpan(span.doc, span.start, span.end, label=span.label_[len(_METONYM) :])


def _start(span: SpacySpan) -> int:
    return span.start


def _possessives(names: set[str]) -> set[str]:
    """ "Debys", "Chads": proper names with the possessive's apostrophe dropped, as notes and
    headlines often write them ("President Tandjas bid", "Chads security forces")."""
    return {
        f"{name}s"
        for name in names
        if not name.isupper()
        and name[-1:].isalpha()
        and not name.endswith("s")
        and all(word[:1].isupper() and word.isalpha() for word in name.split())
    }


def _contains(outer: ActorMention, inner: ActorMention) -> bool:
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and outer.end - outer.start > inner.end - inner.start
    )


def _dateline_end(doc: Doc) -> int:
    """The first token after a dateline ("KIDAL, Mali —", "BAMAKO (TSW) —"), or 0."""
    for token in doc[:12]:
        if token.text in {"—", "–"}:
            return token.i + 1
    return 0


def _place_entities(doc: Doc) -> list[SpacySpan]:
    """The place entities, read once (``doc.ents`` builds its spans anew on each read)."""
    return [ent for ent in doc.ents if ent.label_ in {"GPE", "LOC", "FAC"}]


def _inside_place(places: list[SpacySpan], mention: ActorMention, named: set[int]) -> bool:
    """ "the *Niger* River", "Burkina Faso's *Sahel* region": part of a longer place name (not
    one the parser made of names and an article alone: "*the Ansar Dine* Islamist group")."""
    return any(
        ent.start <= mention.start
        and mention.end <= ent.end
        and any(
            not (mention.start <= t.i < mention.end or t.i in named or t.pos_ == "DET") for t in ent
        )
        for ent in places
    )


def _qualifier_before(
    doc: Doc, start: int, qualifiers: Mapping[int, SpacySpan]
) -> SpacySpan | None:
    for qualifier in qualifiers.values():
        if qualifier.end == start:
            return qualifier
        if qualifier.end == start - 1 and doc[start - 1].lower_ in _POSSESSIVE:
            return qualifier
    return None


def _demonym_after(span: SpacySpan, qualifiers: Mapping[int, SpacySpan]) -> tuple[str | None, int]:
    """The country of a demonym that follows its noun as an adjective ("la police
    *algérienne*", "des soldats *maliens*"), and the mention's new end; English puts it before."""
    following = qualifiers.get(span.end)
    if following is None or not following.label_.startswith("cc:"):
        return None, span.end
    word = following.root
    if word.pos_ != "ADJ" or word.dep_ != "amod" or word.head.i not in range(span.start, span.end):
        return None, span.end
    return following.label_[3:], following.end


def _nationality_after(doc: Doc, end: int, qualifiers: Mapping[int, SpacySpan]) -> str | None:
    """The country of "refugees *from Mali*" / "réfugiés *du Mali*"."""
    if end < len(doc) and doc[end].lower_ in {"from", "de", "du", "d'", "of"}:
        following = qualifiers.get(end + 1)
        if following is not None and following.label_.startswith("cc:"):
            return following.label_[3:]
    return None


def _combine(
    doc: Doc, mentions: list[ActorMention], data: LanguageData, names: ActorNames
) -> list[ActorMention]:
    """Drop qualifying names, keep backers, join composites ("JNIM and/or ISGS militants"),
    name generic kinds ("volunteer fighters (VDP)")."""
    out: list[ActorMention] = []
    pending = list(mentions)
    while pending:
        mention = pending.pop(0)
        following = pending[0] if pending else None
        link = _link(doc, mention, following, data, names)
        if link is None and _modifier(doc, mention):
            continue
        if following is None or link is None:
            out.append(mention)
        elif link == "qualifies":
            continue
        elif link == "backs":
            pending[0] = replace(following, backer=mention.actor)
        elif link == "backed":
            pending[0] = replace(mention, backer=following.actor)
        elif link == "names":
            pending.pop(0)
            end = following.end + int(following.end < len(doc) and doc[following.end].text == ")")
            text = doc[mention.start : end].text
            out.append(replace(following, start=mention.start, end=end, text=text))
        else:
            pending.pop(0)
            others = (*mention.others, following.actor) if link == "or" else mention.others
            end = max(mention.end, following.end)
            text = doc[mention.start : end].text
            pending.insert(0, replace(mention, end=end, text=text, others=others))
    return out


def _modifier(doc: Doc, mention: ActorMention) -> bool:
    """ "*military*-escorted", "*military*-led": a name inside a compound adjective."""
    end = mention.end
    return (
        end + 1 < len(doc)
        and doc[end].text in {"-", "–"}
        and doc[end + 1].pos_
        in {
            "VERB",
            "ADJ",
        }
    ) or (end < len(doc) and doc[end].text.startswith("-") and len(doc[end].text) > 1)


def _link(
    doc: Doc,
    first: ActorMention,
    second: ActorMention | None,
    data: LanguageData,
    names: ActorNames,
) -> str | None:
    """How two neighbouring mentions relate: qualifies, backs ("*Wagner*-backed forces"), backed
    ("the army, supported by *Dozos*"), or (composite), same (also a named group's generic
    noun: "ISGS *militants*"), names (a generic kind named in brackets: "volunteer fighters
    (VDP)", "gunmen (presumed JNIM)"), or None."""
    if second is None or second.start - first.end > 4:
        return None
    between = [t.lower_ for t in doc[first.end : second.start]]
    words = [w for w in between if w not in {"-", "–"}]
    if words and words[0] in data.affiliation_words:
        return "qualifies"
    backing = words[1:] if words[:1] == [","] else words
    if backing and backing[0] in data.backing_words:
        return "backs" if len(backing) == 1 else "backed"  # "supported *by* X": X backs
    if first.template is not None and second.template is None:
        armed = first.armed and second.armed
        return "names" if _bracketed(words, data, armed) else None
    if first.template is None and second.template is not None:
        return "same" if words in ([], [")"]) and first.armed and second.armed else None
    if first.template is not None or second.template is not None:
        return None
    if words == ["/"]:
        return "same" if names.affiliated(first.actor, second.actor) else "or"
    if words in (["("], [","]):
        return "same"
    if "".join(words) in _OR_WORDS:
        return "same" if first.actor.id == second.actor.id else "or"
    return None


def _bracketed(words: list[str], data: LanguageData, armed: bool) -> bool:
    """ "gunmen (suspected to be", "gunmen, *believed* to be", "gunmen *believed to be*": the
    words between a generic kind and the name that says who they were (any few words in
    brackets between armed ones, else a hedge and a few words; without a bracket or comma, a
    hedge and only words of being between armed ones)."""
    if words and words[0] in data.hedges and armed:  # "gunmen *believed to be* GATIA"
        return len(words) <= 3 and all(w in _COPULA for w in words[1:])
    if not words or words[0] not in {"(", ","}:
        return False
    inner = words[1:]
    if words[0] == "(" and armed:
        return len(inner) <= 3
    if words[0] == "(" and not inner:
        return True
    return bool(inner) and inner[0] in data.hedges and len(inner) <= 3


def tokens_of(mention: ActorMention, doc: Doc) -> SpacySpan:
    """The tokens of a mention."""
    return doc[mention.start : mention.end]
