"""From a joined event (:class:`~sahelwatch.extract.events.Draft`) to an EventReport.

Roles come from the parse of each clause's main trigger; the type from :func:`classify`; the
actors are named as ACLED names them for that type (:mod:`sahelwatch.extract.sides`); counts
are added up over the event's sentences; the place is the toponym its clause puts it at.

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

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan

from sahelwatch.extract.actors import ActorMention
from sahelwatch.extract.attribution import attributed
from sahelwatch.extract.classify import Decision, classify
from sahelwatch.extract.context import DocumentContext
from sahelwatch.extract.counts import CountPhrase, find_counts, no_fatalities, sum_counts
from sahelwatch.extract.events import Draft, other_times
from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.places import choose_place
from sahelwatch.extract.roles import Roles, armed_subjects, find_roles
from sahelwatch.extract.sides import (
    VAC_TYPES,
    Side,
    acled_sides,
    actor_name,
    assoc_names,
    coded_order,
    putsch,
    side_details,
    under_parent,
)
from sahelwatch.model import Actor, Count, EventReport, PlaceMention, Span
from sahelwatch.pack import EventType

__all__ = ["CODER", "GUESSED_COUNTRY", "build_report"]

CODER = "rules-0.8"
GUESSED_COUNTRY = "country=guessed"
_COUNTED = frozenset({"violence", "health", "outcome"})
_DEVICE = "Remote explosive/landmine/IED"
_SECURITY = frozenset({1, 8})
_LATER = 4  # sentences after an event read for who claimed it
_RECALL = "Recall of ambassador"


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
    # People moved, and envoys recalled: where they left from is not where the event is
    # ("recalling its ambassador from Algiers" is Mali's act).
    moving = draft.group == "displacement" or decision.sub_event_type == _RECALL
    place = choose_place(
        sentences, decision.trigger.head, ctx.places, ctx.countries, moving,
        doer.country if doer and doer.inter == 1 else None,
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
    told = decision.trigger.sub_event_type
    first, second = acled_sides(decision.sub_event_type, roles, ctx, None, told=told)
    sides = (under_parent(first, ctx, day), under_parent(second, ctx, day))
    country, guessed = _country(place, ctx, sides)
    one, two = acled_sides(decision.sub_event_type, roles, ctx, country, told=told)
    one = putsch(decision, one, ctx)
    one, two = under_parent(one, ctx, day, country), under_parent(two, ctx, day, country)
    one, two = coded_order(one, two, ctx, day, kind.acled_event_type, decision.sub_event_type)
    plover = _plover(decision, kind)
    return EventReport(
        id=_report_id(ctx.doc_id, decision), doc_id=ctx.doc_id, family=_family(kind, one, two),
        event_type=kind.event_type, sub_event_type=decision.sub_event_type,
        disorder_type=kind.disorder_type, date=draft.date, modality=draft.modality,
        evidence=tuple(Span(s.start_char, s.end_char) for s in sentences),
        coder=f"{CODER}:{decision.trigger.pattern.id}",
        plover_type=plover[0], plover_mode=plover[1], intensity=plover[2],
        actor1=actor_name(one.actor), assoc_actor1=assoc_names(one.assoc),
        actor2=actor_name(two.actor), assoc_actor2=assoc_names(two.assoc),
        inter1=one.actor.inter if one.actor else None,
        inter2=two.actor.inter if two.actor else None,
        civilian_targeting=_civilian_targeting(decision.sub_event_type, roles, kind),
        location=place.text if place else None, location_span=place.span if place else None,
        country=country, fatalities=killed, injured=sum_counts(phrases, "injured"),
        displaced=_displaced(draft, phrases), abducted=sum_counts(phrases, "abducted"),
        arrested=sum_counts(phrases, "arrested"), diseases=_diseases(draft, ctx),
        confidence=decision.confidence,
        details=(
            *side_details(one, two, roles), _trigger_list(draft),
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
    if merged.actor1 is None:
        merged = replace(merged, actor1=_subject_before(draft, ctx, merged.actor2))
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
    """The named actor the event's sentences (and those between them), or the next one, hold
    responsible; else the first that one of the few sentences after does ("... They burned
    the post. *JNIM claimed* the attack on Sunday.")."""
    sentences = _between(_sentences(draft))
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


def _subject_before(
    draft: Draft, ctx: DocumentContext, target: ActorMention | None
) -> ActorMention | None:
    """A toll told with no doer after the sentence that names who acted ("Burkinabe forces
    carried out an operation against JNIM. *Ten militants were killed*."): the armed actor
    that sentence makes its subject, when it is not the side hit."""
    first = min(c.sentence.start for c in draft.candidates)
    if first == 0:
        return None
    for mention in armed_subjects(ctx.doc[first - 1].sent, ctx.actors):
        if target is None or not target.same_actor(mention):
            return mention
    return None


def _between(sentences: Sequence[SpacySpan]) -> list[SpacySpan]:
    """Every sentence from the event's first to its last, also those between that tell no part
    of it ("... an IED exploded. *The device was planted by JNIM.* Another IED ...")."""
    found = [sentences[0]]
    while found[-1].end < sentences[-1].start:
        found.append(found[-1].doc[found[-1].end].sent)
    return found


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
    place: PlaceMention | None, ctx: DocumentContext, sides: tuple[Side, Side]
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


def _family(kind: EventType, one: Side, two: Side) -> str:
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
    if sub in VAC_TYPES:
        return True
    if kind.family == "conflict" and roles.target == "civilian":
        return True
    return None


def _trigger_list(draft: Draft) -> str:
    """Every pattern that fired for the event (provenance; also a hint for a classifier)."""
    return "triggers=" + " ".join(dict.fromkeys(t.pattern.id for t in draft.triggers))


def _diseases(draft: Draft, ctx: DocumentContext) -> tuple[str, ...]:
    return draft.diseases(ctx.diseases) if draft.group == "health" else ()
