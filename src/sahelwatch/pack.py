"""Region data packs: the region knowledge (actors, event patterns, places) shipped as data.

A pack is a folder ``sahelwatch/data/regions/<name>/`` with a ``manifest.json`` naming each file,
its source and licence. Files are validated with pydantic when loaded (the edge between data and
code); the rest of the program sees frozen dataclasses.

Besides named actors, ``actors.jsonl`` holds *templates*: generic kinds of actor ("soldiers",
"civilians", "protesters"...) whose ACLED name is qualified by a country or a group, as ACLED
writes them ("Military Forces of {country}", "Civilians ({country})", "{group} Ethnic Militia
({country})"). A named actor may be the instance of a template for its country (``mil-ml`` is the
``military`` of Mali). ``acled_names`` lists the other names ACLED has used for the same actor:
the crosswalk. ``coded_first`` states a dated convention of ACLED's to name an actor first in
its events against some others, whichever side acted (:class:`CodedFirst`):
``{"start": "2011-02-15", "end": "2011-10-31", "against": ["libyan-rebels", "unidentified"],
"event_types": ["Battles"]}``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from sahelwatch.errors import DataPackError
from sahelwatch.model import Actor, Affiliation

_Record = TypeVar("_Record", bound=BaseModel)
TRIGGER_KINDS = frozenset(
    {"event", "weak", "violence", "raid", "outcome", "territory", "intervention", "withdraw"}
)


class _CodedFirstRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: str | None = None
    end: str | None = None
    against: list[str]
    event_types: list[str] = []


class _ActorRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    acled_name: str
    inter: int
    country: str | None
    sector: str | None
    aliases: dict[str, list[str]]
    affiliations: list[dict[str, str | None]]
    acled_names: list[str] = []
    template: bool = False
    instance_of: str | None = None
    metonyms: list[str] = []
    coded_first: list[_CodedFirstRecord] = []


class _PatternRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    lang: str
    sub_event_type: str
    pattern: list[dict[str, Any]]
    kind: str = "event"
    plover_type: str | None = None
    plover_mode: str | None = None
    intensity: float | None = None
    civilian_targeting: bool | None = None
    target_default: str | None = None


class _GroupRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    aliases: dict[str, list[str]]
    country: str | None = None


class _DemonymRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    word: str
    country: str
    lang: str
    kind: str


@dataclass(frozen=True, slots=True)
class EventPattern:
    """A trigger pattern (spaCy Matcher tokens) and the codes it assigns.

    ``kind`` says how the coder reads it: ``event`` names the event; ``weak`` names it only
    when nothing stronger is told; ``violence`` is resolved by its target (civilians: Attack,
    an armed actor: Armed clash); ``outcome`` (killed, wounded) adds to an event; ``territory``
    is resolved by who takes it; ``intervention`` turns a protest into a protest with
    intervention; ``withdraw`` is resolved by what is left (an agreement, a mission, a town).
    """

    id: str
    language: str
    sub_event_type: str
    plover_type: str
    plover_mode: str
    intensity: float
    tokens: tuple[Mapping[str, Any], ...]
    civilian_targeting: bool | None
    kind: str = "event"
    target_default: str | None = None


@dataclass(frozen=True, slots=True)
class EventType:
    """Where a sub-event type sits in the taxonomy, and its ACLED-only equivalent."""

    sub_event_type: str
    event_type: str
    family: str
    disorder_type: str
    acled_event_type: str
    acled_sub_event_type: str
    plover_type: str = ""
    plover_mode: str = ""
    intensity: float = 0.0


@dataclass(frozen=True, slots=True)
class Group:
    """An ethnic or communal group, for naming identity militias ("Fulani Ethnic Militia").

    ``country`` is the one country of the region the group lives in (Dogon: Mali), None for a
    group spread over several (Fulani, Tuareg).
    """

    id: str
    name: str
    aliases: tuple[tuple[str, tuple[str, ...]], ...]
    country: str | None = None


@dataclass(frozen=True, slots=True)
class CodedFirst:
    """A period in which ACLED names an actor first in its events against others, whoever
    acted (the Libyan military against the rebels in 2011, a convention ACLED keeps for no
    other state): ``against`` holds actor or template ids ("unidentified"), ``event_types``
    the ACLED event types it holds for (all when empty)."""

    start: dt.date | None
    end: dt.date | None
    against: frozenset[str]
    event_types: frozenset[str] = frozenset()

    def holds(self, day: dt.date | None, event_type: str, other: str) -> bool:
        """True when the convention names the actor before ``other`` on ``day``."""
        if day is None or not (self.start or day) <= day <= (self.end or day):
            return False
        if self.event_types and event_type not in self.event_types:
            return False
        return other in self.against


@dataclass(frozen=True, slots=True)
class RegionPack:
    name: str
    version: str
    countries: tuple[str, ...]
    actors: tuple[Actor, ...]
    patterns: tuple[EventPattern, ...]
    types: Mapping[str, EventType]
    folder: Traversable
    templates: frozenset[str] = frozenset()
    instance_of: Mapping[str, str] = field(default_factory=dict)
    acled_names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    groups: tuple[Group, ...] = ()
    demonyms: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    country_names: Mapping[str, str] = field(default_factory=dict)
    legacy_types: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    coded_as_parent: Mapping[str, tuple[Affiliation, ...]] = field(default_factory=dict)
    # Names that stand for an actor as the subject of a sentence ("Algiers summoned..."):
    # a capital for its government.
    metonyms: Mapping[str, str] = field(default_factory=dict)
    # Actors ACLED names first against some others over a period (:class:`CodedFirst`).
    coded_first: Mapping[str, tuple[CodedFirst, ...]] = field(default_factory=dict)

    def file(self, name: str) -> Traversable:
        """A file of the pack, by its manifest key or its file name."""
        return self.folder / name

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, if the pack has one."""
        return next((actor for actor in self.actors if actor.id == actor_id), None)


def load_region(name: str) -> RegionPack:
    """Load and validate the region pack ``name`` shipped with the package."""
    folder = resources.files("sahelwatch").joinpath("data", "regions", name)
    manifest = _read_json(folder / "manifest.json", name)
    files = manifest.get("files", {})
    taxonomy = _read_json(folder / manifest["taxonomy"], name)
    types = _types(taxonomy)
    records = list(_records(folder, files["actors"]["path"], _ActorRecord))
    groups = files.get("groups")
    return RegionPack(
        name=name,
        version=str(manifest["version"]),
        countries=tuple(manifest.get("countries", ())),
        actors=tuple(_actor(r) for r in records),
        patterns=tuple(
            _pattern(r, types) for r in _records(folder, files["events"]["path"], _PatternRecord)
        ),
        types=types,
        folder=folder,
        templates=frozenset(r.id for r in records if r.template),
        instance_of=MappingProxyType({r.id: r.instance_of for r in records if r.instance_of}),
        acled_names=MappingProxyType({r.id: (r.acled_name, *r.acled_names) for r in records}),
        metonyms=MappingProxyType({name: r.id for r in records for name in r.metonyms}),
        groups=tuple(_group(r) for r in _records(folder, groups["path"], _GroupRecord))
        if groups
        else (),
        demonyms=_demonyms(folder, files.get("demonyms")),
        country_names=_country_names(),
        legacy_types=MappingProxyType(
            {
                old: tuple(new)
                for old, new in taxonomy.get("legacy", {}).items()
                if not old.startswith("_")
            }
        ),
        coded_as_parent=MappingProxyType(_coded_as_parents(records)),
        coded_first=MappingProxyType(
            {r.id: tuple(map(_coded_first, r.coded_first)) for r in records if r.coded_first}
        ),
    )


def _read_json(path: Traversable, pack: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise DataPackError(f"region pack {pack!r}: {path.name} is missing") from None
    except (OSError, json.JSONDecodeError) as exc:
        raise DataPackError(f"region pack {pack!r}: {path.name} is not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise DataPackError(f"region pack {pack!r}: {path.name} must hold a JSON object")
    return data


def _records(folder: Traversable, name: str, schema: type[_Record]) -> Iterator[_Record]:
    try:
        lines = (folder / name).read_text("utf-8").splitlines()
    except FileNotFoundError:
        raise DataPackError(f"region pack file {name} is missing") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield schema.model_validate_json(line)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise DataPackError(f"{name}:{number}: {where}: {first['msg']}") from None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _actor(record: _ActorRecord) -> Actor:
    return Actor(
        id=record.id,
        name=record.name,
        inter=record.inter,
        country=record.country,
        acled_name=record.acled_name,
        sector=record.sector,
        aliases=tuple((lang, tuple(names)) for lang, names in record.aliases.items()),
        affiliations=tuple(
            Affiliation(
                str(item.get("parent") or ""), _date(item.get("start")), _date(item.get("end"))
            )
            for item in record.affiliations
        ),
    )


def _coded_as_parents(records: list[_ActorRecord]) -> dict[str, tuple[Affiliation, ...]]:
    """The periods ACLED codes each actor's events under a parent: an affiliation marked
    ``"coded_as": "parent"``, from ``coded_from`` to ``coded_until`` when ACLED's practice
    spans less than the membership (Katiba Macina, in JNIM since 2017, named on its own
    again from April 2020). A template's affiliation with a ``country`` is ACLED's name for
    the generic kind in that country then ("Islamists" in Mali in 2012: Ansar Dine), keyed
    ``template:country`` as the template's renderings are (``islamist-militia:ML``)."""
    found: dict[str, list[Affiliation]] = {}
    for record in records:
        for item in record.affiliations:
            if item.get("coded_as") != "parent" or not item.get("parent"):
                continue
            key = f"{record.id}:{item['country']}" if item.get("country") else record.id
            found.setdefault(key, []).append(
                Affiliation(
                    str(item["parent"]),
                    _date(item.get("coded_from") or item.get("start")),
                    _date(item.get("coded_until") or item.get("end")),
                )
            )
    return {key: tuple(periods) for key, periods in found.items()}


def _coded_first(record: _CodedFirstRecord) -> CodedFirst:
    return CodedFirst(
        _date(record.start),
        _date(record.end),
        frozenset(record.against),
        frozenset(record.event_types),
    )


def _pattern(record: _PatternRecord, types: Mapping[str, EventType]) -> EventPattern:
    if record.kind not in TRIGGER_KINDS:
        raise DataPackError(f"pattern {record.id}: unknown kind {record.kind!r}")
    if record.sub_event_type not in types:
        raise DataPackError(
            f"pattern {record.id}: unknown sub-event type {record.sub_event_type!r}"
        )
    default = types[record.sub_event_type]
    return EventPattern(
        id=record.id,
        language=record.lang,
        sub_event_type=record.sub_event_type,
        plover_type=record.plover_type or default.plover_type,
        plover_mode=default.plover_mode if record.plover_mode is None else record.plover_mode,
        intensity=default.intensity if record.intensity is None else record.intensity,
        tokens=tuple(record.pattern),
        civilian_targeting=record.civilian_targeting,
        kind=record.kind,
        target_default=record.target_default,
    )


def _group(record: _GroupRecord) -> Group:
    return Group(
        record.id,
        record.name,
        tuple((lang, tuple(names)) for lang, names in record.aliases.items()),
        record.country,
    )


def _demonyms(
    folder: Traversable, entry: Mapping[str, Any] | None
) -> Mapping[str, Mapping[str, str]]:
    found: dict[str, dict[str, str]] = {}
    if entry is None:
        return found
    for record in _records(folder, entry["path"], _DemonymRecord):
        found.setdefault(record.lang, {})[record.word.casefold()] = record.country
    return MappingProxyType({lang: MappingProxyType(words) for lang, words in found.items()})


def _country_names() -> Mapping[str, str]:
    text = resources.files("sahelwatch").joinpath("data", "countries.json").read_text("utf-8")
    return MappingProxyType(
        {iso2: entry["name"] for iso2, entry in json.loads(text)["countries"].items()}
    )


def _types(taxonomy: Mapping[str, Any]) -> dict[str, EventType]:
    plover = {k: v for k, v in taxonomy.get("plover", {}).items() if not k.startswith("_")}
    overrides = taxonomy.get("family_overrides", {})
    types: dict[str, EventType] = {}
    for event_type, subs in taxonomy["acled"].items():
        family = taxonomy["families"][event_type]
        for sub, disorder in subs.items():
            codes = plover.get(sub, ("", "", 0.0))
            types[sub] = EventType(
                sub, event_type, overrides.get(sub, family), disorder, event_type, sub,
                str(codes[0]), str(codes[1]), float(codes[2]),
            )  # fmt: skip
    for sub, ext in taxonomy["extension"].items():
        acled_type, acled_sub = ext["acled"]
        disorder = taxonomy["acled"][acled_type][acled_sub]
        codes = plover.get(sub, ("", "", 0.0))
        types[sub] = EventType(
            sub, ext["event_type"], ext["family"], disorder, acled_type, acled_sub,
            str(codes[0]), str(codes[1]), float(codes[2]),
        )  # fmt: skip
    return types
