"""The crosswalk between actor names: ours, and every name ACLED has given the same actor.

ACLED writes a state force with its period and unit ("Military Forces of Mali (2013-)",
"Police Forces of Burkina Faso (2015-) Gendarmerie"), a generic kind with its country
("Civilians (Mali)"), an unattributed attack with both suspects ("JNIM: ... and/or Islamic
State (Greater Sahara)"), and has renamed actors over time ("Islamic State (Greater Sahara)",
now "Islamic State (Sahel)"). :meth:`Crosswalk.key` reduces a name to the actor of the region
pack it names (with its country for a generic kind), so that two names can be compared.
"""

from __future__ import annotations

import re

from sahelwatch.pack import RegionPack

__all__ = ["Crosswalk"]

_PERIOD = re.compile(r"\s*\((?:\d{4})?\s*-\s*(?:\d{4})?\)(?:\s.*)?$")
_QUALIFIER = re.compile(r"^(?P<base>.+?)\s*\((?P<country>[^()]+)\)$")
_SLOTS = (" ({country})", " of {country}", "{group} ")


def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().casefold())


class Crosswalk:
    """Reduces actor names to comparable keys (see the module docstring)."""

    def __init__(self, pack: RegionPack) -> None:
        self._names: dict[str, str] = {}
        self._bases: dict[str, str] = {}
        for actor in pack.actors:
            names = (actor.name, *pack.acled_names.get(actor.id, ()))
            if actor.id in pack.templates:
                for name in names:
                    base = name
                    for slot in _SLOTS:
                        base = base.replace(slot, "")
                    self._bases.setdefault(_fold(base), actor.id)
                continue
            for name in names:
                self._names.setdefault(_fold(name), actor.id)
                self._names.setdefault(_fold(_PERIOD.sub("", name)), actor.id)

    def key(self, name: str) -> frozenset[str]:
        """The actors a name stands for: one, or the suspects of an "X and/or Y"."""
        return frozenset(self._one(part) for part in name.split(" and/or ") if part.strip())

    def _one(self, name: str) -> str:
        folded = _fold(name)
        if folded in self._names:
            return self._names[folded]
        trimmed = _fold(_PERIOD.sub("", name))
        if trimmed in self._names:
            return self._names[trimmed]
        match = _QUALIFIER.match(trimmed)
        if match:
            base, country = match.group("base"), match.group("country")
            if base in self._bases:
                return f"{self._bases[base]}@{country}"
            group, _, rest = base.partition(" ")
            if rest in self._bases:
                return f"{self._bases[rest]}:{group}@{country}"
            return f"{base}@{country}"
        return self._bases.get(trimmed, trimmed)

    def same(self, ours: str, theirs: str) -> bool:
        """True when two names stand for the same actor(s)."""
        return bool(ours and theirs) and self.key(ours) == self.key(theirs)
