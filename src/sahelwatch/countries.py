"""Countries: ISO 3166 codes, English names and ACLED regions, from ``data/countries.json``.

Built from GeoNames ``countryInfo.txt`` (CC BY 4.0). Any of the alpha-2 code, the alpha-3
code, the English name or an alias such as ACLED's "Democratic Republic of Congo" (case-blind)
finds a country. :func:`countries` loads the table once per process; it is never modified.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    iso_numeric: int | None
    name: str
    acled_region: str | None


@dataclass(frozen=True, slots=True)
class Countries:
    """A lookup table of countries; build it once with :meth:`load`."""

    by_key: Mapping[str, Country]

    @classmethod
    def load(cls) -> Countries:
        text = resources.files("sahelwatch").joinpath("data", "countries.json").read_text("utf-8")
        data = json.loads(text)
        keys: dict[str, Country] = {}
        for iso2, entry in data["countries"].items():
            numeric = entry["iso_numeric"] or None  # Kosovo has no numeric code (0 in GeoNames)
            country = Country(iso2, entry["iso3"], numeric, entry["name"], entry["acled_region"])
            for key in (iso2, entry["iso3"], entry["name"]):
                keys[key.casefold()] = country
        for alias, iso2 in data["aliases"].items():
            keys[alias.casefold()] = keys[iso2.casefold()]
        return cls(keys)

    def find(self, value: str | None) -> Country | None:
        """The country named by an ISO code or an English name, if any."""
        return self.by_key.get(value.strip().casefold()) if value else None


@functools.cache
def countries() -> Countries:
    """The shared, read-only country table."""
    return Countries.load()
