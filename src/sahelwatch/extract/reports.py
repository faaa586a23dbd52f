"""From a joined event (:class:`~sahelwatch.extract.events.Draft`) to an EventReport.

Roles come from the parse of each clause's main trigger; the type from :func:`classify`; the
actors are named as ACLED names them for that type (a protest's actor1 is "Protesters
(Country)", the people who marched its associates; an attack on civilians has "Civilians
(Country)" as actor2 even when the text only says "a village"); counts are added up over the
event's sentences; the place is the toponym its clause puts it at.

A generic actor whose country the text does not give is named with the document's country and
marked in ``details`` (``actor1_template=civilians``), so that :func:`requalify` can name it
again with the country the geo stage finds for the event
(:mod:`sahelwatch.extract.located`).

The event's country before the geo stage: a country named as the place; its actors' (MINUSMA:
Mali); the document's; a guess (``country=guessed``): any actor the document names. An event
the geo stage leaves unplaced then takes the country of the document's places instead of none
or a guess (:func:`~sahelwatch.extract.located.locate_nearby`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sahelwatch.extract.actors import ActorMention, ActorNames
from sahelwatch.extract.attribution import attributed
from sahelwatch.extract.classify import Decision, classify
from sahelwatch.extract.counts import CountPhrase, find_counts, no_fatalities, sum_counts
from sahelwatch.extract.events import Draft, other_times
from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.places import choose_place
from sahelwatch.extract.roles import Roles, find_roles
from sahelwatch.model import Actor, Count, EventReport, PlaceMention, Span
from sahelwatch.pack import EventType

__all__ = ["CODER", "CROWDS", "GUESSED_COUNTRY", "DocumentContext", "build_report"]

CODER = "rules-0.5"
GUESSED_COUNTRY = "country=guessed"
_PROTESTS = frozenset({"Peaceful protest", "Protest with intervention"})
_RIOTS = frozenset({"Violent demonstration", "Mob violence"})
# The crowd ACLED names as actor1 of each protest and riot type (a template of the pack).
CROWDS = MappingProxyType(
    {**dict.fromkeys(_PROTESTS, "protesters"), **dict.fromkeys(_RIOTS, "rioters")}
)
_VAC = frozenset({"Attack", "Abduction/forced disappearance", "Sexual violence"})
_DISPLACEMENT_NO_DOER = frozenset({"Flight", "Disease outbreak"})
_COUNTED = frozenset({"violence", "health", "outcome"})
_DEVICE = "Remote explosive/landmine/IED"
_SECURITY = frozenset({1, 8})
_NON_STATE = frozenset({2, 3})
_LATER = 4  # sentences after an event read for who claimed it
_MUTINY = "mutiny"
_FOUGHT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What the report builder needs about one document."""

    doc: Doc
    doc_id: str
    published: dt.date | None
    data: LanguageData
    actors: Sequence[ActorMention]
    places: Sequence[PlaceMention]
    country: str | None
    types: Mapping[str, EventType]
    names: ActorNames
    countries: Mapping[str, str]
    diseases: Mapping[str, str]
    sahel: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Side:
    actor: Actor | None
    assoc: tuple[Actor, ...] = ()
    template: str | None = None
    text: str | None = None


def build_report(
    draft: Draft, ctx: DocumentContext, previous: EventReport | None = None
) -> EventReport | None:
    """The report of one event, or None when its words name no event after all. An event told
    with no place of its own happened where the ``previous`` one did."""
    sentences = _sentences(draft)
    text = " ".join(s.text for s in sentences)
    aims: dict[int, str | None] = {}
    roles = _roles(draft, ctx, aims)
    elsewhen = other_times(draft, ctx.data)
    phrases = [
        p
        for s in sentences
        for p in find_counts(s, ctx.data, draft.group == "displacement")
        if p.start not in elsewhen
    ]
    killed = _fatalities(draft, phrases, text, ctx.data)
    institution = any(
        m.actor.sector == "IGO" and any(s.start <= m.start < s.end for s in sentences)
        for m in ctx.actors
    )
    decision = classify(
        draft.triggers, roles, bool(killed and killed.best), ctx.data, text, institution, aims
    )
    if decision is None:
        return None
    doer = roles.actor1.actor if roles.actor1 else None
    place = choose_place(
        sentences, decision.trigger.head, ctx.places, ctx.countries,
        draft.group == "displacement", doer.country if doer and doer.inter == 1 else None,
    )  # fmt: skip
    if place is None and previous is not None and previous.location_span is not None:
        place = next((p for p in ctx.places if p.span == previous.location_span), None)
    return _report(draft, ctx, decision, roles, place, sentences, phrases, killed)


def _report(
    draft: Draft,
    ctx: DocumentContext,
    decision: Decision,
    roles: Roles,
    place: PlaceMention | None,
    sentences: Sequence[SpacySpan],
    phrases: Sequence[CountPhrase],
    killed: Count | None,
) -> EventReport:
    kind = ctx.types[decision.sub_event_type]
    day = draft.date.start or ctx.published
    first, second = _acled_sides(decision.sub_event_type, roles, ctx, None)
    sides = (_under_parent(first, ctx, day), _under_parent(second, ctx, day))
    country, guessed = _country(place, ctx, sides)
    one, two = _acled_sides(decision.sub_event_type, roles, ctx, country)
    one = _putsch(decision, one, ctx)
    one, two = _under_parent(one, ctx, day, country), _under_parent(two, ctx, day, country)
    plover = _plover(decision, kind)
    return EventReport(
        id=_report_id(ctx.doc_id, decision), doc_id=ctx.doc_id, family=_family(kind, one, two),
        event_type=kind.event_type, sub_event_type=decision.sub_event_type,
        disorder_type=kind.disorder_type, date=draft.date, modality=draft.modality,
        evidence=tuple(Span(s.start_char, s.end_char) for s in sentences),
        coder=f"{CODER}:{decision.trigger.pattern.id}",
        plover_type=plover[0], plover_mode=plover[1], intensity=plover[2],
        actor1=_name(one.actor), assoc_actor1=_assoc(one.assoc),
        actor2=_name(two.actor), assoc_actor2=_assoc(two.assoc),
        inter1=one.actor.inter if one.actor else None,
        inter2=two.actor.inter if two.actor else None,
        civilian_targeting=_civilian_targeting(decision.sub_event_type, roles, kind),
        location=place.text if place else None, location_span=place.span if place else None,
        country=country, fatalities=killed, injured=sum_counts(phrases, "injured"),
        displaced=_displaced(draft, phrases), abducted=sum_counts(phrases, "abducted"),
        arrested=sum_counts(phrases, "arrested"), diseases=_diseases(draft, ctx),
        confidence=decision.confidence,
        details=(
            *_details(one, two, roles), _trigger_list(draft),
            *((GUESSED_COUNTRY,) if guessed else ()),
        ),
    )  # fmt: skip


def _sentences(draft: Draft) -> list[SpacySpan]:
    seen: dict[int, SpacySpan] = {}
    for candidate in draft.candidates:
        seen.setdefault(candidate.sentence.start, candidate.sentence)
    return [seen[key] for key in sorted(seen)]


def _roles(draft: Draft, ctx: DocumentContext, aims: dict[int, str | None]) -> Roles:
    """Roles from each clause's triggers, the first found for each; a named actor the text
    holds responsible there or in the next sentence ("officials blamed ISSP") replaces a
    guessed or generic doer, and the security forces an explosive device hit ("the mine was
    planted by ISGS")."""
    merged = Roles()
    violent = draft.group in {"violence", "outcome"}
    for candidate in draft.candidates:
        for trigger in sorted(candidate.triggers, key=lambda t: t.kind == "outcome"):
            found = find_roles(trigger, candidate.sentence, ctx.actors, ctx.data, violent)
            aims[trigger.span.start] = found.target
            if merged.guessed and found.actor1 and found.actor1.armed and not found.guessed:
                merged = replace(merged, actor1=None, assoc1=())  # "... in an attack *by* X"
            merged = Roles(
                merged.actor1 or found.actor1,
                merged.assoc1 or found.assoc1,
                merged.actor2 or found.actor2,
                merged.assoc2 or found.assoc2,
                merged.target or found.target,
                merged.doer_text or found.doer_text,
                merged.guessed if merged.actor1 else found.guessed,
            )
    if not violent:
        return merged
    merged = _blame(draft, ctx, _victim_not_doer(merged))
    if merged.actor1 is None and draft.triggers[0].sub_event_type == "Air/drone strike":
        merged = replace(merged, actor1=_air_force(ctx), guessed=True)
    return merged


def _victim_not_doer(roles: Roles) -> Roles:
    """One clause's target is not another's guessed doer ("soldiers were killed in an attack
    on an *army* post": the army was attacked)."""
    one, two = roles.actor1, roles.actor2
    if one is not None and two is not None and roles.guessed and one.same_actor(two):
        return replace(roles, actor1=None, guessed=False)
    return roles


def _blame(draft: Draft, ctx: DocumentContext, merged: Roles) -> Roles:
    """The named actor the event's sentences, or the next one, hold responsible; else the
    first that one of the few sentences after does ("... They burned the post. *JNIM claimed*
    the attack on Sunday.")."""
    sentences = [c.sentence for c in draft.candidates]
    later = _later(sentences[-1], _LATER)
    sentences += later[:1]  # "... Claimed by JNIM."
    blamed = [attributed(s, ctx.actors, ctx.data) for s in sentences]
    named = [m for m in blamed if m is not None]
    if not named:
        further = (attributed(s, ctx.actors, ctx.data) for s in later[1:])
        named = [m for m in further if m is not None][:1]
    doer = merged.actor1
    device = any(t.sub_event_type == _DEVICE for t in draft.triggers)
    hit = device and doer is not None and doer.actor.inter in _SECURITY
    if named and (doer is None or merged.guessed or doer.template is not None or hit):
        return replace(merged, actor1=named[-1], guessed=False)
    return merged


def _later(last: SpacySpan, count: int) -> list[SpacySpan]:
    """Up to ``count`` sentences after ``last``."""
    doc = last.doc
    found: list[SpacySpan] = []
    while len(found) < count and last.end < len(doc):
        last = doc[last.end].sent
        found.append(last)
    return found


def _air_force(ctx: DocumentContext) -> ActorMention | None:
    """An air strike told without its author: the state military the document names."""
    military = [m for m in ctx.actors if m.actor.inter in {1, 8} and m.actor.sector == "MIL"]
    return military[0] if military else None


def _fatalities(
    draft: Draft, phrases: Sequence[CountPhrase], text: str, data: LanguageData
) -> Count | None:
    if draft.group not in _COUNTED:
        return None
    counted = sum_counts(phrases, "killed")
    if counted is not None:
        return counted
    zero = no_fatalities(text, data)
    if zero is not None:
        return Count(0, 0, 0, zero)
    lowered = text.lower()
    casualty = next((w for w in data.casualty_words if f" {w}" in f" {lowered}"), None)
    return Count(0, None, None, casualty) if casualty else None


def _displaced(draft: Draft, phrases: Sequence[CountPhrase]) -> Count | None:
    """A displacement's largest count of the displaced (or, when no word says what happened to
    them, of people): the same people are often counted more than once."""
    if draft.group != "displacement":
        return None
    displaced = [p.count for p in phrases if p.category == "displaced" and not p.subset]
    people = displaced or [p.count for p in phrases if p.category is None and not p.subset]
    return max(people, key=lambda c: c.best) if people else None


def _country(
    place: PlaceMention | None, ctx: DocumentContext, sides: tuple[_Side, _Side]
) -> tuple[str | None, bool]:
    """A country named as the place; else the state actor's; else the document's; else, a
    guess (True), that of the actors the document names."""
    if place is not None:
        code = ctx.countries.get(place.text.casefold())
        if code:
            return code, False
    actors = [side.actor for side in sides if side.actor is not None]
    found = _actors_country(actors, ctx) or ctx.country
    if found is not None:
        return found, False
    guess = _actors_country(ctx.actors, ctx) or _homeland(ctx)
    return guess, guess is not None


def _homeland(ctx: DocumentContext) -> str | None:
    """The region country of the first ethnic group named that lives in only one ("Dogon
    hunters": Mali)."""
    homes = (ctx.names.home_of(m.group) for m in ctx.actors if m.group)
    return next((home for home in homes if home in ctx.sahel), None)


def _actors_country(actors: Sequence[Actor | ActorMention], ctx: DocumentContext) -> str | None:
    """The region country of the first state actor, else of the first other one."""
    found = [a.actor if isinstance(a, ActorMention) else a for a in actors]
    for state in (True, False):
        for actor in found:
            if (actor.inter == 1) == state and actor.country in ctx.sahel:
                return actor.country
    return None


def _report_id(doc_id: str, decision: Decision) -> str:
    key = f"{doc_id}:{decision.trigger.span.start_char}:{decision.sub_event_type}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _family(kind: EventType, one: _Side, two: _Side) -> str:
    """Agreements between states and institutions are diplomacy."""
    if kind.sub_event_type == "Agreement" and one.actor and one.actor.sector in {"GOV", "IGO"}:
        return "diplomacy"
    return kind.family


def _plover(decision: Decision, kind: EventType) -> tuple[str | None, str | None, float]:
    """PLOVER type, mode and intensity: the trigger's when it names the type, else the type's."""
    pattern = decision.trigger.pattern
    if pattern.sub_event_type == decision.sub_event_type and pattern.kind == "event":
        return pattern.plover_type, pattern.plover_mode or None, pattern.intensity
    return kind.plover_type or None, kind.plover_mode or None, kind.intensity


def _civilian_targeting(sub: str, roles: Roles, kind: EventType) -> bool | None:
    if sub in _VAC:
        return True
    if kind.family == "conflict" and roles.target == "civilian":
        return True
    return None


def _side(mention: ActorMention | None, ctx: DocumentContext, country: str | None) -> _Side:
    if mention is None:
        return _Side(None)
    if mention.others:
        actors = (mention.actor, *mention.others)
        names = " and/or ".join(a.acled_name or a.name for a in actors)
        ident = " and/or ".join(a.id for a in actors)  # no parent codes a composite
        composite = replace(mention.actor, id=ident, name=names, acled_name=names)
        return _Side(composite, text=mention.text)
    if mention.template is None or mention.country is not None:
        return _Side(mention.actor, text=mention.text)
    named = _antecedent(mention, ctx)
    if named is not None:
        return _side(named, ctx, country)
    earlier = _earlier_country(mention, ctx)
    if earlier is not None:
        actor = ctx.names.render(mention.template, earlier, mention.group)
        return _Side(actor, text=mention.text)
    actor = ctx.names.render(mention.template, country, mention.group)
    return _Side(actor, template=_template_key(mention.template, mention.group), text=mention.text)


def _under_parent(
    side: _Side, ctx: DocumentContext, day: dt.date | None, country: str | None = None
) -> _Side:
    """A group ACLED codes under its parent at that date: the parent, the group associated. A
    parent that is a generic kind ("Dozo Communal Militia ({country})") takes the event's
    country."""
    if side.actor is None:
        return side
    parent = ctx.names.parent_at(side.actor, day)
    if parent is None:
        return side
    assoc = (side.actor, *side.assoc)
    if not ctx.names.is_template(parent.id):
        return replace(side, actor=parent, assoc=assoc)
    actor = ctx.names.render(parent.id, country)
    return replace(side, actor=actor, assoc=assoc, template=parent.id)


def _antecedent(mention: ActorMention, ctx: DocumentContext) -> ActorMention | None:
    """ "JNIM militants attacked ...; *the militants* burned ...": a definite generic armed
    group is the named armed group last mentioned before it."""
    if mention.actor.inter not in _NON_STATE or mention.start == 0:
        return None
    if ctx.doc[mention.start - 1].lower_ not in ctx.data.definite:
        return None
    earlier = [
        m
        for m in ctx.actors
        if m.end <= mention.start and m.template is None and m.actor.inter in _NON_STATE
    ]
    return earlier[-1] if earlier else None


def _earlier_country(mention: ActorMention, ctx: DocumentContext) -> str | None:
    """ "the junta" after "the Malian junta": the country of the last mention of its kind."""
    for earlier in reversed([m for m in ctx.actors if m.end <= mention.start]):
        if earlier.template == mention.template and earlier.country:
            return earlier.country
        if mention.template and ctx.names.kind_of(earlier.actor.id) == mention.template:
            return earlier.actor.country
    return None


def _template_key(template: str, group: str | None) -> str:
    return f"{template}|{group}" if group else template


def _generic(template: str, ctx: DocumentContext, country: str | None, text: str | None) -> _Side:
    return _Side(ctx.names.render(template, country), template=template, text=text)


def _acled_sides(
    sub: str, roles: Roles, ctx: DocumentContext, country: str | None
) -> tuple[_Side, _Side]:
    """(actor1, actor2) named as ACLED does for this type (see the module docstring)."""
    one, two = _side(roles.actor1, ctx, country), _side(roles.actor2, ctx, country)
    one = replace(one, assoc=tuple(m.actor for m in roles.assoc1))
    two = replace(two, assoc=tuple(m.actor for m in roles.assoc2))
    if sub in _PROTESTS:
        state = one if one.actor and one.actor.inter == 1 else None
        participants = tuple(a for a in (one.actor, two.actor) if a and a.inter in {6, 7})
        protesters = _generic("protesters", ctx, country, None)
        return replace(protesters, assoc=participants), state or _Side(None)
    if sub in _RIOTS:
        rioters = _generic("rioters", ctx, country, None)
        return rioters, _riot_opponent(one, two, ctx)
    if sub == "Excessive force against protesters":  # a protest event: the protesters first
        return _generic("protesters", ctx, country, None), one
    if sub in _DISPLACEMENT_NO_DOER:
        people = next((s for s in (two, one) if s.actor and s.actor.inter == 7), _Side(None))
        return _Side(None), people
    if sub == "Arrests" and one.actor is None:  # an arrest told without who made it
        return _generic("police", ctx, country, None), two
    one = _violent_doer(sub, one, roles, ctx, country)
    civilian = sub in _VAC or (roles.target == "civilian" and ctx.types[sub].family == "conflict")
    if civilian and (two.actor is None or two.actor.inter != 7):
        two = _generic("civilians", ctx, country, None)
    return one, two


def _riot_opponent(one: _Side, two: _Side, ctx: DocumentContext) -> _Side:
    """A riot's actor2: the force on the other side of the crowd, also when the clause names it
    first ("*police* clashed with protesters"; not soldiers who riot themselves); never the
    crowd again."""
    crowd = two.actor is not None and two.actor.inter in {5, 6, 7}
    if one.actor is not None and one.actor.inter == 1 and crowd:
        return one
    if two.actor is None or two.actor.inter == 5:
        return _Side(None)
    rendered = two.actor.id.partition(":")[0]  # a template's rendering ("protesters:ML:")
    kind = ctx.names.kind_of(two.actor.id) or rendered
    return _Side(None) if kind in {"protesters", "rioters"} else two


def _violent_doer(
    sub: str, one: _Side, roles: Roles, ctx: DocumentContext, country: str | None
) -> _Side:
    """Civilians do not attack: an unknown doer of violence is an unidentified armed group (of
    an air strike, the country's military: armed groups here fly no aircraft). A government
    fights through its forces ("Algeria shelled ...": the military of Algeria)."""
    kind = ctx.types[sub]
    if kind.family != "conflict":
        return one
    state = one.actor is not None and one.actor.inter == 1 and one.actor.sector == "GOV"
    if state and one.actor and one.actor.country and kind.event_type in _FOUGHT:
        return _Side(ctx.names.render("military", one.actor.country), text=one.text)
    if one.actor is None and sub == "Air/drone strike":
        return _generic("military", ctx, country, roles.doer_text)
    if one.actor is None or (one.actor.inter == 7 and one.template in {"civilians", None}):
        return _generic("unidentified", ctx, country, roles.doer_text or one.text)
    group = roles.actor1.group if roles.actor1 else None
    if one.actor.inter == 7 and group:
        actor = ctx.names.render("ethnic-militia", country, group)
        return _Side(actor, template=_template_key("ethnic-militia", group), text=one.text)
    return one


def _putsch(decision: Decision, one: _Side, ctx: DocumentContext) -> _Side:
    """Soldiers who take power ("the army *seized power*", "un *putsch*") are in mutiny; soldiers
    of no country yet stay a template, named once the event's country is found."""
    if one.actor is None or one.actor.inter != 1 or one.actor.sector != "MIL":
        return one
    if not any(t.lemma_.lower() in ctx.data.coup_words for t in decision.trigger.span):
        return one
    actor = ctx.names.render(_MUTINY, one.actor.country)
    return _Side(actor, template=_MUTINY if one.template else None, text=one.text)


def _name(actor: Actor | None) -> str | None:
    return (actor.acled_name or actor.name) if actor else None


def _assoc(actors: tuple[Actor, ...]) -> str | None:
    names = [n for n in (_name(a) for a in actors) if n]
    return "; ".join(dict.fromkeys(names)) or None


def _details(one: _Side, two: _Side, roles: Roles) -> tuple[str, ...]:
    out: list[str] = []
    for number, side in ((1, one), (2, two)):
        if side.template:
            out.append(f"actor{number}_template={side.template}")
        if side.text:
            out.append(f"actor{number}_text={side.text}")
    if roles.target:
        out.append(f"target={roles.target}")
    return tuple(out)


def _trigger_list(draft: Draft) -> str:
    """Every pattern that fired for the event (provenance; also a hint for a classifier)."""
    return "triggers=" + " ".join(dict.fromkeys(t.pattern.id for t in draft.triggers))


def _diseases(draft: Draft, ctx: DocumentContext) -> tuple[str, ...]:
    if draft.group != "health":
        return ()
    found: list[str] = []
    for candidate in draft.candidates:
        for token in candidate.sentence:
            name = ctx.diseases.get(token.lower_)
            if name and name not in found:
                found.append(name)
    return tuple(found)
