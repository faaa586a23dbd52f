"""The two sides of an event, named as ACLED names them for its type.

A protest's actor1 is "Protesters (Country)", the people who marched its associates; a riot's
actor2 is the force on the other side of the crowd; an attack on civilians has "Civilians
(Country)" as actor2 even when the text only says "a village"; an unknown doer of violence is
an unidentified armed group (of an air strike, the country's military), and villagers, youths or
residents who attack or fight are their community's militia, named after their place ("Boundo
Communal Militia (Mali)"); a group ACLED codes under its parent at the event's date is named by
the parent, with the group associated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from types import MappingProxyType

from spacy.tokens import Token

from sahelwatch.extract.actors import ActorMention, composite, tokens_of
from sahelwatch.extract.arguments import objects, preposition
from sahelwatch.extract.classify import Decision
from sahelwatch.extract.context import DocumentContext
from sahelwatch.extract.roles import Roles
from sahelwatch.model import Actor

__all__ = [
    "CROWDS",
    "VAC_TYPES",
    "Side",
    "acled_sides",
    "actor_name",
    "assoc_names",
    "coded_order",
    "putsch",
    "side_details",
    "under_parent",
]

_PROTESTS = frozenset({"Peaceful protest", "Protest with intervention"})
_RIOTS = frozenset({"Violent demonstration", "Mob violence"})
# The crowd ACLED names as actor1 of each protest and riot type (a template of the pack).
CROWDS = MappingProxyType(
    {**dict.fromkeys(_PROTESTS, "protesters"), **dict.fromkeys(_RIOTS, "rioters")}
)
# Violence against civilians: actor2 is always civilians.
VAC_TYPES = frozenset({"Attack", "Abduction/forced disappearance", "Sexual violence"})
_DISPLACEMENT_NO_DOER = frozenset({"Flight", "Disease outbreak"})
_NON_STATE = frozenset({2, 3})
_MUTINY = "mutiny"
_FOUGHT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_COMMUNAL = "communal-militia"
_PLACE_MILITIA = "place-militia"
_ETHNIC = "ethnic-militia"
_COMMUNITY_TYPES = frozenset({"Battles", "Violence against civilians"})
_CLASH = "Armed clash"
_OVERTAKES = "Non-state actor overtakes territory"
_EXPULSION = "Forced expulsion"
_AUTHORITIES = frozenset({"GOV", "MIL", "COP"})
# Generic words for a group's fighters ("militants", "jihadists"), not for armed men of no
# known group ("gunmen", "unidentified men").
_MILITANT_KINDS = frozenset({"jihadists", "islamist-militia", "rebels"})


@dataclass(frozen=True, slots=True)
class Side:
    """One side of an event: its actor, the actors associated, the generic kind it was named
    from (``template``) and the words that named it."""

    actor: Actor | None
    assoc: tuple[Actor, ...] = ()
    template: str | None = None
    text: str | None = None


def side(mention: ActorMention | None, ctx: DocumentContext, country: str | None) -> Side:
    """The side a mention names: several groups at once as one composite ("JNIM and/or
    ISGS"); a generic kind ("the militants") as the group it refers back to, else named with
    the country an earlier mention of its kind gave, else with ``country``."""
    if mention is None:
        return Side(None)
    if mention.others:
        return Side(composite((mention.actor, *mention.others)), text=mention.text)
    if mention.template is None or mention.country is not None:
        return Side(mention.actor, text=mention.text)
    named = _antecedent(mention, ctx)
    if named is not None:
        return side(named, ctx, country)
    earlier = _earlier_country(mention, ctx)
    if earlier is not None:
        actor = ctx.names.render(mention.template, earlier, mention.group)
        return Side(actor, text=mention.text)
    actor = ctx.names.render(mention.template, country, mention.group)
    return Side(actor, template=_template_key(mention.template, mention.group), text=mention.text)


def under_parent(
    side: Side, ctx: DocumentContext, day: dt.date | None, country: str | None = None
) -> Side:
    """A group ACLED codes under its parent at that date: the parent, the group associated (a
    generic kind that names a group then is that group alone). A parent that is a generic kind
    ("Dozo Communal Militia ({country})") takes the event's country."""
    if side.actor is None:
        return side
    parent = ctx.names.parent_at(side.actor, day)
    if parent is None:
        return side
    generic = ctx.names.is_rendering(side.actor.id)  # "Islamists" then: no associate
    assoc = side.assoc if generic else (side.actor, *side.assoc)
    if not ctx.names.is_template(parent.id):
        return replace(side, actor=parent, assoc=assoc, template=None)
    actor = ctx.names.render(parent.id, country)
    return replace(side, actor=actor, assoc=assoc, template=parent.id)


def coded_order(
    one: Side,
    two: Side,
    ctx: DocumentContext,
    day: dt.date | None,
    event_type: str,
    sub: str = "",
) -> tuple[Side, Side]:
    """The sides in the order ACLED names them: swapped when the pack says ACLED names
    actor2 first against actor1 at that date, for the event type or its ``sub`` type
    (:class:`~sahelwatch.pack.CodedFirst`)."""
    kinds = (event_type, sub) if sub else (event_type,)
    if one.actor and two.actor and ctx.names.named_first(two.actor, one.actor, day, *kinds):
        return two, one
    return one, two


def _antecedent(mention: ActorMention, ctx: DocumentContext) -> ActorMention | None:
    """ "JNIM militants attacked ...; *the militants* burned ...": a definite generic armed
    group is the named armed group last mentioned before it; so are a group's fighters named
    without a determiner after the group in the same sentence ("suspected JNIM militants
    entered the village, *militants* opened fire")."""
    if mention.actor.inter not in _NON_STATE or mention.start == 0:
        return None
    earlier = [
        m
        for m in ctx.actors
        if m.end <= mention.start and m.template is None and m.actor.inter in _NON_STATE
    ]
    if ctx.doc[mention.start - 1].lower_ in ctx.data.definite:
        return earlier[-1] if earlier else None
    sentence = ctx.doc[mention.start].sent
    same = [m for m in earlier if m.start >= sentence.start]
    if not same or mention.template not in _MILITANT_KINDS or not _bare(mention, ctx):
        return None
    return same[-1]


def _bare(mention: ActorMention, ctx: DocumentContext) -> bool:
    """ "militants", "des militants": a plural named without a number or a definite
    determiner (not "two militants", "these militants")."""
    return not any(
        c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ctx.data.definite)
        for c in tokens_of(mention, ctx.doc).root.children
    )


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


def _generic(template: str, ctx: DocumentContext, country: str | None, text: str | None) -> Side:
    return Side(ctx.names.render(template, country), template=template, text=text)


def acled_sides(
    sub: str, roles: Roles, ctx: DocumentContext, country: str | None, *, told: str = ""
) -> tuple[Side, Side]:
    """(actor1, actor2) named as ACLED does for this type (see the module docstring);
    ``told`` is the sub-event type of the words that told the event: strikers, whose strike
    is coded as a strategic development, are named as protesters all the same."""
    one, two = side(roles.actor1, ctx, country), side(roles.actor2, ctx, country)
    one = replace(one, assoc=tuple(m.actor for m in roles.assoc1))
    two = replace(two, assoc=tuple(m.actor for m in roles.assoc2))
    if sub in _PROTESTS or (sub == "Other" and told in _PROTESTS):
        state = one if one.actor and one.actor.inter == 1 else None
        participants = tuple(a for a in (one.actor, two.actor) if a and a.inter in {6, 7})
        protesters = _generic("protesters", ctx, country, None)
        return replace(protesters, assoc=participants), state or Side(None)
    if sub in _RIOTS:
        rioters = _generic("rioters", ctx, country, None)
        return rioters, _riot_opponent(one, two, ctx)
    if sub == "Excessive force against protesters":  # a protest event: the protesters first
        return _generic("protesters", ctx, country, None), one
    if sub in _DISPLACEMENT_NO_DOER:
        people = next((s for s in (two, one) if s.actor and s.actor.inter == 7), Side(None))
        return Side(None), people
    if sub == "Arrests" and one.actor is None:  # an arrest told without who made it
        return _generic("police", ctx, country, None), two
    if sub == _EXPULSION and one.actor is None:
        one = _expelling_state(ctx)
    one = _violent_doer(sub, one, roles, ctx, country)
    civilian = sub in VAC_TYPES or (
        roles.target == "civilian" and ctx.types[sub].family == "conflict"
    )
    if civilian and (two.actor is None or two.actor.inter != 7):
        two = _generic("civilians", ctx, country, None)
    two = _defenders(sub, two, roles, ctx, country)
    two = _loser(sub, one, two, ctx, country)
    two = _forces_of(sub, two, ctx)
    return one, _other_community(sub, one, two, roles, ctx, country)


def _forces_of(sub: str, two: Side, ctx: DocumentContext) -> Side:
    """A government fought in a battle is fought through its forces ("attacked *government*
    positions", "rebels fought *the regime*"): its military."""
    loser = two.actor
    if ctx.types[sub].event_type != "Battles" or loser is None or not loser.country:
        return two
    if loser.inter != 1 or loser.sector != "GOV":
        return two
    return Side(ctx.names.render("military", loser.country), assoc=two.assoc, text=two.text)


def _loser(sub: str, one: Side, two: Side, ctx: DocumentContext, country: str | None) -> Side:
    """Territory an armed group takes with no one named as losing it ("rebels seized the
    town") was the state's: the country's military, not the civilians who live there (a
    town is taken from its garrison, not attacked); a government loses it through its
    forces ("seized the town from *Libya*")."""
    if sub != _OVERTAKES or one.actor is None or one.actor.inter not in _NON_STATE:
        return two
    loser = two.actor
    if loser is not None and loser.sector == "GOV" and loser.country:
        return Side(ctx.names.render("military", loser.country), text=two.text)
    if country is None:
        return two
    if loser is not None and (two.template or "").partition("|")[0] != "civilians":
        return two
    return _generic("military", ctx, country, None)


def _expelling_state(ctx: DocumentContext) -> Side:
    """An expulsion told in the passive ("were expelled to the border") is the act of the
    state whose authorities the document names ("police raids in Nouakchott", "the
    Mauritanian interior ministry"): its government, not the country the people were taken
    to, which is where the event is placed."""
    for mention in ctx.actors:
        state = mention.actor.inter == 1 and mention.actor.sector in _AUTHORITIES
        home = mention.actor.country or mention.country or _earlier_country(mention, ctx)
        if state and home:
            return Side(ctx.names.render("government", home), text=mention.text)
    return Side(None)


def _riot_opponent(one: Side, two: Side, ctx: DocumentContext) -> Side:
    """A riot's actor2: the force on the other side of the crowd, also when the clause names it
    first ("*police* clashed with protesters"; not soldiers who riot themselves); never the
    crowd again."""
    crowd = two.actor is not None and two.actor.inter in {5, 6, 7}
    if one.actor is not None and one.actor.inter == 1 and crowd:
        return one
    if two.actor is None or two.actor.inter == 5:
        return Side(None)
    rendered = two.actor.id.partition(":")[0]  # a template's rendering ("protesters:ML:")
    kind = ctx.names.kind_of(two.actor.id) or rendered
    return Side(None) if kind in {"protesters", "rioters"} else two


def _violent_doer(
    sub: str, one: Side, roles: Roles, ctx: DocumentContext, country: str | None
) -> Side:
    """Civilians do not attack: an unknown doer of violence is an unidentified armed group (of
    an air strike, the country's military: armed groups here fly no aircraft). A government
    fights through its forces ("Algeria shelled ...": the military of Algeria)."""
    kind = ctx.types[sub]
    if kind.family != "conflict":
        return one
    state = one.actor is not None and one.actor.inter == 1 and one.actor.sector == "GOV"
    if state and one.actor and one.actor.country and kind.event_type in _FOUGHT:
        return Side(ctx.names.render("military", one.actor.country), text=one.text)
    if one.actor is None and sub == "Air/drone strike":
        return _generic("military", ctx, country, roles.doer_text)
    communal = _communal(sub, one, roles, ctx, country)
    if communal is not None:
        return communal
    if ctx.types[sub].event_type in _COMMUNITY_TYPES and _crowd(one, roles, ctx):
        return _generic("rioters", ctx, country, one.text)
    if one.actor is None or (one.actor.inter == 7 and one.template in {"civilians", None}):
        return _generic("unidentified", ctx, country, roles.doer_text or one.text)
    group = roles.actor1.group if roles.actor1 else None
    if one.actor.inter == 7 and group:
        actor = ctx.names.render(_ETHNIC, country, group)
        return Side(actor, template=_template_key(_ETHNIC, group), text=one.text)
    return one


def _crowd(one: Side, roles: Roles, ctx: DocumentContext) -> bool:
    """A crowd the text names as the doer ("*students* kidnapped their headmaster", "*protesters*
    beat a policeman") attacks as a mob: rioters for ACLED, not an armed group."""
    mention = roles.actor1
    if one.actor is None or mention is None or mention.group is not None or roles.guessed:
        return False
    if mention.template in {"protesters", "rioters"}:
        return True
    root = tokens_of(mention, ctx.doc).root
    named = root.lower_ in ctx.data.crowd_words or root.lemma_.lower() in ctx.data.crowd_words
    return mention.template == "civilians" and named


def _communal(
    sub: str, one: Side, roles: Roles, ctx: DocumentContext, country: str | None
) -> Side | None:
    """Villagers, youths or residents who attack or fight do so as their community's militia
    (:func:`_community_militia`); so are the sides of intercommunal violence told with no one
    named ("*intercommunal* clashes left three dead"). Communities plant no mines and fire
    no shells: only battles and attacks."""
    if ctx.types[sub].event_type not in _COMMUNITY_TYPES:
        return None
    mention = roles.actor1
    if mention is None or one.actor is None:
        words = (roles.doer_text or "").casefold().split()
        if len(words) == 1 and words[0] in ctx.data.intercommunal_words:
            return _generic(_COMMUNAL, ctx, country, roles.doer_text)
        return None
    return _community_militia(mention, ctx, country, one.text)


def _community_militia(
    mention: ActorMention, ctx: DocumentContext, country: str | None, text: str | None
) -> Side | None:
    """The militia of the community a mention names (:func:`_community`), after the place the
    text ties it to ("villagers *from Boundo*": Boundo Communal Militia; a village's
    self-defense, after the village the sentence names), else unidentified; None for anyone
    else (a "farmer" who attacks is no community)."""
    if not _community(mention, ctx):
        return None
    place = _home(mention, ctx)
    if place is None and mention.template == _ETHNIC:
        place = _village_named(mention, ctx)
    if place is None:
        return _generic(_COMMUNAL, ctx, country, text)
    actor = ctx.names.render(_PLACE_MILITIA, country, place)
    return Side(actor, template=_template_key(_PLACE_MILITIA, place), text=text)


def _community(mention: ActorMention, ctx: DocumentContext) -> bool:
    """Villagers, youths, residents; or a self-defense group of no ethnic group that belongs
    to a village or the locals ("*village* self-defense", "*local* vigilantes")."""
    if mention.group is not None:
        return False
    words = tokens_of(mention, ctx.doc)
    if mention.template == "civilians":
        return words.root.lower_ in ctx.data.community_words
    before = ctx.doc[max(mention.start - 1, 0) : mention.end]
    return mention.template == _ETHNIC and any(t.lower_ in ctx.data.village_words for t in before)


def _village_named(mention: ActorMention, ctx: DocumentContext) -> str | None:
    """The village the mention's sentence names ("attacked *the village of X*, village
    self-defense repelled the attack")."""
    for token in ctx.doc[mention.start].sent:
        found = _area_place(token, ctx)
        if found is not None:
            return found
    return None


def _area_place(noun: Token, ctx: DocumentContext) -> str | None:
    """The place an area's noun names through "of", "de" ("the village *of* X", "la zone *de*
    X"); None for other nouns."""
    if noun.lower_ not in ctx.data.home_areas:
        return None
    for child in noun.children:
        if child.dep_ in {"prep", "nmod"} and preposition(child) in ctx.data.of_words:
            found = _place_at((objects(child) or [child])[0], ctx)
            if found is not None:
                return found
    return None


def _defenders(
    sub: str, two: Side, roles: Roles, ctx: DocumentContext, country: str | None
) -> Side:
    """A village's self-defense fights a battle as its communal militia ("JNIM attacked the
    village of X, *village self-defense* repelled the attack": X Communal Militia)."""
    other = roles.actor2
    if ctx.types[sub].event_type != "Battles" or other is None or other.template != _ETHNIC:
        return two
    militia = _community_militia(other, ctx, country, two.text)
    return two if militia is None else militia


def _other_community(
    sub: str, one: Side, two: Side, roles: Roles, ctx: DocumentContext, country: str | None
) -> Side:
    """A community's militia fights another community's ("villagers from X clashed with
    *villagers from Y*", "violence between Markas and *Bwabas*"), or one the text does not
    name ("*intercommunal* clashes")."""
    kind = (one.template or "").partition("|")[0]
    other = roles.actor2
    if sub != _CLASH or kind not in {_COMMUNAL, _PLACE_MILITIA, _ETHNIC}:
        return two
    if other is not None and other.template == "civilians" and other.group:
        actor = ctx.names.render(_ETHNIC, country, other.group)
        return Side(actor, template=_template_key(_ETHNIC, other.group), text=two.text)
    if kind == _ETHNIC:
        return two
    if other is None:
        return _generic(_COMMUNAL, ctx, country, None)
    militia = _community_militia(other, ctx, country, two.text)
    if militia is not None:
        return militia
    unnamed = other.template == "civilians"
    return _generic(_COMMUNAL, ctx, country, two.text) if unnamed else two


def _home(mention: ActorMention, ctx: DocumentContext) -> str | None:
    """The place a community is named from: "villagers *from Boundo*", "youths in *the
    Salmossi*", "villagers armed with machetes in the area of *Lamana*", "les habitants du
    village de *Tin*"; "*Nando* villagers"."""
    doc = ctx.doc
    root = tokens_of(mention, doc).root
    described = [t for c in root.children if c.dep_ == "acl" for t in c.subtree]
    for link in (*root.children, *described):
        if link.dep_ in {"prep", "nmod"} and preposition(link) in ctx.data.home_words:
            found = _place_of(link, ctx)
            if found is not None:
                return found
    after = mention.end
    if after < len(doc) and doc[after].lower_ in ctx.data.home_words:
        after += 1
        after += int(after < len(doc) and doc[after].lower_ in ctx.data.definite)
        if after < len(doc):
            return _place_at(doc[after], ctx)
    return _place_at(doc[mention.start - 1], ctx) if mention.start > 0 else None


def _place_of(link: Token, ctx: DocumentContext) -> str | None:
    """The place a preposition names, also through an area's noun ("in the area *of* X",
    "du village *de* X")."""
    for noun in objects(link) or [link]:
        found = _place_at(noun, ctx)
        if found is not None or noun.lower_ not in ctx.data.home_areas:
            return found
        found = _area_place(noun, ctx)
        if found is not None:
            return found
    return None


def _place_at(token: Token, ctx: DocumentContext) -> str | None:
    """The name of the place mention a token is part of, without its article."""
    for place in ctx.places:
        if place.span.start <= token.idx < place.span.end:
            span = ctx.doc.char_span(place.span.start, place.span.end)
            if span is None:
                return place.text
            return " ".join(t.text for t in span if t.pos_ != "DET") or None
    return None


def putsch(decision: Decision, one: Side, ctx: DocumentContext) -> Side:
    """Soldiers who take power ("the army *seized power*", "un *putsch*") are in mutiny; soldiers
    of no country yet stay a template, named once the event's country is found."""
    if one.actor is None or one.actor.inter != 1 or one.actor.sector != "MIL":
        return one
    if not any(t.lemma_.lower() in ctx.data.coup_words for t in decision.trigger.span):
        return one
    actor = ctx.names.render(_MUTINY, one.actor.country)
    return Side(actor, template=_MUTINY if one.template else None, text=one.text)


def actor_name(actor: Actor | None) -> str | None:
    return (actor.acled_name or actor.name) if actor else None


def assoc_names(actors: tuple[Actor, ...]) -> str | None:
    names = [n for n in (actor_name(a) for a in actors) if n]
    return "; ".join(dict.fromkeys(names)) or None


def side_details(one: Side, two: Side, roles: Roles) -> tuple[str, ...]:
    out: list[str] = []
    for number, side in ((1, one), (2, two)):
        if side.template:
            out.append(f"actor{number}_template={side.template}")
        if side.text:
            out.append(f"actor{number}_text={side.text}")
    if roles.target:
        out.append(f"target={roles.target}")
    return tuple(out)
