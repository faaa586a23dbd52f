"""From a joined event (:class:`~sahelwatch.extract.events.Draft`) to an EventReport.

Roles come from the parse of each clause's main trigger; the type from :func:`classify`; the
actors are named as ACLED names them for that type (a protest's actor1 is "Protesters
(Country)", the people who marched its associates; an attack on civilians has "Civilians
(Country)" as actor2 even when the text only says "a village"); counts are added up over the
event's sentences; the place is the toponym its clause puts it at.

A generic actor whose country the text does not give is named with the document's country and
marked in ``details`` (``actor1_template=civilians``), so that :func:`requalify` can name it
again with the country the geo stage finds for the event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sahelwatch.extract.actors import ActorMention, ActorNames
from sahelwatch.extract.classify import Decision, classify
from sahelwatch.extract.counts import CountPhrase, find_counts, no_fatalities, sum_counts
from sahelwatch.extract.events import Draft
from sahelwatch.extract.lang import LanguageData
from sahelwatch.extract.places import choose_place
from sahelwatch.extract.roles import Roles, attributed, find_roles
from sahelwatch.model import Actor, Count, EventReport, PlaceMention, Span
from sahelwatch.pack import EventType

__all__ = ["CODER", "DocumentContext", "build_report", "locate_nearby", "requalify"]

CODER = "rules-0.2"
_PROTESTS = frozenset({"Peaceful protest", "Protest with intervention"})
_RIOTS = frozenset({"Violent demonstration", "Mob violence"})
_VAC = frozenset({"Attack", "Abduction/forced disappearance", "Sexual violence"})
_DISPLACEMENT_NO_DOER = frozenset({"Flight", "Disease outbreak"})
_COUNTED = frozenset({"violence", "health", "outcome"})


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
    phrases = [
        p for s in sentences for p in find_counts(s, ctx.data, draft.group == "displacement")
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
    country = _country(place, ctx, _acled_sides(decision.sub_event_type, roles, ctx, None))
    one, two = _acled_sides(decision.sub_event_type, roles, ctx, country)
    day = draft.date.start or ctx.published
    one, two = _under_parent(one, ctx, day), _under_parent(two, ctx, day)
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
        details=(*_details(one, two, roles), _trigger_list(draft)),
    )  # fmt: skip


def _sentences(draft: Draft) -> list[SpacySpan]:
    seen: dict[int, SpacySpan] = {}
    for candidate in draft.candidates:
        seen.setdefault(candidate.sentence.start, candidate.sentence)
    return [seen[key] for key in sorted(seen)]


def _roles(draft: Draft, ctx: DocumentContext, aims: dict[int, str | None]) -> Roles:
    """Roles from each clause's triggers, the first found for each; a named actor the text
    holds responsible ("officials blamed ISSP") replaces a guessed or generic doer."""
    merged = Roles()
    violent = draft.group in {"violence", "outcome"}
    for candidate in draft.candidates:
        for trigger in sorted(candidate.triggers, key=lambda t: t.kind == "outcome"):
            found = find_roles(trigger, candidate.sentence, ctx.actors, ctx.data, violent)
            aims[trigger.span.start] = found.target
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
    blamed = [attributed(c.sentence, ctx.actors, ctx.data) for c in draft.candidates]
    named = [m for m in blamed if m is not None]
    doer = merged.actor1
    if named and (doer is None or merged.guessed or doer.template is not None):
        merged = replace(merged, actor1=named[-1], guessed=False)
    if merged.actor1 is None and draft.triggers[0].sub_event_type == "Air/drone strike":
        merged = replace(merged, actor1=_air_force(ctx), guessed=True)
    return merged


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
) -> str | None:
    """A country named as the place; else the state actor's; else the document's."""
    if place is not None:
        code = ctx.countries.get(place.text.casefold())
        if code:
            return code
    actors = [side.actor for side in sides if side.actor is not None]
    for state in (True, False):
        for actor in actors:
            if (actor.inter == 1) == state and actor.country in ctx.sahel:
                return actor.country
    return ctx.country


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
        names = " and/or ".join(a.acled_name or a.name for a in (mention.actor, *mention.others))
        return _Side(replace(mention.actor, name=names, acled_name=names), text=mention.text)
    if mention.template is None or mention.country is not None:
        return _Side(mention.actor, text=mention.text)
    earlier = _earlier_country(mention, ctx)
    if earlier is not None:
        actor = ctx.names.render(mention.template, earlier, mention.group)
        return _Side(actor, text=mention.text)
    actor = ctx.names.render(mention.template, country, mention.group)
    return _Side(actor, template=_template_key(mention.template, mention.group), text=mention.text)


def _under_parent(side: _Side, ctx: DocumentContext, day: dt.date | None) -> _Side:
    """A group ACLED codes under its parent at that date: the parent, the group associated."""
    if side.actor is None:
        return side
    parent = ctx.names.parent_at(side.actor, day)
    if parent is None:
        return side
    return replace(side, actor=parent, assoc=(side.actor, *side.assoc))


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
        other = two if two.actor and two.actor.inter != 5 else _Side(None)
        return rioters, other
    if sub == "Excessive force against protesters":
        return one, _generic("protesters", ctx, country, None)
    if sub in _DISPLACEMENT_NO_DOER:
        people = next((s for s in (two, one) if s.actor and s.actor.inter == 7), _Side(None))
        return _Side(None), people
    one = _violent_doer(sub, one, roles, ctx, country)
    civilian = sub in _VAC or (roles.target == "civilian" and ctx.types[sub].family == "conflict")
    if civilian and (two.actor is None or two.actor.inter != 7):
        two = _generic("civilians", ctx, country, None)
    return one, two


def _violent_doer(
    sub: str, one: _Side, roles: Roles, ctx: DocumentContext, country: str | None
) -> _Side:
    """Civilians do not attack: an unknown doer of violence is an unidentified armed group."""
    violent = ctx.types[sub].family == "conflict"
    if not violent:
        return one
    if one.actor is None or (one.actor.inter == 7 and one.template in {"civilians", None}):
        return _generic("unidentified", ctx, country, roles.doer_text or one.text)
    group = roles.actor1.group if roles.actor1 else None
    if one.actor.inter == 7 and group:
        actor = ctx.names.render("ethnic-militia", country, group)
        return _Side(actor, template=_template_key("ethnic-militia", group), text=one.text)
    return one


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


def locate_nearby(report: EventReport, places: Sequence[PlaceMention]) -> EventReport:
    """An event whose own place the geo stage could not find is placed, as ACLED does, at a
    resolved place named in its sentences ("Dounapen, near Dioungani (*Koro*)"). An event
    the coder gave no place keeps none."""
    if report.place is not None or report.location_span is None:
        return report
    resolved = [
        p
        for p in places
        if p.place is not None and any(s.start <= p.span.start < s.end for s in report.evidence)
    ]
    towns = [p for p in resolved if p.place and p.place.feature_class == "P"] or resolved
    if not towns:
        return report
    chosen = towns[0]
    assert chosen.place is not None
    return replace(
        report,
        place=chosen.place,
        location=chosen.place.name,
        location_span=chosen.span,
        country=chosen.place.country,
        geo_precision=2 if chosen.place.feature_class == "P" else 3,
    )


def requalify(
    report: EventReport, names: ActorNames, countries: frozenset[str] = frozenset()
) -> EventReport:
    """Name generic actors again with the event's country, once the geo stage has found it
    (only a country of the region pack: a place resolved elsewhere is more likely wrong)."""
    if report.country is None or (countries and report.country not in countries):
        return report
    templates = dict(d.split("=", 1) for d in report.details if "_template=" in d)
    changes: dict[str, str] = {}
    for number in (1, 2):
        key = templates.get(f"actor{number}_template")
        if key is None:
            continue
        template, _, group = key.partition("|")
        actor = names.render(template, report.country, group or None)
        changes[f"actor{number}"] = actor.acled_name or actor.name
    return replace(report, **changes) if changes else report  # type: ignore[arg-type]
